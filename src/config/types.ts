// The evaluated configuration of one module, after includes are merged: what the rest of tgo consumes.

import type { Value, ValueObject } from './hcl/values.js';
import type { RoleParamKey } from './role-params.js';

/** A value and where it was written, for provenance in render-json and error messages. */
export interface Located<T> {
  value: T;
  file: string;
  line?: number;
}

export type MergeStrategy = 'no_merge' | 'shallow' | 'deep';

export interface IncludeConfig {
  label: string;
  path: string;
  expose: boolean;
  mergeStrategy: MergeStrategy;
  line?: number;
}

export interface DependencyConfig {
  name: string;
  /** Absolute directory of the dependency module. */
  configPath: string;
  enabled: boolean;
  skipOutputs: boolean;
  mockOutputs?: ValueObject;
  mockOutputsAllowedTerraformCommands?: string[];
  mockOutputsMergeStrategyWithState: 'no_merge' | 'shallow' | 'deep_map_only';
  file: string;
  line?: number;
  /**
   * When configPath is a generated stack's folder (it holds a terragrunt.stack.hcl): that stack's own units, whose
   * outputs make this dependency's outputs, by unit name (Terragrunt 1.1 stack dependencies).
   */
  stackUnits?: { name: string; dir: string }[];
}

export interface ExtraArguments {
  name: string;
  commands: string[];
  arguments: string[];
  requiredVarFiles: string[];
  optionalVarFiles: string[];
  envVars: Record<string, string>;
}

export interface Hook {
  name: string;
  commands: string[];
  execute: string[];
  workingDir?: string;
  runOnError: boolean;
  if: boolean;
  suppressStdout: boolean;
  onErrors: string[];
}

export interface TerraformBlock {
  source?: string;
  includeInCopy: string[];
  excludeFromCopy: string[];
  copyTerraformLockFile: boolean;
  extraArguments: ExtraArguments[];
  beforeHooks: Hook[];
  afterHooks: Hook[];
  errorHooks: Hook[];
}

export type IfExists = 'overwrite' | 'overwrite_terragrunt' | 'skip' | 'error';

export type IfDisabled = 'skip' | 'remove' | 'remove_terragrunt';

export interface GenerateConfig {
  name: string;
  path: string;
  ifExists: IfExists;
  contents: string;
  commentPrefix: string;
  disableSignature: boolean;
  disable: boolean;
  /** What to do with an existing file when `disable = true` (default skip: leave it). */
  ifDisabled?: IfDisabled;
  /** Format as HCL (hclwrite.Format) before writing; unset means "when the path ends in .tf, .tofu or .hcl". */
  hclFmt?: boolean;
  /** Where the block was written, for messages. */
  file?: string;
  line?: number;
}

export interface RemoteStateConfig {
  backend: string;
  config: ValueObject;
  generate?: { path: string; ifExists: IfExists };
  disableInit: boolean;
  /** OpenTofu state encryption: written into the generated backend file (needs `generate`, as in Terragrunt). */
  encryption?: ValueObject;
  /**
   * Terragrunt otherwise reads a dependency's outputs from a scratch dir holding only its backend; tgo always reads
   * them in the dependency's own working dir, which is what this asks for, so it changes nothing in tgo.
   */
  disableDependencyOptimization: boolean;
}

/** errors { retry "name" {…} }: a failure whose text matches is run again (patterns RE2; a leading ! negates). */
export interface RetryRule {
  name: string;
  retryableErrors: string[];
  maxAttempts: number;
  sleepIntervalSec: number;
}

/** errors { ignore "name" {…} }: a matching failure counts as a success; signals go to error-signals.json. */
export interface IgnoreRule {
  name: string;
  ignorableErrors: string[];
  message: string;
  signals?: ValueObject;
}

/** What decides whether a failed run is retried or ignored (see src/run/recovery.ts). */
export interface ErrorsSettings {
  /** The errors block's rules: when it has any, they replace the default retry rule, as in Terragrunt. */
  retry: RetryRule[];
  ignore: IgnoreRule[];
  /** Classic attributes: retryable_errors (replaces the default list), retry_max_attempts, retry_sleep_interval_sec. */
  retryableErrors?: string[];
  retryMaxAttempts?: number;
  retrySleepIntervalSec?: number;
}

export interface ExcludeConfig {
  if: boolean;
  actions: string[];
  excludeDependencies: boolean;
  noRun: boolean;
}

/** The iam_* attributes as written in HCL, by role parameter (src/config/role-params.ts); checked in role resolution. */
export type IamAttributes = { [K in RoleParamKey]?: Located<Value> };

export interface ModuleConfig {
  /** Absolute module directory and config file. */
  dir: string;
  configPath: string;
  includes: IncludeConfig[];
  locals: ValueObject;
  iam: IamAttributes;
  /** Enabled dependency blocks, merged from includes. */
  dependencies: DependencyConfig[];
  /**
   * Dependency blocks with `enabled = false`: not in the graph and never read, but Terragrunt still gives
   * `dependency.<name>.outputs` the block's mock_outputs.
   */
  disabledDependencies?: DependencyConfig[];
  /** Every module directory this one must run after (dependency blocks and dependencies.paths), absolute. */
  dependencyPaths: string[];
  inputs: ValueObject;
  terraform: TerraformBlock;
  generate: GenerateConfig[];
  remoteState?: RemoteStateConfig;
  skip: boolean;
  preventDestroy: boolean;
  errors: ErrorsSettings;
  exclude?: ExcludeConfig;
  downloadDir?: string;
  terraformBinary?: string;
  terraformVersionConstraint?: string;
  terragruntVersionConstraint?: string;
  /** Attributes left unevaluated because they read dependency outputs (known only at run time). */
  deferred: string[];
  /**
   * Every file the configuration read, absolute and sorted: its own, included files, read_terragrunt_config
   * files (and what they read), file(), templatefile(), read_tfvars_file(), mark_as_read(). Set by loadModule.
   */
  filesRead?: string[];
  /**
   * Dependency blocks of files this configuration reads with read_terragrunt_config (their paths relative to the
   * read file), whose outputs its values may show: the module runs after them and reads their outputs. Set by loadModule.
   */
  readDependencies?: ReadDependency[];
}

/** A dependency block of a file read with read_terragrunt_config. */
export interface ReadDependency {
  /** The read file and the block's name, as one key (readDependencyKey). */
  key: string;
  dependency: DependencyConfig;
}
