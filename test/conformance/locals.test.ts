/**
 * Locals as Terragrunt evaluates them (pkg/config/locals.go): in any order, referring to each other and to
 * functions, an included file's in the child's context; a cycle, an unknown local, or a local that reads what is
 * evaluated after locals (inputs, dependency outputs) is an error naming the file and line, and terraform never
 * runs. Applied with the real terraform and read back with `output -json`.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { echoModule, fixture, outputs, run, terraformRan } from './support.js';

describe('locals', () => {
  // Terragrunt: TestTFLocalsParsing (fixtures/locals/canonical), TestTFLocalsInInclude (fixtures/locals/local-in-include).
  it('refer to each other in any order, read files, and an include\'s locals see the child\'s context', async () => {
    const root = fixture({
      'root.hcl': 'locals {\n  rel = path_relative_to_include()\n  cmd = get_terraform_command()\n  dir = get_parent_terragrunt_dir()\n}\ninputs = {\n  parent_terragrunt_dir = local.dir\n  rel                   = local.rel\n  terraform_command     = local.cmd\n}\n',
      'qa/app/contents.txt': 'Hello world\n',
      'qa/app/main.tf': echoModule({ data: 'string', answer: 'number', parent_terragrunt_dir: 'string', rel: 'string', terraform_command: 'string', terragrunt_dir: 'string' }),
      'qa/app/terragrunt.hcl': `include "root" {
  path = find_in_parent_folders("root.hcl")
}
locals {
  number_expression = 40 + local.x
  file_contents     = file("./contents.txt")
  x                 = 2
}
inputs = {
  data           = local.file_contents
  answer         = local.number_expression
  terragrunt_dir = get_terragrunt_dir()
}
`,
    });
    const app = path.join(root, 'qa/app');
    const r = await run(['apply', '-auto-approve', '--terragrunt-non-interactive'], app);
    expect(r.code, r.stderr).toBe(0);
    expect(await outputs(app)).toEqual({
      data: 'Hello world\n', answer: 42, parent_terragrunt_dir: root, rel: 'qa/app', terraform_command: 'apply', terragrunt_dir: app,
    });
  });

  // Terragrunt: TestUndefinedLocalsReferenceBreaks, TestUndefinedLocalsReferenceToInputsBreaks
  // (fixtures/locals-errors/undefined-local, undefined-local-but-input), TestLogFailedLocalsEvaluation; the
  // parsing-order rule of docs/…/hcl/overview (no dependency outputs in locals).
  it.each([
    ['a cycle', 'locals {\n  a = local.b\n  b = "${local.c}-x"\n  c = local.a\n}\n', /terragrunt\.hcl:\d+: locals\.\w: cycle in locals: (a -> b -> c -> a|b -> c -> a -> b|c -> a -> b -> c)/],
    ['an unknown local', 'locals {\n  known = "x"\n}\ninputs = {\n  v = local.unknown\n}\n', /terragrunt\.hcl:5\S*: inputs: .*unknown/],
    ['a local reading inputs', 'inputs = {\n  v = "x"\n}\nlocals {\n  from_inputs = inputs.v\n}\n', /terragrunt\.hcl:5\S*: locals\.from_inputs: .*"inputs"/],
    ['a local reading dependency outputs', 'dependency "d" {\n  config_path = "../dep"\n}\nlocals {\n  v = dependency.d.outputs.x\n}\n', /terragrunt\.hcl:5\S*: locals\.v: .*"dependency"/],
  ])('%s is an error naming the file and line; terraform does not run', async (_name, hcl, message) => {
    const root = fixture({
      'dep/main.tf': 'output "x" {\n  value = 1\n}\n',
      'dep/terragrunt.hcl': '',
      'app/main.tf': echoModule({ v: 'string' }),
      'app/terragrunt.hcl': hcl,
    });
    const r = await run(['apply', '-auto-approve', '--terragrunt-non-interactive'], path.join(root, 'app'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(terraformRan(r)).toBe(false);
  });
});
