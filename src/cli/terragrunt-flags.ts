// Every flag of Terragrunt's command line, as a list of names: the current name (Terragrunt 1.x,
// gruntwork-io/terragrunt internal/cli/flags and internal/cli/commands/*/cli.go) with the classic
// `--terragrunt-*` name it replaced (docs/…/08-migrate/03-cli-redesign.md), and the commands that take it.
// tgo implements a flag by declaring it in src/cli/flags.ts; every name listed here that no tgo table
// declares is refused with a message saying tgo does not implement it — never handed to terraform.
// Nothing to edit here when a flag gets implemented.

import { ROLE_PARAMS } from '../config/role-params.js';

/** Command ids as tgo names them (oclif ids); 'run' covers run, run-all and the terraform shortcuts. */
export type Scope = '*' | 'run' | 'exec' | 'hcl:format' | 'hcl:validate' | 'render' | 'find' | 'list' | 'dag:graph' | 'info:print'
  | 'backend' | 'stack' | 'catalog' | 'scaffold' | 'aws-provider-patch';

export interface TerragruntFlag {
  /** Current name, without dashes. */
  name: string;
  /** Older names of the same flag (the `--terragrunt-*` spelling and other renames). */
  classic: string[];
  /** Where Terragrunt accepts it; '*' = every command. */
  scope: Scope[];
}

const ALL: Scope[] = ['*'];
const RUN: Scope[] = ['run'];
/** The queue and filter flags, taken by run and by the commands that discover units. */
const QUEUE: Scope[] = ['run', 'hcl:format', 'hcl:validate', 'dag:graph', 'find', 'list'];
const IAM: Scope[] = ['run', 'exec', 'render', 'info:print', 'hcl:validate'];
const BACKEND: Scope[] = ['run', 'backend', 'find', 'list', 'dag:graph'];

const f = (name: string, classic: string | string[] | undefined, scope: Scope[]): TerragruntFlag =>
  ({ name, classic: classic === undefined ? [] : typeof classic === 'string' ? [classic] : classic, scope });

export const TERRAGRUNT_FLAGS: TerragruntFlag[] = [
  // Global (internal/cli/flags/global/flags.go).
  f('log-level', 'terragrunt-log-level', ALL),
  f('log-disable', 'terragrunt-log-disable', ALL),
  f('log-show-abs-paths', 'terragrunt-log-show-abs-paths', ALL),
  f('log-format', ['terragrunt-log-format', 'terragrunt-json-log', 'terragrunt-disable-log-formatting', 'terragrunt-tf-logs-to-json'], ALL),
  f('log-custom-format', 'terragrunt-log-custom-format', ALL),
  f('no-color', 'terragrunt-no-color', ALL),
  f('non-interactive', 'terragrunt-non-interactive', ALL),
  f('working-dir', 'terragrunt-working-dir', ALL),
  f('strict-mode', 'terragrunt-strict-mode', ALL),
  f('strict-control', 'terragrunt-strict-control', ALL),
  f('experiment-mode', 'terragrunt-experiment-mode', ALL),
  f('experiment', 'terragrunt-experiment', ALL),
  f('no-tips', undefined, ALL),
  f('no-tip', undefined, ALL),
  f('help', undefined, ALL),
  f('version', undefined, ALL),
  f('telemetry-trace-exporter', undefined, ALL),
  f('telemetry-trace-exporter-insecure-endpoint', undefined, ALL),
  f('telemetry-trace-exporter-http-endpoint', undefined, ALL),
  f('traceparent', undefined, ALL),
  f('telemetry-metric-exporter', undefined, ALL),
  f('telemetry-metric-exporter-insecure-endpoint', undefined, ALL),
  f('telemetry-logs-exporter', undefined, ALL),
  f('telemetry-logs-exporter-insecure-endpoint', undefined, ALL),
  f('profile-cpu', undefined, ALL),
  f('profile-mem', undefined, ALL),
  f('profile-goroutine', undefined, ALL),
  f('profile-dir', undefined, ALL),

  // run (internal/cli/commands/run/flags.go) and the shared groups it adds.
  f('all', 'a', ['run', 'render', 'info:print']),
  f('graph', undefined, RUN),
  f('graph-root', 'terragrunt-graph-root', RUN),
  f('out-dir', 'terragrunt-out-dir', RUN),
  f('json-out-dir', 'terragrunt-json-out-dir', RUN),
  f('no-stack-generate', undefined, RUN),
  f('config', 'terragrunt-config', ['run', 'exec']),
  f('tf-path', 'terragrunt-tfpath', ['run', 'exec', 'hcl:validate']),
  f('no-auto-init', 'terragrunt-no-auto-init', RUN),
  f('no-auto-retry', 'terragrunt-no-auto-retry', RUN),
  f('no-auto-approve', 'terragrunt-no-auto-approve', RUN),
  f('no-auto-provider-cache-dir', undefined, RUN),
  f('no-hooks', undefined, RUN),
  f('no-dependency-outputs', undefined, RUN),
  f('download-dir', 'terragrunt-download-dir', ['run', 'exec']),
  f('source', 'terragrunt-source', RUN),
  f('source-update', 'terragrunt-source-update', RUN),
  f('source-map', 'terragrunt-source-map', RUN),
  f('inputs-debug', 'terragrunt-debug', ['run', 'exec']),
  f('use-partial-parse-config-cache', 'terragrunt-use-partial-parse-config-cache', RUN),
  f('version-manager-file-name', undefined, RUN),
  f('dependency-fetch-output-from-state', 'terragrunt-fetch-dependency-output-from-state', RUN),
  f('no-dependency-fetch-output-from-state', undefined, RUN),
  f('tf-forward-stdout', ['terragrunt-forward-tf-stdout', 'terragrunt-include-module-prefix'], RUN),
  f('units-that-include', 'terragrunt-modules-that-include', RUN),
  f('disable-command-validation', 'terragrunt-disable-command-validation', RUN),
  f('no-destroy-dependencies-check', 'terragrunt-no-destroy-dependencies-check', RUN),
  f('destroy-dependencies-check', undefined, RUN),
  f('provider-cache', 'terragrunt-provider-cache', RUN),
  f('provider-cache-dir', 'terragrunt-provider-cache-dir', RUN),
  f('provider-cache-token', 'terragrunt-provider-cache-token', RUN),
  f('provider-cache-hostname', 'terragrunt-provider-cache-hostname', RUN),
  f('provider-cache-port', 'terragrunt-provider-cache-port', RUN),
  f('provider-cache-registry-names', 'terragrunt-provider-cache-registry-names', RUN),
  f('auth-provider-cmd', 'terragrunt-auth-provider-cmd', ['run', 'exec']),
  f('no-discovery-auth-provider-cmd', undefined, ['run', 'find', 'list']),
  f('experimental-engine', undefined, RUN),
  f('engine-cache-path', undefined, RUN),
  f('engine-skip-check', undefined, RUN),
  f('engine-log-level', undefined, RUN),
  f('no-engine', undefined, RUN),
  f('summary-disable', undefined, RUN),
  f('summary-per-unit', undefined, RUN),
  f('report-file', undefined, RUN),
  f('report-format', undefined, RUN),
  f('report-schema-file', undefined, RUN),
  f('fail-fast', 'terragrunt-fail-fast', RUN),
  f('parallelism', 'terragrunt-parallelism', ['run', 'hcl:format']),
  f('feature', undefined, ['run', 'find', 'list', 'dag:graph']),
  f('no-cas', undefined, RUN),
  f('cas-clone-depth', undefined, RUN),
  // Classic names with no current flag any more.
  f('fail-on-state-bucket-creation', 'terragrunt-fail-on-state-bucket-creation', RUN),

  // Backend (internal/cli/flags/shared/backend.go).
  f('backend-bootstrap', undefined, BACKEND),
  f('backend-require-bootstrap', undefined, BACKEND),
  f('disable-bucket-update', 'terragrunt-disable-bucket-update', BACKEND),

  // IAM (internal/cli/flags/shared/iamassumerole.go): Terragrunt's role parameters, named in the role table.
  ...ROLE_PARAMS.filter((p) => p.terragrunt).map((p) => f(p.flag.names[p.flag.names.length - 1]!, p.flag.names.slice(0, -1), IAM)),

  // Queue (internal/cli/flags/shared/queue.go).
  f('queue-ignore-errors', 'terragrunt-ignore-dependency-errors', QUEUE),
  f('queue-ignore-dag-order', 'terragrunt-ignore-dependency-order', QUEUE),
  f('queue-exclude-external', 'terragrunt-ignore-external-dependencies', QUEUE),
  f('queue-exclude-dir', 'terragrunt-exclude-dir', QUEUE),
  f('queue-excludes-file', 'terragrunt-excludes-file', QUEUE),
  f('queue-include-dir', 'terragrunt-include-dir', QUEUE),
  f('queue-include-external', 'terragrunt-include-external-dependencies', QUEUE),
  f('queue-strict-include', 'terragrunt-strict-include', QUEUE),
  f('queue-include-units-reading', 'terragrunt-queue-include-units-reading', QUEUE),

  // Filters (internal/cli/flags/shared/filter.go).
  f('filter', undefined, QUEUE),
  f('filter-affected', undefined, QUEUE),
  f('filter-allow-destroy', undefined, QUEUE),
  f('discovery-boundary', undefined, QUEUE),
  f('filters-file', undefined, QUEUE),
  f('no-filters-file', undefined, QUEUE),

  // hcl fmt, hcl validate.
  f('file', 'terragrunt-hclfmt-file', ['hcl:format']),
  f('exclude-dir', 'terragrunt-hclfmt-exclude-dir', ['hcl:format']),
  f('check', 'terragrunt-check', ['hcl:format']),
  f('diff', 'terragrunt-diff', ['hcl:format']),
  f('stdin', 'terragrunt-hclfmt-stdin', ['hcl:format']),
  f('strict', ['terragrunt-strict-validate', 'strict-validate'], ['hcl:validate']),
  f('inputs', undefined, ['hcl:validate']),
  f('show-config-path', 'terragrunt-hclvalidate-show-config-path', ['hcl:validate']),
  f('json', ['terragrunt-hclvalidate-json', 'j'], ['hcl:validate', 'find', 'render', 'stack']),

  // render.
  f('format', undefined, ['render', 'find', 'list', 'stack', 'catalog']),
  f('write', 'w', ['render']),
  f('out', 'terragrunt-json-out', ['render']),
  f('with-metadata', undefined, ['render']),
  f('disable-dependent-modules', 'terragrunt-json-disable-dependent-modules', ['render']),

  // find, list.
  f('dag', undefined, ['find', 'list']),
  f('hidden', undefined, ['find', 'list']),
  f('no-hidden', undefined, ['find', 'list']),
  f('dependencies', undefined, ['find', 'list']),
  f('external', undefined, ['find', 'list']),
  f('exclude', undefined, ['find']),
  f('include', undefined, ['find']),
  f('reading', undefined, ['find']),
  f('queue-construct-as', 'as', ['find', 'list']),
  f('tree', 'T', ['list']),
  f('long', 'l', ['list']),

  // exec, backend, stack, catalog, scaffold, aws-provider-patch.
  f('in-download-dir', undefined, ['exec']),
  f('bucket', undefined, ['backend']),
  f('force', undefined, ['backend']),
  f('raw', undefined, ['stack']),
  f('ignore-file', undefined, ['catalog']),
  f('output-folder', undefined, ['scaffold']),
  f('var', undefined, ['scaffold']),
  f('var-file', undefined, ['scaffold']),
  f('root-file-name', undefined, ['scaffold']),
  f('no-include-root', undefined, ['scaffold']),
  f('no-shell', undefined, ['scaffold']),
  f('override-attr', 'terragrunt-override-attr', ['aws-provider-patch']),
];
