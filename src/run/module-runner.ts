// Running terraform for one module: its role's credentials, dependency outputs (read with each dependency's
// own role), the full configuration, the working directory, auto-init, then the command. Everything it
// observes is reported as events.

import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { binaryFor } from '../terraform/binary.js';
import { DEBUG_FILE, writeDebugFile } from '../terraform/debug-file.js';
import type { Env } from '../auth/env.js';
import { findCredentialOverrides, overrideWarning } from '../auth/hygiene.js';
import { READ_DEPENDENCIES, type DependencyValues } from '../config/loader.js';
import type { DependencyConfig, IgnoreRule, ModuleConfig } from '../config/types.js';
import { isObject, type Value, type ValueObject } from '../config/hcl/values.js';
import { parseJson } from '../config/hcl/json.js';
import { extraEnv, inputsToEnv, isDestroy, NO_INIT_COMMANDS, terraformArgs } from '../terraform/args.js';
import { terraformBackendConfig } from '../terraform/hcl-render.js';
import { backendFingerprint, initReason, recordInit } from '../terraform/init-decision.js';
import { PLAN_JSON_FILE, planFileFor, planOut, unitFile, withPlanFile } from '../terraform/plan-files.js';
import { dependencyStateLocation, outputsFromState } from './state-outputs.js';
import { StateBackends } from './state-backend.js';
import { overrideContext } from './stack.js';
import { NULL_VARS_FILE, prepareWorkingDir, workingDirOf, type WorkingDir } from '../terraform/workdir.js';
import { hooksFor, runErrorHooks, runHooks, type HookRun } from '../terraform/hooks.js';
import { terraformVersion } from '../terraform/version.js';
import { hclParsedVariables } from '../terraform/variables.js';
import { satisfies } from '../shared/version-constraint.js';
import { runProcess, type ProcessResult } from '../terraform/spawn.js';
import { ConfigError, ConfigErrors, errorMessage } from '../errors.js';
import { INIT_REQUIRED_FILE, type SourceFetcher } from '../source/fetcher.js';
import { LOCK_FILE } from '../source/copy.js';
import { redactUrl } from '../source/detect.js';
import type { OverrideContext } from '../source/overrides.js';
import { singleFlight } from '../shared/single-flight.js';
import type { TaskOutcome } from './scheduler.js';
import { errorText, recover, recoveryRules } from './recovery.js';
import type { ModuleCredentials, RunSession } from './session.js';

export interface ModuleRunnerDeps {
  /** Options, the loaded stack, credentials and the event host. */
  session: RunSession;
  /** Forward SIGINT to running terraform (first Ctrl-C). */
  interrupt: AbortSignal;
  /** SIGKILL running terraform (second Ctrl-C). */
  kill: AbortSignal;
}

/** terraform's outcome plus, when error hooks may need it, the text they match on_errors against. */
type ExecOutcome = TaskOutcome & { errorText?: string; stderrText?: string };

const STDERR_TAIL = 5;
/** Where an ignore rule's signals go (Terragrunt's error-signals.json). */
const SIGNALS_FILE = 'error-signals.json';

/** Waits `ms`; false when interrupted first. */
/** "module a" or "modules a, b, …": at most 10 names, then how many more (a shared source can serve thousands). */
function who(ids: string[]): string {
  if (ids.length === 1) return `module ${ids[0]}`;
  const shown = ids.slice(0, 10).join(', ');
  return `modules ${shown}${ids.length > 10 ? ` and ${ids.length - 10} more` : ''}`;
}

function pause(ms: number, interrupt: AbortSignal): Promise<boolean> {
  if (interrupt.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      interrupt.removeEventListener('abort', onAbort);
      resolve(ok);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    interrupt.addEventListener('abort', onAbort, { once: true });
  });
}
type WorkingDirFetch = NonNullable<WorkingDir['fetch']>;
/** Output kept per terraform run for error hooks' on_errors. */
const COLLECT_LIMIT = 4 << 20;

export class ModuleRunner {
  /** `terraform output -json` once per dependency per run; a failed read is not retried. */
  private readonly outputs = singleFlight<string, ValueObject>();

  private readonly overrides: OverrideContext;
  private readonly opts;
  /** --backend-bootstrap: once per bucket and table per run. */
  private readonly bootstrapper: StateBackends;

  constructor(private readonly d: ModuleRunnerDeps) {
    const { opts } = d.session;
    this.opts = opts;
    this.overrides = overrideContext(opts);
    this.bootstrapper = new StateBackends(d.session);
  }

  private get session(): RunSession {
    return this.d.session;
  }

  /** The run's one download per source (the session's, shared with stack generation). */
  private get sources(): SourceFetcher {
    return this.d.session.fetcher;
  }

  /**
   * Before the first terraform starts: every module's source is understood and every remote root is downloaded
   * (once each), so a bad source, a missing ref or an unreachable server stops the run with nothing started.
   * Sources that read dependency outputs are fetched when their module runs.
   */
  async prepareSources(dirs: Iterable<string>): Promise<void> {
    const { stack } = this.session;
    const errors: Error[] = [];
    // One download per root (per root and role for s3::), made with the credentials of the first module needing it.
    const byRoot = new Map<string, { spec: WorkingDirFetch['spec']; dir: string; modules: string[]; subdirs: Map<string, string[]> }>();
    // Dependencies whose outputs terraform will read from a fresh working dir need their source too; those read
    // from their state need none.
    const all = new Set(dirs);
    const fromState = this.opts.dependencyOutputsFromState !== false;
    for (const dir of [...all]) {
      for (const dep of this.config(dir).dependencies) {
        if (all.has(dep.configPath) || dep.skipOutputs) continue;
        const depCfg = stack.modules.get(dep.configPath) ?? stack.external.get(dep.configPath);
        if (!depCfg) continue;
        try {
          const { workDir } = workingDirOf(depCfg, this.overrides);
          if (existsSync(path.join(workDir, '.terraform'))) continue;
          if (fromState && dependencyStateLocation(this.session, depCfg, workDir).kind !== 'terraform') continue;
          all.add(dep.configPath);
        } catch {
          all.add(dep.configPath);
        }
      }
    }
    for (const dir of all) {
      const cfg = this.config(dir);
      if (cfg.deferred.includes('terraform.source')) continue;
      try {
        const { fetch } = workingDirOf(cfg, this.overrides);
        if (!fetch || this.sources.holds(fetch.spec, fetch.target)) continue;
        const key = this.sources.downloadKey(fetch.spec, dir);
        const entry = byRoot.get(key) ?? { spec: fetch.spec, dir, modules: [], subdirs: new Map<string, string[]>() };
        entry.modules.push(stack.id(dir));
        entry.subdirs.set(fetch.spec.subdir, [...(entry.subdirs.get(fetch.spec.subdir) ?? []), stack.id(dir)]);
        byRoot.set(key, entry);
      } catch (e) {
        errors.push(new ConfigError(stack.loader.display(cfg.configPath), `${errorMessage(e)}`, 'terraform.source'));
      }
    }
    await Promise.all([...byRoot.values()].map(async ({ spec, dir, modules, subdirs }) => {
      try {
        const root = await this.sources.root(spec, dir);
        for (const [sub, users] of subdirs) {
          // Named after the modules that use this subdir, not every module of the repository.
          if (sub && !existsSync(path.join(root, sub))) errors.push(new Error(`${who(users)}: terraform.source: "${sub}" does not exist in ${redactUrl(spec.root)}`));
        }
      } catch (e) {
        errors.push(new Error(`${who(modules)}: terraform.source: ${errorMessage(e)}`));
      }
    }));
    if (errors.length > 0) throw errors.length === 1 ? errors[0]! : new ConfigErrors(errors);
  }

  private config(dir: string): ModuleConfig {
    const { stack } = this.session;
    const cfg = stack.modules.get(dir) ?? stack.external.get(dir);
    if (!cfg) throw new Error(`internal: module ${dir} was not loaded`);
    return cfg;
  }

  /** The environment terraform gets for a module: tgo's own, plus inputs, extra env and role credentials. */
  private environment(cfg: ModuleConfig, mc: ModuleCredentials, command: string): Env {
    const hcl = () => hclParsedVariables(workingDirOf(cfg, this.overrides).workDir);
    return this.session.environment(cfg.dir, mc, (env) => ({ ...inputsToEnv(cfg.inputs, env, hcl), ...extraEnv(cfg.terraform.extraArguments, command) }));
  }

  /** Terraform code that hard-codes a profile, keys or its own assume_role silently overrides tgo's credentials. */
  private warnCredentialOverrides(cfg: ModuleConfig, workDir: string): void {
    const how = this.opts.credentialServer ? 'the credentials tgo serves' : 'the role credentials tgo injects';
    for (const o of findCredentialOverrides(workDir, cfg.remoteState)) {
      this.session.emit({ type: 'log', level: 'warn', module: this.session.id(cfg.dir), message: overrideWarning(o, how) });
    }
  }

  private tfPath(cfg: ModuleConfig): string {
    return binaryFor(this.opts.tfPath, cfg, this.opts.env);
  }

  /** Run the command in one module. Never throws: a failure is an outcome with a reason. */
  async run(dir: string): Promise<TaskOutcome> {
    const id = this.session.id(dir);
    const { opts } = this;
    let cfg = this.config(dir);
    let mc: ModuleCredentials;
    try {
      // Once per module run: terraform's environment and get_aws_* in its full evaluation use the same credentials.
      mc = await this.session.credentials(dir);
      cfg = await this.session.evaluate(cfg, mc, () => this.dependencyValues(cfg, opts.command));
      if (cfg.terraformVersionConstraint) await this.checkVersion(cfg);
    } catch (e) {
      return { ok: false, reason: errorMessage(e) };
    }
    let workDir: string;
    try {
      workDir = await prepareWorkingDir(cfg, { command: opts.command, log: this.debug(id), fetcher: this.sources, overrides: this.overrides });
    } catch (e) {
      return { ok: false, reason: errorMessage(e) };
    }
    if (mc.credentials) this.warnCredentialOverrides(cfg, workDir);
    const rules = recoveryRules(cfg.errors);
    let retried: TaskOutcome['recovered'];
    for (let attempt = 1; ; attempt++) {
      let outcome: ExecOutcome;
      try {
        outcome = await this.runIn(cfg, workDir, mc);
      } finally {
        // The null-inputs file belongs to this run only (Terragrunt removes it too).
        rmSync(path.join(workDir, NULL_VARS_FILE), { force: true });
      }
      const { errorText: _e, stderrText, ...result } = outcome;
      if (result.ok) return retried ? { ...result, recovered: retried } : result;
      if (result.interrupted) return result;
      // Terragrunt's RunWithErrorHandling: ignore rules, then retry rules, over the failure's cleaned text.
      const recovery = recover(rules, errorText(stderrText ?? '', result.reason ?? ''), attempt);
      if (!recovery) return result;
      if (recovery.kind === 'ignore') return this.ignored(cfg, recovery.rule);
      if (recovery.kind === 'exhausted') {
        return { ...result, reason: `max retry attempts (${recovery.rule.maxAttempts}) reached for error: ${result.reason}` };
      }
      if (opts.autoRetry === false) return result;
      this.session.emit({
        type: 'module-retry', module: id, rule: recovery.rule.name, attempt, maxAttempts: recovery.rule.maxAttempts,
        sleepSeconds: recovery.rule.sleepIntervalSec, reason: result.reason ?? 'failed',
      });
      if (!(await pause(recovery.rule.sleepIntervalSec * 1000, this.d.interrupt))) return { ...result, interrupted: true };
      retried = { how: 'retried', rule: recovery.rule.name, attempts: attempt + 1 };
    }
  }

  /** An ignored failure: Terragrunt's warning, its signals file next to terragrunt.hcl, and a success. */
  private ignored(cfg: ModuleConfig, rule: IgnoreRule): TaskOutcome {
    const id = this.session.id(cfg.dir);
    this.session.emit({ type: 'log', level: 'warn', module: id, message: `Ignoring error, reason: ${rule.message}` });
    if (rule.signals && Object.keys(rule.signals).length > 0) {
      const file = path.join(cfg.dir, SIGNALS_FILE);
      this.session.emit({ type: 'log', level: 'warn', module: id, message: `Writing error signals to ${file}` });
      writeFileSync(file, `${JSON.stringify(rule.signals, null, 2)}\n`);
    }
    return { ok: true, exitCode: 0, recovered: { how: 'ignored', rule: rule.name, attempts: 1 } };
  }

  private debug(module: string): (message: string) => void {
    return (message) => this.session.emit({ type: 'log', level: 'debug', module, message });
  }

  /** init when needed, then the command, each wrapped in its hooks. */
  private async runIn(cfg: ModuleConfig, workDir: string, mc: ModuleCredentials): Promise<ExecOutcome> {
    const { opts } = this;
    const dir = cfg.dir;
    const id = this.session.id(dir);
    const debug = this.debug(id);
    const env = this.environment(cfg, mc, opts.command);
    const emitLine = (stream: 'stdout' | 'stderr', line: string) => this.session.emit({ type: 'module-output', module: id, stream, line });
    const hookRun = (hookEnv: Env, onLine = emitLine): HookRun => ({
      cwd: workDir, env: hookEnv, onLine, log: debug, detached: opts.all, interrupt: this.d.interrupt, kill: this.d.kill,
    });
    const tf = cfg.terraform;

    const readConfigErrors: string[] = [];
    await runHooks('after_hook', hooksFor(tf.afterHooks, 'terragrunt-read-config'), hookRun(env), readConfigErrors);
    if (readConfigErrors.length > 0) return { ok: false, reason: readConfigErrors[0]! };
    if (opts.inputsDebug) {
      const d = writeDebugFile(cfg, workDir, opts.env); // a TF_VAR_ the user set wins over the input, so it stays out
      this.session.emit({ type: 'log', level: 'info', module: id, message: `wrote ${d.file} (${d.written.length} inputs); replay with: terraform -chdir=${workDir} ${opts.command} -var-file=${d.file}` });
      for (const o of d.omitted) debug(`input ${o.name} left out of ${DEBUG_FILE}: ${o.why}`);
    }
    if (opts.exec) {
      // `tgo exec`: the user's program, with the same environment terraform would get; no init, no hooks.
      const [bin, ...rest] = opts.exec.argv;
      return this.exec(bin!, rest, opts.exec.inDownloadDir ? workDir : dir, env, emitLine, false, bin!);
    }

    // --backend-bootstrap: the state bucket and lock table exist (and are set up) before terraform touches them.
    if (opts.backendBootstrap && !NO_INIT_COMMANDS.has(opts.command) && StateBackends.applies(cfg)) {
      try {
        await this.bootstrapper.bootstrap(cfg);
      } catch (e) {
        return { ok: false, reason: `backend bootstrap failed: ${errorMessage(e)}` };
      }
    }
    // init only when something asks for it (src/terraform/init-decision.ts): a changed source, backend or lock
    // file, missing modules, or code that needs .terraform and has none.
    const init = this.initPlan(cfg, workDir);
    const reason = opts.autoInit && !NO_INIT_COMMANDS.has(opts.command) ? initReason(workDir, env, init.fingerprint, init.wanted) : undefined;
    if (reason) {
      this.session.emit({ type: 'log', level: 'info', module: id, message: `running terraform init (${reason})` });
      const initEnv = this.environment(cfg, mc, 'init');
      // Auto-init output goes to stderr: stdout belongs to the command the user asked for (output -json…).
      const toStderr = (_s: 'stdout' | 'stderr', l: string) => emitLine('stderr', l);
      // --no-color is not part of the init fingerprint: it changes terraform's output, not the backend.
      const initArgs = opts.noColor && !init.args.includes('-no-color') ? [init.args[0]!, '-no-color', ...init.args.slice(1)] : init.args;
      const done = await this.withHooks(tf, 'init', (collect) => this.lockFileCopied(cfg, workDir, ['init'], this.viaProviderCache(dir, workDir, initArgs, initEnv, () => this.exec(this.tfPath(cfg), initArgs, workDir, initEnv, toStderr, collect))), hookRun(initEnv, toStderr));
      if (!done.ok) return { ...done, reason: `terraform init failed: ${done.reason}` };
      this.initialised(workDir, initEnv, init.fingerprint);
    }
    // Terragrunt checks after init, before the command's hooks (checkProtectedModuleRunCfg). Under run-all a
    // protected module was already left out of a destroy; this is every single-module way to destroy one.
    if (cfg.preventDestroy && isDestroy(opts.command, opts.args)) {
      return { ok: false, reason: `Unit is protected by the prevent_destroy flag in ${cfg.configPath}. Set it to false or remove it to allow destruction of the unit.` };
    }
    // run --all --out-dir / --json-out-dir: the unit's saved plan, written by plan, read by apply and show.
    const planFile = opts.all ? planFileFor({ outDir: opts.outDir, jsonOutDir: opts.jsonOutDir, workingDir: opts.workingDir }, dir, opts.command) : undefined;
    const userArgs = planFile ? withPlanFile(opts.command, opts.args, planFile) : opts.args;
    if (planFile && opts.command === 'plan' && planOut(userArgs) === planFile) mkdirSync(path.dirname(path.resolve(workDir, planFile)), { recursive: true, mode: 0o700 });
    const args = terraformArgs({ command: opts.command, args: userArgs, extraArguments: tf.extraArguments, moduleDir: dir, runAll: opts.all, remoteState: cfg.remoteState, noColor: opts.noColor });
    const run = (collect: boolean) => this.exec(this.tfPath(cfg), args, workDir, env, emitLine, collect);
    const outcome = await this.withHooks(tf, opts.command, (collect) => this.lockFileCopied(cfg, workDir, [opts.command, ...userArgs],
      opts.command === 'init' ? this.viaProviderCache(dir, workDir, args, env, () => run(collect)) : run(collect)), hookRun(env));
    // `tgo init` itself: the next command needs no other init.
    if (opts.command === 'init' && outcome.ok) this.initialised(workDir, env, init.fingerprint);
    const jsonFile = unitFile(opts.jsonOutDir, opts.workingDir, dir, PLAN_JSON_FILE);
    if (outcome.ok && opts.all && opts.command === 'plan' && jsonFile) {
      const written = planOut(userArgs) ?? planFile!;
      const shown = await this.planJson(cfg, path.resolve(workDir, written), jsonFile, workDir, env);
      if (!shown.ok) return shown;
      this.session.emit({ type: 'log', level: 'debug', module: id, message: `wrote ${jsonFile}` });
    }
    return outcome;
  }

  /** `terraform show -json PLAN` into `file` (0600, its directories 0700), as Terragrunt's --json-out-dir. */
  private async planJson(cfg: ModuleConfig, plan: string, file: string, workDir: string, env: Env): Promise<TaskOutcome> {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const r = await runProcess(this.tfPath(cfg), ['show', '-json', plan], {
      cwd: workDir, env, onLine: (s, l) => (s === 'stdout' ? stdout : stderr).push(l), stdin: 'ignore', detached: this.opts.all, interrupt: this.d.interrupt, kill: this.d.kill,
    });
    if (r.spawnError) return { ok: false, reason: `cannot run ${this.tfPath(cfg)}: ${r.spawnError.message}` };
    if (r.exitCode !== 0) return { ok: false, exitCode: r.exitCode ?? 1, stderrTail: stderr.slice(-5), reason: `terraform show -json ${plan} exited with code ${r.exitCode}` };
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${stdout.join('\n')}\n`, { mode: 0o600 });
    return { ok: true };
  }

  /** The init a module's run makes (its remote_state as -backend-config or the generated backend file) and its fingerprint. */
  private initPlan(cfg: ModuleConfig, workDir: string): { args: string[]; fingerprint: string; wanted?: { type: string; config: ValueObject } } {
    const rs = cfg.remoteState;
    const args = terraformArgs({ command: 'init', args: [], extraArguments: cfg.terraform.extraArguments, moduleDir: cfg.dir, runAll: true, remoteState: rs });
    const fingerprint = backendFingerprint(args, rs?.generate ? path.resolve(workDir, rs.generate.path) : undefined);
    return { args, fingerprint, wanted: rs && !rs.disableInit ? { type: rs.backend, config: terraformBackendConfig(rs.backend, rs.config) } : undefined };
  }

  /** terraform init through the run's provider cache, when there is one (src/terraform/provider-cache.ts). */
  private viaProviderCache<T extends { ok: boolean }>(dir: string, workDir: string, args: string[], env: Env, init: () => Promise<T>): Promise<T> {
    const cache = this.session.providerCache;
    return cache ? cache.init(workDir, args, env, this.debug(this.session.id(dir)), init) : init();
  }

  private initialised(workDir: string, env: Env, fingerprint: string): void {
    recordInit(workDir, env, fingerprint);
    rmSync(path.join(workDir, INIT_REQUIRED_FILE), { force: true });
  }

  /**
   * Terragrunt's ShouldCopyLockFile: after `init` or `providers lock` in a .terragrunt-cache copy, the
   * .terraform.lock.hcl terraform wrote there is copied next to terragrunt.hcl (to be committed), whether the
   * command succeeded or not, unless copy_terraform_lock_file = false.
   */
  private async lockFileCopied(cfg: ModuleConfig, workDir: string, commandLine: string[], run: Promise<ExecOutcome>): Promise<ExecOutcome> {
    const outcome = await run;
    const [command, ...rest] = commandLine;
    const locks = command === 'init' || (command === 'providers' && rest.find((a) => !a.startsWith('-')) === 'lock');
    const from = path.join(workDir, LOCK_FILE);
    if (locks && cfg.terraform.copyTerraformLockFile && path.resolve(workDir) !== path.resolve(cfg.dir) && existsSync(from)) {
      copyFileSync(from, path.join(cfg.dir, LOCK_FILE));
      this.debug(this.session.id(cfg.dir))(`copied ${LOCK_FILE} from ${path.relative(cfg.dir, workDir)} to the module directory`);
    }
    return outcome;
  }

  /**
   * Terragrunt's RunActionWithHooks: before hooks (after a failure only those with run_on_error), the command
   * unless a before hook failed, after hooks (the same rule), then error hooks whose on_errors match the text of
   * every failure so far (terraform's with its stderr and stdout).
   */
  private async withHooks(tf: ModuleConfig['terraform'], command: string, body: (collect: boolean) => Promise<ExecOutcome>, h: HookRun): Promise<ExecOutcome> {
    const errors: string[] = [];
    await runHooks('before_hook', hooksFor(tf.beforeHooks, command), h, errors);
    let outcome: ExecOutcome | undefined;
    if (errors.length === 0) {
      outcome = await body(tf.errorHooks.some((x) => x.commands.includes(command)));
      if (!outcome.ok) errors.push(outcome.errorText ?? outcome.reason ?? 'terraform failed');
    }
    await runHooks('after_hook', hooksFor(tf.afterHooks, command), h, errors);
    await runErrorHooks(tf.errorHooks, command, h, errors);
    if (outcome && !outcome.ok) {
      const { errorText: _text, ...failed } = outcome;
      return failed;
    }
    if (errors.length === 0) return outcome!;
    return { ok: false, reason: errors[0]! };
  }

  private async checkVersion(cfg: ModuleConfig): Promise<void> {
    const bin = this.tfPath(cfg);
    const version = await terraformVersion(bin, { ...this.session.baseEnv });
    if (!satisfies(version, cfg.terraformVersionConstraint!)) {
      throw new Error(`The currently installed version of Terraform (${version}) is not compatible with the version Terragrunt requires (${cfg.terraformVersionConstraint}).`);
    }
  }

  /** Run terraform (or `tgo exec`'s program, named `what`); with `collect`, its whole output is kept for error hooks' on_errors (bounded). */
  private async exec(bin: string, args: string[], cwd: string, env: Env, onLine: (s: 'stdout' | 'stderr', l: string) => void,
    collect = false, what = `terraform ${args[0]}`): Promise<ExecOutcome> {
    // After Ctrl-C nothing new starts, even a module that was already past the scheduler (fetching credentials).
    if (this.d.interrupt.aborted) return { ok: false, interrupted: true, reason: 'interrupted before terraform started' };
    // The last lines of stderr go into the summary of a failed module.
    const tail: string[] = [];
    const kept = { stdout: [] as string[], stderr: [] as string[], size: 0 };
    const r: ProcessResult = await runProcess(bin, args, {
      cwd,
      env,
      onLine: (stream, line) => {
        if (stream === 'stderr' && line.trim() !== '') {
          tail.push(line);
          if (tail.length > STDERR_TAIL) tail.shift();
        }
        // stderr is kept for retry and ignore rules; stdout only when error hooks need it too.
        if ((collect || stream === 'stderr') && kept.size < COLLECT_LIMIT) {
          kept[stream].push(line);
          kept.size += line.length + 1;
        }
        onLine(stream, line);
      },
      stdin: this.opts.all ? 'ignore' : 'inherit',
      detached: this.opts.all,
      interrupt: this.d.interrupt,
      kill: this.d.kill,
    });
    if (r.spawnError) return { ok: false, reason: `cannot run ${bin}: ${r.spawnError.message}` };
    // With -detailed-exitcode, 2 means "succeeded, with changes".
    if (r.exitCode === 0 || (r.exitCode === 2 && args.includes('-detailed-exitcode'))) return { ok: true, exitCode: r.exitCode };
    const interrupted = this.d.interrupt.aborted;
    const reason = r.signal ? `${what} was stopped by ${r.signal}` : `${what} exited with code ${r.exitCode}`;
    return {
      ok: false,
      stderrTail: tail,
      exitCode: r.exitCode ?? (r.signal === 'SIGINT' ? 130 : 1),
      interrupted,
      reason,
      // What error hooks match against, as Terragrunt's process error: the command, its stderr, then its stdout.
      errorText: collect ? [`Failed to execute "${bin} ${args.join(' ')}" in ${cwd}`, ...kept.stderr, reason, ...kept.stdout].join('\n') : undefined,
      // What retry and ignore rules match against (Terragrunt: the process's stderr and its error).
      stderrText: [...kept.stderr, r.signal ? `signal: ${r.signal}` : `exit status ${r.exitCode}`].join('\n'),
    };
  }

  /** `dependency.<name>` values for phase two: outputs read with each dependency's own role, or mocks. */
  private async dependencyValues(cfg: ModuleConfig, command: string): Promise<DependencyValues> {
    const out: DependencyValues = {};
    // Read at once (each is a terraform process and a state download); the first failure in the order written wins.
    const read = await Promise.allSettled(cfg.dependencies.map((dep) => this.outputsOf(cfg, dep, command)));
    const failed = read.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    cfg.dependencies.forEach((dep, i) => {
      out[dep.name] = { outputs: (read[i] as PromiseFulfilledResult<Value>).value, config_path: dep.configPath };
    });
    // A disabled dependency (enabled = false) still answers with its mock outputs, as in Terragrunt.
    for (const dep of cfg.disabledDependencies ?? []) out[dep.name] = { outputs: dep.mockOutputs ?? {}, config_path: dep.configPath };
    // Those of files the module reads with read_terragrunt_config, by the same rules.
    const readDeps = cfg.readDependencies ?? [];
    const readOuts = await Promise.all(readDeps.map((rd) => this.outputsOf(cfg, rd.dependency, command)));
    out[READ_DEPENDENCIES] = Object.fromEntries(readDeps.map((rd, i) => [rd.key, { outputs: readOuts[i]!, config_path: rd.dependency.configPath }]));
    return out;
  }

  private async outputsOf(cfg: ModuleConfig, dep: DependencyConfig, command: string): Promise<Value> {
    const mockAllowed = dep.mockOutputs !== undefined
      && (!dep.mockOutputsAllowedTerraformCommands || dep.mockOutputsAllowedTerraformCommands.includes(command));
    if (dep.skipOutputs) return mockAllowed ? dep.mockOutputs! : {};
    let state: ValueObject;
    try {
      state = dep.stackUnits ? await this.stackOutputs(dep, mockAllowed) : await this.fetchOutputs(dep.configPath);
    } catch (e) {
      // A failed read is an error even with mocks (as in Terragrunt): mocks stand in for state that is not there
      // yet, never for state tgo could not read (AccessDenied would otherwise plan against made-up values).
      throw new Error(`cannot read outputs of dependency "${dep.name}" (${this.session.id(dep.configPath)}): ${errorMessage(e)}`);
    }
    if (Object.keys(state).length === 0) {
      if (mockAllowed) return dep.mockOutputs!;
      throw new Error(`dependency "${dep.name}" (${this.session.id(dep.configPath)}) of ${this.session.id(cfg.dir)} has no outputs: `
        + `it has not been applied yet or defines no outputs. Apply it first, set mock_outputs for this command, or set skip_outputs = true.`);
    }
    if (mockAllowed && dep.mockOutputsMergeStrategyWithState === 'shallow') return { ...dep.mockOutputs!, ...state };
    if (mockAllowed && dep.mockOutputsMergeStrategyWithState === 'deep_map_only') return mergeMapsOnly(dep.mockOutputs!, state);
    return state;
  }

  /**
   * A dependency on a generated stack (Terragrunt 1.1): each of the stack's units' outputs under its name. A unit
   * with no outputs yet takes `mock_outputs.<unit>` where mocks are allowed, else it is left out.
   */
  private async stackOutputs(dep: DependencyConfig, mockAllowed: boolean): Promise<ValueObject> {
    const units = dep.stackUnits ?? [];
    const outs = await Promise.all(units.map((u) => this.fetchOutputs(u.dir).catch((e: unknown) => {
      throw new Error(`unit "${u.name}" of the stack: ${errorMessage(e)}`);
    })));
    const out: ValueObject = {};
    units.forEach((u, i) => {
      if (Object.keys(outs[i]!).length > 0) out[u.name] = outs[i]!;
      else if (mockAllowed && dep.mockOutputs?.[u.name] !== undefined) out[u.name] = dep.mockOutputs[u.name]!;
    });
    return out;
  }

  /** `terraform output -json` in a dependency, once per run, with the dependency's own credentials. */
  fetchOutputs(depDir: string): Promise<ValueObject> {
    return this.outputs(depDir, () => this.readOutputs(depDir));
  }

  private async readOutputs(depDir: string): Promise<ValueObject> {
    const cfg = this.config(depDir);
    const known = workingDirOf(cfg, this.overrides).workDir;
    if (this.opts.dependencyOutputsFromState !== false) {
      const fromState = await outputsFromState(this.session, cfg, known);
      if (fromState) return fromState;
    }
    const mc = await this.session.credentials(depDir, 'to read its outputs');
    // A dependency that already ran (or was initialised before) is read where it is; only a fresh one is prepared.
    const workDir = existsSync(path.join(known, '.terraform')) ? known
      : await prepareWorkingDir(cfg, { command: 'output', log: () => {}, fetcher: this.sources, overrides: this.overrides });
    const env = this.environment({ ...cfg, inputs: {} }, mc, 'output');
    const quiet = () => {};
    const run = (args: string[], onLine: (s: 'stdout' | 'stderr', l: string) => void) =>
      runProcess(this.tfPath(cfg), args, { cwd: workDir, env, onLine, stdin: 'ignore', detached: this.opts.all, interrupt: this.d.interrupt, kill: this.d.kill });
    // The dependency's own init: its remote_state backend (-backend-config or the generated file), its role and
    // extra_arguments, decided as its own run decides it.
    const init = this.initPlan(cfg, workDir);
    const initEnv = this.environment({ ...cfg, inputs: {} }, mc, 'init');
    const reason = this.opts.autoInit ? initReason(workDir, initEnv, init.fingerprint, init.wanted) : undefined;
    if (reason) {
      this.debug(this.session.id(depDir))(`running terraform init to read its outputs (${reason})`);
      const { r } = await this.viaProviderCache(depDir, workDir, init.args, initEnv, async () => {
        const p = await runProcess(this.tfPath(cfg), init.args, {
          cwd: workDir, env: initEnv, onLine: quiet, stdin: 'ignore', detached: this.opts.all, interrupt: this.d.interrupt, kill: this.d.kill,
        });
        return { ok: !p.spawnError && p.exitCode === 0, r: p };
      });
      if (r.spawnError) throw r.spawnError;
      if (r.exitCode !== 0) throw new Error(`terraform init failed in ${this.session.id(depDir)}`);
      this.initialised(workDir, initEnv, init.fingerprint);
    }
    const stdout: string[] = [];
    const stderr: string[] = [];
    const r = await run(['output', '-json'], (s, l) => (s === 'stdout' ? stdout : stderr).push(l));
    if (r.spawnError) throw r.spawnError;
    if (r.exitCode !== 0) throw new Error(`terraform output -json exited with code ${r.exitCode}: ${stderr.slice(-3).join(' ')}`);
    let parsed: unknown;
    try {
      parsed = parseJson(stdout.join('\n') || '{}'); // numbers exact, as cty reads them
    } catch {
      throw new Error('terraform output -json did not print JSON');
    }
    const values: ValueObject = {};
    if (isObject(parsed as Value)) {
      for (const [k, v] of Object.entries(parsed as Record<string, { value?: Value }>)) values[k] = v?.value ?? null;
    }
    return values;
  }
}

/** deep_map_only: maps merge recursively; for anything else the state's value replaces the mock's. */
function mergeMapsOnly(mock: Value, state: Value): Value {
  if (!isObject(mock) || !isObject(state)) return state;
  const out: ValueObject = { ...mock };
  for (const [k, v] of Object.entries(state)) out[k] = k in out ? mergeMapsOnly(out[k]!, v) : v;
  return out;
}
