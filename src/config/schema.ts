// Which attributes and blocks a terragrunt.hcl may hold. Decoding against this table turns typos
// (`iam_rol = …`, `dependancy "x" {}`) into errors that name the line, as Terragrunt's HCL decoding does.

import { ROLE_PARAMS } from './role-params.js';

/**
 * An attribute or block tgo accepts but does not act on: the reason is logged once per file and line (a warning,
 * or a debug line when it never matters for a run), so nothing a user writes is dropped silently.
 */
export interface NotActedOn {
  reason: string;
  level: 'warn' | 'debug';
}

export interface AttributeSchema {
  required?: boolean;
  notActedOn?: NotActedOn;
}

export interface BodySchema {
  attributes?: Record<string, AttributeSchema>;
  /** Any attribute name is allowed (locals). */
  anyAttributes?: boolean;
  blocks?: Record<string, BlockSchema>;
}

export interface BlockSchema {
  /** Label names, e.g. ['name']; `optionalLabel` allows zero or one (Terragrunt's bare `include {}`). */
  labels: string[];
  optionalLabel?: boolean;
  /** At most one such block in a body. */
  single?: boolean;
  /** Several blocks may share a label (Terragrunt keeps hooks and extra_arguments as lists; only generate names must be unique). */
  repeatable?: boolean;
  notActedOn?: NotActedOn;
  body: BodySchema;
}

const later = (what: string): NotActedOn => ({ level: 'warn', reason: `tgo does not act on ${what} yet; it is ignored` });

// Terragrunt's Hook and ErrorHook structs (pkg/config/config.go): error hooks have no `if`/`run_on_error` and
// require `on_errors`.
const hookBody: BodySchema = {
  attributes: {
    commands: { required: true },
    execute: { required: true },
    working_dir: {},
    run_on_error: {},
    if: {},
    suppress_stdout: {},
  },
};

const errorHookBody: BodySchema = {
  attributes: {
    commands: { required: true },
    execute: { required: true },
    on_errors: { required: true },
    working_dir: {},
    suppress_stdout: {},
  },
};

export const TERRAGRUNT_SCHEMA: BodySchema = {
  attributes: {
    inputs: {},
    ...Object.fromEntries(ROLE_PARAMS.map((p) => [p.attribute, {}])),
    download_dir: {},
    prevent_destroy: {},
    skip: {},
    terraform_binary: {},
    terraform_version_constraint: {},
    terragrunt_version_constraint: {},
    retryable_errors: {},
    retry_max_attempts: {},
    retry_sleep_interval_sec: {},
    // Both also exist as attribute forms (`generate = {…}`, `remote_state = {…}`).
    generate: {},
    remote_state: {},
  },
  blocks: {
    include: {
      labels: ['name'],
      optionalLabel: true,
      // Terragrunt merges every include block in order; a shared label names the last one (getTrackInclude).
      repeatable: true,
      body: { attributes: { path: { required: true }, expose: {}, merge_strategy: {} } },
    },
    locals: { labels: [], body: { anyAttributes: true } },
    dependency: {
      labels: ['name'],
      body: {
        attributes: {
          config_path: { required: true },
          enabled: {},
          skip_outputs: {},
          mock_outputs: {},
          mock_outputs_allowed_terraform_commands: {},
          mock_outputs_merge_strategy_with_state: {},
          mock_outputs_merge_with_state: {},
        },
      },
    },
    dependencies: { labels: [], single: true, body: { attributes: { paths: { required: true } } } },
    terraform: {
      labels: [],
      single: true,
      body: {
        attributes: {
          source: {},
          include_in_copy: {},
          exclude_from_copy: {},
          copy_terraform_lock_file: {},
          // Newer Terragrunt attributes of the terraform block.
          version: { notActedOn: later('terraform.version') },
          update_source_with_cas: { notActedOn: later('update_source_with_cas (sources are not kept in a content-addressed store)') },
          mutable: { notActedOn: later('terraform.mutable') },
        },
        blocks: {
          extra_arguments: {
            labels: ['name'],
            repeatable: true,
            body: {
              attributes: {
                commands: { required: true },
                arguments: {},
                required_var_files: {},
                optional_var_files: {},
                env_vars: {},
              },
            },
          },
          before_hook: { labels: ['name'], repeatable: true, body: hookBody },
          after_hook: { labels: ['name'], repeatable: true, body: hookBody },
          error_hook: { labels: ['name'], repeatable: true, body: errorHookBody },
        },
      },
    },
    generate: {
      labels: ['name'],
      body: {
        attributes: {
          path: { required: true },
          if_exists: { required: true },
          contents: { required: true },
          comment_prefix: {},
          disable_signature: {},
          disable: {},
          if_disabled: {},
          hcl_fmt: {},
        },
      },
    },
    remote_state: {
      labels: [],
      single: true,
      body: {
        attributes: {
          backend: { required: true },
          config: {},
          disable_init: {},
          disable_dependency_optimization: {},
          encryption: {},
          generate: {},
        },
        blocks: {
          generate: { labels: [], single: true, body: { attributes: { path: { required: true }, if_exists: { required: true } } } },
        },
      },
    },
    exclude: {
      labels: [],
      single: true,
      body: { attributes: { if: { required: true }, actions: {}, exclude_dependencies: {}, no_run: {} } },
    },
    feature: { labels: ['name'], body: { attributes: { default: {} } } },
    // Terragrunt's catalog (used by `terragrunt catalog` only) and engine (used only with its iac-engine
    // experiment; otherwise Terragrunt runs terraform itself, as tgo always does).
    catalog: {
      labels: [],
      single: true,
      notActedOn: { level: 'debug', reason: 'the catalog block configures `terragrunt catalog`, which tgo does not have; runs do not use it' },
      body: { attributes: { urls: {}, default_template: {}, no_shell: {}, no_hooks: {} } },
    },
    engine: {
      labels: [],
      single: true,
      notActedOn: { level: 'warn', reason: 'tgo runs terraform directly and does not load IaC engine plugins; the engine block is ignored (Terragrunt also ignores it without its iac-engine experiment)' },
      body: { attributes: { source: { required: true }, version: {}, type: {}, meta: {} } },
    },
    errors: {
      labels: [],
      single: true,
      body: {
        blocks: {
          retry: { labels: ['name'], body: { attributes: { retryable_errors: { required: true }, max_attempts: { required: true }, sleep_interval_sec: { required: true } } } },
          ignore: { labels: ['name'], body: { attributes: { ignorable_errors: { required: true }, message: {}, signals: {} } } },
        },
      },
    },
  },
};
