/**
 * Behaviours that public Terragrunt repositories rely on and tgo once got wrong, each on a fixture of our own
 * that reproduces the shape, judged by the Terragrunt code named per test. Evaluation only (render, find,
 * list): no terraform is started.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fixture, run } from './support.js';
import { makeFakeTerraform } from '../support/fake-terraform.js';

const render = async (cwd: string) => {
  const r = await run(['render', '--json'], cwd);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { inputs: Record<string, unknown>; includes: { label: string; path: string }[] };
};

describe('include blocks sharing a label', () => {
  // Terragrunt's getTrackInclude (pkg/config/include.go) keeps every block in CurrentList, merged in order, and
  // CurrentMap[label] = the last one: include.<label> (includeMapAsCtyVal) and get_parent_terragrunt_dir()
  // (getSelectedIncludeBlock, a single label needs no argument) see the last block of the label.
  const root = fixture({
    'live/root.hcl': 'locals {\n  from = "root"\n}\ninputs = {\n  only_root = "r"\n  shared    = "root"\n}\n',
    'live/_providers/aws.hcl': 'locals {\n  from = "providers"\n}\ninputs = {\n  only_providers = "p"\n  shared         = "providers"\n}\n',
    'live/env/app/terragrunt.hcl': [
      'include "root" {\n  path   = find_in_parent_folders("root.hcl")\n  expose = true\n}',
      'include "root" {\n  path   = "${dirname(find_in_parent_folders("root.hcl"))}/_providers/aws.hcl"\n  expose = true\n}',
      'inputs = {\n  exposed = include.root.locals.from\n  parent  = get_parent_terragrunt_dir()\n}\n',
    ].join('\n'),
  });

  it('merges both, in order, and the label names the last one', async () => {
    const cfg = await render(path.join(root, 'live/env/app'));
    expect(cfg.includes.map((i) => path.relative(root, i.path))).toEqual(['live/root.hcl', 'live/_providers/aws.hcl']);
    expect(cfg.inputs).toEqual({
      only_root: 'r',
      only_providers: 'p',
      shared: 'providers',
      exposed: 'providers',
      parent: path.join(root, 'live/_providers'),
    });
  });

  it('an exposed block followed by an unexposed one of the same label leaves include.<label> undefined', async () => {
    const dir = fixture({
      'root.hcl': 'locals {\n  from = "root"\n}\n',
      'other.hcl': 'locals {\n  from = "other"\n}\n',
      'app/terragrunt.hcl': 'include "root" {\n  path   = "../root.hcl"\n  expose = true\n}\ninclude "root" {\n  path = "../other.hcl"\n}\n'
        + 'inputs = {\n  exposed = include.root.locals.from\n}\n',
    });
    const r = await run(['render', '--json'], path.join(dir, 'app'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('ERROR terragrunt.hcl:9,13: inputs: Unknown variable: There is no variable named "include".\n');
  });
});

describe('find and list on a tree whose configurations do not all load', () => {
  // Terragrunt's find and list discover with WithSuppressParseErrors (internal/discovery/constructor.go
  // NewForDiscoveryCommand) and only log Discover's errors at debug level (internal/cli/commands/find/find.go);
  // plain find parses nothing, so a unit's skip or exclude block does not hide it either (TestFindExclude:
  // only --queue-construct-as acts on exclude). Shapes seen in public repos: a catalog of unit templates whose
  // find_in_parent_folders has no root above them, a root terragrunt.hcl with `skip = true` that children
  // include, a unit reading `dependency` in `locals`.
  const root = fixture({
    'catalog/units/vpc/terragrunt.hcl': 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n',
    'live/terragrunt.hcl': 'skip = true\nlocals {\n  region = "eu-west-1"\n}\n',
    'live/vpc/terragrunt.hcl': 'include {\n  path = find_in_parent_folders()\n}\n',
    'live/app/terragrunt.hcl': 'include {\n  path = find_in_parent_folders()\n}\ndependency "vpc" {\n  config_path = "../vpc"\n}\n'
      + 'locals {\n  vpc_id = dependency.vpc.outputs.id\n}\n',
    'live/db/terragrunt.hcl': 'include {\n  path = find_in_parent_folders()\n}\ndependencies {\n  paths = ["../vpc"]\n}\n'
      + 'exclude {\n  if      = true\n  actions = ["all"]\n}\n',
  });

  it('find lists every unit, exit 0, nothing on stderr', async () => {
    const r = await run(['find'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('catalog/units/vpc\nlive\nlive/app\nlive/db\nlive/vpc\n');
    expect(r.stderr).toBe('');
  });

  it('list --dag --dependencies: the units that load keep their dependencies and order', async () => {
    const r = await run(['list', '--long', '--dag', '--dependencies'], root);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => l.split(/\s+/));
    expect(rows.map((row) => row[1])).toEqual(['Path', 'catalog/units/vpc', 'live', 'live/app', 'live/vpc', 'live/db']);
    expect(rows.find((row) => row[1] === 'live/db')).toEqual(['unit', 'live/db', 'live/vpc']);
    expect(rows.find((row) => row[1] === 'live/app')).toEqual(['unit', 'live/app']);
  });

  it('run-all still stops on them, naming file, attribute and line, before any terraform', async () => {
    const r = await run(['run-all', 'plan', '--non-interactive', '--terragrunt-tfpath', '/nonexistent/terraform'], path.join(root, 'live'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/app\/terragrunt\.hcl:\d+,\d+: locals\.vpc_id: Unknown variable: There is no variable named "dependency"\./);
  });
});

describe('locals reading feature flags', () => {
  // Terragrunt's DecodeBaseBlocks (pkg/config/config_partial.go) decodes the feature blocks first and evaluates
  // the locals block WithFeatures; a feature default is decoded before locals exist (functions only).
  // Shape of denis256/terragrunt-tests feature-flags/cli-flag.
  const root = fixture({
    'app/terragrunt.hcl': 'feature "size" {\n  default = "small"\n}\nlocals {\n  name = "app-${feature.size.value}"\n}\n'
      + 'inputs = {\n  name = local.name\n}\n',
    'bad/terragrunt.hcl': 'locals {\n  size = "small"\n}\nfeature "size" {\n  default = local.size\n}\n',
  });

  it('a local reads the default, or the --feature value', async () => {
    expect((await render(path.join(root, 'app'))).inputs).toEqual({ name: 'app-small' });
    const r = await run(['render', '--json', '--feature', 'size=large'], path.join(root, 'app'));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).inputs).toEqual({ name: 'app-large' });
  });

  it('a feature default cannot read a local', async () => {
    const r = await run(['render', '--json'], path.join(root, 'bad'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('ERROR terragrunt.hcl:5,13: feature.size.default: Unknown variable: There is no variable named "local".\n');
  });
});

describe('a folder or a config file where Terragrunt takes either', () => {
  // Terragrunt's getCleanedTargetConfigPath (pkg/config/config_helpers.go): a folder stands for its config file
  // (GetDefaultConfigPath), a file for itself; read_terragrunt_config and dependency config_path use it.
  // Shapes of timesnavin logscale _modules/kafka/cluster (config_path = ".../terragrunt.hcl") and denis256
  // terragrunt-tests issue-3310-v2 (read_terragrunt_config of a folder).
  const root = fixture({
    'vpc/terragrunt.hcl': 'inputs = {\n  cidr = "10.0.0.0/16"\n}\n',
    'app/terragrunt.hcl': 'locals {\n  vpc = read_terragrunt_config("../vpc")\n}\n'
      + 'dependency "vpc" {\n  config_path  = "${get_terragrunt_dir()}/../vpc/terragrunt.hcl"\n  mock_outputs = { id = "mock" }\n}\n'
      + 'inputs = {\n  cidr = local.vpc.inputs.cidr\n}\n',
  });

  it('read_terragrunt_config of a folder reads its terragrunt.hcl', async () => {
    expect((await render(path.join(root, 'app'))).inputs).toEqual({ cidr: '10.0.0.0/16' });
  });

  it('a dependency on the unit\'s terragrunt.hcl is a dependency on the unit', async () => {
    const r = await run(['find', '--dag', '--json', '--dependencies'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { type: 'unit', path: 'vpc', dependencies: [] },
      { type: 'unit', path: 'app', dependencies: ['vpc'] },
    ]);
    const groups = await run(['output-module-groups'], root);
    expect(groups.code, groups.stderr).toBe(0);
    expect(JSON.parse(groups.stdout)).toEqual({ 'Group 1': [path.join(root, 'vpc')], 'Group 2': [path.join(root, 'app')] });
  });
});

describe('a hook that reads dependency outputs', () => {
  // Terragrunt decodes the terraform block's hooks in the full parse, with dependency outputs (or their mocks);
  // shape of denis256/terragrunt-tests discussion-812. tgo reads them when the unit runs.
  it('is accepted when the stack loads and runs with the value when the unit runs', async () => {
    const tf = await makeFakeTerraform();
    const root = fixture({
      'dep/terragrunt.hcl': '',
      'app/terragrunt.hcl': 'dependency "dep" {\n  config_path  = "../dep"\n  mock_outputs = { data = "mocked" }\n'
        + '  mock_outputs_allowed_terraform_commands = ["plan"]\n}\n'
        + 'terraform {\n  before_hook "login" {\n    commands = ["plan"]\n    execute  = ["echo", "hook saw", dependency.dep.outputs.data]\n  }\n}\n',
    });
    const r = await run(['run-all', 'plan', '--non-interactive', '--terragrunt-tfpath', tf.path], root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('[app] hook saw mocked\n');
    expect(tf.records().filter((x) => x.argv[0] === 'plan').map((x) => path.relative(root, x.cwd)).sort()).toEqual(['app', 'dep']);
  });

  it('an execute that is empty (and reads nothing) is still an error when the stack loads', async () => {
    const root = fixture({ 'app/terragrunt.hcl': 'terraform {\n  before_hook "login" {\n    commands = ["plan"]\n    execute  = []\n  }\n}\n' });
    const r = await run(['output-module-groups'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('ERROR app/terragrunt.hcl:4: terraform.before_hook.login.execute: execute must name a command to run\n');
  });
});

describe('a source shared by many units', () => {
  // diggerhq/terragrunt-monorepo-large: 600 units, one repository, a subdir each; with --source and subdirs
  // that do not exist, each error line named all 600 units (600 lines of ~9 kB).
  it('a missing subdir names the units that use it, at most 10 of them', async () => {
    const tf = await makeFakeTerraform();
    const units = Array.from({ length: 12 }, (_, i) => `u${String(i).padStart(2, '0')}`);
    const root = fixture({
      'mods/README': 'no module folders here',
      ...Object.fromEntries(units.map((u) => [`live/${u}/terragrunt.hcl`, `terraform {\n  source = "../../mods//${u === 'u00' ? 'only' : 'shared'}"\n}\n`])),
    });
    const r = await run(['run-all', 'plan', '--non-interactive', '--terragrunt-tfpath', tf.path], path.join(root, 'live'));
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.includes('terraform.source'));
    expect(lines.map((l) => l.trim()).sort()).toEqual([
      `module u00: terraform.source: "only" does not exist in file://${path.join(root, 'mods')}`,
      `modules u01, u02, u03, u04, u05, u06, u07, u08, u09, u10 and 1 more: terraform.source: "shared" does not exist in file://${path.join(root, 'mods')}`,
    ]);
    expect(tf.records()).toEqual([]);
  });
});
