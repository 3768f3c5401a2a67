// Loading a whole stack before anything runs: discover modules, evaluate the configuration of every module in
// the queue (phase one: without dependency outputs), resolve and validate every role, build the graph and refuse
// cycles. Any error in the queue stops the run here, so bad input never half-applies a stack; a module outside
// the queue (left out by the selection flags and needed by nobody) is only discovered, never evaluated.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { defaultSessionName, resolveRole, type RoleSpec } from '../auth/role.js';
import { CONFIG_FILES, ConfigLoader } from '../config/loader.js';
import type { ModuleConfig } from '../config/types.js';
import { discoverModules } from '../discovery/discover.js';
import { queueRoots } from '../discovery/select.js';
import { DependencyCycleError, Graph } from '../graph/dag.js';
import { ConfigError, ConfigErrors } from '../errors.js';
import type { RunOptions } from './options.js';
import { workingDirOf } from '../terraform/workdir.js';
import type { OverrideContext } from '../source/overrides.js';

export interface Stack {
  loader: ConfigLoader;
  /** Modules in the run, by absolute directory. */
  modules: Map<string, ModuleConfig>;
  /** Dependencies outside the working directory: loaded (for outputs and roles) but not run. */
  external: Map<string, ModuleConfig>;
  /** Discovered modules the selection flags left out by their path (--terragrunt-exclude-dir, …): never evaluated. */
  unselected: { dir: string; reason: string }[];
  /**
   * Units whose configuration did not load, with the error: only when loaded with `keepGoing` (find, list,
   * dag graph carry on past them, as Terragrunt's discovery with WithSuppressParseErrors does); else empty.
   */
  broken: Map<string, { error: Error; external: boolean }>;
  roles: Map<string, RoleSpec | undefined>;
  graph: Graph;
  /** Module id (path relative to the working dir) ↔ directory. */
  id(dir: string): string;
}

export function createLoader(opts: RunOptions, onLog?: (level: 'info' | 'debug' | 'warn', msg: string) => void): ConfigLoader {
  return new ConfigLoader({
    workingDir: opts.workingDir,
    env: opts.env,
    terraformCommand: opts.command,
    terraformArgs: opts.args,
    features: opts.features,
    onLog,
    terraformWorkingDir: (cfg) => workingDirOf(cfg, overrideContext(opts)).workDir,
    sourceCliFlag: opts.sources?.source,
    configName: opts.configFile ? path.basename(opts.configFile) : undefined,
    deferSops: true,
  });
}

/** How the source flags apply in this run. */
export function overrideContext(opts: RunOptions): OverrideContext {
  return { sources: opts.sources, all: opts.all, base: opts.workingDir, primary: opts.all ? undefined : moduleDirOf(opts) };
}

/** The one module of a single-module run: the --config file's folder, else the working dir. */
export function moduleDirOf(opts: RunOptions): string {
  return opts.configFile ? path.dirname(opts.configFile) : opts.workingDir;
}

/** Config file names that make a folder a module. */
function configNames(opts: RunOptions): string[] {
  return opts.configFile ? [...new Set([...CONFIG_FILES, path.basename(opts.configFile)])] : CONFIG_FILES;
}

/**
 * Load the modules in `dirs` (by default the run-all queue's start: the discovered modules the selection flags
 * leave in) and, transitively, the modules they depend on. Errors from every loaded module are collected and
 * thrown together; with `keepGoing`, a unit whose configuration fails is kept in `broken` instead (no
 * dependencies known) and a dependency on a missing folder is left as declared.
 */
export function loadStack(opts: RunOptions, loader: ConfigLoader, dirs?: string[], keepGoing = false): Stack {
  const names = configNames(opts);
  const found = dirs ?? discoverModules(opts.workingDir, opts.env, names);
  if (found.length === 0) {
    throw new ConfigError(opts.workingDir, `no ${shownNames(names)} found in ${opts.workingDir} or below: nothing to run`);
  }
  const { roots, unselected } = dirs ? { roots: dirs, unselected: [] } : queueRoots(found, {
    workingDir: opts.workingDir, includeDirs: opts.includeDirs ?? [], excludeDirs: opts.excludeDirs ?? [], changed: opts.changedSince !== undefined || (opts.includeUnitsReading?.length ?? 0) > 0,
    includeFlag: opts.includeDirsFrom, excludeFlag: opts.excludeDirsFrom, filters: opts.all ? opts.filters : undefined,
  });
  const session = defaultSessionName();
  // Discovered modules (also those reached only as a dependency) are the run's; the rest are external.
  const inRun = new Set(found);
  const modules = new Map<string, ModuleConfig>();
  const external = new Map<string, ModuleConfig>();
  const roles = new Map<string, RoleSpec | undefined>();
  const errors: Error[] = [];
  const broken: Stack['broken'] = new Map();
  // Asked for every dependency edge: answered once per directory in this load.
  const checked = new Map<string, string | undefined>();
  const missingModule = (dir: string) => {
    if (!checked.has(dir)) checked.set(dir, checkModule(dir, names));
    return checked.get(dir);
  };
  const todo = [...roots];
  const seen = new Set<string>();
  while (todo.length > 0) {
    const dir = todo.shift()!;
    if (seen.has(dir)) continue;
    seen.add(dir);
    let cfg: ModuleConfig;
    try {
      cfg = loader.loadModule(dir);
      roles.set(dir, resolveRole(opts.role, cfg.iam, cfg.configPath, loader.display, session));
    } catch (e) {
      if (keepGoing) broken.set(dir, { error: e as Error, external: !inRun.has(dir) });
      else errors.push(e as Error);
      continue;
    }
    (inRun.has(dir) ? modules : external).set(dir, cfg);
    for (const p of runsAfter(cfg)) if (!seen.has(p) && !missingModule(p)) todo.push(p);
    if (keepGoing) continue;
    for (const dep of [...cfg.dependencies, ...(cfg.readDependencies ?? []).map((r) => r.dependency)]) {
      // A generated stack's folder: the module runs after its units (in dependencyPaths, checked below).
      const problem = dep.stackUnits ? undefined : missingModule(dep.configPath);
      if (problem) {
        errors.push(new ConfigError(loader.display(dep.file), `${loader.display(dep.configPath)} ${problem}`, `dependency.${dep.name}.config_path`, dep.line));
      }
    }
    for (const p of cfg.dependencyPaths) {
      if (cfg.dependencies.some((d) => d.configPath === p)) continue;
      const problem = missingModule(p);
      const stackDep = problem && cfg.dependencies.find((d) => d.stackUnits?.some((u) => u.dir === p));
      if (stackDep) {
        errors.push(new ConfigError(loader.display(stackDep.file), `${loader.display(p)}, a unit of the stack ${loader.display(stackDep.configPath)}, ${problem} (generate the stack first)`,
          `dependency.${stackDep.name}.config_path`, stackDep.line));
      } else if (problem) errors.push(new ConfigError(loader.display(cfg.configPath), `${loader.display(p)} ${problem}`, 'dependencies.paths'));
    }
  }
  // An error in a shared file (root.hcl) is found once per module that includes it: report it once.
  const unique = [...new Map(errors.map((e) => [e.message, e])).values()];
  if (unique.length > 0) throw unique.length === 1 ? unique[0]! : new ConfigErrors(unique);

  const id = moduleIdFor(opts.workingDir);
  const graph = new Graph([...[...modules.values(), ...external.values()].map((m) => ({ id: m.dir, dependsOn: runsAfter(m) })),
    ...[...broken.keys()].map((dir) => ({ id: dir, dependsOn: [] }))]);
  try {
    graph.assertAcyclic();
  } catch (e) {
    if (e instanceof DependencyCycleError) throw new DependencyCycleError(e.cycle.map(id));
    throw e;
  }
  const loaded = new Set([...modules.keys()]);
  return { loader, modules, external, unselected: unselected.filter((u) => !loaded.has(u.dir)), broken, roles, graph, id };
}

/** The modules a module runs after: its dependencies, and those of the files it reads whose outputs it may show. */
function runsAfter(cfg: ModuleConfig): string[] {
  if (!cfg.readDependencies) return cfg.dependencyPaths;
  return [...new Set([...cfg.dependencyPaths, ...cfg.readDependencies.map((r) => r.dependency.configPath)])];
}

/** A module's id: its path relative to the working dir ('.' for the working dir itself), else its absolute path. */
export function moduleIdFor(workingDir: string): (dir: string) => string {
  const root = path.resolve(workingDir);
  return (dir) => {
    const rel = path.relative(root, dir);
    return rel === '' ? '.' : rel.startsWith('..') ? dir : rel.split(path.sep).join('/');
  };
}

/** Why `dir` is not a module, or undefined when it is one. */
function checkModule(dir: string, names: string[]): string | undefined {
  if (!existsSync(dir)) return 'does not exist';
  if (!names.some((n) => existsSync(path.join(dir, n)))) return `has no ${shownNames(names)}`;
  return undefined;
}

/** Config file names for messages: terragrunt.hcl first, the alternatives after it. */
function shownNames(names: string[]): string {
  return [...names].sort((a, b) => Number(b === 'terragrunt.hcl') - Number(a === 'terragrunt.hcl')).join(' or ');
}
