/**
 * Dependency outputs read straight from a local state file, with the real terraform behind a wrapper that counts
 * its processes. The oracle is terraform's own `terraform output -json` in the dependency: the dependent module
 * echoes `jsonencode(dependency.dep.outputs)` as an output, which must hold exactly those values.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { baseEnv, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';
import { terraformWrapper } from '../support/terraform-wrapper.js';
import { APP_HCL, APP_TF, DEP_OUTPUTS, terraformOutputs } from '../support/dependency-stack.js';

vi.setConfig({ testTimeout: 600_000 });

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function stack(app = APP_HCL()): string {
  const root = writeStack({ 'dep/terragrunt.hcl': '', 'dep/main.tf': DEP_OUTPUTS, 'app/terragrunt.hcl': app, 'app/main.tf': APP_TF });
  roots.push(root);
  return root;
}

const run = (args: string[], cwd: string, tf: string, env: Record<string, string> = {}) =>
  tgo([...args, '--terragrunt-tfpath', tf, '--terragrunt-non-interactive', '--terragrunt-log-level', 'debug'], { cwd, env: baseEnv({ TF_IN_AUTOMATION: '1', ...env }) });

describe('dependency outputs from a local state file', () => {
  it('equal terraform output -json for every type, one terraform process per module (no init, no output read)', async () => {
    const root = stack();
    const tf = terraformWrapper();
    const r = await run(['run-all', 'apply'], root, tf.path);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`[dep] outputs from state: ${path.join(root, 'dep', 'terraform.tfstate')}`);
    // Code with only outputs needs no .terraform: no init anywhere, and dep's outputs came without terraform.
    expect(tf.calls().map((c) => `${path.relative(root, c.cwd)} ${c.argv[0]}`).sort()).toEqual(['app apply', 'dep apply']);
    const got = JSON.parse(terraformOutputs(path.join(root, 'app')).got as string);
    expect(got).toEqual(terraformOutputs(path.join(root, 'dep')));
    expect(got.sec).toBe('hush');
    expect(Object.keys(got).sort()).toEqual(['b', 'l', 'm', 'n', 'o', 's', 'sec', 'ws']);

    // Steady state: one plan per module. With the fast path off, the dependency's outputs cost a process more.
    tf.reset();
    expect((await run(['run-all', 'plan'], root, tf.path)).code).toBe(0);
    expect(tf.calls().map((c) => c.argv[0]).sort()).toEqual(['plan', 'plan']);
    tf.reset();
    const off = await run(['run-all', 'plan', '--no-dependency-fetch-output-from-state'], root, tf.path);
    expect(off.code, off.stderr).toBe(0);
    expect(tf.calls().map((c) => `${path.relative(root, c.cwd)} ${c.argv.slice(0, 2).join(' ')}`).sort()).toEqual(['app plan -input=false', 'dep output -json', 'dep plan -input=false']);
    // Terragrunt's own flag for the feature is accepted (it is what tgo does anyway).
    tf.reset();
    expect((await run(['run-all', 'plan', '--dependency-fetch-output-from-state'], root, tf.path)).code).toBe(0);
    expect(tf.calls()).toHaveLength(2);
  });

  it('reads the current workspace\'s state (TF_WORKSPACE)', async () => {
    const root = stack();
    const tf = terraformWrapper();
    expect((await run(['run-all', 'apply'], root, tf.path)).code).toBe(0);
    const blue = { TF_WORKSPACE: 'blue' };
    execFileSync('terraform', ['workspace', 'new', 'blue'], { cwd: path.join(root, 'dep'), stdio: 'pipe' });
    execFileSync('terraform', ['workspace', 'new', 'blue'], { cwd: path.join(root, 'app'), stdio: 'pipe' });
    const r = await run(['run-all', 'apply'], root, tf.path, blue);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`[dep] outputs from state: ${path.join(root, 'dep', 'terraform.tfstate.d', 'blue', 'terraform.tfstate')}`);
    const got = JSON.parse(terraformOutputs(path.join(root, 'app'), blue).got as string);
    expect(got).toEqual(terraformOutputs(path.join(root, 'dep'), blue));
    expect(got.ws).toBe('blue');
  });

  it('a version-3 or corrupt state falls back to terraform output -json', async () => {
    const root = stack();
    const tf = terraformWrapper();
    // A format-3 state as terraform 0.11 wrote it: terraform upgrades it when it reads it; tgo leaves that to terraform.
    writeFileSync(path.join(root, 'dep', 'terraform.tfstate'), JSON.stringify({
      version: 3, terraform_version: '0.11.14', serial: 1, lineage: 'x',
      modules: [{ path: ['root'], outputs: { s: { sensitive: false, type: 'string', value: 'from-v3' } }, resources: {}, depends_on: [] }],
    }));
    const r = await run(['plan'], path.join(root, 'app'), tf.path);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/outputs via terraform output -json: .*dep\/terraform\.tfstate: state format version 3 is not read directly/);
    expect(tf.calls().filter((c) => c.argv[0] === 'output').map((c) => c.cwd)).toEqual([path.join(root, 'dep')]);
    expect(r.stdout).toMatch(/from-v3/);

    writeFileSync(path.join(root, 'dep', 'terraform.tfstate'), '{"version": 4, "outputs": ');
    tf.reset();
    const corrupt = await run(['plan'], path.join(root, 'app'), tf.path);
    expect(corrupt.stderr).toMatch(/outputs via terraform output -json: .*dep\/terraform\.tfstate: the state is not valid JSON/);
    expect(tf.calls().filter((c) => c.argv[0] === 'output').map((c) => c.cwd)).toEqual([path.join(root, 'dep')]);
  });

  it('a missing state is "not applied yet" (mocks where allowed), with no terraform started for the dependency', async () => {
    const root = stack();
    const tf = terraformWrapper();
    const r = await run(['plan'], path.join(root, 'app'), tf.path);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/dependency "dep" \(.*dep\) of \. has no outputs: it has not been applied yet/);
    expect(tf.calls()).toEqual([]);

    writeFileSync(path.join(root, 'app', 'terragrunt.hcl'), APP_HCL('  mock_outputs = { s = "mocked" }\n  mock_outputs_allowed_terraform_commands = ["plan"]\n'));
    const mocked = await run(['plan'], path.join(root, 'app'), tf.path);
    expect(mocked.code, mocked.stderr).toBe(0);
    expect(mocked.stdout).toMatch(/mocked/);
    expect(tf.calls().map((c) => `${path.relative(root, c.cwd)} ${c.argv[0]}`)).toEqual(['app plan']);
  });
});
