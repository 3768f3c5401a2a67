// Git filter expressions (`[main...HEAD]`, `[HEAD~1]`, --filter-affected): which loaded units changed between
// two commits. Terragrunt checks both references out into temporary worktrees and runs each unit in the one it
// was found in (a removed unit from the older one, as a destroy). tgo runs the units of the working tree only,
// so the newer reference must be the checked-out commit, and removed units are reported, never destroyed.

import { changedModules, commitOf, gitChangesBetween, gitRoot } from '../discovery/changed.js';
import { gitExpressions, show, type GitExpr } from '../discovery/filter/index.js';
import { UsageError } from '../errors.js';
import type { RunOptions } from './options.js';
import type { Stack } from './stack.js';

/**
 * The evaluator's answer to each git expression of the run's filters (undefined when there is none): the
 * dirs of the changed units. Units removed between the references go to `warnings` (or, with
 * --filter-allow-destroy, stop the run: tgo cannot destroy what is no longer in the tree).
 */
export function gitFilterChanges(opts: RunOptions, stack: Stack, warnings: string[]): ((e: GitExpr) => Set<string>) | undefined {
  const exprs = gitExpressions(opts.filters ?? []);
  if (exprs.length === 0) return undefined;
  const label = `--filter '${show(exprs[0]!)}'`;
  // Terragrunt's rule: a git filter plans or applies what changed (and destroys what was removed), or lists it.
  const destroying = opts.args.includes('-destroy') || opts.args.includes('--destroy');
  if (opts.command !== '' && (!['plan', 'apply'].includes(opts.command) || destroying)) {
    throw new UsageError(`Git-based filtering is not supported with the command '${[opts.command, ...opts.args].join(' ').trim()}'. `
      + "Git-based filtering can only be used with 'plan', 'apply', or discovery commands (like 'find' or 'list') that don't require additional arguments.");
  }
  const cache = new Map<string, Set<string>>();
  return (e) => {
    const key = show(e);
    const known = cache.get(key);
    if (known) return known;
    const what = `--filter '${key}'`;
    const repoRoot = gitRoot(opts.workingDir, what);
    const head = commitOf(repoRoot, 'HEAD', what);
    const to = commitOf(repoRoot, e.to, what);
    if (to !== head) {
      throw new UsageError(`${what}: tgo runs the units of the working tree, so the second reference must be the checked-out commit `
        + `(HEAD is ${head.slice(0, 12)}, ${e.to} is ${to.slice(0, 12)}); Terragrunt would run them from a temporary worktree of ${e.to}, which tgo does not do. Nothing was run.`);
    }
    const { changed, removed } = changedModules(new Map([...stack.modules, ...stack.external]), gitChangesBetween(repoRoot, e.from, to, what));
    for (const dir of removed) {
      const id = stack.id(dir);
      if (opts.filterAllowDestroy && opts.command !== '') {
        throw new UsageError(`${what} --filter-allow-destroy: ${id} was removed since ${e.from}; tgo runs units of the working tree only and cannot destroy it `
          + `(Terragrunt would from a worktree of ${e.from}). Destroy it from a checkout of ${e.from}. Nothing was run.`);
      }
      warnings.push(`The \`${id}\` unit was removed between ${e.from} and ${e.to}: tgo selects units of the working tree only, so nothing `
        + `${opts.command === '' ? 'lists' : 'runs'} it (destroy it from a checkout of ${e.from}).`);
    }
    const dirs = new Set(changed.keys());
    cache.set(key, dirs);
    return dirs;
  };
}
