/**
 * terraform { extra_arguments } as Terragrunt applies them (pkg/config/config.go, internal/runner/run): var files
 * (required ones must exist, optional ones are skipped when missing, later files win), env_vars, arguments for
 * the commands listed — with Terragrunt's get_terraform_commands_that_need_* lists — and a -var on the command
 * line winning over all of them. Real terraform; values read back with `output -json`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { echoModule, fixture, outputs, run, terraformRan } from './support.js';

// The lists as pkg/config/config_helpers.go has them (TerraformCommandsNeed*).
const NEED = {
  vars: ['apply', 'console', 'destroy', 'import', 'plan', 'push', 'refresh'],
  locking: ['apply', 'destroy', 'import', 'plan', 'refresh', 'taint', 'untaint'],
  input: ['apply', 'import', 'init', 'plan', 'refresh'],
  parallelism: ['apply', 'plan', 'destroy'],
};

// Terragrunt's fixtures/extra-args, our own values.
const HCL = `terraform {
  extra_arguments "var-files" {
    commands           = ["apply", "plan", "import", "push", "refresh"]
    required_var_files = ["extra.tfvars"]
    optional_var_files = [
      "\${get_terragrunt_dir()}/\${get_env("TF_VAR_env", "dev")}.tfvars",
      "\${get_terragrunt_dir()}/\${get_env("TF_VAR_region", "us-east-1")}.tfvars",
    ]
  }
  extra_arguments "env" {
    commands = ["apply", "plan"]
    env_vars = {
      TF_VAR_custom_var = "set in extra_arguments env_vars"
    }
  }
  extra_arguments "vars" {
    commands  = get_terraform_commands_that_need_vars()
    arguments = ["-var", "from_args=passed"]
  }
  extra_arguments "locking" {
    commands  = get_terraform_commands_that_need_locking()
    arguments = ["-lock-timeout=2s"]
  }
  extra_arguments "input" {
    commands  = get_terraform_commands_that_need_input()
    arguments = ["-input=false"]
  }
  extra_arguments "parallelism" {
    commands  = get_terraform_commands_that_need_parallelism()
    arguments = ["-parallelism=3"]
  }
}
inputs = {
  need_vars        = get_terraform_commands_that_need_vars()
  need_locking     = get_terraform_commands_that_need_locking()
  need_input       = get_terraform_commands_that_need_input()
  need_parallelism = get_terraform_commands_that_need_parallelism()
}
`;

let dir: string;
beforeAll(() => {
  dir = fixture({
    'extra.tfvars': 'extra_var = "Hello, World!"\n',
    'dev.tfvars': 'extra_var = "Hello, World from dev!"\n',
    'us-west-2.tfvars': 'extra_var = "Hello, World from Oregon!"\n',
    'main.tf': echoModule({
      extra_var: 'string', custom_var: 'string', from_args: 'string',
      need_vars: 'list(string)', need_locking: 'list(string)', need_input: 'list(string)', need_parallelism: 'list(string)',
    }),
    'terragrunt.hcl': HCL,
  });
});

/** Apply with `env`, then the outputs (read by `output`, which none of the arguments above are for). */
async function applyWith(env: Record<string, string>, extra: string[] = []): Promise<Record<string, unknown>> {
  const r = await run(['apply', '-auto-approve', ...extra, '--terragrunt-non-interactive'], dir, env);
  expect(r.code, r.stderr).toBe(0);
  return outputs(dir, env);
}

describe('extra_arguments', () => {
  // Terragrunt: TestTFExtraArguments, TestTFExtraArgumentsWithEnvVarBlock (fixtures/env-vars-block).
  it('optional var files after the required ones; env_vars; arguments for the commands Terragrunt lists', async () => {
    expect(await applyWith({})).toEqual({
      extra_var: 'Hello, World from dev!', custom_var: 'set in extra_arguments env_vars', from_args: 'passed',
      need_vars: NEED.vars, need_locking: NEED.locking, need_input: NEED.input, need_parallelism: NEED.parallelism,
    });
  });

  // Terragrunt: TestTFExtraArgumentsWithEnv: a missing optional var file is skipped.
  it('a missing optional var file is skipped', async () => {
    expect((await applyWith({ TF_VAR_env: 'prod' })).extra_var).toBe('Hello, World!');
  });

  // Terragrunt: TestTFExtraArgumentsWithRegion.
  it('the last optional var file that exists wins', async () => {
    expect((await applyWith({ TF_VAR_region: 'us-west-2' })).extra_var).toBe('Hello, World from Oregon!');
  });

  // Terragrunt: TestTFPriorityOrderOfArgument.
  it('a -var on the command line wins over the var files', async () => {
    expect((await applyWith({}, ['-var', 'extra_var=Injected-directly-by-argument'])).extra_var).toBe('Injected-directly-by-argument');
  });

  it('a required var file that does not exist is an error before terraform runs', async () => {
    const d = fixture({
      'main.tf': echoModule({ extra_var: 'string' }),
      'terragrunt.hcl': 'terraform {\n  extra_arguments "var-files" {\n    commands           = ["apply", "plan"]\n    required_var_files = ["missing.tfvars"]\n  }\n}\n',
    });
    const r = await run(['plan'], d);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/missing\.tfvars/);
    expect(terraformRan(r)).toBe(false);
  });
});
