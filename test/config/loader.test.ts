/**
 * The loader in-process: Terragrunt's include and merge rules (pkg/config/include.go: Merge, DeepMerge and the
 * bottom-up handleInclude), the include-relative functions, read_terragrunt_config and run_cmd caching, and the
 * exact text of the errors a person gets for each class of mistake (file, attribute path, line).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ConfigLoader } from '../../src/config/loader.js';
import type { ModuleConfig } from '../../src/config/types.js';
import { writeStack } from '../support/stack.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function stack(files: Record<string, string>): string {
  const root = writeStack(files);
  dirs.push(root);
  return root;
}

function loader(root: string, env: NodeJS.ProcessEnv = {}): ConfigLoader {
  return new ConfigLoader({ workingDir: root, env: { PATH: process.env.PATH, ...env }, terraformCommand: 'plan', terraformArgs: [] });
}

function load(files: Record<string, string>, unit = 'unit'): ModuleConfig {
  const root = stack(files);
  return loader(root).loadModule(path.join(root, unit));
}

/** The error a load throws (its message is what the CLI prints after "ERROR "). */
function loadError(files: Record<string, string>, unit = 'unit'): string {
  try {
    load(files, unit);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the load to fail');
}

const root = (body: string) => ({ 'root.hcl': body });
const include = (label = 'root', extra = '') => `include "${label}" {\n  path = find_in_parent_folders("root.hcl")\n${extra}}\n`;

describe('shallow merge (the default): the child wins', () => {
  it('scalars and terraform.source come from the child when it sets them, from the parent otherwise', () => {
    const cfg = load({
      ...root(`
iam_role                 = "arn:aws:iam::111111111111:role/parent"
iam_assume_role_duration = 900
download_dir             = "/tmp/parent-cache"
prevent_destroy          = true
terraform_binary         = "tofu"
terraform {
  source = "../modules//parent"
}
`),
      'unit/terragrunt.hcl': `${include()}
iam_role        = "arn:aws:iam::222222222222:role/child"
prevent_destroy = false
terraform {
  source = "../modules//child"
}
`,
    });
    expect(cfg.iam.roleArn).toMatchObject({ value: 'arn:aws:iam::222222222222:role/child', line: 5 });
    expect(cfg.iam.roleArn!.file).toMatch(/unit\/terragrunt\.hcl$/);
    expect(cfg.iam.duration).toMatchObject({ value: 900, line: 3 });
    expect(cfg.iam.duration!.file).toMatch(/root\.hcl$/);
    expect(cfg.downloadDir).toBe('/tmp/parent-cache');
    expect(cfg.preventDestroy).toBe(false);
    expect(cfg.terraformBinary).toBe('tofu');
    expect(cfg.terraform.source).toBe('../modules//child');
  });

  it('inputs merge by top-level key: a child map replaces the parent\'s map whole', () => {
    const cfg = load({
      ...root('inputs = {\n  region = "us-east-1"\n  tags = { Owner = "platform", Team = "core" }\n  zones = ["a", "b"]\n}\n'),
      'unit/terragrunt.hcl': `${include()}inputs = {\n  tags = { Team = "web" }\n  zones = ["c"]\n  name = "web"\n}\n`,
    });
    expect(cfg.inputs).toEqual({ region: 'us-east-1', tags: { Team: 'web' }, zones: ['c'], name: 'web' });
  });

  it('extra_arguments and hooks merge by name: a same-named child block takes the parent\'s place, new ones are appended', () => {
    const cfg = load({
      ...root(`
terraform {
  extra_arguments "vars" {
    commands  = ["plan"]
    arguments = ["-var-file=parent.tfvars"]
  }
  extra_arguments "lock" {
    commands  = ["plan", "apply"]
    arguments = ["-lock-timeout=5m"]
  }
  extra_arguments "parallelism" {
    commands  = ["apply"]
    arguments = ["-parallelism=4"]
  }
  before_hook "fmt" {
    commands = ["plan"]
    execute  = ["terraform", "fmt", "-check"]
  }
  before_hook "lint" {
    commands = ["plan"]
    execute  = ["tflint"]
  }
}
`),
      'unit/terragrunt.hcl': `${include()}
terraform {
  extra_arguments "extra" {
    commands  = ["plan"]
    arguments = ["-refresh=false"]
  }
  extra_arguments "lock" {
    commands  = ["apply"]
    arguments = ["-lock-timeout=20m"]
  }
  before_hook "fmt" {
    commands = ["plan"]
    execute  = ["echo", "child fmt"]
  }
}
`,
    });
    expect(cfg.terraform.extraArguments.map((e) => [e.name, e.arguments])).toEqual([
      ['vars', ['-var-file=parent.tfvars']],
      ['lock', ['-lock-timeout=20m']],
      ['parallelism', ['-parallelism=4']],
      ['extra', ['-refresh=false']],
    ]);
    expect(cfg.terraform.extraArguments[1]!.commands).toEqual(['apply']);
    expect(cfg.terraform.beforeHooks.map((h) => [h.name, h.execute])).toEqual([
      ['fmt', ['echo', 'child fmt']],
      ['lint', ['tflint']],
    ]);
  });

  it('dependency blocks merge by name: a same-named child block replaces the parent\'s whole', () => {
    const cfg = load({
      ...root(`
dependency "vpc" {
  config_path = "${'${get_terragrunt_dir()}'}/../vpc"
  mock_outputs = { vpc_id = "vpc-mock", subnets = ["a"] }
  mock_outputs_allowed_terraform_commands = ["plan"]
}
dependency "dns" {
  config_path  = "../dns"
  skip_outputs = true
}
`),
      'unit/terragrunt.hcl': `${include()}
dependency "vpc" {
  config_path  = "../vpc"
  mock_outputs = { extra = "x" }
}
dependency "db" {
  config_path = "../db"
}
`,
    });
    const byName = Object.fromEntries(cfg.dependencies.map((d) => [d.name, d]));
    expect(cfg.dependencies.map((d) => d.name)).toEqual(['vpc', 'dns', 'db']);
    expect(byName.vpc!.mockOutputs).toEqual({ extra: 'x' });
    expect(byName.vpc!.mockOutputsAllowedTerraformCommands).toBeUndefined();
    // Relative paths resolve against the unit, also when written in the included file.
    expect(byName.dns!.configPath).toBe(path.join(path.dirname(cfg.dir), 'dns'));
    expect(byName.dns!.skipOutputs).toBe(true);
  });

  it('dependencies.paths are concatenated (without duplicates) and resolved against the unit', () => {
    const cfg = load({
      ...root('dependencies {\n  paths = ["../network", "../iam"]\n}\n'),
      'unit/terragrunt.hcl': `${include()}dependencies {\n  paths = ["../iam", "../db"]\n}\n`,
    });
    const parent = path.dirname(cfg.dir);
    expect(cfg.dependencyPaths).toEqual([path.join(parent, 'network'), path.join(parent, 'iam'), path.join(parent, 'db')]);
  });

  it('the child\'s include_in_copy/exclude_from_copy are ignored when the parent has a terraform block (Terragrunt\'s Merge never copies them)', () => {
    const cfg = load({
      ...root('terraform {\n  exclude_from_copy = ["*.md"]\n}\n'),
      'unit/terragrunt.hcl': `${include()}terraform {\n  exclude_from_copy = ["docs/"]\n  include_in_copy = [".tool-versions"]\n}\n`,
    });
    expect(cfg.terraform.excludeFromCopy).toEqual(['*.md']);
    expect(cfg.terraform.includeInCopy).toEqual([]);
    // Without a terraform block in the parent, the child's block is taken whole.
    const alone = load({ ...root(''), 'unit/terragrunt.hcl': `${include()}terraform {\n  exclude_from_copy = ["docs/"]\n}\n` });
    expect(alone.terraform.excludeFromCopy).toEqual(['docs/']);
  });

  it('a disabled dependency is neither in the graph nor read; its mock_outputs stay available', () => {
    const cfg = load({
      ...root('dependency "legacy" {\n  config_path = "../legacy"\n  mock_outputs = { id = "legacy-mock" }\n}\n'),
      'unit/terragrunt.hcl': `${include()}dependency "legacy" {\n  config_path = "../legacy"\n  enabled = false\n}\ndependency "vpc" {\n  config_path = "../vpc"\n}\n`,
    });
    expect(cfg.dependencies.map((d) => d.name)).toEqual(['vpc']);
    expect(cfg.dependencyPaths).toEqual([path.join(path.dirname(cfg.dir), 'vpc')]);
    // Shallow: the child's block replaced the parent's (so no mocks came along).
    expect(cfg.disabledDependencies).toMatchObject([{ name: 'legacy', enabled: false }]);
    expect(cfg.disabledDependencies![0]!.mockOutputs).toBeUndefined();
  });

  it('a generate block defined in both the parent and the child is an error, as in Terragrunt', () => {
    expect(loadError({
      ...root('generate "provider" {\n  path      = "provider.tf"\n  if_exists = "overwrite_terragrunt"\n  contents  = "# parent"\n}\n'),
      'unit/terragrunt.hcl': `${include()}generate "provider" {\n  path      = "provider.tf"\n  if_exists = "overwrite"\n  contents  = "# child"\n}\n`,
    })).toBe('unit/terragrunt.hcl:4: generate.provider: Detected generate blocks with the same name: [provider]: generate "provider" is also '
      + 'defined in root.hcl:1, which is included with merge_strategy "shallow"; rename one of them, or include that file with '
      + 'merge_strategy = "deep" to let this one replace it');
  });

  it('generate blocks with different names are all kept; remote_state is replaced, never merged', () => {
    const cfg = load({
      ...root(`
generate "provider" {
  path      = "provider.tf"
  if_exists = "overwrite_terragrunt"
  contents  = "# parent"
}
remote_state {
  backend = "s3"
  config = { bucket = "parent", key = "a", region = "us-east-1" }
}
`),
      'unit/terragrunt.hcl': `${include()}
generate "extra" {
  path      = "extra.tf"
  if_exists = "overwrite"
  contents  = "# child"
}
remote_state {
  backend = "local"
  config  = { path = "terraform.tfstate" }
}
`,
    });
    expect(cfg.generate.map((g) => [g.name, g.contents])).toEqual([['provider', '# parent'], ['extra', '# child']]);
    expect(cfg.remoteState).toEqual({ backend: 'local', config: { path: 'terraform.tfstate' }, generate: undefined, disableInit: false, encryption: undefined, disableDependencyOptimization: false });
  });

  it('locals are never merged: the module\'s locals are its own, and the parent\'s are not in scope', () => {
    const cfg = load({
      ...root('locals {\n  region = "us-east-1"\n  shared = true\n}\ninputs = {\n  region = local.region\n}\n'),
      'unit/terragrunt.hcl': `${include()}locals {\n  name = "web"\n}\ninputs = {\n  name = local.name\n}\n`,
    });
    expect(cfg.locals).toEqual({ name: 'web' });
    expect(cfg.inputs).toEqual({ region: 'us-east-1', name: 'web' });
    expect(loadError({
      ...root('locals {\n  region = "us-east-1"\n}\n'),
      'unit/terragrunt.hcl': `${include()}inputs = {\n  region = local.region\n}\n`,
    })).toBe('unit/terragrunt.hcl:5,17: inputs: Unsupported attribute: This object does not have an attribute named "region".');
  });
});

describe('deep merge', () => {
  const deep = (label = 'root') => include(label, '  merge_strategy = "deep"\n');

  it('maps merge recursively and lists concatenate (parent first); scalars: the child wins', () => {
    const cfg = load({
      ...root('inputs = {\n  tags = { Owner = "platform", Team = "core" }\n  zones = ["a", "b"]\n  nested = { x = { y = 1, z = [1] } }\n  size = 1\n}\n'),
      'unit/terragrunt.hcl': `${deep()}inputs = {\n  tags = { Team = "web" }\n  zones = ["c"]\n  nested = { x = { z = [2], w = true } }\n  size = 3\n}\n`,
    });
    expect(cfg.inputs).toEqual({ tags: { Owner: 'platform', Team: 'web' }, zones: ['a', 'b', 'c'], nested: { x: { y: 1, z: [1, 2], w: true } }, size: 3 });
  });

  it('dependency blocks merge deeply: mock_outputs merge, allowed commands concatenate, the mock merge strategy stays the parent\'s', () => {
    const cfg = load({
      ...root(`
dependency "vpc" {
  config_path = "../vpc"
  mock_outputs = { vpc_id = "vpc-mock", subnets = ["a"] }
  mock_outputs_allowed_terraform_commands = ["plan"]
}
`),
      'unit/terragrunt.hcl': `${deep()}
dependency "vpc" {
  config_path  = "../vpc2"
  mock_outputs = { subnets = ["b"], extra = "x" }
  mock_outputs_allowed_terraform_commands = ["validate"]
  mock_outputs_merge_strategy_with_state  = "shallow"
}
`,
    });
    expect(cfg.dependencies).toHaveLength(1);
    expect(cfg.dependencies[0]).toMatchObject({
      name: 'vpc',
      configPath: path.join(path.dirname(cfg.dir), 'vpc2'),
      mockOutputs: { vpc_id: 'vpc-mock', subnets: ['a', 'b'], extra: 'x' },
      mockOutputsAllowedTerraformCommands: ['plan', 'validate'],
      mockOutputsMergeStrategyWithState: 'no_merge',
    });
  });

  it('a same-named generate block of the child replaces the parent\'s; include_in_copy/exclude_from_copy concatenate', () => {
    const cfg = load({
      ...root(`
terraform {
  exclude_from_copy = ["*.md"]
}
generate "provider" {
  path      = "provider.tf"
  if_exists = "overwrite_terragrunt"
  contents  = "# parent"
}
`),
      'unit/terragrunt.hcl': `${deep()}
terraform {
  exclude_from_copy = ["docs/"]
  include_in_copy   = [".python-version"]
}
generate "provider" {
  path      = "provider.tf"
  if_exists = "overwrite_terragrunt"
  contents  = "# child"
}
`,
    });
    expect(cfg.generate.map((g) => [g.name, g.contents])).toEqual([['provider', '# child']]);
    expect(cfg.terraform.excludeFromCopy).toEqual(['docs/', '*.md']);
    expect(cfg.terraform.includeInCopy).toEqual(['.python-version']);
  });

  it('remote_state is still replaced whole', () => {
    const cfg = load({
      ...root('remote_state {\n  backend = "s3"\n  config = { bucket = "b", key = "k", region = "us-east-1" }\n}\n'),
      'unit/terragrunt.hcl': `${deep()}remote_state {\n  backend = "s3"\n  config = { key = "other" }\n}\n`,
    });
    expect(cfg.remoteState!.config).toEqual({ key: 'other' });
  });
});

describe('no_merge and expose', () => {
  it('no_merge contributes nothing; with expose its values are still readable as include.<label>.*', () => {
    const cfg = load({
      ...root('locals {\n  region = "eu-west-1"\n}\niam_role = "arn:aws:iam::111111111111:role/parent"\ninputs = {\n  from_parent = true\n}\n'),
      'unit/terragrunt.hcl': `include "root" {
  path           = find_in_parent_folders("root.hcl")
  expose         = true
  merge_strategy = "no_merge"
}
inputs = {
  region      = include.root.locals.region
  parent_role = include.root.iam_role
  parent_keys = keys(include.root.inputs)
}
`,
    });
    expect(cfg.iam.roleArn).toBeUndefined();
    expect(cfg.inputs).toEqual({ region: 'eu-west-1', parent_role: 'arn:aws:iam::111111111111:role/parent', parent_keys: ['from_parent'] });
  });

  it('without expose, include is not a variable', () => {
    expect(loadError({
      ...root('locals {\n  region = "eu-west-1"\n}\n'),
      'unit/terragrunt.hcl': `${include()}inputs = {\n  region = include.root.locals.region\n}\n`,
    })).toBe('unit/terragrunt.hcl:5,12: inputs: Unknown variable: There is no variable named "include".');
  });
});

describe('multiple includes (Terragrunt merges them bottom-up)', () => {
  const files = {
    'root.hcl': 'inputs = {\n  tags = { Owner = "platform" }\n  region = "us-east-1"\n  name = "from-root"\n}\n',
    '_envcommon/app.hcl': 'inputs = {\n  tags = { Component = "app" }\n  name = "from-envcommon"\n  ports = [80]\n}\n',
  };
  const unit = (rootExtra: string, envExtra: string, inputs: string) => `include "root" {
  path = find_in_parent_folders("root.hcl")
${rootExtra}}
include "envcommon" {
  path = "${'${dirname(find_in_parent_folders("root.hcl"))}'}/_envcommon/app.hcl"
${envExtra}}
inputs = {
${inputs}}
`;

  it('the last include has the highest priority after the child', () => {
    const cfg = load({ ...files, 'unit/terragrunt.hcl': unit('', '', '  ports = [443]\n') });
    expect(cfg.inputs).toEqual({ tags: { Component: 'app' }, region: 'us-east-1', name: 'from-envcommon', ports: [443] });
  });

  it('each include merges with its own strategy onto everything below it: a shallow root replaces whole top-level inputs', () => {
    // envcommon (deep) merges into the child first; root (shallow) then takes that result as its child, so root's
    // `tags` map is replaced, not merged.
    const cfg = load({ ...files, 'unit/terragrunt.hcl': unit('', '  merge_strategy = "deep"\n', '  tags = { Tier = "web" }\n  ports = [443]\n') });
    expect(cfg.inputs).toEqual({ tags: { Component: 'app', Tier: 'web' }, region: 'us-east-1', name: 'from-envcommon', ports: [80, 443] });
  });

  it('with both includes deep, every level merges', () => {
    const cfg = load({ ...files, 'unit/terragrunt.hcl': unit('  merge_strategy = "deep"\n', '  merge_strategy = "deep"\n', '  tags = { Tier = "web" }\n') });
    expect(cfg.inputs).toEqual({ tags: { Owner: 'platform', Component: 'app', Tier: 'web' }, region: 'us-east-1', name: 'from-envcommon', ports: [80] });
  });

  it('a generate name repeated across two includes is an error when the earlier one is shallow', () => {
    const gen = (c: string) => `generate "versions" {\n  path      = "versions.tf"\n  if_exists = "overwrite_terragrunt"\n  contents  = "${c}"\n}\n`;
    expect(loadError({
      'root.hcl': gen('root'),
      '_envcommon/app.hcl': gen('envcommon'),
      'unit/terragrunt.hcl': unit('', '  merge_strategy = "deep"\n', ''),
    })).toBe('_envcommon/app.hcl:1: generate.versions: Detected generate blocks with the same name: [versions]: generate "versions" is also defined in '
      + 'root.hcl:1, which is included with merge_strategy "shallow"; rename one of them, or include that file with merge_strategy = "deep" to let this one replace it');
  });

  it('path_relative_to_include() and get_parent_terragrunt_dir() in an included file refer to that file', () => {
    const cfg = load({
      'live/root.hcl': 'inputs = {\n  key = "${path_relative_to_include()}/terraform.tfstate"\n  root_dir = get_parent_terragrunt_dir()\n}\n',
      'live/_envcommon/app.hcl': 'inputs = {\n  from_envcommon = path_relative_to_include()\n  envcommon_dir = get_parent_terragrunt_dir()\n  back = path_relative_from_include()\n}\n',
      'live/prod/app/terragrunt.hcl': `include "root" {
  path = find_in_parent_folders("root.hcl")
}
include "envcommon" {
  path = "${'${dirname(find_in_parent_folders("root.hcl"))}'}/_envcommon/app.hcl"
}
inputs = {
  to_root      = path_relative_to_include("root")
  to_envcommon = path_relative_to_include("envcommon")
}
`,
    }, 'live/prod/app');
    const live = path.resolve(cfg.dir, '../..');
    expect(cfg.inputs).toEqual({
      key: 'prod/app/terraform.tfstate',
      root_dir: live,
      from_envcommon: '../prod/app',
      envcommon_dir: path.join(live, '_envcommon'),
      back: '../../_envcommon',
      to_root: 'prod/app',
      to_envcommon: '../prod/app',
    });
  });

  it('in the child, path_relative_to_include() needs a label when there are several includes', () => {
    expect(loadError({ ...files, 'unit/terragrunt.hcl': unit('', '', '  key = path_relative_to_include()\n') }))
      .toBe('unit/terragrunt.hcl:8,9: inputs: Error in function call: Call to function "path_relative_to_include" failed: this configuration has 2 include blocks '
        + '("root", "envcommon"): name the one to use, e.g. path_relative_to_include("root").');
    expect(loadError({ ...files, 'unit/terragrunt.hcl': unit('', '', '  key = path_relative_to_include("nope")\n') }))
      .toBe('unit/terragrunt.hcl:8,35: inputs: Invalid function argument: Invalid value for "name" parameter: there is no include block labelled "nope" in this '
        + 'configuration (labels: "root", "envcommon").');
  });

  it('with a single include the label is optional, and without includes the path is "."', () => {
    const cfg = load({ ...root(''), 'a/b/unit/terragrunt.hcl': `${include('any')}inputs = {\n  p = path_relative_to_include()\n  q = path_relative_to_include("whatever")\n}\n`, 'solo/terragrunt.hcl': '' }, 'a/b/unit');
    expect(cfg.inputs).toEqual({ p: 'a/b/unit', q: 'a/b/unit' });
  });
});

describe('read_terragrunt_config', () => {
  it('evaluates a file read by 1,000 modules once, and parses each distinct file once', () => {
    const files: Record<string, string> = {
      'account.hcl': 'locals {\n  account_id = "111111111111"\n  tags = { for k in ["a", "b"] : k => upper(k) }\n}\n',
      'root.hcl': 'locals {\n  account = read_terragrunt_config(find_in_parent_folders("account.hcl"))\n}\ninputs = {\n  account_id = local.account.locals.account_id\n}\n',
    };
    for (let i = 0; i < 1000; i++) files[`units/u${i}/terragrunt.hcl`] = include();
    const r = stack(files);
    const l = loader(r);
    for (let i = 0; i < 1000; i++) expect(l.loadModule(path.join(r, `units/u${i}`)).inputs.account_id).toBe('111111111111');
    expect(l.readEvaluations).toBe(1);
    expect(l.parsedFiles).toBe(1002);
  });

  it('a file whose value depends on the reader is evaluated once per reader', () => {
    const files: Record<string, string> = {
      'ctx.hcl': 'locals {\n  unit = basename(get_original_terragrunt_dir())\n}\n',
      'root.hcl': 'locals {\n  ctx = read_terragrunt_config(find_in_parent_folders("ctx.hcl"))\n}\ninputs = {\n  unit = local.ctx.locals.unit\n}\n',
    };
    for (let i = 0; i < 20; i++) files[`units/u${i}/terragrunt.hcl`] = include();
    const r = stack(files);
    const l = loader(r);
    for (let i = 0; i < 20; i++) expect(l.loadModule(path.join(r, `units/u${i}`)).inputs.unit).toBe(`u${i}`);
    // Loading a module again (phase two, at run time) reuses what phase one evaluated.
    l.loadModule(path.join(r, 'units/u0'));
    expect(l.readEvaluations).toBe(20);
  });

  it('evaluates the file in its own directory, with its own includes, and returns its locals, inputs and attributes', () => {
    const cfg = load({
      'common.hcl': 'inputs = {\n  from_common = true\n}\n',
      'env/env.hcl': `include "common" {\n  path = "../common.hcl"\n}\nlocals {\n  dir = basename(get_terragrunt_dir())\n  rel = path_relative_to_include()\n}\niam_role = "arn:aws:iam::111111111111:role/env"\ninputs = {\n  env = "dev"\n}\n`,
      'env/unit/terragrunt.hcl': 'locals {\n  env = read_terragrunt_config(find_in_parent_folders("env.hcl"))\n}\ninputs = {\n  dir = local.env.locals.dir\n  rel = local.env.locals.rel\n  role = local.env.iam_role\n  inputs = local.env.inputs\n}\n',
    }, 'env/unit');
    expect(cfg.inputs).toEqual({ dir: 'env', rel: 'env', role: 'arn:aws:iam::111111111111:role/env', inputs: { from_common: true, env: 'dev' } });
  });

  it('returns the default for a missing file and reports a cycle', () => {
    expect(load({ 'unit/terragrunt.hcl': 'locals {\n  x = read_terragrunt_config("nope.hcl", { locals = { a = 1 } })\n}\ninputs = {\n  a = local.x.locals.a\n}\n' }).inputs)
      .toEqual({ a: 1 });
    expect(loadError({
      'a.hcl': 'locals {\n  b = read_terragrunt_config("b.hcl")\n}\n',
      'b.hcl': 'locals {\n  a = read_terragrunt_config("a.hcl")\n}\n',
      'terragrunt.hcl': 'locals {\n  a = read_terragrunt_config("a.hcl")\n}\n',
    }, '.')).toBe('a.hcl: read_terragrunt_config cycle: a.hcl -> b.hcl -> a.hcl');
  });
});

describe('run_cmd', () => {
  const script = '#!/bin/sh\necho "$*" >> "$RUN_LOG"\necho "out-$1"\n';

  it('runs a command once per directory and arguments within a run, in the unit\'s directory, without the trailing newline', () => {
    const r = stack({
      'bin/tag.sh': script,
      'root.hcl': 'locals {\n  tag = run_cmd("--terragrunt-quiet", "${get_parent_terragrunt_dir()}/bin/tag.sh", "x")\n  where = run_cmd("pwd")\n}\ninputs = {\n  tag = local.tag\n  where = local.where\n}\n',
      'a/terragrunt.hcl': `${include()}locals {\n  again = run_cmd("--terragrunt-quiet", "${'${get_parent_terragrunt_dir()}'}/bin/tag.sh", "x")\n}\n`,
      'b/terragrunt.hcl': include(),
    });
    chmodSync(path.join(r, 'bin/tag.sh'), 0o755);
    const logFile = path.join(r, 'run.log');
    const l = loader(r, { RUN_LOG: logFile });
    const a = l.loadModule(path.join(r, 'a'));
    l.loadModule(path.join(r, 'a'));
    const b = l.loadModule(path.join(r, 'b'));
    expect(a.inputs).toEqual({ tag: 'out-x', where: path.join(r, 'a') });
    expect(b.inputs).toEqual({ tag: 'out-x', where: path.join(r, 'b') });
    // a (twice, plus its own identical call) and b: one run per directory.
    expect(readFileSync(logFile, 'utf8')).toBe('x\nx\n');
    expect(l.runCmdRuns).toBe(4);
  });

  it('--terragrunt-global-cache runs once for all directories, --terragrunt-no-cache every time; both together is an error', () => {
    const files = (flag: string) => ({
      'bin/tag.sh': script,
      'root.hcl': `locals {\n  tag = run_cmd("${flag}", "${'${get_parent_terragrunt_dir()}'}/bin/tag.sh", "y")\n}\n`,
      'a/terragrunt.hcl': include(),
      'b/terragrunt.hcl': include(),
    });
    for (const [flag, runs] of [['--terragrunt-global-cache', 1], ['--terragrunt-no-cache', 3]] as const) {
      const r = stack(files(flag));
      chmodSync(path.join(r, 'bin/tag.sh'), 0o755);
      const l = loader(r, { RUN_LOG: path.join(r, 'run.log') });
      l.loadModule(path.join(r, 'a'));
      l.loadModule(path.join(r, 'b'));
      l.loadModule(path.join(r, 'b'));
      expect(readFileSync(path.join(r, 'run.log'), 'utf8').split('\n').filter(Boolean)).toHaveLength(runs);
    }
    expect(loadError({ 'unit/terragrunt.hcl': 'locals {\n  x = run_cmd("--terragrunt-global-cache", "--terragrunt-no-cache", "echo")\n}\n' }))
      .toBe('unit/terragrunt.hcl:2,7: locals.x: Error in function call: Call to function "run_cmd" failed: --terragrunt-global-cache and --terragrunt-no-cache cannot be used together.');
  });

  it('a failing command names the command and its exit code', () => {
    expect(loadError({ 'unit/terragrunt.hcl': 'locals {\n  x = run_cmd("sh", "-c", "echo boom >&2; exit 3")\n}\n' }))
      .toBe('unit/terragrunt.hcl:2,7: locals.x: Error in function call: Call to function "run_cmd" failed: run_cmd("sh", "-c", "echo boom >&2; exit 3") failed: exit code 3: boom.');
  });
});

describe('errors name the file, the attribute path and the line', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['locals cycle', { 'unit/terragrunt.hcl': 'locals {\n  a = local.b\n  b = local.c\n  c = local.a\n}\n' },
      'unit/terragrunt.hcl:2: locals.a: cycle in locals: a -> b -> c -> a'],
    ['a local referring to itself', { 'unit/terragrunt.hcl': 'locals {\n  a = "${local.a}-x"\n}\n' },
      'unit/terragrunt.hcl:2: locals.a: cycle in locals: a -> a'],
    ['unknown function, with a suggestion', { 'unit/terragrunt.hcl': 'locals {\n  role_arn = fromat("arn:aws:iam::%s:role/x", "1")\n}\n' },
      'unit/terragrunt.hcl:2,14: locals.role_arn: Call to unknown function: There is no function named "fromat". Did you mean "format"?'],
    ['unknown function in an included file', { ...root('inputs = {\n  a = lenght([])\n}\n'), 'unit/terragrunt.hcl': include() },
      'root.hcl:2,7: inputs: Call to unknown function: There is no function named "lenght". Did you mean "length"?'],
    ['unsupported attribute', { 'unit/terragrunt.hcl': 'locals {\n  a = { x = 1 }\n  b = local.a.y\n}\n' },
      'unit/terragrunt.hcl:3,14: locals.b: Unsupported attribute: This object does not have an attribute named "y".'],
    ['wrong type for a known attribute', { 'unit/terragrunt.hcl': 'iam_role = ["arn"]\n' },
      'unit/terragrunt.hcl:1: iam_role: must be a string, got a list'],
    ['wrong type inside a block', { 'unit/terragrunt.hcl': 'terraform {\n  extra_arguments "x" {\n    commands = "plan"\n  }\n}\n' },
      'unit/terragrunt.hcl:3: terraform.extra_arguments.x.commands: must be a list of strings, got string "plan"'],
    ['unknown attribute', { 'unit/terragrunt.hcl': 'iam_rol = "arn:aws:iam::111111111111:role/x"\n' },
      'unit/terragrunt.hcl:1,1: Unsupported argument: an argument named "iam_rol" is not expected here. Did you mean "iam_role"?'],
    ['unknown block', { 'unit/terragrunt.hcl': 'dependancy "vpc" {\n  config_path = "../vpc"\n}\n' },
      'unit/terragrunt.hcl:1,1: Unsupported block type: blocks of type "dependancy" are not expected here. Did you mean "dependency"?'],
    ['duplicate dependency label', { 'unit/terragrunt.hcl': 'dependency "vpc" {\n  config_path = "../a"\n}\ndependency "vpc" {\n  config_path = "../b"\n}\n' },
      'unit/terragrunt.hcl:4: Duplicate dependency "vpc": a block with this label is already defined at line 1.'],
    ['missing required attribute', { 'unit/terragrunt.hcl': 'dependency "vpc" {\n  mock_outputs = {}\n}\n' },
      'unit/terragrunt.hcl:1: dependency.vpc: Missing required argument: the argument "config_path" is required.'],
    ['bad merge_strategy', { ...root(''), 'unit/terragrunt.hcl': include('root', '  merge_strategy = "deeep"\n') },
      'unit/terragrunt.hcl:3: include.root.merge_strategy: merge_strategy must be "no_merge", "shallow" or "deep", got "deeep"'],
    ['iam_role reading a dependency', { 'unit/terragrunt.hcl': 'dependency "x" {\n  config_path = "../x"\n}\niam_role = dependency.x.outputs.role\n' },
      'unit/terragrunt.hcl:4: iam_role: iam_role cannot read dependency outputs: it is evaluated before dependencies are known (as in Terragrunt)'],
    ['locals reading a dependency', { 'unit/terragrunt.hcl': 'dependency "x" {\n  config_path = "../x"\n}\nlocals {\n  v = dependency.x.outputs.v\n}\n' },
      'unit/terragrunt.hcl:5,7: locals.v: Unknown variable: There is no variable named "dependency".'],
    ['bad if_exists', { 'unit/terragrunt.hcl': 'generate "x" {\n  path = "x.tf"\n  if_exists = "replace"\n  contents = ""\n}\n' },
      'unit/terragrunt.hcl:3: generate.x.if_exists: must be one of "overwrite", "overwrite_terragrunt", "skip", "error", got "replace"'],
    ['bad if_disabled', { 'unit/terragrunt.hcl': 'generate "x" {\n  path = "x.tf"\n  if_exists = "skip"\n  if_disabled = "delete"\n  contents = ""\n}\n' },
      'unit/terragrunt.hcl:4: generate.x.if_disabled: must be one of "skip", "remove", "remove_terragrunt", got "delete"'],
    ['bad mock merge strategy', { 'unit/terragrunt.hcl': 'dependency "x" {\n  config_path = "../x"\n  mock_outputs_merge_strategy_with_state = "deep"\n}\n' },
      'unit/terragrunt.hcl:3: dependency.x.mock_outputs_merge_strategy_with_state: must be "no_merge", "shallow" or "deep_map_only", got "deep"'],
    ['syntax error keeps file:line,col', { 'unit/terragrunt.hcl': 'inputs = {\n  a = \n}\n' },
      'unit/terragrunt.hcl:2,7: Invalid expression: Expected the start of an expression, but found an invalid expression token.'],
    ['a broken file read with read_terragrunt_config: its own error, not a chain of wrappers', {
      'account.hcl': 'locals {\n  id = \n}\n', 'unit/terragrunt.hcl': 'locals {\n  acct = read_terragrunt_config(find_in_parent_folders("account.hcl"))\n}\n' },
    'account.hcl:2,8: Invalid expression: Expected the start of an expression, but found an invalid expression token.'],
    ['an evaluation error in a file read with read_terragrunt_config', {
      'account.hcl': 'locals {\n  id = upper(1, 2)\n}\n', 'unit/terragrunt.hcl': 'locals {\n  acct = read_terragrunt_config(find_in_parent_folders("account.hcl"))\n}\n' },
    'account.hcl:2,17: locals.id: Too many function arguments: Function "upper" expects only 1 argument(s).'],
    ['missing included file', { 'unit/terragrunt.hcl': 'include "root" {\n  path = "../root.hcl"\n}\n' },
      'unit/terragrunt.hcl:1: include.root: root.hcl does not exist'],
  ];
  for (const [name, files, message] of cases) {
    it(name, () => expect(loadError(files)).toBe(message));
  }
});
