// Parse-speed measurement. It only logs (timings depend on the machine); the target is well under 0.1 ms
// per KB of terragrunt.hcl after warm-up.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/config/hcl/eval.js';
import { parseConfig } from '../../../src/config/hcl/parser.js';
import type { Body } from '../../../src/config/hcl/ast.js';
import { lazyOver, testScope } from './helpers.js';

/** A typical ~1 KB terragrunt.hcl. */
function generatedConfig(targetBytes: number): string {
  const head = `include "root" {
  path   = find_in_parent_folders("root.hcl")
  expose = true
}

terraform {
  source = "git::git@github.com:acme/modules.git//vpc?ref=v1.4.0"
}

dependency "kms" {
  config_path = "../kms"
  mock_outputs = {
    key_arn = "arn:aws:kms:eu-west-1:111111111111:key/mock"
  }
}

locals {
  name   = "\${local.env}-vpc" # comment
  region = "eu-west-1"
}
`;
  let text = head;
  let i = 0;
  let inputs = 'inputs = {\n';
  const tail = '  kms = dependency.kms.outputs.key_arn\n}\n';
  for (;;) {
    const item = `  subnet_${i} = [for az in local.azs : "\${az}-${i}" if az != "x"]\n  tags_${i}   = merge(local.tags, { Name = "n${i}" })\n`;
    if (text.length + inputs.length + item.length + tail.length > targetBytes) break;
    inputs += item;
    i++;
  }
  text += inputs + tail;
  return text;
}

function countAttributes(b: Body): number {
  return b.attributes.length + b.blocks.reduce((n, bl) => n + countAttributes(bl.body), 0);
}

describe('parser performance', () => {
  it('parses a ~1 KB terragrunt.hcl 2,000 times and logs the average', () => {
    const text = generatedConfig(1024);
    const body = parseConfig(text, 'terragrunt.hcl');
    expect(text.length).toBeGreaterThan(900);
    expect(text.length).toBeLessThanOrEqual(1024);
    expect(countAttributes(body)).toBe(8);
    expect(body.blocks.map((b) => b.type)).toEqual(['include', 'terraform', 'dependency', 'locals']);

    for (let i = 0; i < 3000; i++) parseConfig(text, 'terragrunt.hcl'); // warm-up
    const runs = 2000;
    const start = performance.now();
    for (let i = 0; i < runs; i++) parseConfig(text, 'terragrunt.hcl');
    const perFile = (performance.now() - start) / runs;

    const inputs = body.attributes.find((a) => a.name === 'inputs')!;
    const scope = testScope({ dependency: lazyOver({ kms: { outputs: { key_arn: 'arn:aws:kms:key' } } }) });
    for (let i = 0; i < 200; i++) evaluate(inputs.expr, scope);
    const evalStart = performance.now();
    for (let i = 0; i < runs; i++) evaluate(inputs.expr, scope);
    const evalPer = (performance.now() - evalStart) / runs;

    console.log(
      `[hcl perf] ${text.length} bytes: parse ${(perFile * 1000).toFixed(1)} µs/file ` +
        `(${((perFile * 1000 * 1024) / text.length).toFixed(1)} µs/KB); evaluate inputs ${(evalPer * 1000).toFixed(1)} µs`,
    );
  });
});
