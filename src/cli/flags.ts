// tgo's own flags: one table for the classic (`--terragrunt-*`) and current names and their env twins.
// The router, the argv parser and the oclif help all read this table, so a flag is declared exactly once;
// the role parameters' flags come from their own table (src/config/role-params.ts).

import { ROLE_PARAMS } from '../config/role-params.js';

export type FlagKind = 'string' | 'boolean' | 'integer' | 'list';

export interface FlagSpec {
  /** Key in the parsed flag values. */
  key: string;
  kind: FlagKind;
  /** Long names without dashes: classic first, then current. */
  names: string[];
  /** Env vars, highest precedence first (current TG_* before classic TERRAGRUNT_*). */
  env: string[];
  description: string;
  group: 'IAM' | 'RUN' | 'QUEUE' | 'OUTPUT' | 'GLOBAL' | 'HCL' | 'CI' | 'RENDER' | 'DISCOVERY';
}

const flag = (
  key: string,
  kind: FlagKind,
  names: string[],
  env: string[],
  group: FlagSpec['group'],
  description: string,
): FlagSpec => ({ key, kind, names, env, group, description });

/** The role parameters' flags (Terragrunt's own, or tgo's additions). */
const roleFlags = (terragrunt: boolean): FlagSpec[] => ROLE_PARAMS.filter((p) => p.terragrunt === terragrunt)
  .map((p) => flag(p.flag.key, 'string', [...p.flag.names], [...p.flag.env], 'IAM', p.flag.description));

export const FLAGS: FlagSpec[] = [
  // IAM role assumption (Terragrunt's names, classic and current).
  ...roleFlags(true),

  // Where and what to run.
  flag('workingDir', 'string', ['terragrunt-working-dir', 'working-dir'], ['TG_WORKING_DIR', 'TERRAGRUNT_WORKING_DIR'], 'GLOBAL',
    'Directory to run in (default: the current directory).'),
  flag('tfPath', 'string', ['terragrunt-tfpath', 'tf-path'], ['TG_TF_PATH', 'TERRAGRUNT_TFPATH'], 'RUN',
    'Path of the terraform binary (default: terraform on PATH).'),
  flag('parallelism', 'integer', ['terragrunt-parallelism', 'parallelism'], ['TG_PARALLELISM', 'TERRAGRUNT_PARALLELISM'], 'QUEUE',
    'Maximum number of modules run at once (default: unlimited).'),
  flag('nonInteractive', 'boolean', ['terragrunt-non-interactive', 'non-interactive'],
    ['TG_NON_INTERACTIVE', 'TERRAGRUNT_NON_INTERACTIVE'], 'GLOBAL', 'Assume "yes" for every prompt.'),
  flag('logLevel', 'string', ['terragrunt-log-level', 'log-level'], ['TG_LOG_LEVEL', 'TERRAGRUNT_LOG_LEVEL'], 'GLOBAL',
    'Log level: error, warn, info (default), debug.'),
  flag('logFormat', 'string', ['terragrunt-log-format', 'log-format'], ['TG_LOG_FORMAT', 'TERRAGRUNT_LOG_FORMAT'], 'GLOBAL',
    'tgo\'s own log lines as Terragrunt\'s presets: pretty, bare, json or key-value (terraform\'s output is passed on as it is).'),
  flag('noColor', 'boolean', ['terragrunt-no-color', 'no-color'], ['TG_NO_COLOR', 'TERRAGRUNT_NO_COLOR'], 'GLOBAL',
    'No colour in tgo\'s output, and -no-color for terraform (as Terragrunt passes it on).'),
  flag('inputsDebug', 'boolean', ['terragrunt-debug', 'inputs-debug'], ['TG_INPUTS_DEBUG', 'TERRAGRUNT_DEBUG'], 'RUN',
    'Write terragrunt-debug.tfvars.json next to each terragrunt.hcl: the inputs terraform gets (sensitive variables left out).'),
  flag('noAutoInit', 'boolean', ['terragrunt-no-auto-init', 'no-auto-init'], ['TG_NO_AUTO_INIT', 'TERRAGRUNT_NO_AUTO_INIT'], 'RUN',
    'Do not run terraform init automatically when a module has no .terraform directory.'),
  flag('noAutoRetry', 'boolean', ['terragrunt-no-auto-retry', 'no-auto-retry'], ['TG_NO_AUTO_RETRY', 'TERRAGRUNT_NO_AUTO_RETRY'], 'RUN',
    'Do not run a failed terraform command again when a retry rule (errors block, retryable_errors, the defaults) matches.'),
  flag('all', 'boolean', ['all', 'a'], ['TG_ALL'], 'QUEUE', 'With `run`: run the command in every module (same as run-all).'),
  flag('dependencyFetchOutputFromState', 'boolean', ['terragrunt-fetch-dependency-output-from-state', 'dependency-fetch-output-from-state'],
    ['TG_DEPENDENCY_FETCH_OUTPUT_FROM_STATE', 'TERRAGRUNT_FETCH_DEPENDENCY_OUTPUT_FROM_STATE'], 'RUN',
    'Accepted for Terragrunt compatibility: tgo reads dependency outputs from their state (local, s3) by default.'),
  flag('noDependencyFetchOutputFromState', 'boolean', ['no-dependency-fetch-output-from-state'], ['TG_NO_DEPENDENCY_FETCH_OUTPUT_FROM_STATE'], 'RUN',
    'Read every dependency\'s outputs with `terraform output -json` instead of from its state file or S3 object.'),
  flag('providerCache', 'boolean', ['terragrunt-provider-cache', 'provider-cache'], ['TG_PROVIDER_CACHE', 'TERRAGRUNT_PROVIDER_CACHE'], 'RUN',
    'Every module shares one terraform plugin cache (TF_PLUGIN_CACHE_DIR), safe under parallelism: an init that may install runs alone.'),
  flag('providerCacheDir', 'string', ['terragrunt-provider-cache-dir', 'provider-cache-dir'], ['TG_PROVIDER_CACHE_DIR', 'TERRAGRUNT_PROVIDER_CACHE_DIR'], 'RUN',
    'The provider cache directory (default: terragrunt/providers in the user cache dir, e.g. ~/.cache/terragrunt/providers).'),
  // Backend bootstrap (remote_state s3: bucket and lock table).
  flag('backendBootstrap', 'boolean', ['backend-bootstrap'], ['TG_BACKEND_BOOTSTRAP'], 'RUN',
    'Create or update each module\'s S3 state bucket and DynamoDB lock table (with its role) before terraform init.'),
  flag('disableBucketUpdate', 'boolean', ['terragrunt-disable-bucket-update', 'disable-bucket-update'],
    ['TG_DISABLE_BUCKET_UPDATE', 'TERRAGRUNT_DISABLE_BUCKET_UPDATE'], 'RUN', 'Backend bootstrap: create what is missing, never change an existing bucket.'),
  // Saved plans (run --all only, as in Terragrunt).
  flag('outDir', 'string', ['terragrunt-out-dir', 'out-dir'], ['TG_OUT_DIR', 'TERRAGRUNT_OUT_DIR'], 'RUN',
    'run --all: plan writes each unit\'s plan to DIR/<unit path>/tfplan.tfplan; apply and show use those plans.'),
  flag('jsonOutDir', 'string', ['terragrunt-json-out-dir', 'json-out-dir'], ['TG_JSON_OUT_DIR', 'TERRAGRUNT_JSON_OUT_DIR'], 'RUN',
    'run --all plan: also write each plan as JSON (terraform show -json) to DIR/<unit path>/tfplan.json.'),

  // Where module code comes from (terraform { source }).
  flag('source', 'string', ['terragrunt-source', 'source'], ['TG_SOURCE', 'TERRAGRUNT_SOURCE'], 'RUN',
    'Use this source instead of each module\'s terraform.source (run-all: a root; each module\'s //path is appended).'),
  flag('sourceMap', 'list', ['terragrunt-source-map', 'source-map'], ['TG_SOURCE_MAP', 'TERRAGRUNT_SOURCE_MAP'], 'RUN',
    'ORIGINAL=LOCAL: a source whose root (before //) is ORIGINAL comes from LOCAL instead. Repeatable.'),
  flag('sourceUpdate', 'boolean', ['terragrunt-source-update', 'source-update'], ['TG_SOURCE_UPDATE', 'TERRAGRUNT_SOURCE_UPDATE'], 'RUN',
    'Empty each module\'s cached copy of its source and fetch it again.'),
  flag('config', 'string', ['terragrunt-config', 'config'], ['TG_CONFIG', 'TERRAGRUNT_CONFIG'], 'RUN',
    'The module\'s config file instead of terragrunt.hcl (run-all: folders holding a file of that name are modules too).'),
  flag('downloadDir', 'string', ['terragrunt-download-dir', 'download-dir'], ['TG_DOWNLOAD_DIR', 'TERRAGRUNT_DOWNLOAD', 'TERRAGRUNT_DOWNLOAD_DIR'], 'RUN',
    'Where sources are copied for terraform to run in (default: .terragrunt-cache in each module).'),

  // Which modules run (run-all).
  flag('includeDir', 'list', ['terragrunt-include-dir', 'queue-include-dir'], ['TG_QUEUE_INCLUDE_DIR', 'TERRAGRUNT_INCLUDE_DIR'], 'QUEUE',
    'Run only modules matching this glob (relative to the working dir, ** allowed), plus their dependencies. Repeatable.'),
  flag('excludeDir', 'list', ['terragrunt-exclude-dir', 'queue-exclude-dir'], ['TG_QUEUE_EXCLUDE_DIR', 'TERRAGRUNT_EXCLUDE_DIR'], 'QUEUE',
    'Never run modules matching this glob, even as a dependency (dependents treat them as applied). Repeatable.'),
  flag('includeUnitsReading', 'list', ['terragrunt-modules-that-include', 'units-that-include', 'terragrunt-queue-include-units-reading', 'queue-include-units-reading'],
    ['TG_QUEUE_INCLUDE_UNITS_READING', 'TG_UNITS_THAT_INCLUDE', 'TERRAGRUNT_QUEUE_INCLUDE_UNITS_READING', 'TERRAGRUNT_MODULES_THAT_INCLUDE'], 'QUEUE',
    'Run the modules that read a file this glob matches (relative to the working dir, or absolute): by include, read_terragrunt_config, read_tfvars_file, sops_decrypt_file, mark_as_read, mark_glob_as_read, file(). Adds to --queue-include-dir. Repeatable.'),
  flag('strictInclude', 'boolean', ['terragrunt-strict-include', 'queue-strict-include'], ['TG_QUEUE_STRICT_INCLUDE', 'TERRAGRUNT_STRICT_INCLUDE'], 'QUEUE',
    'With include dirs: run only the matching modules, not their dependencies.'),
  flag('ignoreDependencyErrors', 'boolean', ['terragrunt-ignore-dependency-errors', 'queue-ignore-errors'],
    ['TG_QUEUE_IGNORE_ERRORS', 'TERRAGRUNT_IGNORE_DEPENDENCY_ERRORS'], 'QUEUE', 'Run dependents even when a dependency failed.'),
  flag('ignoreDependencyOrder', 'boolean', ['terragrunt-ignore-dependency-order', 'queue-ignore-dag-order'],
    ['TG_QUEUE_IGNORE_DAG_ORDER', 'TERRAGRUNT_IGNORE_DEPENDENCY_ORDER'], 'QUEUE', 'Run all modules at once, ignoring dependencies.'),
  flag('includeExternal', 'boolean', ['terragrunt-include-external-dependencies', 'queue-include-external'],
    ['TG_QUEUE_INCLUDE_EXTERNAL', 'TERRAGRUNT_INCLUDE_EXTERNAL_DEPENDENCIES'], 'QUEUE', 'Also run dependencies outside the working dir, without asking.'),
  flag('ignoreExternal', 'boolean', ['terragrunt-ignore-external-dependencies', 'queue-exclude-external'],
    ['TG_QUEUE_EXCLUDE_EXTERNAL', 'TERRAGRUNT_IGNORE_EXTERNAL_DEPENDENCIES'], 'QUEUE', 'Never run dependencies outside the working dir, without asking.'),
  // Terragrunt 1.x's filter query language (src/discovery/filter).
  flag('filter', 'list', ['filter'], ['TG_FILTER'], 'QUEUE',
    'Select units with a filter query: a path glob (./prod/**), a name (vpc, name=app*), type=unit|stack, external=, reading=, source=, !negation, a | b (both), graph (vpc... dependencies, ...vpc dependents, ^ leaves the target out), git changes ([main...HEAD]). Repeatable: the union, negations applied last. Implies --all.'),
  flag('filtersFile', 'string', ['filters-file'], ['TG_FILTERS_FILE'], 'QUEUE',
    'Read filter queries from this file, one per line (# comments); default .terragrunt-filters in the working dir when present.'),
  flag('noFiltersFile', 'boolean', ['no-filters-file'], ['TG_NO_FILTERS_FILE'], 'QUEUE', 'Do not read .terragrunt-filters (or --filters-file).'),
  flag('filterAffected', 'boolean', ['filter-affected'], ['TG_FILTER_AFFECTED'], 'QUEUE',
    'The units changed between the default branch and HEAD: the same as --filter \'[main...HEAD]\'.'),
  flag('filterAllowDestroy', 'boolean', ['filter-allow-destroy'], ['TG_FILTER_ALLOW_DESTROY'], 'QUEUE',
    'Git filters: destroy units removed between the references (tgo refuses: it runs units of the working tree only).'),
  flag('failFast', 'boolean', ['terragrunt-fail-fast', 'fail-fast'], ['TG_FAIL_FAST', 'TERRAGRUNT_FAIL_FAST'], 'QUEUE',
    'After the first failure start nothing new; running modules finish.'),

  // Feature flags (Terragrunt's `feature` blocks).
  flag('feature', 'list', ['feature'], ['TG_FEATURE', 'TERRAGRUNT_FEATURE'], 'RUN',
    'Set a feature flag: name=value, overriding the feature block\'s default (feature.<name>.value). Repeatable; the env var takes name=value,name2=value2.'),

  // Terragrunt Stacks (terragrunt.stack.hcl): generated before every run --all.
  flag('noStackGenerate', 'boolean', ['no-stack-generate'], ['TG_NO_STACK_GENERATE'], 'QUEUE',
    'Do not generate stacks from terragrunt.stack.hcl files before the run; use .terragrunt-stack as it is.'),
  flag('noStackValidate', 'boolean', ['no-stack-validate'], ['TG_NO_STACK_VALIDATE'], 'RUN',
    'Stack generation: a unit without terragrunt.hcl (a stack without terragrunt.stack.hcl) is a warning, not an error.'),

  // What is written after the run.
  flag('reportFile', 'string', ['report-file'], ['TG_REPORT_FILE'], 'OUTPUT',
    'Write a run report: .json, .csv (Terragrunt\'s columns) or .html (a timeline of the run).'),
  flag('jsonOut', 'string', ['terragrunt-json-out', 'json-out'], ['TG_JSON_OUT', 'TERRAGRUNT_JSON_OUT'], 'OUTPUT',
    'run-all output -json: one JSON object keyed by module path, written to this file ("-" for stdout). render-json: write there instead of stdout.'),
  flag('reportFormat', 'string', ['report-format'], ['TG_REPORT_FORMAT'], 'OUTPUT',
    'Report format: csv, json or html (default: from --report-file\'s extension; a name without one is CSV).'),
  flag('summaryDisable', 'boolean', ['summary-disable'], ['TG_SUMMARY_DISABLE'], 'OUTPUT', 'Do not print the run summary.'),
  flag('summaryPerUnit', 'boolean', ['summary-per-unit'], ['TG_SUMMARY_PER_UNIT'], 'OUTPUT',
    'Each unit with its duration in the run summary: tgo\'s summary always lists them; accepted as Terragrunt takes it.'),

  // Credentials beyond Terragrunt.
  ...roleFlags(false),
  flag('iamMfaToken', 'string', ['iam-mfa-token'], ['TGO_IAM_MFA_TOKEN'], 'IAM', 'The current MFA code (otherwise asked once on the terminal).'),
  flag('iamCredentialServer', 'boolean', ['iam-credential-server'], ['TGO_IAM_CREDENTIAL_SERVER'], 'IAM',
    'Serve credentials to terraform from a loopback endpoint that refreshes them, so applies may outlive the role session.'),
  // Only what a change touches, shards, and pipelines for CI engines (`tgo ci generate`).
  flag('changedSince', 'string', ['queue-include-units-changed-since', 'changed-since'], ['TG_QUEUE_INCLUDE_UNITS_CHANGED_SINCE'], 'QUEUE',
    'Only modules that a change since this git ref touches (their directory, files their config reads, local source), plus their dependents for plan and apply.'),
  flag('shard', 'string', ['shard'], ['TGO_SHARD'], 'QUEUE',
    'k/n: run only the k-th of n balanced parts of each dependency group (a CI matrix without a DAG).'),
  flag('shardLevel', 'integer', ['shard-level'], ['TGO_SHARD_LEVEL'], 'QUEUE', 'With --shard: only this group (1-based, as output-module-groups numbers them).'),
  flag('ciPlatform', 'string', ['platform'], ['TGO_CI_PLATFORM'], 'CI', 'ci generate: gitlab, github or argo.'),
  flag('ciFile', 'string', ['pipeline-file'], ['TGO_CI_PIPELINE_FILE'], 'CI', 'ci generate: write the pipeline to this file (default: stdout).'),
  flag('ciTgoCommand', 'string', ['tgo-command'], ['TGO_CI_TGO_COMMAND'], 'CI', 'ci generate: how jobs call tgo (default: tgo).'),
  flag('ciImage', 'string', ['image'], ['TGO_CI_IMAGE'], 'CI', 'ci generate: container image holding tgo and terraform (GitLab image, GitHub container, Argo; required for Argo).'),
  flag('ciRunnerTags', 'string', ['runner-tags'], ['TGO_CI_RUNNER_TAGS'], 'CI', 'ci generate: runner tags (GitLab tags, GitHub runs-on labels), comma-separated.'),
  flag('ciAudience', 'string', ['oidc-audience'], ['TGO_CI_OIDC_AUDIENCE'], 'CI', 'ci generate: audience of the web identity token (default sts.amazonaws.com).'),

  flag('authProviderCmd', 'string', ['terragrunt-auth-provider-cmd', 'auth-provider-cmd'], ['TG_AUTH_PROVIDER_CMD', 'TERRAGRUNT_AUTH_PROVIDER_CMD'], 'IAM',
    'Command run per module whose JSON output ({"awsCredentials", "awsRole", "envs"}) provides credentials.'),
];

/** Flags every command takes. */
export const GLOBAL_FLAGS: FlagSpec[] = FLAGS.filter((f) => f.group === 'GLOBAL');

/** `hcl fmt` (`hclfmt`): its own flags plus the global ones. */
export const HCL_FMT_FLAGS: FlagSpec[] = [
  flag('fmtFile', 'string', ['terragrunt-hclfmt-file', 'file'], ['TG_FILE', 'TG_HCLFMT_FILE', 'TERRAGRUNT_HCLFMT_FILE'], 'HCL',
    'Format only this HCL file (relative to the working dir).'),
  flag('fmtExcludeDir', 'list', ['terragrunt-hclfmt-exclude-dir', 'exclude-dir'],
    ['TG_EXCLUDE_DIR', 'TG_HCLFMT_EXCLUDE_DIR', 'TERRAGRUNT_HCLFMT_EXCLUDE_DIR'], 'HCL',
    'Skip directories with this name (or this path relative to the working dir). Repeatable.'),
  flag('fmtCheck', 'boolean', ['terragrunt-check', 'check'], ['TG_CHECK', 'TG_HCLFMT_CHECK', 'TERRAGRUNT_CHECK'], 'HCL',
    'Change nothing; exit 1 and name the files that are not formatted.'),
  flag('fmtDiff', 'boolean', ['terragrunt-diff', 'diff'], ['TG_DIFF', 'TG_HCLFMT_DIFF', 'TERRAGRUNT_DIFF'], 'HCL',
    'Print a unified diff of each change.'),
  flag('fmtStdin', 'boolean', ['terragrunt-hclfmt-stdin', 'stdin'], ['TG_STDIN', 'TG_HCLFMT_STDIN', 'TERRAGRUNT_HCLFMT_STDIN'], 'HCL',
    'Format HCL read from stdin and print it to stdout.'),
  // Filters pick files by path here (Terragrunt's hcl fmt --filter './prod/**/*.hcl').
  ...FLAGS.filter((f) => ['filter', 'filtersFile', 'noFiltersFile'].includes(f.key)),
  ...GLOBAL_FLAGS,
];

/** `stack output`: the output format, then the run flags (outputs are read with each unit's own role). */
export const STACK_OUTPUT_FLAGS: FlagSpec[] = [
  flag('stackOutputFormat', 'string', ['format'], ['TG_FORMAT'], 'OUTPUT', 'Output format: default (HCL), json or raw.'),
  flag('stackOutputJson', 'boolean', ['json'], ['TG_JSON'], 'OUTPUT', 'The same as --format json.'),
  flag('stackOutputRaw', 'boolean', ['raw'], ['TG_RAW'], 'OUTPUT', 'The same as --format raw: one value, for shell scripts.'),
];

/** `backend delete`: its own flag, then the run flags. */
export const BACKEND_DELETE_FLAGS: FlagSpec[] = [
  flag('backendForce', 'boolean', ['force'], ['TG_FORCE'], 'RUN', 'Delete the state even when the bucket is not versioned (it cannot be recovered then).'),
];

/** `hcl validate` (classic `hclvalidate`; `validate-inputs` = `hcl validate --inputs`). */
export const HCL_VALIDATE_FLAGS: FlagSpec[] = [
  flag('validateInputs', 'boolean', ['inputs'], ['TG_INPUTS'], 'HCL',
    'Compare each unit\'s inputs with its terraform module\'s variable blocks: required variables with no value fail.'),
  flag('validateStrict', 'boolean', ['terragrunt-strict-validate', 'strict'], ['TG_STRICT', 'TG_HCLVALIDATE_STRICT_VALIDATE', 'TERRAGRUNT_STRICT_VALIDATE'], 'HCL',
    'With --inputs: inputs that no variable declares fail too (otherwise a warning).'),
];

/** `exec`: its own flag; the run flags are accepted too. */
export const EXEC_FLAGS: FlagSpec[] = [
  flag('execInDownloadDir', 'boolean', ['in-download-dir'], ['TG_IN_DOWNLOAD_DIR'], 'RUN',
    'Run the program in the module\'s downloaded source (the .terragrunt-cache copy) instead of its own directory.'),
];

/** `render` (classic `render-json` = `render --json`): its own flags; the run flags are accepted too. */
export const RENDER_FLAGS: FlagSpec[] = [
  flag('renderJson', 'boolean', ['json'], ['TG_JSON'], 'RENDER', 'Render as JSON (same as --format json); `render-json` implies it.'),
  flag('renderFormat', 'string', ['format'], ['TG_FORMAT'], 'RENDER', 'Output format: json (tgo does not render HCL).'),
  flag('renderWrite', 'boolean', ['write', 'w'], ['TG_WRITE'], 'RENDER',
    'Write each module\'s rendering next to its terragrunt.hcl (terragrunt.rendered.json, or the --out name) instead of stdout.'),
  flag('renderOut', 'string', ['out'], ['TG_OUT', 'TG_RENDER_JSON_OUT'], 'RENDER', 'File name used by --write (default terragrunt.rendered.json).'),
];

/** `find` and `list`: how the discovered units are shown. */
const DISCOVERY_FLAGS: FlagSpec[] = [
  flag('discoveryFormat', 'string', ['format'], ['TG_FORMAT'], 'DISCOVERY', 'Output format: text (default) or json.'),
  flag('discoveryDag', 'boolean', ['dag'], ['TG_DAG'], 'DISCOVERY', 'Sort units so that each comes after its dependencies.'),
  flag('discoveryDependencies', 'boolean', ['dependencies'], ['TG_DEPENDENCIES'], 'DISCOVERY', 'Show each unit\'s dependencies.'),
  flag('discoveryExternal', 'boolean', ['external'], ['TG_EXTERNAL'], 'DISCOVERY', 'Also show dependencies outside the working directory.'),
];
export const FIND_FLAGS: FlagSpec[] = [
  flag('discoveryJson', 'boolean', ['json', 'j'], ['TG_JSON'], 'DISCOVERY', 'Same as --format json.'),
  ...DISCOVERY_FLAGS,
];
export const LIST_FLAGS: FlagSpec[] = [
  flag('discoveryTree', 'boolean', ['tree', 'T'], ['TG_TREE'], 'DISCOVERY', 'Show units as a tree (with --dag: of dependencies).'),
  flag('discoveryLong', 'boolean', ['long', 'l'], ['TG_LONG'], 'DISCOVERY', 'Show the type of each unit and, with --dependencies, its dependencies.'),
  ...DISCOVERY_FLAGS,
];

const tables = new WeakMap<FlagSpec[], Map<string, FlagSpec>>();
function byName(specs: FlagSpec[]): Map<string, FlagSpec> {
  let map = tables.get(specs);
  if (!map) {
    map = new Map();
    for (const f of specs) for (const n of f.names) map.set(n, f);
    tables.set(specs, map);
  }
  return map;
}

/**
 * The tgo flag a token names, if any, and its inline `=value`. Classic `terragrunt-*` names are accepted with
 * one or two dashes (as Terragrunt did), one-letter names with one (`-w`); current names only with two,
 * because terraform's own single-dash flags (e.g. `-parallelism=4`) must reach terraform untouched.
 */
export function matchFlag(token: string, specs: FlagSpec[] = FLAGS): { spec: FlagSpec; inline?: string } | undefined {
  if (!token.startsWith('-') || token === '-' || token === '--') return undefined;
  const doubleDash = token.startsWith('--');
  const body = token.slice(doubleDash ? 2 : 1);
  const eq = body.indexOf('=');
  const name = eq >= 0 ? body.slice(0, eq) : body;
  const spec = byName(specs).get(name);
  if (!spec) return undefined;
  if (doubleDash ? name.length === 1 : !name.startsWith('terragrunt-') && name.length !== 1) return undefined;
  return eq >= 0 ? { spec, inline: body.slice(eq + 1) } : { spec };
}
