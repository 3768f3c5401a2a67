// `tgo hcl validate` and `--inputs` (classic validate-inputs) against the real binary: every unit's error
// listed with file and line; inputs compared with the terraform module's variable blocks.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeStack } from '../support/stack.js';
import { baseEnv, tgo } from '../support/tgo.js';

// Several tgo processes per test: room for a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

const run = (args: string[], cwd: string, env = baseEnv()) => tgo(args, { cwd, env, input: '' });

const MODULE = {
  'modules/app/variables.tf': 'variable "name" {\n  type = string\n}\n\nvariable "size" {\n  default = 1\n}\n\nvariable "zone" {}\n',
  'modules/app/main.tf': 'output "x" {\n  value = var.name\n}\n',
};

describe('tgo hcl validate', () => {
  it('lists the error of every unit with file and line, and exits 1; a clean tree exits 0', async () => {
    const root = writeStack({
      'a/terragrunt.hcl': 'locals {\n  x = 1\n}\ninputs = {\n  y = local.nope\n}\n',
      'b/terragrunt.hcl': 'inputs = {\n  z = unknown_fn()\n}\n',
      'c/terragrunt.hcl': 'inputs = { ok = true }\n',
      'd/terragrunt.hcl': 'inputs = {\n  broken = \n}\n',
    });
    const r = await run(['hcl', 'validate'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('3 configuration errors');
    expect(r.stderr).toMatch(/a\/terragrunt\.hcl:5/);
    expect(r.stderr).toMatch(/b\/terragrunt\.hcl:2/);
    expect(r.stderr).toMatch(/d\/terragrunt\.hcl:2/);
    const ok = await run(['hcl', 'validate'], path.join(root, 'c'));
    expect([ok.code, ok.stdout]).toEqual([0, '1 unit: configuration valid\n']);
  });

  it('--inputs: a required variable with no value fails, naming the variable and where it is declared', async () => {
    const root = writeStack({ ...MODULE, 'live/app/terragrunt.hcl': 'terraform {\n  source = "../../modules//app"\n}\ninputs = {\n  zone = "a"\n  extra = 1\n}\n' });
    const r = await run(['hcl', 'validate', '--inputs'], path.join(root, 'live'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/modules\/app\/variables\.tf:1: required variable "name" gets no value from unit app/);
    expect(r.stderr).not.toMatch(/"size"|"zone" gets/);
    expect(r.stderr).toMatch(/WARN \[app\] input "extra" is not a variable of the module/);
  });

  it('--inputs: TF_VAR_, var files and automatic tfvars count as values; --strict fails on unused inputs', async () => {
    const root = writeStack({
      ...MODULE,
      'modules/app/terraform.tfvars': 'zone = "b"\n',
      'live/app/common.tfvars': 'name = "n"\n',
      'live/app/terragrunt.hcl': 'terraform {\n  source = "../../modules//app"\n  extra_arguments "vars" {\n    commands = ["plan"]\n'
        + '    required_var_files = ["common.tfvars"]\n  }\n}\ninputs = {\n  extra = 1\n}\n',
      'live/env/terragrunt.hcl': 'terraform {\n  source = "../../modules//app"\n}\ninputs = {\n  zone = "z"\n}\n',
    });
    const live = path.join(root, 'live');
    const loose = await run(['hcl', 'validate', '--inputs'], live, baseEnv({ TF_VAR_name: 'from-env' }));
    expect(loose.code).toBe(0);
    expect(loose.stdout).toContain('[app] all required inputs are set');
    expect(loose.stdout).toContain('[env] all required inputs are set');
    expect(loose.stderr).toContain('input "extra" is not a variable');
    const strict = await run(['validate-inputs', '--strict'], live, baseEnv({ TF_VAR_name: 'from-env' }));
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/app\/terragrunt\.hcl: inputs\.extra: input "extra" is not a variable/);
    const noEnv = await run(['hcl', 'validate', '--inputs'], live);
    expect(noEnv.code).toBe(1);
    expect(noEnv.stderr).toContain('required variable "name" gets no value from unit env');
  });

  it('--strict without --inputs is a usage error; Terragrunt flags it lacks are refused by name', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': '' });
    expect((await run(['hcl', 'validate', '--strict'], root)).stderr).toContain('--strict only applies with --inputs');
    const j = await run(['hcl', 'validate', '--json'], root);
    expect(j.code).toBe(1);
    expect(j.stderr).toContain('--json is a Terragrunt flag of hcl validate that tgo does not implement');
  });
});
