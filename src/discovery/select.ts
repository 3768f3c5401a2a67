// Which modules a run-all runs: --terragrunt-include-dir (plus dependencies unless --terragrunt-strict-include),
// --terragrunt-exclude-dir (never run, even as a dependency: dependents treat it as applied), `skip = true`,
// the `exclude` block, `prevent_destroy` under destroy, and dependencies outside the working dir.

import path from 'node:path';
import type { ExcludeConfig, ModuleConfig } from '../config/types.js';
import { allPathOnly, attributeExpr, isPureNegation, matchPath, negativeRejects, pathExpr, positiveUnion, readsMatching, type Component, type EvalContext, type Filter, type GitExpr } from './filter/index.js';

export interface SelectionInput {
  /** Modules under the working dir, by absolute dir. */
  modules: Map<string, ModuleConfig>;
  /** Dependencies outside the working dir, by absolute dir. */
  external: Map<string, ModuleConfig>;
  workingDir: string;
  command: string;
  destroy: boolean;
  includeDirs: string[];
  excludeDirs: string[];
  /** The flag or env var as the user gave it, echoed in reasons (default: the classic flag name). */
  includeFlag?: string;
  excludeFlag?: string;
  strictInclude: boolean;
  /**
   * Modules chosen by a git change (--queue-include-units-changed-since: the changed ones and, for plan/apply,
   * their dependents). Like include dirs, but never bringing their dependencies: those are already applied.
   */
  changed?: { dirs: Set<string>; reason: string };
  /**
   * --queue-include-units-reading: modules that read a file one of these globs matches are chosen too (like
   * include dirs, but never bringing their dependencies, as Terragrunt's reading= filter).
   */
  reading?: { globs: string[]; flag?: string };
  /**
   * --filter queries: the union of the positive ones joins the include dirs (never bringing dependencies but
   * through graph expressions, which may reach dependencies outside the working dir); pure negations exclude.
   */
  filters?: { list: Filter[]; git?: (e: GitExpr) => Set<string> };
  /** Decides each external dependency: run it or not. */
  runExternal(dir: string, dependent: string): Promise<boolean>;
  dependencies(dir: string): string[];
}

export interface Selection {
  run: string[];
  excluded: { dir: string; reason: string }[];
}

/**
 * Include and exclude globs (Terragrunt's path filters): a relative pattern is matched against the module dir
 * relative to the working dir ('.' for the working dir itself, `../x` for a dependency outside it), an absolute
 * one against the absolute dir; both after Go's path.Clean of the pattern.
 */
function dirMatcher(workingDir: string, includeDirs: string[], excludeDirs: string[]) {
  const rel = (dir: string) => {
    const r = path.relative(workingDir, dir).split(path.sep).join('/');
    return r === '' ? '.' : r;
  };
  const patterns = (globs: string[]) => globs.map((g) => {
    const e = pathExpr(g);
    return (dir: string) => matchPath(e, pathComponent(dir), workingDir);
  });
  const matches = (tests: ((dir: string) => boolean)[], dir: string) => tests.some((t) => t(dir));
  return { rel, matches, includes: patterns(includeDirs), excludes: patterns(excludeDirs) };
}

/** Whether a folder matches --terragrunt-exclude-dir (stack generation leaves stack files there alone). */
export function excludedByDir(workingDir: string, excludeDirs: string[]): (dir: string) => boolean {
  const { matches, excludes } = dirMatcher(workingDir, [], excludeDirs);
  return (dir) => matches(excludes, dir);
}

/**
 * Whether a module read a file one of `globs` matches (Terragrunt's reading= filter): each file the module's
 * configuration read (its own config file aside) is tried as an absolute path and relative to the working dir.
 */
function readingMatcher(workingDir: string, globs: string[]): (cfg: ModuleConfig) => boolean {
  const compiled = globs.map((g) => attributeExpr('reading', g).glob!);
  return (cfg) => {
    const c = moduleComponent(cfg, false);
    return compiled.some((g) => readsMatching(g, c, workingDir));
  };
}

/** Reasons name the flag or env var as the user gave it (default: the classic flag). */
const excludedBy = (flag = '--terragrunt-exclude-dir') => `excluded by ${flag}`;
const notMatchedBy = (flag = '--terragrunt-include-dir') => `not matched by ${flag}`;
const rejectedBy = (f: Filter) => `excluded by ${f.from} '${f.query}'`;
/** Where the positive filters came from, once each (`--filter`, `.terragrunt-filters`, …). */
const filterSources = (filters: Filter[]) =>
  `not matched by ${[...new Set(filters.filter((f) => !isPureNegation(f.expr)).map((f) => f.from.replace(/:\d+$/, '')))].join(' or ')}`;

/** Components for filter evaluation from paths alone: nothing read, nothing outside the working dir. */
function pathComponent(dir: string): Component {
  return { path: dir, kind: 'unit', external: false, reading: [], sources: [] };
}

/** A loaded module as a filter sees it. */
function moduleComponent(cfg: ModuleConfig, external: boolean): Component {
  return {
    path: cfg.dir,
    kind: 'unit',
    external,
    reading: (cfg.filesRead ?? []).filter((f) => f !== cfg.configPath),
    sources: cfg.terraform.source ? [cfg.terraform.source] : [],
  };
}

/** The filters' view of a loaded stack: components by dir, and the dependency graph both ways. */
function filterContext(input: SelectionInput): { component(dir: string): Component | undefined; ctx: EvalContext } {
  const cache = new Map<string, Component>();
  const component = (dir: string) => {
    let c = cache.get(dir);
    const cfg = input.modules.get(dir) ?? input.external.get(dir);
    if (!c && cfg) cache.set(dir, (c = moduleComponent(cfg, !input.modules.has(dir))));
    return c;
  };
  const dependents = new Map<string, string[]>();
  for (const dir of [...input.modules.keys(), ...input.external.keys()]) {
    for (const dep of input.dependencies(dir)) dependents.set(dep, [...(dependents.get(dep) ?? []), dir]);
  }
  const known = (dirs: string[]) => dirs.map(component).filter((c): c is Component => c !== undefined);
  return {
    component,
    ctx: {
      workingDir: input.workingDir,
      dependencies: (c) => known(input.dependencies(c.path)),
      dependents: (c) => known(dependents.get(c.path) ?? []),
      git: input.filters?.git,
    },
  };
}

export interface QueueRoots {
  /** The modules to evaluate first; loading follows their dependencies. */
  roots: string[];
  /** Discovered modules left out by their path alone: never evaluated unless a queued module depends on one. */
  unselected: { dir: string; reason: string }[];
}

/**
 * The start of a run-all's queue, decided from paths alone before any configuration is read: every discovered
 * module but those --terragrunt-exclude-dir names and, with --terragrunt-include-dir, those it does not match
 * (what they depend on is reached by loading). A module outside the queue is never evaluated, so a broken one
 * cannot stop the run. A git change (`changed`) needs every module's configuration (the files it reads), so
 * then only excluded dirs are left out.
 */
export function queueRoots(dirs: string[],
  input: Pick<SelectionInput, 'workingDir' | 'includeDirs' | 'excludeDirs' | 'includeFlag' | 'excludeFlag'> & { changed: boolean; filters?: Filter[] }): QueueRoots {
  const { matches, includes, excludes } = dirMatcher(input.workingDir, input.includeDirs, input.excludeDirs);
  // Filters on paths, names and types decide here; any other filter needs every module's configuration.
  const filters = input.filters ?? [];
  const byPath = filters.length > 0 && allPathOnly(filters);
  const loadAll = input.changed || (filters.length > 0 && !byPath);
  const ctx: EvalContext = { workingDir: input.workingDir };
  const components = byPath ? dirs.map(pathComponent) : [];
  const union = byPath ? positiveUnion(filters, components, ctx) : undefined;
  const rejected = byPath ? negativeRejects(filters, components, ctx) : new Map<string, Filter>();
  const positives = includes.length > 0 || union !== undefined;
  const why = [includes.length > 0 ? notMatchedBy(input.includeFlag) : '', union ? filterSources(filters) : ''].filter(Boolean).join(' and ');
  const roots: string[] = [];
  const unselected: QueueRoots['unselected'] = [];
  for (const d of dirs) {
    const rejectedByFilter = rejected.get(d);
    if (matches(excludes, d)) unselected.push({ dir: d, reason: excludedBy(input.excludeFlag) });
    else if (rejectedByFilter) unselected.push({ dir: d, reason: rejectedBy(rejectedByFilter) });
    else if (positives && !loadAll && !matches(includes, d) && !union?.has(d)) unselected.push({ dir: d, reason: why });
    else roots.push(d);
  }
  return { roots, unselected };
}

export async function selectModules(input: SelectionInput): Promise<Selection> {
  const { rel, matches, includes, excludes } = dirMatcher(input.workingDir, input.includeDirs, input.excludeDirs);

  const excluded = new Map<string, string>();
  const all = [...input.modules.keys()];
  let chosen = new Set(all);
  const reads = input.reading ? readingMatcher(input.workingDir, input.reading.globs) : undefined;
  const filtering = input.filters ? filterContext(input) : undefined;
  const filterUnion = filtering && positiveUnion(input.filters!.list, all.map((d) => filtering.component(d)!), filtering.ctx);
  if (includes.length > 0 || input.changed || reads || filterUnion) {
    chosen = new Set(all.filter((d) => matches(includes, d)));
    if (!input.strictInclude) {
      // Included modules bring what they depend on, transitively.
      const todo = [...chosen];
      while (todo.length > 0) {
        for (const dep of input.dependencies(todo.pop()!)) {
          if (input.modules.has(dep) && !chosen.has(dep)) {
            chosen.add(dep);
            todo.push(dep);
          }
        }
      }
    }
    for (const d of input.changed?.dirs ?? []) if (input.modules.has(d)) chosen.add(d);
    if (reads) for (const d of all) if (reads(input.modules.get(d)!)) chosen.add(d);
    // A graph expression may bring dependencies from outside the working dir: they run too.
    for (const d of filterUnion?.keys() ?? []) chosen.add(d);
    const why = [includes.length > 0 ? notMatchedBy(input.includeFlag) : '', input.changed?.reason ?? '',
      reads ? `reads no file matched by ${input.reading!.flag ?? '--queue-include-units-reading'}` : '',
      filterUnion ? filterSources(input.filters!.list) : ''].filter(Boolean).join(' and ');
    for (const d of all) if (!chosen.has(d)) excluded.set(d, why);
  }

  const exclude = (dir: string, reason: string) => {
    if (chosen.delete(dir) || !excluded.has(dir)) excluded.set(dir, reason);
  };
  if (filtering) {
    // Pure negations apply last, to what was chosen and to the dependencies outside that could be asked for.
    const candidates = [...new Set([...chosen, ...input.external.keys()])].map((d) => filtering.component(d)!);
    for (const [d, f] of negativeRejects(input.filters!.list, candidates, filtering.ctx)) exclude(d, rejectedBy(f));
  }
  for (const d of [...chosen]) {
    const cfg = (input.modules.get(d) ?? input.external.get(d))!;
    if (matches(excludes, d)) exclude(d, excludedBy(input.excludeFlag));
    else if (cfg.skip) exclude(d, 'skip = true');
    else if (input.destroy && cfg.preventDestroy) {
      exclude(d, 'prevent_destroy = true');
      // What a protected module depends on stays too (Terragrunt's applyPreventDestroyExclusions).
      const todo = [...input.dependencies(d)];
      while (todo.length > 0) {
        const dep = todo.pop()!;
        if (chosen.has(dep)) {
          exclude(dep, `dependency of ${rel(d)} (prevent_destroy)`);
          todo.push(...input.dependencies(dep));
        }
      }
    }
    else if (cfg.exclude && cfg.exclude.if && actionMatches(cfg.exclude.actions, input.command)) {
      exclude(d, 'exclude block');
      if (cfg.exclude.excludeDependencies) {
        const todo = [...input.dependencies(d)];
        while (todo.length > 0) {
          const dep = todo.pop()!;
          if (chosen.has(dep)) {
            exclude(dep, `exclude block of ${rel(d)} (exclude_dependencies)`);
            todo.push(...input.dependencies(dep));
          }
        }
      }
    }
  }

  // Dependencies outside the working dir: run only when the user says so (never for destroy).
  const todo = [...chosen].sort();
  while (todo.length > 0) {
    const dir = todo.shift()!;
    for (const dep of input.dependencies(dir)) {
      if (!input.external.has(dep) || chosen.has(dep) || excluded.has(dep)) continue;
      if (!input.destroy && !matches(excludes, dep) && (await input.runExternal(dep, dir))) {
        chosen.add(dep);
        todo.push(dep);
      } else excluded.set(dep, 'external dependency (outside the working directory)');
    }
  }
  return {
    run: [...chosen].sort(),
    excluded: [...excluded].map(([dir, reason]) => ({ dir, reason })).sort((a, b) => a.dir.localeCompare(b.dir)),
  };
}

/** Terragrunt's exclude actions (IsActionListedInExclude): command names (any case), "all", "all_except_output". */
function actionMatches(actions: string[], command: string): boolean {
  const c = command.toLowerCase();
  return actions.some((a) => a.toLowerCase() === c || a === 'all' || (a === 'all_except_output' && c !== 'output'));
}

/**
 * A single-module run (not run-all) stops early, successfully, when the module's exclude block applies to the
 * command and sets no_run = true (Terragrunt's ShouldPreventRun; an unset no_run counts as false there).
 */
export function excludePreventsRun(exclude: ExcludeConfig | undefined, command: string): boolean {
  return !!exclude && exclude.if && exclude.noRun && actionMatches(exclude.actions, command);
}

/**
 * --shard k/n: the k-th (1-based) of n parts of each group (dependency level), balanced by count (round-robin
 * over the sorted paths, so parts differ by at most one module); with `level` (1-based), only that group's part.
 * Every module keeps its dependencies in earlier groups, so a CI matrix can run group after group.
 */
export function shardGroups(groups: string[][], index: number, count: number, level?: number): Set<string> {
  const out = new Set<string>();
  groups.forEach((group, g) => {
    if (level !== undefined && g + 1 !== level) return;
    [...group].sort().forEach((id, i) => {
      if (i % count === index - 1) out.add(id);
    });
  });
  return out;
}
