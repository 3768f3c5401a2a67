// Which modules of a loaded stack a run-all (or a generated CI pipeline) runs, and in which groups: include and
// exclude dirs, skip/exclude blocks, external dependencies, the git change (--queue-include-units-changed-since)
// and the shard (--shard k/n).

import { changedModules, gitChanges, withDependents } from '../discovery/changed.js';
import { gitFilterChanges } from './git-filters.js';
import { selectModules, shardGroups } from '../discovery/select.js';
import { isDestroy } from '../terraform/args.js';
import { UsageError } from '../errors.js';
import type { RunOptions } from './options.js';
import type { Stack } from './stack.js';

/** Commands whose result depends on dependency outputs: a changed module brings its dependents. */
const DEPENDENTS_FOLLOW = new Set(['plan', 'apply']);

export interface RunSelection {
  /** Module dirs to run, sorted. */
  ids: string[];
  excluded: { dir: string; reason: string }[];
  /** Dependents first (destroy). */
  reverse: boolean;
  /** The selected modules by level, in run order. */
  groups: string[][];
  /** Things the user should know (e.g. modules deleted since the ref, which nothing runs). */
  warnings: string[];
}

export async function selectForRun(opts: RunOptions, stack: Stack, runExternal: (dep: string, dependent: string) => Promise<boolean>): Promise<RunSelection> {
  const reverse = isDestroy(opts.command, opts.args);
  const warnings: string[] = [];
  let changed: { dirs: Set<string>; reason: string } | undefined;
  if (opts.changedSince !== undefined) {
    if (reverse) {
      throw new UsageError('--queue-include-units-changed-since does not select modules to destroy: a change is no reason to destroy a module. Name them with --queue-include-dir.');
    }
    const { changed: touched, removed } = changedModules(stack.modules, gitChanges(opts.workingDir, opts.changedSince));
    for (const dir of removed) {
      warnings.push(`${stack.id(dir)} was removed since ${opts.changedSince}: nothing runs it (destroy it from a checkout of ${opts.changedSince}).`);
    }
    const dependents = (dir: string) => (stack.graph.dependents.get(dir) ?? []).filter((d) => stack.modules.has(d));
    const dirs = DEPENDENTS_FOLLOW.has(opts.command) ? withDependents(touched.keys(), dependents) : new Set(touched.keys());
    changed = { dirs, reason: `not changed since ${opts.changedSince}` };
  }
  warnings.push(...(opts.filterWarnings ?? []));
  const filters = opts.filters && { list: opts.filters, git: gitFilterChanges(opts, stack, warnings) };
  const selection = await selectModules({
    modules: stack.modules,
    external: stack.external,
    workingDir: opts.workingDir,
    command: opts.command,
    destroy: reverse,
    includeDirs: opts.includeDirs ?? [],
    excludeDirs: opts.excludeDirs ?? [],
    includeFlag: opts.includeDirsFrom,
    excludeFlag: opts.excludeDirsFrom,
    strictInclude: opts.strictInclude ?? false,
    reading: opts.includeUnitsReading?.length ? { globs: opts.includeUnitsReading, flag: opts.includeUnitsReadingFrom } : undefined,
    changed,
    filters,
    dependencies: (dir) => stack.graph.nodes.get(dir)?.dependsOn ?? [],
    runExternal,
  });
  let ids = selection.run;
  // Modules the selection flags left out by path were never loaded: they are excluded all the same.
  const excluded = [...selection.excluded, ...stack.unselected].sort((a, b) => a.dir.localeCompare(b.dir));
  const levels = () => {
    const chosen = new Set(ids);
    return stack.graph.groups(reverse).map((g) => g.filter((d) => chosen.has(d))).filter((g) => g.length > 0);
  };
  if (opts.shard) {
    const { index, count, level } = opts.shard;
    const keep = shardGroups(levels(), index, count, level);
    const why = `not in shard ${index}/${count}${level !== undefined ? ` of group ${level}` : ''}`;
    for (const d of ids) if (!keep.has(d)) excluded.push({ dir: d, reason: why });
    ids = ids.filter((d) => keep.has(d));
    excluded.sort((a, b) => a.dir.localeCompare(b.dir));
  }
  return { ids, excluded, reverse, groups: levels(), warnings };
}
