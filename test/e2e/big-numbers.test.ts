/**
 * Numbers keep every digit on their way from terragrunt.hcl (a local, arithmetic on it, inputs) through
 * TF_VAR_* into the real terraform, as in Terragrunt, where cty numbers are 512-bit big floats. The oracle is
 * the literal as written and terraform's own `terraform output -json` text (read as text: JSON.parse would
 * round to a double).
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { baseEnv, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';

vi.setConfig({ testTimeout: 300_000 });

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

const HCL = `locals {
  big = 12345678901234567890
}
inputs = {
  n     = local.big
  next  = local.big + 1
  tenth = 0.1
  l     = [local.big, 99999999999999999999]
  o     = { id = local.big }
  s     = "\${local.big}"
}
`;

const TF = `variable "n" { type = number }
variable "next" { type = number }
variable "tenth" { type = number }
variable "l" { type = list(number) }
variable "o" { type = any }
variable "s" { type = string }
output "n" { value = var.n }
output "next" { value = var.next }
output "tenth" { value = var.tenth }
output "l" { value = var.l }
output "o" { value = var.o }
output "s" { value = var.s }
`;

describe('big numbers through locals, inputs and TF_VAR_*', () => {
  it('terraform receives 12345678901234567890, not 12345678901234567000', async () => {
    const root = writeStack({ 'unit/terragrunt.hcl': HCL, 'unit/main.tf': TF });
    roots.push(root);
    const env = baseEnv({ TF_IN_AUTOMATION: '1' });
    const r = await tgo(['run-all', 'apply', '--terragrunt-non-interactive'], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);

    const out = execFileSync('terraform', ['output', '-json'], { cwd: path.join(root, 'unit'), encoding: 'utf8' });
    // Compared without whitespace: terraform spreads lists and objects over several lines.
    const compact = out.replace(/\s+/g, '');
    const value = (name: string) => new RegExp(`"${name}":\\{"sensitive":false,"type":[^]*?,"value":(.*?)\\}(,"|\\}$)`).exec(compact)?.[1];
    expect(value('n'), out).toBe('12345678901234567890');
    expect(value('next'), out).toBe('12345678901234567891');
    expect(value('tenth'), out).toBe('0.1');
    expect(value('l'), out).toBe('[12345678901234567890,99999999999999999999]');
    expect(value('s'), out).toBe('"12345678901234567890"');
    expect(compact).toContain('"value":{"id":12345678901234567890}');

    // render-json writes the inputs with every digit too.
    const rj = await tgo(['render-json'], { cwd: path.join(root, 'unit'), env });
    expect(rj.code, rj.stderr).toBe(0);
    expect(rj.stdout.replace(/\s+/g, '')).toContain('"next":12345678901234567891');
  });
});
