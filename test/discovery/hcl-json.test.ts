// terragrunt.hcl.json: a unit configured in HCL's JSON syntax is a unit like any other (Terragrunt's
// DefaultTerragruntJSONConfigPath; docs: "Where terragrunt.hcl is mentioned … you can always use
// terragrunt.hcl.json"; TestFindConfigFilesInPathMultipleMixedConfigs, TestTFTerragruntWorksWithSingleJSONConfig
// and the include-multiple/json fixture): found by run --all, find, list and hcl validate in a tree mixing both
// syntaxes, reached by a dependency's config_path, by find_in_parent_folders() and by --config; includes,
// dependencies, locals, templates and big numbers work in it; in a folder holding both files the JSON one is
// the config (GetDefaultConfigPath tries terragrunt.hcl.json first).
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { writeStack } from '../support/stack.js';
import { baseEnv, tgo } from '../support/tgo.js';

vi.setConfig({ testTimeout: 120_000 });

let tf: FakeTerraform;
let root: string;
beforeAll(async () => {
  tf = await makeFakeTerraform();
  root = writeStack({
    'root.hcl': 'inputs = {\n  region = "eu-west-1"\n}\n',
    // Written as text: the number is too big for a double (JSON.stringify would round it).
    'vpc/terragrunt.hcl.json': '{\n  "//": "locals, a template, a big number",\n  "locals": {"name": "main"},\n'
      + '  "inputs": {"name": "${upper(local.name)}", "cidrs": ["10.0.0.0/16"], "big": 12345678901234567890}\n}\n',
    'vpc/.terraform/keep': '',
    'app/terragrunt.hcl.json': {
      include: { root: { path: '${find_in_parent_folders("root.hcl")}' } },
      dependency: { vpc: { config_path: '../vpc', mock_outputs: { id: 'vpc-mock' } } },
      inputs: { vpc_id: '${dependency.vpc.outputs.id}', where: '${path_relative_to_include("root")}' },
    },
    'app/.terraform/keep': '',
    'db/terragrunt.hcl': 'dependencies {\n  paths = ["../vpc"]\n}\ninputs = {\n  engine = "postgres"\n}\n',
    'db/.terraform/keep': '',
    'both/terragrunt.hcl': 'inputs = {\n  from = "hcl"\n}\n',
    'both/terragrunt.hcl.json': { inputs: { from: 'json' } },
    'both/.terraform/keep': '',
    'nested/terragrunt.hcl.json': { include: { '': { path: '${find_in_parent_folders("root.hcl")}' } } },
    'nested/.terraform/keep': '',
    'nested/child/terragrunt.hcl': 'inputs = {\n  parent = find_in_parent_folders()\n}\n',
    'nested/child/.terraform/keep': '',
  });
});

const run = (args: string[], cwd = root) => tgo(args, { cwd, env: baseEnv(), input: '' });
const UNITS = ['app', 'both', 'db', 'nested', 'nested/child', 'vpc'];

describe('terragrunt.hcl.json units', () => {
  it('find, list and hcl validate see them beside terragrunt.hcl units', async () => {
    const find = await run(['find']);
    expect(find.code, find.stderr).toBe(0);
    expect(find.stdout.split('\n').filter(Boolean).sort()).toEqual(UNITS);
    const list = await run(['list']);
    expect(list.stdout.split(/\s+/).filter(Boolean).sort()).toEqual(UNITS);
    const valid = await run(['hcl', 'validate']);
    expect(valid.code, valid.stderr).toBe(0);
    expect(valid.stdout + valid.stderr).toContain('6 units: configuration valid');
  });

  it('run --all runs each in dependency order with the inputs its JSON gives', async () => {
    const before = tf.records().length;
    const r = await run(['run', '--all', '--non-interactive', '--terragrunt-tfpath', tf.path, '--', 'plan']);
    expect(r.code, r.stderr).toBe(0);
    const plans = tf.records().slice(before).filter((x) => x.argv[0] === 'plan');
    const at = (unit: string) => plans.find((x) => x.cwd === path.join(root, unit))!;
    expect(plans.map((x) => path.relative(root, x.cwd)).sort()).toEqual(UNITS);
    expect(at('vpc').env).toMatchObject({ TF_VAR_name: 'MAIN', TF_VAR_big: '12345678901234567890', TF_VAR_cidrs: '["10.0.0.0/16"]' });
    expect(at('app').env).toMatchObject({ TF_VAR_vpc_id: 'vpc-mock', TF_VAR_region: 'eu-west-1', TF_VAR_where: 'app' });
    expect(at('vpc').endSeq!).toBeLessThan(at('app').startSeq);
    expect(at('vpc').endSeq!).toBeLessThan(at('db').startSeq);
    expect(at('both').env.TF_VAR_from).toBe('json');
    expect(at('nested').env.TF_VAR_region).toBe('eu-west-1'); // the bare include ("": {…})
    expect(at('nested/child').env.TF_VAR_parent).toBe(path.join(root, 'nested', 'terragrunt.hcl.json'));
  });

  it('a single-unit run, and --config naming the JSON file', async () => {
    const before = tf.records().length;
    const one = await run(['plan', '--terragrunt-tfpath', tf.path], path.join(root, 'vpc'));
    expect(one.code, one.stderr).toBe(0);
    const viaConfig = await run(['plan', '--config', 'terragrunt.hcl.json', '--terragrunt-tfpath', tf.path], path.join(root, 'both'));
    expect(viaConfig.code, viaConfig.stderr).toBe(0);
    const plans = tf.records().slice(before).filter((x) => x.argv[0] === 'plan');
    expect(plans.map((x) => [path.relative(root, x.cwd), x.env.TF_VAR_name ?? x.env.TF_VAR_from])).toEqual([['vpc', 'MAIN'], ['both', 'json']]);
  });

  it('a JSON syntax error names the file and line; nothing runs', async () => {
    const bad = writeStack({
      'ok/terragrunt.hcl': '',
      'broken/terragrunt.hcl.json': '{\n  "inputs": {\n    "a": 1,\n  }\n}\n',
      'typo/terragrunt.hcl.json': '{\n  "inputz": {}\n}\n',
    });
    const before = tf.records().length;
    const r = await run(['run', '--all', '--non-interactive', '--terragrunt-tfpath', tf.path, '--', 'plan'], bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\/terragrunt\.hcl\.json:4/);
    expect(r.stderr).toMatch(/typo\/terragrunt\.hcl\.json:2.*inputz/);
    expect(tf.records().length).toBe(before);
  });
});
