/**
 * Terragrunt 1.1 stack dependencies: `autoinclude` blocks in terragrunt.stack.hcl, generated beside the unit (or
 * stack) and merged into it when it is loaded. Each case names the Terragrunt test
 * (test/integration_stack_dependencies_test.go, _tf_test.go) it mirrors; the fixtures are our own.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigLoader } from '../../src/config/loader.js';
import { SourceFetcher } from '../../src/source/fetcher.js';
import { generateStacks } from '../../src/stack/generate.js';
import { ConfigErrors } from '../../src/errors.js';
import { writeStack } from '../support/stack.js';

const fetchers: SourceFetcher[] = [];
afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
});

async function generate(workingDir: string) {
  const loader = new ConfigLoader({ workingDir, env: process.env, terraformCommand: 'plan', terraformArgs: [] });
  const fetcher = new SourceFetcher({ env: process.env });
  fetchers.push(fetcher);
  await generateStacks({ workingDir, loader, fetcher, log: () => {} });
  return loader;
}

async function failure(workingDir: string): Promise<string> {
  try {
    await generate(workingDir);
  } catch (e) {
    return e instanceof ConfigErrors ? e.errors.map((x) => x.message).join('\n') : (e as Error).message;
  }
  throw new Error('generation succeeded');
}

/** A catalog of two units (vpc, app) and a live stack file written by the test. */
function tree(stack: string, extra: Record<string, string> = {}): string {
  const root = writeStack({
    'units/vpc/terragrunt.hcl': 'inputs = {\n  name = "vpc"\n}\n',
    'units/app/terragrunt.hcl': 'inputs = {\n  name = "app"\n  size = "unit"\n}\n',
    'live/terragrunt.stack.hcl': stack,
    ...extra,
  });
  return path.join(root, 'live');
}

const read = (live: string, rel: string) => readFileSync(path.join(live, '.terragrunt-stack', rel), 'utf8');

describe('autoinclude: generation', () => {
  // Mirrors TestStackDepsAutoIncludeGenerationAndDAG.
  it('writes terragrunt.autoinclude.hcl beside the unit: config_path relative, locals resolved, dependency.* kept; the unit now depends on vpc', async () => {
    const live = tree(`locals {
  env = "test"
}
unit "vpc" {
  source = "../units/vpc"
  path   = "vpc"
}
unit "app" {
  source = "../units/app"
  path   = "app"
  autoinclude {
    dependency "vpc" {
      config_path                             = unit.vpc.path
      mock_outputs                            = { vpc_id = "mock-vpc-id" }
      mock_outputs_allowed_terraform_commands = ["plan"]
    }
    inputs = {
      env    = local.env
      vpc_id = dependency.vpc.outputs.vpc_id
    }
  }
}
`);
    const loader = await generate(live);
    const text = read(live, 'app/terragrunt.autoinclude.hcl');
    expect(text).toContain('dependency "vpc" {');
    expect(text).toMatch(/config_path += "\.\.\/vpc"/);
    expect(text).toMatch(/mock_outputs += \{ vpc_id = "mock-vpc-id" \}/);
    expect(text).toMatch(/env += "test"/);
    expect(text).toMatch(/vpc_id += dependency\.vpc\.outputs\.vpc_id/);
    expect(text).not.toContain('local.');
    expect(existsSync(path.join(live, '.terragrunt-stack/vpc/terragrunt.autoinclude.hcl'))).toBe(false);

    const app = loader.loadModule(path.join(live, '.terragrunt-stack/app'));
    expect(app.dependencyPaths).toEqual([path.join(live, '.terragrunt-stack/vpc')]);
    expect(app.dependencies[0]).toMatchObject({ name: 'vpc', mockOutputs: { vpc_id: 'mock-vpc-id' }, mockOutputsAllowedTerraformCommands: ['plan'] });
    expect(app.deferred).toContain('inputs');
    // With the outputs known (phase two) the autoinclude's inputs join the unit's, key by key.
    const full = loader.loadModule(path.join(live, '.terragrunt-stack/app'), { vpc: { outputs: { vpc_id: 'vpc-1' } } });
    expect(full.inputs).toEqual({ name: 'app', size: 'unit', env: 'test', vpc_id: 'vpc-1' });
  });

  // Mirrors TestStackDepsAutoIncludeResolvesValuesReference and TestTFStackDepsAutoIncludeResolvesObjectKey and
  // TestStackDepsAutoIncludeTemplateLiteralInterpolation.
  it('values.*, functions, interpolated keys and literals in templates resolve at generation; only dependency.* stays', async () => {
    const live = tree(`locals {
  prefix = "svc"
}
unit "vpc" {
  source = "../units/vpc"
  path   = "vpc"
}
unit "app" {
  source = "../units/app"
  path   = "app"
  autoinclude {
    dependency "vpc" {
      config_path = unit.vpc.path
    }
    inputs = {
      region                    = values.region
      upper                     = upper(values.region)
      "\${local.prefix}_key"     = dependency.vpc.outputs.id
      label                     = "\${0}-\${true}-\${dependency.vpc.outputs.id}"
      pick                      = values.region == "eu" ? "first" : dependency.vpc.outputs.id
      list                      = [local.prefix, dependency.vpc.outputs.id]
      maybe                     = try(dependency.vpc.outputs.missing, local.prefix)
    }
  }
}
`, { 'live/terragrunt.values.hcl': 'region = "eu"\n' });
    await generate(live);
    const text = read(live, 'app/terragrunt.autoinclude.hcl');
    expect(text).toMatch(/region += "eu"/);
    expect(text).toMatch(/upper += "EU"/);
    expect(text).toMatch(/svc_key += dependency\.vpc\.outputs\.id/);
    expect(text).toMatch(/label += "0-true-\$\{dependency\.vpc\.outputs\.id\}"/);
    expect(text).toMatch(/pick += "first"/);
    expect(text).toMatch(/list += \["svc", dependency\.vpc\.outputs\.id\]/);
    expect(text).toMatch(/maybe += try\(dependency\.vpc\.outputs\.missing, "svc"\)/);
    expect(text).not.toMatch(/values\.|local\./);
  });

  // Mirrors TestStackDepsAutoIncludeArbitraryRetryBlock.
  it('anything a unit configuration holds: an errors block reaches the unit', async () => {
    const live = tree(`unit "app" {
  source = "../units/app"
  path   = "app"
  autoinclude {
    errors {
      retry "transient" {
        retryable_errors   = [".*transient network issue.*"]
        max_attempts       = 3
        sleep_interval_sec = 1
      }
    }
    inputs = {
      size = "large"
    }
  }
}
`);
    const loader = await generate(live);
    const app = loader.loadModule(path.join(live, '.terragrunt-stack/app'));
    expect(app.inputs).toEqual({ name: 'app', size: 'large' });
    expect(app.errors.retry).toEqual([expect.objectContaining({ name: 'transient', maxAttempts: 3 })]);
  });

  // Mirrors TestTFStackDepsAutoIncludeOverridesUnitDependency and TestTFStackDepsAutoIncludeWinsOnConflict.
  it('wins over the unit and its include: a same-named dependency is replaced, a conflicting input takes its value', async () => {
    const live = tree(`unit "vpc" {
  source = "../units/vpc"
  path   = "vpc"
}
unit "other" {
  source = "../units/vpc"
  path   = "other"
}
unit "app" {
  source = "../units/app2"
  path   = "app"
  autoinclude {
    dependency "net" {
      config_path = unit.vpc.path
    }
    inputs = {
      size = "autoinclude"
    }
    terraform {
      source = "./from-autoinclude"
    }
  }
}
`, {
      'root.hcl': 'inputs = {\n  size = "root"\n  zone = "root"\n}\nterraform {\n  source = "./from-root"\n}\n',
      'units/app2/terragrunt.hcl': 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\ndependency "net" {\n  config_path = "../other"\n}\ninputs = {\n  size = "unit"\n}\n',
    });
    const loader = await generate(live);
    const app = loader.loadModule(path.join(live, '.terragrunt-stack/app'));
    expect(app.dependencyPaths).toEqual([path.join(live, '.terragrunt-stack/vpc')]);
    expect(app.inputs).toEqual({ size: 'autoinclude', zone: 'root' });
    expect(app.terraform.source).toBe('./from-autoinclude');
  });

  // Mirrors TestStackDepsAutoIncludePassesViaInclude.
  it('an autoinclude in an included stack file is generated like one written in the stack file', async () => {
    const live = tree('include "shared" {\n  path = "shared.hcl"\n}\nunit "vpc" {\n  source = "../units/vpc"\n  path   = "vpc"\n}\n', {
      'live/shared.hcl': 'unit "app" {\n  source = "../units/app"\n  path   = "app"\n  autoinclude {\n    dependency "vpc" {\n      config_path = unit.vpc.path\n    }\n  }\n}\n',
    });
    const loader = await generate(live);
    expect(loader.loadModule(path.join(live, '.terragrunt-stack/app')).dependencyPaths).toEqual([path.join(live, '.terragrunt-stack/vpc')]);
  });

  it('regeneration without the block removes the file it wrote', async () => {
    const stack = (auto: string) => `unit "vpc" {\n  source = "../units/vpc"\n  path   = "vpc"\n}\nunit "app" {\n  source = "../units/app"\n  path   = "app"\n${auto}}\n`;
    const live = tree(stack('  autoinclude {\n    dependency "vpc" {\n      config_path = unit.vpc.path\n    }\n  }\n'));
    await generate(live);
    const file = path.join(live, '.terragrunt-stack/app/terragrunt.autoinclude.hcl');
    expect(existsSync(file)).toBe(true);
    writeFileSync(path.join(live, 'terragrunt.stack.hcl'), stack(''));
    const loader = await generate(live);
    expect(existsSync(file)).toBe(false);
    expect(loader.loadModule(path.join(live, '.terragrunt-stack/app')).dependencyPaths).toEqual([]);
  });
});

describe('autoinclude in a stack block: terragrunt.autoinclude.stack.hcl', () => {
  const nested = {
    'stacks/env/terragrunt.stack.hcl': 'unit "vpc" {\n  source = "../../../units/vpc"\n  path   = "vpc"\n}\n',
  };
  // Mirrors TestStackDepsStackLevelAutoInclude and TestStackDepsStackLevelAutoIncludeMergedIntoNestedStack.
  it('adds a unit to the generated stack without forking it', async () => {
    const live = tree(`locals {
  extra = "app"
}
stack "env" {
  source = "../stacks/env"
  path   = "env"
  autoinclude {
    unit "extra" {
      source = "../../../units/app"
      path   = local.extra
    }
  }
}
`, nested);
    await generate(live);
    expect(read(live, 'env/terragrunt.autoinclude.stack.hcl')).toMatch(/path += "app"/);
    expect(existsSync(path.join(live, '.terragrunt-stack/env/.terragrunt-stack/vpc/terragrunt.hcl'))).toBe(true);
    expect(existsSync(path.join(live, '.terragrunt-stack/env/.terragrunt-stack/app/terragrunt.hcl'))).toBe(true);
  });

  // Mirrors TestStackDepsStackLevelAutoIncludeOverridesSameNameUnit.
  it('a unit of the same name replaces the stack\'s own block whole', async () => {
    const live = tree(`stack "env" {
  source = "../stacks/env"
  path   = "env"
  autoinclude {
    unit "vpc" {
      source = "../../../units/app"
      path   = "vpc2"
    }
  }
}
`, nested);
    await generate(live);
    const gen = path.join(live, '.terragrunt-stack/env/.terragrunt-stack');
    expect(existsSync(path.join(gen, 'vpc'))).toBe(false);
    expect(readFileSync(path.join(gen, 'vpc2/terragrunt.hcl'), 'utf8')).toContain('"app"');
  });
});

describe('autoinclude: bad input names file and line, nothing generated', () => {
  const cases: [string, string, RegExp][] = [
    // Mirrors TestStackDepsAutoIncludeUnknownTarget.
    ['a dependency on a unit the file does not declare', '  autoinclude {\n    dependency "x" {\n      config_path = unit.nope.path\n    }\n  }\n',
      /^terragrunt\.stack\.hcl:10: unit\.app\.autoinclude\.dependency\.x\.config_path: dependency "x" config_path could not be evaluated at stack generate time: .*"nope"/],
    // Mirrors TestStackDepsHCLValidateReportsMalformedAutoInclude (a locals block inside autoinclude).
    ['a locals block', '  autoinclude {\n    locals {\n      a = 1\n    }\n  }\n', /^terragrunt\.stack\.hcl:9: unit\.app\.autoinclude: a locals block is not allowed/],
    ['a dependency without a label', '  autoinclude {\n    dependency {\n      config_path = "../vpc"\n    }\n  }\n', /^terragrunt\.stack\.hcl:9: unit\.app\.autoinclude: Block "dependency" needs 1 label/],
    ['a typo', '  autoinclude {\n    inptus = {}\n  }\n', /^terragrunt\.stack\.hcl:9,\d+: unit\.app\.autoinclude: Unsupported argument: an argument named "inptus"/],
    ['a missing local', '  autoinclude {\n    inputs = {\n      a = local.nope\n    }\n  }\n', /^terragrunt\.stack\.hcl:10,\d+: unit\.app\.autoinclude\.inputs: Unsupported attribute: .*"nope"/],
    // Terragrunt's block-iteration experiment (v1.1.3): not available without it.
    ['an expansion block', '  expansion {\n    for_each = ["a"]\n  }\n', /^terragrunt\.stack\.hcl:8: unit\.app\.expansion: the unit "app" block uses an expansion block/],
  ];
  for (const [what, body, message] of cases) {
    it(what, async () => {
      const live = tree(`unit "vpc" {\n  source = "../units/vpc"\n  path   = "vpc"\n}\nunit "app" {\n  source = "../units/app"\n  path   = "app"\n${body}}\n`);
      expect(await failure(live)).toMatch(message);
      expect(existsSync(path.join(live, '.terragrunt-stack/app'))).toBe(false);
    });
  }

  it('a stack\'s autoinclude with a dependency block', async () => {
    const live = tree('stack "env" {\n  source = "../units"\n  path   = "env"\n  no_validation = true\n  autoinclude {\n    dependency "x" {\n      config_path = "../x"\n    }\n  }\n}\n');
    expect(await failure(live)).toMatch(/^terragrunt\.stack\.hcl:6: stack\.env\.autoinclude: a stack's autoinclude cannot declare a dependency block/);
  });
});

describe('a dependency on a generated stack\'s folder', () => {
  // Mirrors TestStackDepsDAGExpandsStackToUnits and TestStackDepsUnitPathsFromNestedOnlyStack.
  it('runs after every unit below the stack, nested stacks\' too; its outputs are the stack\'s own units', async () => {
    const live = tree(`stack "network" {
  source = "../stacks/network"
  path   = "network"
}
unit "app" {
  source = "../units/app"
  path   = "app"
  autoinclude {
    dependency "network" {
      config_path  = stack.network.path
      mock_outputs = { vpc = { vpc_id = "mock" } }
    }
  }
}
`, {
      'stacks/network/terragrunt.stack.hcl': 'unit "vpc" {\n  source = "../../../units/vpc"\n  path   = "vpc"\n}\nunit "subnets" {\n  source = "../../../units/vpc"\n  path   = "subnets"\n  enabled = true\n}\nunit "off" {\n  source = "../../../units/vpc"\n  path   = "off"\n  enabled = false\n}\nstack "deep" {\n  source = "../../../stacks/deep"\n  path   = "deep"\n}\n',
      'stacks/deep/terragrunt.stack.hcl': 'unit "dns" {\n  source = "../../../../../units/vpc"\n  path   = "dns"\n}\n',
    });
    const loader = await generate(live);
    const net = path.join(live, '.terragrunt-stack/network');
    const app = loader.loadModule(path.join(live, '.terragrunt-stack/app'));
    expect(read(live, 'app/terragrunt.autoinclude.hcl')).toMatch(/config_path += "\.\.\/network"/);
    expect([...app.dependencyPaths].sort()).toEqual([
      path.join(net, '.terragrunt-stack/deep/.terragrunt-stack/dns'), path.join(net, '.terragrunt-stack/subnets'), path.join(net, '.terragrunt-stack/vpc'),
    ]);
    expect(app.dependencies[0]!.configPath).toBe(net);
    expect(app.dependencies[0]!.stackUnits).toEqual([
      { name: 'vpc', dir: path.join(net, '.terragrunt-stack/vpc') }, { name: 'subnets', dir: path.join(net, '.terragrunt-stack/subnets') },
    ]);
  });
});

// Mirrors Terragrunt's TestMergeAutoInclude_ValuesPlaceholderForOverriddenInputs (pkg/config/autoinclude_test.go,
// the v1.1.3 autoinclude-values-override fix).
describe('a unit input its autoinclude supplies', () => {
  it('reading a value the values file lacks is no error; the other values still resolve', async () => {
    const stack = (auto: string) => `unit "vpc" {\n  source = "../units/vpc"\n  path   = "vpc"\n}\nunit "subnet" {\n  source = "../units/subnet"\n  path   = "subnet"\n  values = { cidr = "10.0.0.0/24" }\n${auto}}\n`;
    const live = tree(stack(`  autoinclude {
    dependency "vpc" {
      config_path  = unit.vpc.path
      mock_outputs = { vpc_id = "mock" }
    }
    inputs = {
      vpc_id = dependency.vpc.outputs.vpc_id
    }
  }
`), { 'units/subnet/terragrunt.hcl': 'inputs = {\n  vpc_id = values.vpc_id\n  cidr   = values.cidr\n}\n' });
    const loader = await generate(live);
    const dir = path.join(live, '.terragrunt-stack/subnet');
    expect(loader.loadModule(dir, { vpc: { outputs: { vpc_id: 'vpc-9' } } }).inputs).toEqual({ vpc_id: 'vpc-9', cidr: '10.0.0.0/24' });
    // Without the autoinclude the same unit is an error naming its file and line.
    writeFileSync(path.join(live, 'terragrunt.stack.hcl'), stack(''));
    const again = await generate(live);
    expect(() => again.loadModule(dir)).toThrow(/^\.terragrunt-stack\/subnet\/terragrunt\.hcl:2,\d+: inputs: Unsupported attribute: .*"vpc_id"/);
  });
});
