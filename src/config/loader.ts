// Loading a module's configuration as Terragrunt does: includes first (paths from functions only), each file's
// locals, then its attributes and blocks; included files are evaluated in the child's context and merged.
// One loader serves a whole run, so every file is read and parsed once and read_terragrunt_config/run_cmd
// results are shared.

import { isUtf8 } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Block, Body, Expr } from './hcl/ast.js';
import { findFunctionCalls } from './hcl/analysis.js';
import { LazyObject, evaluate, materialize, renderTemplate, type EvalScope } from './hcl/eval.js';
import { parseConfig } from './hcl/parser.js';
import { parseJsonConfig } from './hcl/json-syntax.js';
import { defaultConfigFile } from './config-files.js';
import { isObject, stringifyJson, type Value, type ValueObject } from './hcl/values.js';
import { terraformFunctions } from './functions/terraform/index.js';
import { deepMerge, gitTopLevel, terragruntFunctions, type IncludeRef, type RunCmdCache, type TerragruntScope, type TerragruntServices } from './functions/terragrunt.js';
import { FunctionError, type FunctionContext, type FunctionTable } from './hcl/functions.js';
import { AttributeEvaluator, Deferred, decodeBody, passConfigErrors, toConfigError, type DecodedBody, type DisplayPath, type NotActedOnHit } from './decode.js';
import { TERRAGRUNT_SCHEMA } from './schema.js';
import { fileConfigFromTree, mergeAutoinclude, mergeFileConfigs, type BlockLists, type FileConfig } from './merge.js';
import { autoincludeInputs, autoincludeOf, withoutInputs } from './autoinclude.js';
import type { IncludeConfig, MergeStrategy, ModuleConfig, ReadDependency } from './types.js';
import { ConfigError } from '../errors.js';
import { readStackFile, STACK_FILE, withStackDependencies } from './stack-file.js';

export { CONFIG_FILE, CONFIG_FILES, JSON_CONFIG_FILE } from './config-files.js';
/** Written next to a generated unit or stack by `stack generate`; its attributes are the `values` variable there. */
export const VALUES_FILE = 'terragrunt.values.hcl';

export interface LoaderOptions {
  workingDir: string;
  env: NodeJS.ProcessEnv;
  terraformCommand: string;
  terraformArgs: string[];
  /** Parser for whole files; defaults to our TypeScript parser. */
  parse?: (text: string, filename: string) => Body;
  /** Where run_cmd output and notes go (the loader itself never prints). */
  onLog?: (level: 'info' | 'debug' | 'warn', message: string) => void;
  /** --feature name=value / TG_FEATURE: overrides of feature block defaults. */
  features?: Record<string, string>;
  /** Caller identity for get_aws_* functions, per module config path. */
  awsIdentity?: (configPath: string) => { account: string; arn: string; userId: string; alias?: string };
  /** get_working_dir(): where terraform runs for a module config (with its source and the source flags). */
  terraformWorkingDir?: (cfg: ModuleConfig) => string;
  /** get_terragrunt_source_cli_flag(): the value of --source. */
  sourceCliFlag?: string;
  /** --config: a module folder holding a file of this name is configured by it instead of terragrunt.hcl. */
  configName?: string;
  /**
   * sops_decrypt_file that fails with tgo's own credentials before the module's are known (loading the stack)
   * defers what reads it to the module's run, which decrypts with the module's role (setModuleEnv).
   */
  deferSops?: boolean;
}

interface ParsedFile {
  text: string;
  body: Body;
  decoded: DecodedBody;
  /** Functions called anywhere in the file: decides whether a read_terragrunt_config result depends on the reader. */
  calls: Set<string>;
}

/**
 * Dependency values for phase two: name → { outputs, … }. Absent in phase one (graph building). Under
 * READ_DEPENDENCIES, those of the dependency blocks of files read with read_terragrunt_config, by readDependencyKey.
 */
export type DependencyValues = Record<string, ValueObject> & { [READ_DEPENDENCIES]?: Record<string, ValueObject> };
export const READ_DEPENDENCIES = Symbol('read_terragrunt_config dependencies');

/** The key of a dependency block of a file read with read_terragrunt_config. */
export const readDependencyKey = (file: string, name: string) => `${file}\0${name}`;

const AWS_IDENTITY_FUNCTIONS = ['get_aws_account_id', 'get_aws_caller_identity_arn', 'get_aws_caller_identity_user_id', 'get_aws_account_alias'];
const CONTEXT_FUNCTIONS = ['get_original_terragrunt_dir', 'get_terraform_command', 'get_terraform_cli_args', ...AWS_IDENTITY_FUNCTIONS];

export class ConfigLoader {
  readonly display: DisplayPath;
  private readonly files = new Map<string, ParsedFile>();
  private readonly readCache = new Map<string, Value>();
  /** terragrunt.values.hcl per directory (undefined: the directory has none). */
  private readonly valuesCache = new Map<string, ValueObject | undefined>();
  private readonly runCmdCache = new Map<string, string>();
  /** Plain text of sops files by credentials key and path. */
  private readonly sopsCache = new Map<string, string>();
  private readonly moduleEnvs = new Map<string, { key: string; env: NodeJS.ProcessEnv }>();
  /** Module config paths whose sops_decrypt_file waits for the module's credentials (setModuleEnv). */
  readonly sopsDeferred = new Set<string>();
  /** find_in_parent_folders' existence checks (6,000 stat calls for a 1,000-module stack, ~170 distinct). */
  private readonly existsCache = new Map<string, boolean>();
  /** Commands run_cmd actually started (cache misses), for tests and --log-level debug. */
  runCmdRuns = 0;
  /** get_repo_root and friends: directory → repository top level (or the error), and the roots found so far. */
  private readonly repoRoots = new Map<string, string | Error>();
  private readonly knownRepos: string[] = [];
  /** git processes started for get_repo_root & co. (one per repository in a plain tree). */
  gitRuns = 0;
  /** read_terragrunt_config evaluations (cache misses): once per file and distinct context. */
  readEvaluations = 0;
  private readonly reading: string[] = [];
  /** get_working_dir answers per module; null while that module is being loaded to answer it. */
  private readonly workingDirs = new Map<string, string | null>();
  /** Collectors of the files read while loading (innermost last): the module's, and each read_terragrunt_config's. */
  private readonly readers: Set<string>[] = [];
  /** Files each cached read_terragrunt_config result read, replayed into the next reader that hits the cache. */
  private readonly readCacheFiles = new Map<string, Set<string>>();
  /** As readers, for the dependency blocks of read files (by key), and what each cached read met. */
  private readonly readDependencyCollectors: Map<string, ReadDependency>[] = [];
  private readonly readCacheDependencies = new Map<string, Map<string, ReadDependency>>();
  /** Per module load (innermost last): the read files' dependency values in phase two, undefined in phase one. */
  private readonly readDependencyValues: (Record<string, ValueObject> | undefined)[] = [];
  private readonly tfFunctions: FunctionTable = terraformFunctions;
  private readonly parse: (text: string, filename: string) => Body;

  constructor(readonly opts: LoaderOptions) {
    this.parse = opts.parse ?? parseConfig;
    const root = path.resolve(opts.workingDir);
    this.display = (p) => {
      const rel = path.relative(root, p);
      return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
    };
  }

  /**
   * From now on the module's sops_decrypt_file calls run sops in `env` (its credentials): `key` names those
   * credentials, so one decryption serves every module with the same ones.
   */
  setModuleEnv(configPath: string, key: string, env: NodeJS.ProcessEnv): void {
    this.moduleEnvs.set(configPath, { key, env });
  }

  /** Whether a module's own file or one it includes calls any of `names` (read files aside). */
  calls(cfg: ModuleConfig, ...names: string[]): boolean {
    return [cfg.configPath, ...cfg.includes.map((i) => i.path)].some((f) => names.some((n) => this.file(f).calls.has(n)));
  }

  /** Answer get_aws_* with this (per module config path); set before the first evaluation. */
  setAwsIdentity(fn: LoaderOptions['awsIdentity']): void {
    this.opts.awsIdentity = fn;
  }

  /** Number of distinct files parsed so far (each once per run). */
  get parsedFiles(): number {
    return this.files.size;
  }

  /** Read and parse a config file once per run. */
  file(file: string): ParsedFile {
    const cached = this.files.get(file);
    if (cached) return cached;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new ConfigError(this.display(file), code === 'ENOENT' ? 'file does not exist' : `cannot read file: ${(e as Error).message}`);
    }
    let body: Body;
    try {
      // A .json file is HCL's JSON syntax (as Terragrunt's parser decides by the extension).
      body = file.endsWith('.json') ? parseJsonConfig(text, file, TERRAGRUNT_SCHEMA) : this.parse(text, file);
    } catch (e) {
      throw toConfigError(e, file, undefined, this.display);
    }
    const notes: NotActedOnHit[] = [];
    const decoded = decodeBody(body, TERRAGRUNT_SCHEMA, file, '', this.display, notes);
    // Once per file and run (files are parsed once): what tgo accepts but does not act on.
    for (const n of notes) this.opts.onLog?.(n.level, `${this.display(file)}:${n.line}: ${n.path}: ${n.reason}`);
    const parsed: ParsedFile = { text, body, decoded, calls: callsInBody(body) };
    this.files.set(file, parsed);
    return parsed;
  }

  /**
   * Load a module. Without `dependencies`, attributes that read dependency outputs are left out and listed in
   * `deferred` (enough to build the graph and validate); with them, everything is evaluated.
   */
  loadModule(dir: string, dependencies?: DependencyValues): ModuleConfig {
    const configPath = this.configFileOf(dir);
    const reads = new Set<string>();
    const readDeps = new Map<string, ReadDependency>();
    this.readers.push(reads);
    this.readDependencyCollectors.push(readDeps);
    this.readDependencyValues.push(dependencies ? (dependencies[READ_DEPENDENCIES] ?? {}) : undefined);
    try {
      const module = withStackDependencies(this.loadConfig(configPath, configPath, dependencies).module, this);
      return { ...module, filesRead: [...reads].sort(), ...(readDeps.size > 0 ? { readDependencies: [...readDeps.values()] } : {}) };
    } finally {
      this.readers.pop();
      this.readDependencyCollectors.pop();
      this.readDependencyValues.pop();
    }
  }

  private noteRead(file: string): void {
    for (const r of this.readers) r.add(file);
  }

  private noteReadDependencies(deps: Iterable<ReadDependency>): void {
    for (const d of deps) for (const c of this.readDependencyCollectors) c.set(d.key, d);
  }

  /** A module folder's config file: the --config name when the folder has one, else terragrunt.hcl.json or terragrunt.hcl. */
  configFileOf(dir: string): string {
    const custom = this.opts.configName && path.join(path.resolve(dir), this.opts.configName);
    return custom && existsSync(custom) ? custom : defaultConfigFile(dir);
  }

  private loadConfig(configPath: string, originalConfigPath: string, deps: DependencyValues | undefined): { module: ModuleConfig; exposed: ValueObject } {
    this.noteRead(configPath);
    const parsed = this.file(configPath);
    const includes = this.evaluateIncludes(configPath, originalConfigPath, parsed.decoded);
    for (const inc of includes) this.noteRead(inc.path);
    const refs: IncludeRef[] = includes.map((i) => ({ label: i.label, path: i.path }));
    const parents: FileConfig[] = [];
    const exposedIncludes: ValueObject = {};
    const includeFeatures: InheritedFeatures = [];
    for (const inc of includes) {
      const p = this.includedFile(inc, configPath);
      if (p.decoded.blocks.has('include')) {
        const nested = p.decoded.blocks.get('include')![0]!;
        throw new ConfigError(this.display(inc.path), `an included file cannot include another file (only one level of include is allowed; it is included from ${this.display(configPath)})`,
          'include', nested.range.start.line);
      }
      const scope: TerragruntScope = { file: inc.path, configPath, originalConfigPath, includes: refs };
      const evaluated = this.evaluateFile(p, scope, deps, undefined);
      parents.push(evaluated);
      if (inc.expose) exposedIncludes[inc.label] = evaluated.tree;
      else delete exposedIncludes[inc.label];
      if (inc.mergeStrategy !== 'no_merge') includeFeatures.push({ defaults: evaluated.featureDefaults, deep: inc.mergeStrategy === 'deep' });
    }
    // A single bare `include {}` is exposed as `include.locals` (Terragrunt's includeMapAsCtyVal); otherwise by label.
    const bareOnly = includes.every((i) => i.label === '');
    const exposed = bareOnly ? exposedIncludes[''] : Object.keys(exposedIncludes).length > 0 ? exposedIncludes : undefined;
    const scope: TerragruntScope = { file: configPath, configPath, originalConfigPath, includes: refs };
    const exposedHasDeferred = includes.some((inc, i) => inc.expose && parents[i]!.deferred.length > 0
      && !includes.slice(i + 1).some((later) => later.label === inc.label));
    // A stack's autoinclude for this unit (terragrunt.autoinclude.hcl beside it) wins over the unit and its includes.
    const auto = autoincludeOf(configPath);
    const own = auto ? withoutInputs(parsed, autoincludeInputs(this.file(auto).body)) : parsed;
    let child = this.evaluateFile(own, scope, deps, exposed, exposedHasDeferred, includeFeatures);
    if (auto) {
      this.noteRead(auto);
      child = { ...child, ...mergeAutoinclude(child, this.evaluateFile(this.file(auto), { ...scope, file: auto }, deps, undefined), this.display) };
    }
    const module = mergeFileConfigs(path.dirname(configPath), configPath, includes, parents, child, this.display);
    return { module, exposed: child.tree };
  }

  /** An included file; a missing one is an error of the including file, at its include block. */
  private includedFile(inc: IncludeConfig, configPath: string): ParsedFile {
    if (!this.files.has(inc.path) && !existsSync(inc.path)) {
      throw new ConfigError(this.display(configPath), `${this.display(inc.path)} does not exist`, inc.label ? `include.${inc.label}` : 'include', inc.line);
    }
    return this.file(inc.path);
  }

  private evaluateIncludes(configPath: string, originalConfigPath: string, decoded: DecodedBody): IncludeConfig[] {
    const blocks = decoded.blocks.get('include') ?? [];
    if (blocks.length === 0) return [];
    // Include paths are evaluated before locals exist: functions only.
    const scope: TerragruntScope = { file: configPath, configPath, originalConfigPath, includes: [] };
    const ev = new AttributeEvaluator(configPath, this.scope(scope, {}), this.display);
    // Several blocks may share a label (Terragrunt's getTrackInclude): all are merged in order, and the label
    // names the last of them (include.<label>, get_parent_terragrunt_dir("<label>")).
    return blocks.map((b) => {
      const label = b.labels[0] ?? '';
      const where = label ? `include.${label}` : 'include';
      const attrs = new Map(b.body.attributes.map((a) => [a.name, a]));
      const raw = ev.value(attrs.get('path')!, `${where}.path`);
      if (typeof raw !== 'string' || raw === '') {
        throw new ConfigError(this.display(configPath), 'path must be a non-empty string', `${where}.path`, attrs.get('path')!.range.start.line);
      }
      const expose = attrs.has('expose') ? ev.value(attrs.get('expose')!, `${where}.expose`) : false;
      const strategy = attrs.has('merge_strategy') ? ev.value(attrs.get('merge_strategy')!, `${where}.merge_strategy`) : 'shallow';
      if (strategy !== 'no_merge' && strategy !== 'shallow' && strategy !== 'deep') {
        throw new ConfigError(this.display(configPath), `merge_strategy must be "no_merge", "shallow" or "deep", got ${JSON.stringify(strategy)}`,
          `${where}.merge_strategy`, attrs.get('merge_strategy')!.range.start.line);
      }
      return {
        label,
        path: path.resolve(path.dirname(configPath), raw),
        expose: expose === true,
        mergeStrategy: strategy as MergeStrategy,
        line: b.range.start.line,
      };
    });
  }

  /** Evaluate one file (the module's own or an included one) into a value tree plus its typed partial config. */
  private evaluateFile(parsed: ParsedFile, scope: TerragruntScope, deps: DependencyValues | undefined, exposedIncludes: Value | undefined,
    exposedHasDeferred = false, inheritedFeatures: InheritedFeatures = []): FileConfig & { tree: ValueObject; featureDefaults: ValueObject } {
    const file = scope.file;
    const { decoded } = parsed;
    const variables: Record<string, Value | LazyObject> = {};
    if (exposedIncludes !== undefined) variables.include = exposedIncludes;
    // As Terragrunt: the values file beside the file being evaluated (a generated unit's own, for its terragrunt.hcl).
    const values = this.values(path.dirname(file));
    if (values) variables.values = values;
    const evalScope = this.scope(scope, variables);

    // Feature defaults first (functions only), then locals, which may read feature.<name>.value (Terragrunt's
    // DecodeBaseBlocks evaluates the locals block WithFeatures).
    const early = new AttributeEvaluator(file, evalScope, this.display);
    const featureDefaults: ValueObject = {};
    const featureLines = new Map<string, number>();
    for (const b of decoded.blocks.get('feature') ?? []) {
      const d = b.body.attributes.find((a) => a.name === 'default');
      if (!d) throw new ConfigError(this.display(file), `feature flag "${b.labels[0]}" does not have a default value`, `feature.${b.labels[0]}`, b.range.start.line);
      try {
        featureDefaults[b.labels[0]!] = early.value(d, `feature.${b.labels[0]}.default`);
      } catch (e) {
        // Known before anything runs, so it cannot wait for the outputs a read_terragrunt_config value shows.
        if (!(e instanceof Deferred)) throw e;
        throw new ConfigError(this.display(file), `cannot read dependency outputs (${e.attribute})`, `feature.${b.labels[0]}.default`, d.range.start.line);
      }
      featureLines.set(b.labels[0]!, b.range.start.line);
    }
    const features = this.features(file, mergeFeatureDefaults(featureDefaults, inheritedFeatures), featureLines);
    variables.feature = features;
    const locals = this.evaluateLocals(file, decoded.blocks.get('locals') ?? [], evalScope, variables);
    if (deps) variables.dependency = deps;

    // Before dependency outputs are known, whatever reads them (directly or through an exposed include that
    // does) waits for run time.
    const deferRoots = new Set<string>();
    if (!deps) {
      deferRoots.add('dependency');
      if (exposedHasDeferred) deferRoots.add('include');
    }
    const ev = new AttributeEvaluator(file, evalScope, this.display, deferRoots);
    const lines = new Map<string, number>();
    const deferred: string[] = [];
    const tree: ValueObject = { locals: locals.values };
    const lists: BlockLists = new Map();
    this.evaluateBody(decoded, TERRAGRUNT_BLOCK_ORDER, ev, '', tree, lines, deferred, lists);
    const fc = fileConfigFromTree(file, tree, lines, deferred, this.display, path.dirname(scope.configPath), lists);
    return { ...fc, tree, featureDefaults };
  }

  private evaluateBody(decoded: DecodedBody, skip: Set<string>, ev: AttributeEvaluator, prefix: string, into: ValueObject,
    lines: Map<string, number>, deferred: string[], lists: BlockLists): void {
    for (const [name, attr] of decoded.attributes) {
      const p = prefix + name;
      lines.set(p, attr.range.start.line);
      try {
        into[name] = ev.value(attr, p);
      } catch (e) {
        if (e instanceof Deferred) deferred.push(p);
        else throw e;
      }
    }
    for (const [type, blocks] of decoded.blocks) {
      if (skip.has(type)) continue;
      const seen = new Map<string, number>();
      for (const b of blocks) {
        let p = prefix + type + b.labels.map((l) => `.${l}`).join('');
        // A second hook with the same name is told apart in messages as `name[1]`.
        const n = seen.get(p) ?? 0;
        seen.set(p, n + 1);
        if (n > 0) p += `[${n}]`;
        lines.set(p, b.range.start.line);
        const obj: ValueObject = {};
        const inner: DecodedBody = {
          attributes: new Map(b.body.attributes.map((a) => [a.name, a])),
          blocks: groupBlocks(b.body.blocks),
        };
        this.evaluateBody(inner, NO_SKIP, ev, `${p}.`, obj, lines, deferred, lists);
        placeBlock(into, type, b.labels, obj);
        if (b.labels.length > 0) {
          const key = prefix + type;
          lists.set(key, [...(lists.get(key) ?? []), { name: b.labels[0]!, at: p, value: obj }]);
        }
      }
    }
  }

  /**
   * `feature.<name>.value`: the default (merged from includes), or the value given with --feature / TG_FEATURE,
   * typed as the default is for bools (Terragrunt's flagToTypedCtyValue); a flag no block declares is a string.
   */
  private features(file: string, defaults: ValueObject, lines: Map<string, number>): ValueObject {
    const out: ValueObject = {};
    for (const [name, value] of Object.entries(defaults)) out[name] = { name, value };
    for (const [name, raw] of Object.entries(this.opts.features ?? {})) {
      if (typeof defaults[name] === 'boolean') {
        const b = parseGoBool(raw);
        if (b === undefined) {
          throw new ConfigError(this.display(file), `feature flag "${name}" is a bool, but --feature ${name}=${raw} is not (true or false)`,
            `feature.${name}`, lines.get(name));
        }
        out[name] = { name, value: b };
      } else out[name] = { name, value: raw };
    }
    return out;
  }

  /** Locals evaluate on demand (so they may refer to each other in any order); a cycle is an error naming it. Sets `variables.local`. */
  evaluateLocals(file: string, blocks: Block[], scope: EvalScope, variables: Record<string, Value | LazyObject>): { values: ValueObject } {
    const defs = new Map<string, { expr: Expr; line: number }>();
    for (const b of blocks) {
      for (const a of b.body.attributes) {
        const prev = defs.get(a.name);
        if (prev) {
          throw new ConfigError(this.display(file), `local "${a.name}" is defined twice (also at line ${prev.line})`, `locals.${a.name}`, a.range.start.line);
        }
        defs.set(a.name, { expr: a.expr, line: a.range.start.line });
      }
    }
    const values = new Map<string, Value | LazyObject>();
    const stack: string[] = [];
    const get = (name: string): Value | LazyObject | undefined => {
      if (values.has(name)) return values.get(name);
      const def = defs.get(name);
      if (!def) return undefined;
      if (stack.includes(name)) {
        const cycle = [...stack.slice(stack.indexOf(name)), name].join(' -> ');
        throw new ConfigError(this.display(file), `cycle in locals: ${cycle}`, `locals.${name}`, def.line);
      }
      stack.push(name);
      try {
        // Lazy: a read_terragrunt_config value whose dependency outputs are not known yet is fine until read.
        const v = new AttributeEvaluator(file, scope, this.display).lazyExpr(def.expr, `locals.${name}`);
        values.set(name, v);
        return v;
      } finally {
        stack.pop();
      }
    };
    variables.local = new LazyObject(get, () => [...defs.keys()]);
    const out: ValueObject = {};
    for (const name of [...defs.keys()].sort()) {
      try {
        out[name] = materialize(get(name)!);
      } catch (e) {
        // Before dependency outputs are known (phase one), a local showing them is left out of `locals`.
        if (!(e instanceof Deferred)) throw toConfigError(e, file, `locals.${name}`, this.display);
      }
    }
    return { values: out };
  }

  /**
   * The `values` of a directory: the attributes of its terragrunt.values.hcl (written by `stack generate`),
   * evaluated once per run with functions only; undefined when there is no such file.
   */
  values(dir: string): ValueObject | undefined {
    if (this.valuesCache.has(dir)) return this.valuesCache.get(dir);
    const file = path.join(dir, VALUES_FILE);
    let out: ValueObject | undefined;
    if (existsSync(file)) {
      let body: Body;
      try {
        body = this.parse(readFileSync(file, 'utf8'), file);
      } catch (e) {
        throw toConfigError(e, file, undefined, this.display);
      }
      if (body.blocks.length > 0) {
        throw new ConfigError(this.display(file), 'a values file holds attributes only', undefined, body.blocks[0]!.range.start.line);
      }
      const ev = new AttributeEvaluator(file, this.scopeFor(file), this.display);
      out = {};
      for (const a of body.attributes) out[a.name] = ev.value(a, a.name);
    }
    this.valuesCache.set(dir, out);
    return out;
  }

  /**
   * A scope for a file that is not a module's config (a terragrunt.stack.hcl, a values file): Terragrunt's
   * functions answer as if the file were a config in its own directory.
   */
  scopeFor(file: string, variables: Record<string, Value | LazyObject> = {}): EvalScope {
    return this.scope({ file, configPath: file, originalConfigPath: file, includes: [] }, variables);
  }

  /** The evaluation scope for one file: root variables plus Terraform's and Terragrunt's functions. */
  private scope(tg: TerragruntScope, variables: Record<string, Value | LazyObject>): EvalScope {
    // Terragrunt's functions depend on the file; Terraform's are shared: inherit them instead of copying ~100
    // entries per file (that copy was a sixth of a 1,000-module stack load).
    const functions: FunctionTable = Object.assign(Object.create(this.tfFunctions) as FunctionTable, terragruntFunctions(tg, this.services(tg)));
    const fnContext: FunctionContext = {
      // Terraform's functions (file, templatefile, fileset…) resolve against the file being evaluated, as
      // Terragrunt's createTerragruntEvalContext(file.ConfigPath) does; Terragrunt's own use tg.configPath.
      baseDir: path.dirname(tg.file),
      renderTemplate: (source, filename, vars) => renderTemplate(source, filename, vars, functions, fnContext),
      onRead: (file) => this.noteRead(file),
    };
    return { variable: (name) => variables[name], functions, fnContext };
  }

  private services(tg: TerragruntScope): TerragruntServices {
    return {
      env: this.opts.env,
      workingDir: this.opts.workingDir,
      terraformCommand: this.opts.terraformCommand,
      terraformArgs: this.opts.terraformArgs,
      readTerragruntConfig: (file) => passConfigErrors(() => this.readTerragruntConfig(file, tg)),
      readTfvarsFile: (file) => passConfigErrors(() => this.readTfvars(file)),
      repoRoot: (dir) => this.repoRoot(dir),
      runCmd: (dir, args, quiet, cache) => this.runCmd(dir, args, quiet, cache),
      sopsDecrypt: (file) => this.sopsDecrypt(file, tg.originalConfigPath),
      awsIdentity: this.opts.awsIdentity ? () => this.opts.awsIdentity!(tg.originalConfigPath) : undefined,
      terraformWorkingDir: this.opts.terraformWorkingDir ? () => this.terraformWorkingDir(tg.originalConfigPath) : undefined,
      sourceCliFlag: this.opts.sourceCliFlag,
      fileExists: (file) => this.exists(file),
    };
  }

  /**
   * As Terragrunt's getWorkingDir: the module is loaded with get_working_dir() answering '' and its working dir
   * computed from the source that load gives.
   */
  private terraformWorkingDir(configPath: string): string {
    const known = this.workingDirs.get(configPath);
    if (known !== undefined) return known ?? '';
    this.workingDirs.set(configPath, null);
    try {
      const { module } = this.loadConfig(configPath, configPath, undefined);
      const dir = this.opts.terraformWorkingDir!(module);
      this.workingDirs.set(configPath, dir);
      return dir;
    } catch (e) {
      this.workingDirs.delete(configPath);
      throw e;
    }
  }

  /** read_terragrunt_config: the file evaluated as a config of its own; cached per file (and per reader when it depends on it). */
  private readTerragruntConfig(file: string, from: TerragruntScope): Value {
    // As Terragrunt: a stack file reads as its locals, units and stacks; a values file as its values.
    if (path.basename(file) === STACK_FILE) return this.readStackConfig(file);
    if (path.basename(file) === VALUES_FILE) {
      const values = this.values(path.dirname(file));
      if (!values) throw new ConfigError(this.display(file), 'file does not exist');
      this.noteRead(file);
      return values;
    }
    const parsed = this.file(file);
    const contextual = CONTEXT_FUNCTIONS.some((f) => parsed.calls.has(f));
    // get_aws_* answer differently before and after a module's role is known: keep both results apart.
    const aws = contextual && this.opts.awsIdentity && AWS_IDENTITY_FUNCTIONS.some((f) => parsed.calls.has(f))
      ? `\0${this.opts.awsIdentity(from.originalConfigPath).arn}` : '';
    // Its dependencies' outputs are known in a module's phase two only: keep the two results apart.
    const resolved = this.readDependencyValues[this.readDependencyValues.length - 1];
    const key = `${contextual ? `${file}\0${from.originalConfigPath}${aws}` : file}${resolved ? '\0resolved' : ''}`;
    const cached = this.readCache.get(key);
    if (cached !== undefined) {
      for (const f of this.readCacheFiles.get(key) ?? []) this.noteRead(f);
      this.noteReadDependencies(this.readCacheDependencies.get(key)?.values() ?? []);
      return cached;
    }
    if (this.reading.includes(file)) {
      throw new ConfigError(this.display(file), `read_terragrunt_config cycle: ${[...this.reading, file].map(this.display).join(' -> ')}`);
    }
    this.reading.push(file);
    this.readEvaluations++;
    const reads = new Set<string>();
    const readDeps = new Map<string, ReadDependency>();
    this.readers.push(reads);
    this.readDependencyCollectors.push(readDeps);
    try {
      const value = this.readConfigValue(file, from, resolved);
      this.readCache.set(key, value as Value);
      this.readCacheFiles.set(key, reads);
      this.readCacheDependencies.set(key, readDeps);
      return value as Value;
    } finally {
      this.readers.pop();
      this.readDependencyCollectors.pop();
      this.reading.pop();
    }
  }

  /**
   * A file read with read_terragrunt_config as Terragrunt shows it: its attributes, blocks, locals and inputs,
   * and `dependency.<name>.outputs` of its own dependency blocks (paths relative to the file), mocks applied as
   * for a module. Those outputs are read by the module's run (phase two, `resolved`); before that, whatever shows
   * them is unknown: a lazy value that defers what reads it, while the rest of the file is usable at once.
   */
  private readConfigValue(file: string, from: TerragruntScope, resolved: Record<string, ValueObject> | undefined): Value | LazyObject {
    let { module, exposed } = this.loadConfig(file, from.originalConfigPath, undefined);
    if (module.dependencies.length === 0 && !module.disabledDependencies?.length) {
      return { ...exposed, locals: module.locals, inputs: module.inputs };
    }
    this.noteReadDependencies(module.dependencies.map((d) => ({ key: readDependencyKey(file, d.name), dependency: d })));
    const outputs: Record<string, Value | LazyObject> = {};
    for (const d of module.disabledDependencies ?? []) outputs[d.name] = d.mockOutputs ?? {};
    if (resolved) {
      const values: DependencyValues = {};
      for (const d of module.dependencies) {
        const v = resolved[readDependencyKey(file, d.name)];
        if (!v) throw new ConfigError(this.display(file), 'internal: the outputs of this dependency were not read', `dependency.${d.name}`, d.line);
        values[d.name] = v;
        outputs[d.name] = v.outputs!;
      }
      for (const d of module.disabledDependencies ?? []) values[d.name] = { outputs: d.mockOutputs ?? {}, config_path: d.configPath };
      ({ module, exposed } = this.loadConfig(file, from.originalConfigPath, values));
    } else {
      for (const d of module.dependencies) outputs[d.name] = unknown(`dependency.${d.name}.outputs of ${this.display(file)}`);
    }
    const blocks = isObject(exposed.dependency) ? exposed.dependency : {};
    const dependency = lazyObject(Object.keys(outputs), (name) => withKey(blocks[name], 'outputs', outputs[name]!));
    const base: Record<string, Value | LazyObject> = { ...exposed, locals: module.locals, inputs: module.inputs, dependency };
    // What the file could not evaluate yet (it reads its dependencies' outputs) is unknown as a whole.
    for (const p of module.deferred) base[p.split('.')[0]!] = unknown(`${p} of ${this.display(file)}`);
    return lazyObject(Object.keys(base), (k) => base[k]);
  }

  /** A terragrunt.stack.hcl as read_terragrunt_config returns it (Terragrunt's stackConfigAsCty); cached per file. */
  private readStackConfig(file: string): Value {
    this.noteRead(file);
    const cached = this.readCache.get(file);
    if (cached !== undefined) return cached;
    const sf = readStackFile(file, { loader: this });
    const blocks = (kind: 'unit' | 'stack'): ValueObject => Object.fromEntries(sf.components.filter((c) => c.kind === kind).map((c) => [c.name, {
      name: c.name, source: c.source, path: c.path, ...(c.values ? { values: c.values } : {}),
      no_dot_terragrunt_stack: c.noDotTerragruntStack, no_validation: c.noValidation,
    }]));
    const value: ValueObject = {};
    if (Object.keys(sf.locals).length > 0) value.local = sf.locals;
    for (const kind of ['stack', 'unit'] as const) {
      const b = blocks(kind);
      if (Object.keys(b).length > 0) value[kind] = b;
    }
    this.readCache.set(file, value);
    return value;
  }

  /** read_tfvars_file: the file's variables as a JSON string, as Terragrunt returns them (so jsondecode() works). */
  private readTfvars(file: string): string {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new ConfigError(this.display(file), 'tfvars file does not exist');
    }
    if (file.endsWith('json')) {
      try {
        JSON.parse(text);
      } catch (e) {
        throw new ConfigError(this.display(file), `cannot read tfvars file: ${(e as Error).message}`);
      }
      return text;
    }
    let body: Body;
    try {
      body = this.parse(text, file);
    } catch (e) {
      throw toConfigError(e, file, undefined, this.display);
    }
    const scope: EvalScope = { variable: () => undefined, functions: this.tfFunctions, fnContext: { baseDir: path.dirname(file), renderTemplate: () => null } };
    const out: ValueObject = {};
    for (const a of body.attributes) out[a.name] = new AttributeEvaluator(file, scope, this.display).value(a, a.name);
    return stringifyJson(out);
  }

  /**
   * The git top level of `dir`, once per repository per run: a directory below a repository already found, with
   * no `.git` of its own on the way up (a nested repository or submodule), is in that repository without asking
   * git again (Terragrunt caches per directory; a 437-module tree asked git 2,298 times).
   */
  private repoRoot(dir: string): string {
    let known = this.repoRoots.get(dir);
    if (known === undefined) {
      known = this.knownRepoOf(dir);
      if (known === undefined) {
        this.gitRuns++;
        try {
          known = gitTopLevel(dir, this.opts.env);
          if (!this.knownRepos.includes(known)) this.knownRepos.push(known);
        } catch (e) {
          known = e as Error;
        }
      }
      this.repoRoots.set(dir, known);
    }
    if (known instanceof Error) throw known;
    return known;
  }

  private knownRepoOf(dir: string): string | undefined {
    // GIT_DIR / GIT_WORK_TREE point git elsewhere: only git itself can answer.
    if (this.opts.env.GIT_DIR || this.opts.env.GIT_WORK_TREE) return undefined;
    for (const root of this.knownRepos) {
      if (dir !== root && !dir.startsWith(root + path.sep)) continue;
      let nested = false;
      for (let d = dir; d !== root; d = path.dirname(d)) {
        if (this.exists(path.join(d, '.git'))) {
          nested = true;
          break;
        }
      }
      if (!nested) return root;
    }
    return undefined;
  }

  private exists(file: string): boolean {
    let found = this.existsCache.get(file);
    if (found === undefined) this.existsCache.set(file, (found = existsSync(file)));
    return found;
  }

  /**
   * sops_decrypt_file: `sops --decrypt` in the module's environment once its credentials are known, tgo's own
   * before; once per file per credentials per run. The plain text is never logged.
   */
  private sopsDecrypt(file: string, configPath: string): string {
    const own = this.moduleEnvs.get(configPath);
    const key = `${own?.key ?? 'tgo'}\0${file}`;
    const cached = this.sopsCache.get(key);
    if (cached !== undefined) return cached;
    const format = sopsFormat(file);
    let out: Buffer;
    try {
      out = execFileSync('sops', ['--decrypt', '--input-type', format, '--output-type', format, file],
        { cwd: path.dirname(file), env: own?.env ?? this.opts.env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
    } catch (e) {
      const err = e as { status?: number; stderr?: Buffer; code?: string };
      if (err.code === 'ENOENT') {
        throw new FunctionError('the sops program is not installed (tgo decrypts with `sops --decrypt`; see https://getsops.io)');
      }
      // Before the module's own credentials are known, a key only its role may use is not a failure yet.
      if (!own && this.opts.deferSops) {
        this.sopsDeferred.add(configPath);
        throw new Deferred(`sops_decrypt_file("${this.display(file)}")`, 'needs the module\'s credentials');
      }
      const why = String(err.stderr ?? '').trim().split('\n').slice(-3).join(' | ');
      throw new FunctionError(`sops could not decrypt ${this.display(file)} (exit code ${err.status ?? '?'})${why ? `: ${why}` : ''}`);
    }
    const text = out.toString('utf8');
    if (!isUtf8(out)) throw new FunctionError(`${this.display(file)} decrypts to data that is not UTF-8 text`);
    this.sopsCache.set(key, text);
    this.opts.onLog?.('debug', `sops_decrypt_file ${this.display(file)} (${format}) decrypted${own ? ' with the module\'s credentials' : ''}`);
    return text;
  }

  private runCmd(dir: string, args: string[], quiet: boolean, cache: RunCmdCache = 'dir'): string {
    const key = `${cache === 'global' ? '' : dir}\0${args.join('\0')}`;
    const cached = cache === 'none' ? undefined : this.runCmdCache.get(key);
    if (cached !== undefined) return cached;
    this.runCmdRuns++;
    this.existsCache.clear(); // a command may create files find_in_parent_folders looks for
    let out: string;
    try {
      out = execFileSync(args[0]!, args.slice(1), { cwd: dir, encoding: 'utf8', env: this.opts.env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
    } catch (e) {
      const err = e as { status?: number; stderr?: string; code?: string };
      const why = err.code === 'ENOENT' ? 'command not found' : `exit code ${err.status ?? '?'}${err.stderr ? `: ${err.stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`;
      throw new Error(`run_cmd(${args.map((a) => JSON.stringify(a)).join(', ')}) failed: ${why}`);
    }
    // Terragrunt trims the trailing newline, like a shell's $(…).
    out = out.replace(/\r?\n$/, '');
    if (cache !== 'none') this.runCmdCache.set(key, out);
    // As Terragrunt: the command's own output is shown once per run (not on cache hits), unless --terragrunt-quiet.
    this.opts.onLog?.('debug', quiet ? `run_cmd ${args[0]} (output hidden)` : `run_cmd ${args.join(' ')} in ${this.display(dir)}`);
    if (!quiet && out !== '') this.opts.onLog?.('info', out);
    return out;
  }
}

/** sops' file formats by extension, as Terragrunt picks them (vsops.FormatForPath); anything else is binary. */
function sopsFormat(file: string): string {
  const ext = path.extname(file).toLowerCase();
  return ext === '.yaml' || ext === '.yml' ? 'yaml' : ext === '.json' ? 'json' : ext === '.env' ? 'dotenv' : ext === '.ini' ? 'ini' : 'binary';
}

/**
 * A value not known before dependency outputs are (`what` names it): reading any part of it defers the attribute
 * that does; where nothing can wait (an include path), the error says what was read.
 */
function unknown(what: string): LazyObject {
  const wait = (): never => {
    throw new Deferred(what);
  };
  return new LazyObject(wait, wait);
}

function lazyObject(keys: string[], get: (key: string) => Value | LazyObject | undefined): LazyObject {
  return new LazyObject((k) => (keys.includes(k) ? get(k) : undefined), () => keys);
}

/** `obj` (a block's value) with one more attribute, kept lazy when that attribute is. */
function withKey(obj: Value | undefined, key: string, value: Value | LazyObject): Value | LazyObject {
  const base = isObject(obj) ? obj : {};
  if (!(value instanceof LazyObject)) return { ...base, [key]: value };
  return lazyObject([...new Set([...Object.keys(base), key])], (k) => (k === key ? value : base[k]));
}

/** Feature defaults of the included files, in include order, with whether each is merged deeply. */
type InheritedFeatures = { defaults: ValueObject; deep: boolean }[];

/**
 * Feature defaults as Terragrunt merges them across includes (mergeIncludedFeatureFlags): bottom-up, the file's
 * own (and the later includes') defaults win by name; a deep include deep-merges the two defaults.
 */
function mergeFeatureDefaults(own: ValueObject, inherited: InheritedFeatures): ValueObject {
  let base = own;
  for (let i = inherited.length - 1; i >= 0; i--) {
    const { defaults, deep } = inherited[i]!;
    const merged: ValueObject = { ...defaults };
    for (const [k, v] of Object.entries(base)) merged[k] = deep && k in defaults ? deepMerge(defaults[k]!, v) : v;
    base = merged;
  }
  return base;
}

/** Go's strconv.ParseBool. */
function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** Blocks evaluated separately (include paths first, locals and features before everything else). */
const TERRAGRUNT_BLOCK_ORDER = new Set(['include', 'locals', 'feature']);
const NO_SKIP = new Set<string>();

function groupBlocks(blocks: Block[]): Map<string, Block[]> {
  const m = new Map<string, Block[]>();
  for (const b of blocks) m.set(b.type, [...(m.get(b.type) ?? []), b]);
  return m;
}

/** Blocks become values as Terragrunt exposes them: `terraform {…}` an object, `dependency "x" {…}` keyed by label. */
function placeBlock(into: ValueObject, type: string, labels: string[], obj: ValueObject): void {
  if (labels.length === 0) {
    into[type] = obj;
    return;
  }
  let target = into[type];
  if (!isObject(target)) target = into[type] = {};
  (target as ValueObject)[labels[0]!] = obj;
}

function callsInBody(body: Body): Set<string> {
  const out = new Set<string>();
  const walk = (b: Body) => {
    for (const a of b.attributes) for (const f of findFunctionCalls(a.expr)) out.add(f);
    for (const blk of b.blocks) walk(blk.body);
  };
  walk(body);
  return out;
}
