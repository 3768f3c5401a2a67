// Typed options the core receives; the CLI layer builds them from flags and env.

import type { Filter } from '../discovery/filter/index.js';
import type { RoleOverrides } from '../auth/role.js';
import type { SourceOptions } from '../source/overrides.js';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface RunOptions {
  /** Absolute directory tgo runs in. */
  workingDir: string;
  /** The terraform command (plan, apply, …) and its arguments, tgo flags removed. */
  command: string;
  args: string[];
  /** Explicit --terragrunt-tfpath; otherwise terraform_binary from HCL, then `terraform` on PATH. */
  tfPath?: string;
  /** Max modules at once; Infinity = unlimited. */
  parallelism: number;
  nonInteractive: boolean;
  autoInit: boolean;
  /** Read dependency outputs from their state (local file, S3) when possible (the default); false: always `terraform output -json`. */
  dependencyOutputsFromState?: boolean;
  /** --provider-cache: the shared plugin cache directory (absolute); absent: no cache from tgo. */
  providerCacheDir?: string;
  /** Retry failures that a retry rule matches (off with --no-auto-retry / TG_NO_AUTO_RETRY); absent means on. */
  autoRetry?: boolean;
  logLevel: LogLevel;
  /** --log-format: tgo's own lines in one of Terragrunt's presets. */
  logFormat?: 'pretty' | 'bare' | 'json' | 'key-value';
  /** --inputs-debug: write terragrunt-debug.tfvars.json in each module before terraform runs. */
  inputsDebug?: boolean;
  /** --backend-bootstrap: make each module's s3 state bucket and lock table ready before init. */
  backendBootstrap?: boolean;
  /** --disable-bucket-update: a bootstrap creates what is missing but changes no existing bucket. */
  disableBucketUpdate?: boolean;
  /** run --all --out-dir: each unit's plan file under this dir (absolute); --json-out-dir: its JSON. */
  outDir?: string;
  jsonOutDir?: string;
  /** --no-color: no colour from tgo, and -no-color for terraform. */
  noColor?: boolean;
  role: RoleOverrides;
  env: NodeJS.ProcessEnv;
  /** Every-module run (run-all / run --all) rather than the module in workingDir. */
  all: boolean;
  failFast?: boolean;
  ignoreDependencyErrors?: boolean;
  ignoreDependencyOrder?: boolean;
  /** Globs relative to workingDir (`**` allowed). */
  includeDirs?: string[];
  excludeDirs?: string[];
  /** How the user spelled the include/exclude flags (or env vars), for messages. */
  includeDirsFrom?: string;
  excludeDirsFrom?: string;
  strictInclude?: boolean;
  /** --queue-include-units-reading globs: also the modules that read a matching file (no dependencies brought). */
  includeUnitsReading?: string[];
  includeUnitsReadingFrom?: string;
  /** --filter queries (and those of the filters file): which units the run selects. */
  filters?: Filter[];
  /** --filter-allow-destroy: git filters may destroy units removed between their references. */
  filterAllowDestroy?: boolean;
  /** Things the filter options want the user to know (shown with the selection's warnings). */
  filterWarnings?: string[];
  /** Dependencies outside workingDir: run them, never run them, or ask. */
  externalDependencies?: 'include' | 'ignore' | 'ask';
  /** `tgo exec -- <argv>`: run this program in each module instead of terraform (inputs and role as for terraform). */
  exec?: { argv: string[]; inDownloadDir: boolean };
  reportFile?: string;
  /** --report-format: csv, json or html (default: from the report file's extension; none = csv). */
  reportFormat?: string;
  /** run-all output -json: write one object keyed by module path here ('-' = stdout). */
  jsonOut?: string;
  summary?: boolean;
  /** The current MFA code, when given on the command line or in TGO_IAM_MFA_TOKEN. */
  mfaToken?: string;
  /** Serve refreshing credentials over a loopback endpoint instead of static env keys. */
  credentialServer?: boolean;
  authProviderCmd?: string;
  /** --config: the module's config file (absolute) instead of terragrunt.hcl. */
  configFile?: string;
  /** --source, --source-map, --source-update, --download-dir. */
  sources?: SourceOptions;
  /** --queue-include-units-changed-since: only modules a change since this git ref touches (plus dependents for plan/apply). */
  changedSince?: string;
  /** --shard k/n (and --shard-level): the k-th of n balanced parts of each group, or of one group. */
  shard?: { index: number; count: number; level?: number };
  /** --feature name=value overrides of feature block defaults. */
  features?: Record<string, string>;
  /** --no-stack-generate: run --all uses .terragrunt-stack as it is. */
  noStackGenerate?: boolean;
  /** --no-stack-validate: a generated component without its config file is a warning. */
  noStackValidate?: boolean;
}
