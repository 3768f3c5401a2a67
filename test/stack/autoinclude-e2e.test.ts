/**
 * Stack dependencies end to end with the real CLI and real terraform (local state): a consumer unit wired to a
 * producer only by an autoinclude block in the stack file plans with its mocks before anything exists, then
 * run --all apply applies the producer first and hands its real output to the consumer.
 * Mirrors Terragrunt's TestTFStackDepsMockOutputsAtPlan and TestTFStackDepsE2EBasic.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseEnv, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';

const run = (args: string[], cwd: string) => tgo(args, { cwd, env: baseEnv() });

describe('autoinclude dependencies with real terraform', () => {
  let live: string;
  beforeAll(() => {
    const root = writeStack({
      'units/producer/main.tf': `variable "seed" { type = string }
resource "terraform_data" "id" { input = "made-from-\${var.seed}" }
output "id" { value = terraform_data.id.output }
`,
      'units/producer/terragrunt.hcl': 'inputs = {\n  seed = values.seed\n}\n',
      'units/consumer/main.tf': `variable "upstream" { type = string }
variable "env" { type = string }
resource "terraform_data" "use" { input = "\${var.env}:\${var.upstream}" }
output "got" { value = terraform_data.use.output }
`,
      // The catalog unit knows nothing of the producer: the stack file wires them.
      'units/consumer/terragrunt.hcl': 'inputs = {\n  env = "catalog-default"\n}\n',
      'live/terragrunt.stack.hcl': `locals {
  env = "e2e"
}
unit "producer" {
  source = "../units/producer"
  path   = "producer"
  values = { seed = "s1" }
}
unit "consumer" {
  source = "../units/consumer"
  path   = "consumer"
  autoinclude {
    dependency "producer" {
      config_path                             = unit.producer.path
      mock_outputs                            = { id = "mock-\${local.env}" }
      mock_outputs_allowed_terraform_commands = ["plan"]
    }
    inputs = {
      upstream = dependency.producer.outputs.id
      env      = local.env
    }
  }
}
`,
    });
    live = path.join(root, 'live');
  });

  it('run --all plan before any apply plans the consumer with its mock outputs', async () => {
    const r = await run(['run', '--all', 'plan', '--non-interactive'], live);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\[\.terragrunt-stack\/consumer\] .*input += "e2e:mock-e2e"/m);
  });

  it('run --all apply applies the producer first and the consumer gets its real output', async () => {
    const r = await run(['run', '--all', 'apply', '--non-interactive'], live);
    expect(r.code, r.stderr).toBe(0);
    const producerDone = r.stdout.search(/^\[\.terragrunt-stack\/producer\] .*Apply complete!/m);
    const consumerFirst = r.stdout.search(/^\[\.terragrunt-stack\/consumer\] /m);
    expect(producerDone).toBeGreaterThanOrEqual(0);
    expect(consumerFirst).toBeGreaterThan(producerDone);
    const out = await run(['stack', 'output', '--format', 'json'], live);
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ producer: { id: 'made-from-s1' }, consumer: { got: 'e2e:made-from-s1' } });
    // What the consumer's terraform received came from the generated file, not the catalog.
    expect(readFileSync(path.join(live, '.terragrunt-stack/consumer/terragrunt.autoinclude.hcl'), 'utf8')).toContain('upstream = dependency.producer.outputs.id');
  });
});

// Mirrors TestTFStackDepsE2ECrossStack, and for the plan before any apply Terragrunt 1.1.3's per-unit mocks of a
// stack dependency (stack-dependency-mock-outputs).
describe('a unit depending on a whole generated stack, with real terraform', () => {
  let live: string;
  beforeAll(() => {
    const echo = (name: string) => `resource "terraform_data" "x" { input = "${name}-real" }
output "${name}_id" { value = terraform_data.x.output }
`;
    const root = writeStack({
      'units/vpc/main.tf': echo('vpc'),
      'units/vpc/terragrunt.hcl': '',
      'units/subnets/main.tf': echo('subnets'),
      'units/subnets/terragrunt.hcl': '',
      'units/app/main.tf': `variable "vpc_id" { type = string }
variable "subnets_id" { type = string }
resource "terraform_data" "use" { input = "\${var.vpc_id}+\${var.subnets_id}" }
output "got" { value = terraform_data.use.output }
`,
      'units/app/terragrunt.hcl': '',
      'stacks/network/terragrunt.stack.hcl': 'unit "vpc" {\n  source = "../../../units/vpc"\n  path   = "vpc"\n}\nunit "subnets" {\n  source = "../../../units/subnets"\n  path   = "subnets"\n}\n',
      'live/terragrunt.stack.hcl': `stack "network" {
  source = "../stacks/network"
  path   = "network"
}
unit "app" {
  source = "../units/app"
  path   = "app"
  autoinclude {
    dependency "network" {
      config_path                             = stack.network.path
      mock_outputs                            = { vpc = { vpc_id = "vpc-mock" }, subnets = { subnets_id = "subnets-mock" } }
      mock_outputs_allowed_terraform_commands = ["plan"]
    }
    inputs = {
      vpc_id     = dependency.network.outputs.vpc.vpc_id
      subnets_id = dependency.network.outputs.subnets.subnets_id
    }
  }
}
`,
    });
    live = path.join(root, 'live');
  });

  it('plans with each unit\'s mock while only part of the stack is applied, then applies the stack\'s units before the app', async () => {
    const gen = await run(['stack', 'generate'], live);
    expect(gen.code, gen.stderr).toBe(0);
    const vpc = await run(['apply', '-auto-approve', '--non-interactive'], path.join(live, '.terragrunt-stack/network/.terragrunt-stack/vpc'));
    expect(vpc.code, vpc.stderr).toBe(0);
    const plan = await run(['run', '--all', 'plan', '--non-interactive', '--queue-include-dir', '.terragrunt-stack/app'], live);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(/^\[\.terragrunt-stack\/app\] .*input += "vpc-real\+subnets-mock"/m);

    const r = await run(['run', '--all', 'apply', '--non-interactive'], live);
    expect(r.code, r.stderr).toBe(0);
    const appFirst = r.stdout.search(/^\[\.terragrunt-stack\/app\] /m);
    const subnetsDone = r.stdout.search(/^\[\.terragrunt-stack\/network\/\.terragrunt-stack\/subnets\] .*Apply complete!/m);
    expect(subnetsDone).toBeGreaterThanOrEqual(0);
    expect(appFirst).toBeGreaterThan(subnetsDone);
    const out = await run(['stack', 'output', '--format', 'json'], live);
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout).app).toEqual({ got: 'vpc-real+subnets-real' });
  });
});
