// Which modules a git change touches (--queue-include-units-changed-since REF): a module is changed when a
// file changed between REF and the work tree (committed or not, untracked files included) is in its directory
// (and not in a nested module's), is a file its configuration read (includes, read_terragrunt_config, file(),
// templatefile(), read_tfvars_file(), mark_as_read()), or lies in its local terraform.source.

import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { ModuleConfig } from '../config/types.js';
import { CONFIG_FILES } from '../config/loader.js';
import { detectSource } from '../source/detect.js';
import { UsageError } from '../errors.js';

export interface GitChanges {
  /** Absolute (real) path of the repository's top level. */
  repoRoot: string;
  /** Absolute paths of every file added, modified or deleted since the ref (renames count as both paths). */
  files: string[];
}

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 << 20 });
}

/** The top level of the git work tree holding `dir`, or a usage error naming `what` needs it. */
export function gitRoot(dir: string, what: string): string {
  try {
    return realpathSync(git(['rev-parse', '--show-toplevel'], dir).trim());
  } catch (e) {
    const err = e as { code?: string; stderr?: string };
    if (err.code === 'ENOENT') throw new UsageError(`${what} needs git on PATH.`);
    throw new UsageError(`${what}: ${dir} is not inside a git repository.`);
  }
}

/** Files changed between `ref` and the work tree of the repository holding `dir`. */
export function gitChanges(dir: string, ref: string, flag = '--queue-include-units-changed-since'): GitChanges {
  const repoRoot = gitRoot(dir, flag);
  commitOf(repoRoot, ref, flag);
  const split = (out: string) => out.split('\0').filter(Boolean);
  // `git diff REF` compares REF's tree with the work tree: commits since REF and uncommitted edits alike.
  const diffed = split(git(['-c', 'core.quotepath=off', 'diff', '--name-only', '--no-renames', '-z', ref, '--'], repoRoot));
  const untracked = split(git(['ls-files', '--others', '--exclude-standard', '-z'], repoRoot));
  const files = [...new Set([...diffed, ...untracked])].map((f) => path.join(repoRoot, f)).sort();
  return { repoRoot, files };
}

/** The commit a revision names in the repository at `repoRoot`, or a usage error naming `what`. */
export function commitOf(repoRoot: string, ref: string, what: string): string {
  if (ref.startsWith('-')) throw new UsageError(`${what}: "${ref}" is not a git revision.`);
  try {
    return git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], repoRoot).trim();
  } catch {
    throw new UsageError(`${what}: "${ref}" is not a commit in ${repoRoot} (no branch, tag or commit of that name).`);
  }
}

/**
 * Files that differ between the trees of two commits (a git filter `[from...to]`: what was committed, not the
 * work tree's edits) in the repository at `repoRoot`; `to` is a commit the caller has already resolved.
 */
export function gitChangesBetween(repoRoot: string, from: string, to: string, what: string): GitChanges {
  const files = git(['-c', 'core.quotepath=off', 'diff', '--name-only', '--no-renames', '-z', commitOf(repoRoot, from, what), to, '--'], repoRoot)
    .split('\0').filter(Boolean).map((f) => path.join(repoRoot, f)).sort();
  return { repoRoot, files };
}

/**
 * The repository's default branch as Terragrunt finds it for --filter-affected: origin/HEAD when the clone
 * knows it, else init.defaultBranch, else main. (Terragrunt also asks the remote; tgo does not go online.)
 */
export function defaultBranch(dir: string): string {
  const ask = (args: string[]) => {
    try {
      return git(args, dir).trim();
    } catch {
      return '';
    }
  };
  const remote = ask(['rev-parse', '--abbrev-ref', 'origin/HEAD']);
  if (remote.startsWith('origin/') && remote !== 'origin/HEAD') return remote.slice('origin/'.length);
  return ask(['config', 'init.defaultBranch']) || 'main';
}

/** Whether the work tree holding `dir` has uncommitted changes (tracked files only). */
export function hasUncommittedChanges(dir: string): boolean {
  try {
    return git(['status', '--porcelain', '--untracked-files=no'], dir).trim() !== '';
  } catch {
    return false;
  }
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p); // deleted since: compare as written
  }
}

const within = (file: string, dir: string) => file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

export interface ChangedModules {
  /** Changed modules (absolute dirs) and, for each, the first changed file that made it so. */
  changed: Map<string, string>;
  /** Module directories whose terragrunt.hcl was deleted since the ref (they cannot run from this tree). */
  removed: string[];
}

/** The modules among `modules` that `changes` touch. */
export function changedModules(modules: Map<string, ModuleConfig>, changes: GitChanges): ChangedModules {
  const dirs = [...modules.keys()].map((d) => ({ dir: d, real: real(d) }));
  // Deepest first: a file belongs to the innermost module directory holding it.
  const byDepth = [...dirs].sort((a, b) => b.real.length - a.real.length);
  const owner = (file: string) => byDepth.find((d) => within(file, d.real))?.dir;
  const reads = new Map<string, Set<string>>();
  const sources = new Map<string, string>();
  for (const { dir } of dirs) {
    const cfg = modules.get(dir)!;
    reads.set(dir, new Set((cfg.filesRead ?? []).map(real)));
    const local = localSource(cfg.terraform.source, dir);
    if (local) sources.set(dir, real(local));
  }
  const changed = new Map<string, string>();
  const removed: string[] = [];
  for (const file of changes.files) {
    const f = real(file);
    const own = owner(f);
    if (own && !changed.has(own)) changed.set(own, file);
    for (const { dir } of dirs) {
      if (changed.has(dir)) continue;
      const src = sources.get(dir);
      if (reads.get(dir)!.has(f) || (src && within(f, src))) changed.set(dir, file);
    }
    if (CONFIG_FILES.includes(path.basename(file)) && !existsSync(file)) removed.push(path.dirname(file));
  }
  return { changed, removed };
}

/** The directory of a local terraform.source (the whole root before `//`: modules there refer to each other). */
function localSource(source: string | undefined, dir: string): string | undefined {
  if (!source) return undefined;
  try {
    const spec = detectSource(source, dir);
    return spec.kind === 'local' ? spec.dir : undefined;
  } catch {
    return undefined; // a malformed source is reported when the module runs
  }
}

/** `ids` plus everything that depends on them, transitively (`dependents(id)` lists direct dependents). */
export function withDependents(ids: Iterable<string>, dependents: (id: string) => string[]): Set<string> {
  const out = new Set(ids);
  const todo = [...out];
  while (todo.length > 0) {
    for (const d of dependents(todo.pop()!)) {
      if (!out.has(d)) {
        out.add(d);
        todo.push(d);
      }
    }
  }
  return out;
}
