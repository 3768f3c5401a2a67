/**
 * The exclude block in a single-module run (Terragrunt's ShouldPreventRun, internal/runner/run/run.go):
 * TestExcludeComprehensive's single_* cases (fixtures/exclude/comprehensive), with the real terraform.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fixture, run, terraformRan } from './support.js';

const unit = (exclude: string) => ({ 'main.tf': 'output "x" {\n  value = 1\n}\n', 'terragrunt.hcl': `exclude {\n${exclude}}\n` });
const at = (dir: string, files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([k, v]) => [`${dir}/${k}`, v]));

describe('exclude in a single-module run', () => {
  it.each([
    ['no_run = true, actions = ["all"]', '  if      = true\n  no_run  = true\n  actions = ["all"]\n', 'plan', true],
    ['no_run = false', '  if      = true\n  no_run  = false\n  actions = ["plan", "apply"]\n', 'plan', false],
    ['no_run not set', '  if      = true\n  actions = ["plan"]\n', 'plan', false],
    ['no_run = true for another command', '  if      = true\n  no_run  = true\n  actions = ["plan"]\n', 'apply', false],
    ['no_run = true but if = false', '  if      = false\n  no_run  = true\n  actions = ["all"]\n', 'plan', false],
  ])('%s', async (_name, exclude, command, earlyExit) => {
    const root = fixture(at('u', unit(exclude)));
    const dir = path.join(root, 'u');
    const r = await run(command === 'apply' ? ['apply', '-auto-approve'] : [command], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.includes('due to exclude block with no_run = true')).toBe(earlyExit);
    expect(terraformRan(r)).toBe(!earlyExit);
  });
});
