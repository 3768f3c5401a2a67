// A whole tgo run: load and validate the stack, show the order, ask once, schedule the modules, report.
// Used by `tgo <command>` (one module) and `tgo run-all <command>` (every module under the working dir).

import { isDestroy, TERRAFORM_COMMANDS } from '../terraform/args.js';
import { CancelledError, ConfigError, ConfigErrors, UsageError } from '../errors.js';
import { satisfies } from '../shared/version-constraint.js';
import { TERRAGRUNT_VERSION } from '../shared/terragrunt-version.js';
import type { ModuleResult } from './events.js';
import { ModuleRunner } from './module-runner.js';
import { generateForRun } from '../stack/generate.js';
import type { RunOptions } from './options.js';
import { schedule, type Finished } from './scheduler.js';
import { RunSession, type SessionDeps } from './session.js';
import type { Stack } from './stack.js';
import { suggest } from '../config/decode.js';
import { selectForRun } from './selection.js';
import { excludePreventsRun } from '../discovery/select.js';

/** Commands that make no sense in many modules at once (Terragrunt refuses them too). */
const REFUSED_UNDER_RUN_ALL: Record<string, string> = {
  import: 'it imports one resource into one state',
  taint: 'it marks one resource in one state',
  untaint: 'it unmarks one resource in one state',
  console: 'it is interactive',
  'force-unlock': 'a lock ID belongs to one state',
};

export interface Signals {
  /** Aborted on the first SIGINT/SIGTERM: forward it, start nothing new. */
  interrupt: AbortSignal;
  /** Aborted on the second: kill what still runs. */
  kill: AbortSignal;
}

export interface RunResult {
  exitCode: number;
  results: Map<string, Finished>;
  stack?: Stack;
}

export interface RunDeps extends SessionDeps {
  signals: Signals;
}

export function validateCommand(opts: RunOptions): void {
  if (opts.exec) {
    if (opts.exec.argv.length === 0) throw new UsageError('Missing the program to run (example: tgo exec -- aws sts get-caller-identity).');
    return;
  }
  if (!opts.command) {
    throw new UsageError(opts.all ? 'Missing run-all command argument (example: tgo run-all plan).' : 'Missing terraform command (example: tgo plan).');
  }
  if (!TERRAFORM_COMMANDS.has(opts.command)) {
    throw new UsageError(`Unknown terraform command "${opts.command}".${suggest(opts.command, [...TERRAFORM_COMMANDS])}`);
  }
  if (!opts.all && (opts.changedSince !== undefined || opts.shard)) {
    throw new UsageError(`${opts.shard ? '--shard' : '--queue-include-units-changed-since'} selects modules of a stack: use it with run --all.`);
  }
  if (opts.all && REFUSED_UNDER_RUN_ALL[opts.command]) {
    throw new UsageError(`${opts.command} with run-all is disabled: ${REFUSED_UNDER_RUN_ALL[opts.command]}. Run it in the one module instead.`);
  }
}

/** Terragrunt asks before apply, destroy and state only (plan -destroy changes nothing, so it does not ask). */
export function confirmationQuestion(command: string, args: string[]): string | undefined {
  if (command === 'destroy' || (command === 'apply' && isDestroy(command, args))) {
    return `WARNING: Are you sure you want to run 'tgo ${command}' in each folder of the stack described above? There is no undo!`;
  }
  if (command === 'apply') return `Are you sure you want to run 'tgo apply' in each folder of the stack described above?`;
  if (command === 'state') {
    return `Are you sure you want to manipulate the state with 'tgo state' in each folder of the stack described above? Note that absolute paths are shared, while relative paths will be relative to each working directory.`;
  }
  return undefined;
}

export async function run(opts: RunOptions, deps: RunDeps): Promise<RunResult> {
  validateCommand(opts);
  const session = new RunSession(opts, deps);
  try {
    return await runIn(session, deps.signals);
  } finally {
    await session.close();
  }
}

async function runIn(session: RunSession, signals: Signals): Promise<RunResult> {
  const { opts } = session;
  // Credentials before the stack: get_aws_* in HCL may need the base identity while it loads.
  // As Terragrunt's run --all: every terragrunt.stack.hcl below is generated first (its units are modules then).
  if (opts.all) await generateForRun(opts, { loader: session.loader, fetcher: session.fetcher, log: (level, message) => session.emit({ type: 'log', level, message }) });
  const stack = await session.loadStack();
  checkTerragruntVersion(stack);
  const reverse = isDestroy(opts.command, opts.args);
  let ids = [...stack.modules.keys()];
  const excluded: { dir: string; reason: string }[] = [];

  if (opts.all) {
    const selection = await selectForRun(opts, stack, (dep, dependent) => decideExternal(session, stack.id(dep), stack.id(dependent)));
    ids = selection.ids;
    excluded.push(...selection.excluded);
    for (const message of selection.warnings) session.emit({ type: 'log', level: 'warn', message });
    const dependencies: Record<string, string[]> = {};
    for (const dir of ids) dependencies[stack.id(dir)] = stack.graph.nodes.get(dir)!.dependsOn.map(stack.id);
    const groups = selection.groups.map((g) => g.map(stack.id));
    session.emit({ type: 'plan', command: opts.command, reverse, groups, dependencies, excluded: excluded.map((x) => ({ module: stack.id(x.dir), reason: x.reason })) });
    if (ids.length === 0) throw new CancelledError('Nothing to run: every module was excluded.', 0);
    const question = confirmationQuestion(opts.command, opts.args);
    if (question && !opts.nonInteractive && !(await session.ask({ type: 'confirm', message: question }))) {
      throw new CancelledError('Nothing was run: the run was not confirmed.');
    }
    const now = Date.now();
    for (const x of excluded) session.emit({ type: 'module-finished', module: stack.id(x.dir), result: 'excluded', at: now, reason: x.reason });
  }

  if (!opts.all) {
    if (opts.outDir || opts.jsonOutDir) {
      session.emit({ type: 'log', level: 'warn', message: `${opts.outDir ? '--out-dir' : '--json-out-dir'} only applies to run --all (as in Terragrunt): ignored for one module` });
    }
    const cfg = stack.modules.get(opts.workingDir);
    if (cfg?.skip) {
      // Classic Terragrunt's skip (inherited from includes): the module is left alone, successfully.
      session.emit({ type: 'log', level: 'info', message: `Skipping terragrunt module ${cfg.configPath} due to skip = true.` });
      return { exitCode: 0, results: new Map(), stack };
    }
    if (cfg && excludePreventsRun(cfg.exclude, opts.command)) {
      session.emit({ type: 'log', level: 'info', message: `Early exit in tgo unit ${stack.id(cfg.dir)} due to exclude block with no_run = true` });
      return { exitCode: 0, results: new Map(), stack };
    }
  }

  // MFA sessions (one prompt or code per device) and the credential server, before any module starts.
  await session.prepare();
  const runner = new ModuleRunner({ session, interrupt: signals.interrupt, kill: signals.kill });
  await runner.prepareSources(ids);
  const chains = stack.graph.chainLengths(reverse);
  const results = await schedule(
    ids,
    (dir) => stack.graph.waitsFor(dir, reverse),
    (dir) => runner.run(dir),
    {
      parallelism: opts.parallelism,
      failFast: opts.failFast,
      ignoreDependencyErrors: opts.ignoreDependencyErrors,
      ignoreDependencyOrder: opts.ignoreDependencyOrder,
      signal: signals.interrupt,
      priority: (dir) => chains.get(dir) ?? 0,
      onStart: (dir, at) => session.emit({ type: 'module-started', module: stack.id(dir), at }),
      onFinish: (dir, f) => session.emit({
        type: 'module-finished', module: stack.id(dir), result: f.result, at: f.endedAt, startedAt: f.startedAt,
        exitCode: f.exitCode,
        reason: f.reason ?? (f.cause ? `dependency ${stack.id(f.cause)} did not succeed` : undefined),
        cause: f.cause ? stack.id(f.cause) : undefined,
        stderrTail: f.stderrTail,
        recovered: f.recovered,
      }),
    },
  );
  return { exitCode: exitCodeFor([...results.values()], opts, signals.interrupt.aborted), results, stack };
}

/**
 * terragrunt_version_constraint against the Terragrunt version tgo implements (Terragrunt's
 * CheckTerragruntVersionMeetsConstraint), for every loaded module before anything runs.
 */
function checkTerragruntVersion(stack: Stack): void {
  const errors = [...stack.modules.values()]
    .filter((m) => m.terragruntVersionConstraint !== undefined && !satisfies(TERRAGRUNT_VERSION, m.terragruntVersionConstraint))
    .map((m) => new ConfigError(stack.loader.display(m.configPath),
      `The currently installed version of Terragrunt (${TERRAGRUNT_VERSION}) is not compatible with the version constraint requiring (${m.terragruntVersionConstraint}).`,
      'terragrunt_version_constraint'));
  if (errors.length > 0) throw errors.length === 1 ? errors[0]! : new ConfigErrors(errors);
}

/** Terragrunt's classic question for a dependency outside the working dir; no one to ask means no. */
async function decideExternal(session: RunSession, dep: string, dependent: string): Promise<boolean> {
  const { opts } = session;
  if (opts.externalDependencies === 'include') return true;
  if (opts.externalDependencies === 'ignore' || opts.nonInteractive) return false;
  return session.ask({ type: 'confirm', message: `Module:\t\t ${dependent}\nExternal dependency:\t ${dep}\nShould tgo run the external dependency too?` });
}

/**
 * Any failure is non-zero (a single failed module's own code), an interrupt is 130; with -detailed-exitcode,
 * plans aggregate as terraform does: any error 1, else any change 2, else 0.
 */
export function exitCodeFor(results: Finished[], opts: RunOptions, interrupted: boolean): number {
  if (interrupted) return 130;
  const bad = (r: ModuleResult) => r === 'failed' || r === 'early exit' || r === 'interrupted';
  const failed = results.filter((f) => bad(f.result));
  if (failed.length > 0) {
    const own = failed.filter((f) => f.result === 'failed').map((f) => f.exitCode ?? 1);
    if (opts.args.includes('-detailed-exitcode')) return 1;
    return own.length === 1 && own[0]! > 0 ? own[0]! : 1;
  }
  if (opts.args.includes('-detailed-exitcode') && results.some((f) => f.exitCode === 2)) return 2;
  return 0;
}
