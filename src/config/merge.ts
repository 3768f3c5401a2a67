// From one file's evaluated values to a typed partial config, and Terragrunt's include merge rules
// (pkg/config/include.go): includes are merged bottom-up, each with its own strategy, onto "the child so far", so
// the last include has the highest priority after the child. shallow (default): the child's values win,
// extra_arguments and hooks merge by name (a same-named child entry replaces the parent's in place), dependency
// blocks merge by name, a generate name defined on both sides is an error, inputs merge by top-level key,
// dependencies.paths are appended; deep: the same, but inputs and dependency blocks merge recursively (maps merge,
// lists concatenate), include_in_copy/exclude_from_copy concatenate and a same-named generate block of the child
// replaces the parent's; no_merge: the parent contributes nothing. remote_state is always replaced, never merged,
// and locals are never merged.

import path from 'node:path';
import { isNumber, isObject, stringifyJson, type Value, type ValueObject } from './hcl/values.js';
import { deepMerge } from './functions/terragrunt.js';
import type { DisplayPath } from './decode.js';
import type {
  DependencyConfig, ExcludeConfig, ExtraArguments, GenerateConfig, Hook, IamAttributes, IfDisabled, IfExists, IncludeConfig,
  ModuleConfig, RemoteStateConfig, TerraformBlock,
} from './types.js';
import { ROLE_PARAMS } from './role-params.js';
import { ConfigError } from '../errors.js';
import { compileOnError } from './on-errors.js';
import { errorsSettings, mergeErrors, readErrors, type FileErrors } from './errors-block.js';
import { parseConstraint } from '../shared/version-constraint.js';
import { CONFIG_FILES } from './config-files.js';

/** One file's contribution, before merging. Absent fields were not set in that file. */
export interface FileConfig {
  file: string;
  locals: ValueObject;
  iam: IamAttributes;
  dependencies: FileDependency[];
  dependenciesPaths?: string[];
  inputs?: ValueObject;
  terraform?: Partial<Omit<TerraformBlock, 'extraArguments' | 'beforeHooks' | 'afterHooks' | 'errorHooks'>> &
    Pick<TerraformBlock, 'extraArguments' | 'beforeHooks' | 'afterHooks' | 'errorHooks'>;
  generate: GenerateConfig[];
  remoteState?: RemoteStateConfig;
  skip?: boolean;
  preventDestroy?: boolean;
  exclude?: ExcludeConfig;
  downloadDir?: string;
  terraformBinary?: string;
  terraformVersionConstraint?: string;
  terragruntVersionConstraint?: string;
  errors?: FileErrors;
  deferred: string[];
}

/**
 * Labelled blocks in the order written, by path of their type (`terraform.before_hook`): hooks and
 * extra_arguments are lists in Terragrunt, so two with the same name both count.
 */
export type BlockLists = Map<string, { name: string; at: string; value: ValueObject }[]>;

/** A dependency block of one file, with the attributes written in it (a deep merge overrides only those). */
export type FileDependency = DependencyConfig & { set: ReadonlySet<string> };

const IF_EXISTS = ['overwrite', 'overwrite_terragrunt', 'skip', 'error'];
const IF_DISABLED = ['skip', 'remove', 'remove_terragrunt'];

/** Typed reads from an evaluated tree; each failure names the file, attribute and line. */
class Reader {
  constructor(
    readonly file: string,
    readonly lines: Map<string, number>,
    readonly display: DisplayPath,
  ) {}

  fail(attr: string, detail: string): never {
    throw new ConfigError(this.display(this.file), detail, attr, this.lines.get(attr));
  }
  str(obj: ValueObject, key: string, at: string): string | undefined {
    const v = obj[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (isNumber(v) || typeof v === 'boolean') return String(v);
    return this.fail(at, `must be a string, got ${describe(v)}`);
  }
  bool(obj: ValueObject, key: string, at: string): boolean | undefined {
    const v = obj[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    return this.fail(at, `must be a bool, got ${describe(v)}`);
  }
  list(obj: ValueObject, key: string, at: string): string[] | undefined {
    const v = obj[key];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) return this.fail(at, `must be a list of strings, got ${describe(v)}`);
    return v.map((x, i) => (typeof x === 'string' ? x : isNumber(x) || typeof x === 'boolean' ? String(x) : this.fail(at, `element ${i} must be a string, got ${describe(x)}`)));
  }
  object(obj: ValueObject, key: string, at: string): ValueObject | undefined {
    const v = obj[key];
    if (v === undefined || v === null) return undefined;
    if (!isObject(v)) return this.fail(at, `must be an object, got ${describe(v)}`);
    return v;
  }
  located<T>(obj: ValueObject, key: string, value: T | undefined): { value: T; file: string; line?: number } | undefined {
    return value === undefined ? undefined : { value, file: this.file, line: this.lines.get(key) };
  }
}

function describe(v: Value): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (isObject(v)) return 'an object';
  return `${typeof v === 'string' ? 'string' : typeof v} ${JSON.stringify(v)}`;
}

function labelled(tree: ValueObject, type: string): [string, ValueObject][] {
  const v = tree[type];
  return isObject(v) ? Object.entries(v).filter((e): e is [string, ValueObject] => isObject(e[1])) : [];
}

/**
 * `baseDir` is the unit's directory: relative dependency/dependencies paths resolve against it even when they are
 * written in an included file, as in Terragrunt (they are resolved against the config being parsed, i.e. the unit).
 */
export function fileConfigFromTree(file: string, tree: ValueObject, lines: Map<string, number>, deferred: string[], display: DisplayPath,
  baseDir: string = path.dirname(file), lists: BlockLists = new Map()): FileConfig {
  const r: Reader = new Reader(file, lines, display);
  const dir = baseDir;
  const iam: IamAttributes = {};
  for (const p of ROLE_PARAMS) {
    if (deferred.includes(p.attribute)) {
      r.fail(p.attribute, `${p.attribute} cannot read dependency outputs: it is evaluated before dependencies are known (as in Terragrunt)`);
    }
    const v = 'hclString' in p ? r.str(tree, p.attribute, p.attribute) : tree[p.attribute];
    if (v !== undefined && v !== null) iam[p.key] = { value: v, file, line: lines.get(p.attribute) };
  }

  const dependencies: FileDependency[] = labelled(tree, 'dependency').map(([name, d]) => {
    const at = `dependency.${name}`;
    const configPath = r.str(d, 'config_path', `${at}.config_path`);
    if (deferred.includes(`${at}.config_path`)) r.fail(`${at}.config_path`, 'config_path cannot read dependency outputs');
    // An empty config_path is a template for the files that include this one (they set it): it is checked only
    // after the include merge (mergeFileConfigs), as Terragrunt validates the merged dependency blocks.
    const strategy = r.str(d, 'mock_outputs_merge_strategy_with_state', `${at}.mock_outputs_merge_strategy_with_state`)
      ?? (r.bool(d, 'mock_outputs_merge_with_state', `${at}.mock_outputs_merge_with_state`) ? 'shallow' : 'no_merge');
    if (!['no_merge', 'shallow', 'deep_map_only'].includes(strategy)) {
      r.fail(`${at}.mock_outputs_merge_strategy_with_state`, `must be "no_merge", "shallow" or "deep_map_only", got "${strategy}"`);
    }
    const set = new Set(Object.keys(d).filter((k) => d[k] !== null));
    if (!configPath) set.delete('config_path');
    return {
      name,
      configPath: configPath ? unitDirOf(path.resolve(dir, configPath)) : '',
      enabled: r.bool(d, 'enabled', `${at}.enabled`) ?? true,
      skipOutputs: r.bool(d, 'skip_outputs', `${at}.skip_outputs`) ?? false,
      mockOutputs: r.object(d, 'mock_outputs', `${at}.mock_outputs`),
      mockOutputsAllowedTerraformCommands: r.list(d, 'mock_outputs_allowed_terraform_commands', `${at}.mock_outputs_allowed_terraform_commands`),
      mockOutputsMergeStrategyWithState: strategy as DependencyConfig['mockOutputsMergeStrategyWithState'],
      file,
      line: lines.get(at),
      set,
    };
  });

  const depsBlock = r.object(tree, 'dependencies', 'dependencies');
  const dependenciesPaths = depsBlock ? (r.list(depsBlock, 'paths', 'dependencies.paths') ?? []).map((p) => path.resolve(dir, p)) : undefined;

  const inputs = r.object(tree, 'inputs', 'inputs');

  let terraform: FileConfig['terraform'];
  const tf = r.object(tree, 'terraform', 'terraform');
  if (tf) {
    terraform = {
      source: r.str(tf, 'source', 'terraform.source'),
      includeInCopy: r.list(tf, 'include_in_copy', 'terraform.include_in_copy'),
      excludeFromCopy: r.list(tf, 'exclude_from_copy', 'terraform.exclude_from_copy'),
      copyTerraformLockFile: r.bool(tf, 'copy_terraform_lock_file', 'terraform.copy_terraform_lock_file'),
      extraArguments: inOrder(lists, tf, 'terraform', 'extra_arguments').map(({ name, at, value: e }): ExtraArguments => {
        const env = r.object(e, 'env_vars', `${at}.env_vars`) ?? {};
        return {
          name,
          commands: r.list(e, 'commands', `${at}.commands`) ?? [],
          arguments: r.list(e, 'arguments', `${at}.arguments`) ?? [],
          requiredVarFiles: r.list(e, 'required_var_files', `${at}.required_var_files`) ?? [],
          optionalVarFiles: r.list(e, 'optional_var_files', `${at}.optional_var_files`) ?? [],
          envVars: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, typeof v === 'string' ? v : stringifyJson(v)])),
        };
      }),
      beforeHooks: hooks(r, inOrder(lists, tf, 'terraform', 'before_hook'), deferred),
      afterHooks: hooks(r, inOrder(lists, tf, 'terraform', 'after_hook'), deferred),
      errorHooks: hooks(r, inOrder(lists, tf, 'terraform', 'error_hook'), deferred, true),
    };
  }

  const generate: GenerateConfig[] = [];
  const genAttr = tree.generate;
  // `generate = { name = { … } }` (attribute form) and `generate "name" { … }` (blocks) read the same.
  for (const [name, g] of isObject(genAttr) ? Object.entries(genAttr).filter((e): e is [string, ValueObject] => isObject(e[1])) : []) {
    const at = `generate.${name}`;
    const ifExists = r.str(g, 'if_exists', `${at}.if_exists`) ?? 'error';
    if (!IF_EXISTS.includes(ifExists)) r.fail(`${at}.if_exists`, `must be one of ${IF_EXISTS.map((x) => `"${x}"`).join(', ')}, got "${ifExists}"`);
    const genPath = r.str(g, 'path', `${at}.path`);
    if (!genPath) r.fail(`${at}.path`, 'path is required');
    const ifDisabled = r.str(g, 'if_disabled', `${at}.if_disabled`) ?? 'skip';
    if (!IF_DISABLED.includes(ifDisabled)) r.fail(`${at}.if_disabled`, `must be one of ${IF_DISABLED.map((x) => `"${x}"`).join(', ')}, got "${ifDisabled}"`);
    generate.push({
      name,
      path: genPath,
      ifExists: ifExists as IfExists,
      contents: r.str(g, 'contents', `${at}.contents`) ?? '',
      commentPrefix: r.str(g, 'comment_prefix', `${at}.comment_prefix`) ?? '# ',
      disableSignature: r.bool(g, 'disable_signature', `${at}.disable_signature`) ?? false,
      disable: r.bool(g, 'disable', `${at}.disable`) ?? false,
      ifDisabled: ifDisabled as IfDisabled,
      hclFmt: r.bool(g, 'hcl_fmt', `${at}.hcl_fmt`),
      file,
      line: lines.get(at),
    });
  }

  let remoteState: RemoteStateConfig | undefined;
  const rs = r.object(tree, 'remote_state', 'remote_state');
  if (rs) {
    const backend = r.str(rs, 'backend', 'remote_state.backend');
    if (!backend) r.fail('remote_state.backend', 'backend is required');
    const gen = r.object(rs, 'generate', 'remote_state.generate');
    let generateCfg: RemoteStateConfig['generate'];
    if (gen) {
      const ifExists = r.str(gen, 'if_exists', 'remote_state.generate.if_exists') ?? 'error';
      if (!IF_EXISTS.includes(ifExists)) r.fail('remote_state.generate.if_exists', `must be one of ${IF_EXISTS.join(', ')}, got "${ifExists}"`);
      generateCfg = { path: r.str(gen, 'path', 'remote_state.generate.path') ?? 'backend.tf', ifExists: ifExists as IfExists };
    }
    const encryption = r.object(rs, 'encryption', 'remote_state.encryption');
    if (encryption && Object.keys(encryption).length > 0) {
      if (typeof encryption.key_provider !== 'string') r.fail('remote_state.encryption', 'key_provider is mandatory but not found in the encryption map');
      if (!generateCfg) r.fail('remote_state.encryption', 'encryption is written into the generated backend file: it needs remote_state.generate');
    }
    remoteState = {
      backend,
      config: r.object(rs, 'config', 'remote_state.config') ?? {},
      generate: generateCfg,
      disableInit: r.bool(rs, 'disable_init', 'remote_state.disable_init') ?? false,
      encryption: encryption && Object.keys(encryption).length > 0 ? encryption : undefined,
      disableDependencyOptimization: r.bool(rs, 'disable_dependency_optimization', 'remote_state.disable_dependency_optimization') ?? false,
    };
  }

  let exclude: ExcludeConfig | undefined;
  const ex = r.object(tree, 'exclude', 'exclude');
  if (ex) {
    exclude = {
      if: r.bool(ex, 'if', 'exclude.if') ?? false,
      actions: r.list(ex, 'actions', 'exclude.actions') ?? ['all'],
      excludeDependencies: r.bool(ex, 'exclude_dependencies', 'exclude.exclude_dependencies') ?? false,
      noRun: r.bool(ex, 'no_run', 'exclude.no_run') ?? false,
    };
  }
  for (const key of ['skip', 'prevent_destroy', 'exclude.if']) {
    if (deferred.includes(key)) r.fail(key, `${key} cannot read dependency outputs: it decides what runs before anything runs`);
  }

  return {
    file,
    locals: (tree.locals as ValueObject) ?? {},
    iam,
    dependencies,
    dependenciesPaths,
    inputs,
    terraform,
    generate,
    remoteState,
    skip: r.bool(tree, 'skip', 'skip'),
    preventDestroy: r.bool(tree, 'prevent_destroy', 'prevent_destroy'),
    exclude,
    downloadDir: r.str(tree, 'download_dir', 'download_dir'),
    terraformBinary: r.str(tree, 'terraform_binary', 'terraform_binary'),
    terraformVersionConstraint: versionConstraint(r, tree, 'terraform_version_constraint'),
    terragruntVersionConstraint: versionConstraint(r, tree, 'terragrunt_version_constraint'),
    errors: readErrors(r, tree),
    deferred,
  };
}

/** A version constraint, checked now with go-version's rules (a malformed one names its file and line). */
function versionConstraint(r: Reader, tree: ValueObject, key: string): string | undefined {
  const c = r.str(tree, key, key);
  if (c !== undefined) {
    try {
      parseConstraint(c);
    } catch (e) {
      r.fail(key, (e as Error).message);
    }
  }
  return c;
}

/** A block type's labelled blocks in the order written (duplicates kept), falling back to the value tree. */
function inOrder(lists: BlockLists, parent: ValueObject, prefix: string, type: string): { name: string; at: string; value: ValueObject }[] {
  return lists.get(`${prefix}.${type}`) ?? labelled(parent, type).map(([name, value]) => ({ name, at: `${prefix}.${type}.${name}`, value }));
}

function hooks(r: Reader, blocks: { name: string; at: string; value: ValueObject }[], deferred: string[], errorHooks = false): Hook[] {
  return blocks.map(({ name, at, value: h }) => {
    const execute = r.list(h, 'execute', `${at}.execute`) ?? [];
    // An execute that reads dependency outputs is known when the unit runs (Terragrunt decodes hooks with them).
    if (execute.length === 0 && !deferred.includes(`${at}.execute`)) r.fail(`${at}.execute`, 'execute must name a command to run');
    const onErrors = r.list(h, 'on_errors', `${at}.on_errors`) ?? [];
    // on_errors are Go (RE2) regular expressions: a bad one is found now, not when terraform fails.
    if (errorHooks) {
      for (const p of onErrors) {
        try {
          compileOnError(p);
        } catch (e) {
          r.fail(`${at}.on_errors`, `invalid regular expression ${JSON.stringify(p)}: ${(e as Error).message}`);
        }
      }
    }
    return {
      name,
      commands: r.list(h, 'commands', `${at}.commands`) ?? [],
      execute,
      workingDir: r.str(h, 'working_dir', `${at}.working_dir`),
      runOnError: r.bool(h, 'run_on_error', `${at}.run_on_error`) ?? false,
      if: r.bool(h, 'if', `${at}.if`) ?? true,
      suppressStdout: r.bool(h, 'suppress_stdout', `${at}.suppress_stdout`) ?? false,
      onErrors,
    };
  });
}

/** Terragrunt's merge-by-name for extra_arguments and hooks: a same-named child entry takes the parent's place, others are appended. */
function byName<T extends { name: string }>(parent: T[], child: T[]): T[] {
  const out = [...parent];
  for (const c of child) {
    const i = out.findIndex((p) => p.name === c.name);
    if (i >= 0) out[i] = c;
    else out.push(c);
  }
  return out;
}

/** dependency blocks by name: parent order, a same-named child block replaces (shallow) or deep-merges into (deep) the parent's. */
function mergeDependencies(parent: FileDependency[], child: FileDependency[], deep: boolean): FileDependency[] {
  const out = [...parent];
  for (const c of child) {
    const i = out.findIndex((p) => p.name === c.name);
    if (i < 0) out.push(c);
    else out[i] = deep ? deepMergeDependency(out[i]!, c) : c;
  }
  return out;
}

/**
 * Terragrunt's Dependency.DeepMerge: config_path, enabled and skip_outputs are taken from the child when it sets
 * them, mock_outputs merge deeply, mock_outputs_allowed_terraform_commands concatenate; the mock merge strategy
 * stays the parent's (Terragrunt does not carry it over).
 */
function deepMergeDependency(p: FileDependency, c: FileDependency): FileDependency {
  const mockOutputs = p.mockOutputs && c.mockOutputs ? (deepMerge(p.mockOutputs, c.mockOutputs) as ValueObject) : c.mockOutputs ?? p.mockOutputs;
  const allowed = p.mockOutputsAllowedTerraformCommands && c.mockOutputsAllowedTerraformCommands
    ? [...p.mockOutputsAllowedTerraformCommands, ...c.mockOutputsAllowedTerraformCommands]
    : c.mockOutputsAllowedTerraformCommands ?? p.mockOutputsAllowedTerraformCommands;
  const from = c.set.has('config_path') ? c : p;
  return {
    ...p,
    configPath: from.configPath,
    file: from.file,
    line: from.line,
    enabled: c.set.has('enabled') ? c.enabled : p.enabled,
    skipOutputs: c.set.has('skip_outputs') ? c.skipOutputs : p.skipOutputs,
    mockOutputs,
    mockOutputsAllowedTerraformCommands: allowed,
    set: new Set([...p.set, ...c.set]),
  };
}

/** Paths of `dependencies` blocks: the parent's, then the child's that are not there yet. */
function mergePaths(parent: string[] | undefined, child: string[] | undefined): string[] | undefined {
  if (!parent) return child;
  if (!child) return parent;
  return [...parent, ...child.filter((p) => !parent.includes(p))];
}

/**
 * One include step: Terragrunt's TerragruntConfig.Merge (shallow) or DeepMerge (deep) of `child` (the child plus
 * the includes after this one, already merged) onto `parent`.
 */
function mergeInto(parent: FileConfig, child: FileConfig, deep: boolean, display: DisplayPath): FileConfig {
  const tp = parent.terraform;
  const tc = child.terraform;
  let terraform: FileConfig['terraform'];
  if (!tc) terraform = tp;
  else if (!tp) terraform = tc;
  else {
    terraform = {
      source: tc.source ?? tp.source,
      copyTerraformLockFile: tc.copyTerraformLockFile ?? tp.copyTerraformLockFile,
      // A shallow merge keeps the parent's copy lists (Terragrunt's Merge never looks at the child's); deep concatenates.
      includeInCopy: deep && tc.includeInCopy ? [...tc.includeInCopy, ...(tp.includeInCopy ?? [])] : tp.includeInCopy,
      excludeFromCopy: deep && tc.excludeFromCopy ? [...tc.excludeFromCopy, ...(tp.excludeFromCopy ?? [])] : tp.excludeFromCopy,
      extraArguments: byName(tp.extraArguments, tc.extraArguments),
      beforeHooks: byName(tp.beforeHooks, tc.beforeHooks),
      afterHooks: byName(tp.afterHooks, tc.afterHooks),
      errorHooks: byName(tp.errorHooks, tc.errorHooks),
    };
  }

  if (!deep) {
    const dup = child.generate.filter((g) => parent.generate.some((p) => p.name === g.name));
    if (dup.length > 0) {
      const g = dup[0]!;
      const other = parent.generate.find((p) => p.name === g.name)!;
      throw new ConfigError(display(g.file ?? child.file),
        `Detected generate blocks with the same name: [${dup.map((d) => d.name).join(' ')}]: generate "${g.name}" is also defined in `
        + `${display(other.file ?? parent.file)}${other.line ? `:${other.line}` : ''}, which is included with merge_strategy "shallow"; `
        + 'rename one of them, or include that file with merge_strategy = "deep" to let this one replace it',
        `generate.${g.name}`, g.line);
    }
  }
  const generate = [...parent.generate.filter((p) => !child.generate.some((c) => c.name === p.name)), ...child.generate];

  let inputs = parent.inputs;
  if (child.inputs) inputs = parent.inputs ? (deep ? (deepMerge(parent.inputs, child.inputs) as ValueObject) : { ...parent.inputs, ...child.inputs }) : child.inputs;
  // Each iam_* parameter: the child's value when it sets one, else the parent's.
  const iam: IamAttributes = {};
  for (const p of ROLE_PARAMS) {
    const v = child.iam[p.key] ?? parent.iam[p.key];
    if (v !== undefined) iam[p.key] = v;
  }
  return {
    file: child.file,
    locals: child.locals,
    iam,
    dependencies: mergeDependencies(parent.dependencies, child.dependencies, deep),
    dependenciesPaths: mergePaths(parent.dependenciesPaths, child.dependenciesPaths),
    inputs,
    terraform,
    generate,
    remoteState: child.remoteState ?? parent.remoteState,
    skip: child.skip ?? parent.skip,
    preventDestroy: child.preventDestroy ?? parent.preventDestroy,
    exclude: child.exclude ?? parent.exclude,
    downloadDir: child.downloadDir ?? parent.downloadDir,
    terraformBinary: child.terraformBinary ?? parent.terraformBinary,
    terraformVersionConstraint: child.terraformVersionConstraint ?? parent.terraformVersionConstraint,
    terragruntVersionConstraint: child.terragruntVersionConstraint ?? parent.terragruntVersionConstraint,
    errors: mergeErrors(parent.errors, child.errors),
    deferred: [...new Set([...parent.deferred, ...child.deferred])],
  };
}

/**
 * A generated unit's terragrunt.autoinclude.hcl on top of its own file, as Terragrunt 1.1 merges it: a shallow
 * include merge with the autoinclude as the child (its values win), before the unit's includes are merged.
 */
export function mergeAutoinclude(unit: FileConfig, auto: FileConfig, display: DisplayPath): FileConfig {
  return { ...mergeInto(unit, auto, false, display), file: unit.file, locals: unit.locals };
}

/**
 * Includes merge bottom-up as in Terragrunt's handleInclude: starting from the child, each include (last first)
 * takes what has been merged so far as its child, with its own merge strategy. So the last include has the
 * highest priority after the child, and a shallow include replaces whole top-level inputs of everything below it.
 */
/**
 * A dependency's config_path may name the unit's config file instead of its folder (Terragrunt reads it through
 * getCleanedTargetConfigPath, which takes either): the unit is the folder.
 */
function unitDirOf(p: string): string {
  return CONFIG_FILES.includes(path.basename(p)) ? path.dirname(p) : p;
}

export function mergeFileConfigs(dir: string, configPath: string, includes: IncludeConfig[], parents: FileConfig[], child: FileConfig,
  display: DisplayPath = (p) => p): ModuleConfig {
  let m = child;
  for (let i = includes.length - 1; i >= 0; i--) {
    const strategy = includes[i]!.mergeStrategy;
    if (strategy === 'no_merge') continue;
    m = mergeInto(parents[i]!, m, strategy === 'deep', display);
  }
  for (const d of m.dependencies) {
    if (d.enabled && d.configPath === '') {
      throw new ConfigError(display(d.file), `config_path must be set to the directory of the dependency${d.file === configPath ? '' : ` (it is empty here and no file including ${display(d.file)} sets it)`}`,
        `dependency.${d.name}.config_path`, d.line);
    }
  }
  const dependencies: DependencyConfig[] = m.dependencies.filter((d) => d.enabled).map(({ set: _set, ...d }) => d);
  const disabledDependencies: DependencyConfig[] = m.dependencies.filter((d) => !d.enabled).map(({ set: _set, ...d }) => d);
  const dependencyPaths = [...new Set([...dependencies.map((d) => d.configPath), ...(m.dependenciesPaths ?? [])])];
  return {
    dir,
    configPath,
    includes,
    locals: child.locals,
    iam: m.iam,
    dependencies,
    disabledDependencies,
    dependencyPaths,
    inputs: m.inputs ?? {},
    terraform: {
      source: m.terraform?.source,
      includeInCopy: m.terraform?.includeInCopy ?? [],
      excludeFromCopy: m.terraform?.excludeFromCopy ?? [],
      copyTerraformLockFile: m.terraform?.copyTerraformLockFile ?? true,
      extraArguments: m.terraform?.extraArguments ?? [],
      beforeHooks: m.terraform?.beforeHooks ?? [],
      afterHooks: m.terraform?.afterHooks ?? [],
      errorHooks: m.terraform?.errorHooks ?? [],
    },
    generate: m.generate,
    remoteState: m.remoteState,
    skip: m.skip ?? false, // inherited from an include, as Terragrunt's Merge/DeepMerge did while it had `skip`
    preventDestroy: m.preventDestroy ?? false,
    exclude: m.exclude,
    downloadDir: m.downloadDir,
    terraformBinary: m.terraformBinary,
    terraformVersionConstraint: m.terraformVersionConstraint,
    terragruntVersionConstraint: m.terragruntVersionConstraint,
    errors: errorsSettings(m.errors),
    deferred: m.deferred,
  };
}
