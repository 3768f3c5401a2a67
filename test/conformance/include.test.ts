/**
 * Includes as Terragrunt merges and exposes them (pkg/config/include.go), applied with the real terraform and read
 * back with `output -json`. Our own fixtures, modelled on the layouts of Terragrunt's include-expose,
 * include-multiple and include-deep fixtures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { applied, echoModule, fixture, outputs, run } from './support.js';

const reflect = echoModule({
  region: 'string', attribute: 'string', new_attribute: 'string', old_attribute: 'string',
  list_attr: 'list(string)', map_attr: 'map(string)', dep_out: 'any',
});

/** A dependency template in an included file: children set config_path (Terragrunt: include-multiple). */
const templates = {
  'inputs.hcl': 'inputs = {\n  attribute     = "hello"\n  old_attribute = "old val"\n  list_attr     = ["hello"]\n  map_attr = {\n    foo  = "bar"\n    test = dependency.vpc.outputs.new_attribute\n  }\n}\n',
  'inputs_override.hcl': 'inputs = {\n  attribute     = "will be replaced"\n  new_attribute = "new val"\n  list_attr     = ["mock"]\n  map_attr = {\n    bar = "baz"\n  }\n}\n',
  'inputs_final.hcl': 'inputs = {\n  attribute     = "mock"\n  new_attribute = "new val"\n  list_attr     = ["hello", "mock", "foo"]\n  map_attr = {\n    bar  = "baz"\n    foo  = "bar"\n    test = dependency.vpc.outputs.new_attribute\n  }\n}\n',
  'vpc_dep.hcl': 'dependency "vpc" {\n  config_path = ""\n  mock_outputs = {\n    attribute     = "hello"\n    old_attribute = "old val"\n    list_attr     = ["hello"]\n    map_attr = {\n      foo = "bar"\n    }\n  }\n  mock_outputs_allowed_terraform_commands = ["apply", "plan", "destroy", "output"]\n}\n',
  'vpc_dep_override.hcl': 'dependency "vpc" {\n  config_path = ""\n  mock_outputs = {\n    attribute     = "will be replaced"\n    new_attribute = "new val"\n    list_attr     = ["mock"]\n    map_attr = {\n      bar = "baz"\n    }\n  }\n}\n',
};
const inc = (label: string, file: string, strategy?: string) =>
  `include "${label}" {\n  path = find_in_parent_folders("${file}")\n${strategy ? `  merge_strategy = "${strategy}"\n` : ''}}\n`;

/** What both merge orders must produce (Terragrunt's validateMultipleIncludeTestOutput). */
const MERGED = {
  attribute: 'mock',
  new_attribute: 'new val',
  old_attribute: 'old val',
  list_attr: ['hello', 'mock', 'foo'],
  map_attr: { foo: 'bar', bar: 'baz', test: 'new val' },
  dep_out: { attribute: 'mock', new_attribute: 'new val', old_attribute: 'old val', list_attr: ['hello', 'mock', 'foo'], map_attr: { foo: 'bar', bar: 'baz' } },
};

let root: string;
beforeAll(async () => {
  root = fixture({
    'root.hcl': 'locals {\n  region = "us-west-1"\n}\n',
    'env.hcl': 'locals {\n  environment = "test"\n}\n',
    'skipped.hcl': 'skip = true\n',
    ...templates,
    'vpc/main.tf': '# no outputs: children plan and apply against mocks\n',
    'vpc/terragrunt.hcl': '',
    // Terragrunt: TestTFTerragruntWorksWithIncludeLocals, fixtures/include-expose/{single-bare,mixed-with-bare,multiple}.
    'expose/single-bare/main.tf': reflect,
    'expose/single-bare/terragrunt.hcl': 'include {\n  path   = find_in_parent_folders("root.hcl")\n  expose = true\n}\nlocals {\n  environment = "test"\n}\ninputs = {\n  region = "${include.locals.region}-${local.environment}"\n}\n',
    'expose/mixed-with-bare/main.tf': reflect,
    'expose/mixed-with-bare/terragrunt.hcl': 'include {\n  path   = find_in_parent_folders("root.hcl")\n  expose = true\n}\ninclude "env" {\n  path   = find_in_parent_folders("env.hcl")\n  expose = true\n}\ninputs = {\n  region = "${include[""].locals.region}-${include.env.locals.environment}"\n}\n',
    'expose/multiple/main.tf': reflect,
    'expose/multiple/terragrunt.hcl': 'include "root" {\n  path   = find_in_parent_folders("root.hcl")\n  expose = true\n}\ninclude "env" {\n  path   = find_in_parent_folders("env.hcl")\n  expose = true\n}\ninputs = {\n  region = "${include.root.locals.region}-${include.env.locals.environment}"\n}\n',
    // Terragrunt: TestTFTerragruntWorksWithMultipleInclude, fixtures/include-multiple/shallow-merge.
    'multiple/shallow/main.tf': reflect,
    'multiple/shallow/terragrunt.hcl': `${inc('inputs', 'inputs.hcl')}${inc('inputs_final', 'inputs_final.hcl')}${inc('vpc_dep', 'vpc_dep.hcl')}dependency "vpc" {
  config_path = "../../vpc"
  mock_outputs = {
    attribute     = "mock"
    old_attribute = "old val"
    new_attribute = "new val"
    list_attr     = ["hello", "mock", "foo"]
    map_attr = {
      foo = "bar"
      bar = "baz"
    }
  }
}
inputs = {
  dep_out = dependency.vpc.outputs
}
`,
    // Terragrunt: TestTFTerragruntWorksWithMultipleInclude, fixtures/include-multiple/deep-merge-overlapping.
    'multiple/deep/main.tf': reflect,
    'multiple/deep/terragrunt.hcl': `${inc('inputs', 'inputs.hcl', 'deep')}${inc('vpc_dep', 'vpc_dep.hcl', 'deep')}${inc('inputs_override', 'inputs_override.hcl', 'deep')}${inc('vpc_dep_override', 'vpc_dep_override.hcl', 'deep')}dependency "vpc" {
  config_path = "../../vpc"
  mock_outputs = {
    attribute = "mock"
    list_attr = ["foo"]
  }
}
inputs = {
  attribute = "mock"
  list_attr = ["foo"]
  dep_out   = dependency.vpc.outputs
}
`,
    // `skip` comes from an include unless the unit sets it (Terragrunt's Merge/DeepMerge while it had `skip`).
    'skip/inherited/main.tf': reflect,
    'skip/inherited/terragrunt.hcl': inc('skip', 'skipped.hcl'),
    'skip/overridden/main.tf': reflect,
    'skip/overridden/terragrunt.hcl': `${inc('skip', 'skipped.hcl')}skip = false\ninputs = {\n  region = "ran"\n}\n`,
  });
  const r = await run(['run-all', 'apply', '--terragrunt-non-interactive'], root);
  expect(r.code, r.stderr).toBe(0);
}, 600_000);

describe('include', () => {
  it.each(['single-bare', 'mixed-with-bare', 'multiple'])('expose: %s', async (name) => {
    expect((await outputs(path.join(root, 'expose', name))).region).toBe('us-west-1-test');
  });

  it.each(['shallow', 'deep'])('several includes with a dependency template (config_path = "") merged %s', async (name) => {
    const out = await outputs(path.join(root, 'multiple', name));
    const { region: _region, ...rest } = out;
    expect(rest).toEqual(MERGED);
  });

  it('skip is inherited from an include; the unit can set it back', async () => {
    expect(await outputs(path.join(root, 'skip/overridden'))).toMatchObject({ region: 'ran' });
    // Skipped by run-all: terraform never ran there.
    expect(applied(path.join(root, 'skip/inherited'))).toBe(false);
    expect(applied(path.join(root, 'skip/overridden'))).toBe(true);
  });

  it('a dependency template nobody fills in is an error naming the template, after the merge', async () => {
    const dir = fixture({
      'vpc_dep.hcl': templates['vpc_dep.hcl'],
      'app/terragrunt.hcl': inc('vpc_dep', 'vpc_dep.hcl'),
    });
    const r = await run(['plan'], path.join(dir, 'app'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/vpc_dep\.hcl:1: dependency\.vpc\.config_path: config_path must be set to the directory of the dependency/);
  });
});
