// Which attributes and blocks a terragrunt.hcl may hold. Decoding against this table turns typos
// (`iam_rol = …`, `dependancy "x" {}`) into errors that name the line, as Terragrunt's HCL decoding does.

export interface BodySchema {
  attributes?: Record<string, { required?: boolean }>;
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
  body: BodySchema;
}

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
    iam_role: {},
    iam_assume_role_duration: {},
    iam_assume_role_session_name: {},
    iam_web_identity_token: {},
    iam_assume_role_external_id: {},
    iam_assume_role_session_tags: {},
    iam_assume_role_transitive_tag_keys: {},
    iam_assume_role_source_identity: {},
    iam_assume_role_policy: {},
    iam_assume_role_policy_arns: {},
    iam_assume_role_mfa_serial: {},
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
        attributes: { source: {}, include_in_copy: {}, exclude_from_copy: {}, copy_terraform_lock_file: {} },
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
    errors: {
      labels: [],
      single: true,
      body: {
        blocks: {
          retry: { labels: ['name'], body: { attributes: { retryable_errors: {}, max_attempts: {}, sleep_interval_sec: {} } } },
          ignore: { labels: ['name'], body: { attributes: { ignorable_errors: {}, message: {}, signals: {} } } },
        },
      },
    },
  },
};
