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
