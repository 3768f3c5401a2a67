/**
 * prevent_destroy and skip in every command that runs terraform in a module (Terragrunt's
 * checkProtectedModuleRunCfg in internal/runner/run/run.go and applyPreventDestroyExclusions in
 * internal/runner/runnerpool/runner.go; classic skip in cli/commands/terraform/action.go), with the real
 * terraform: TestTFPreventDestroy, TestTFPreventDestroyApply, TestTFPreventDestroyDependencies
 * (test/integration_download_tf_test.go) and the classic skip tests.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fixture, run, terraformRan } from './support.js';

const MODULE = 'variable "name" {\n  type = string\n}\nresource "terraform_data" "hello" {\n  input = "Hello, ${var.name}"\n}\noutput "hello" {\n  value = terraform_data.hello.output\n}\n';
const unit = (name: string, hcl = '') => ({ [`${name}/main.tf`]: MODULE, [`${name}/terragrunt.hcl`]: `inputs = {\n  name = "${name}"\n}\n${hcl}` });
/** What the local state holds (empty after a destroy). */
const resources = (dir: string) => (JSON.parse(readFileSync(path.join(dir, 'terraform.tfstate'), 'utf8')) as { resources: unknown[] }).resources.length;
const protectedMessage = (dir: string) =>
  `Unit is protected by the prevent_destroy flag in ${path.join(dir, 'terragrunt.hcl')}. Set it to false or remove it to allow destruction of the unit.`;

describe('prevent_destroy in a single-module run', () => {
  let dir: string;
  beforeAll(async () => {
    dir = path.join(fixture(unit('protected', 'prevent_destroy = true\n')), 'protected');
    const r = await run(['apply', '-auto-approve'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(resources(dir)).toBe(1);
  });

  it.each([
    ['tgo destroy', ['destroy', '-auto-approve']],
    ['tgo run destroy', ['run', 'destroy', '-auto-approve']],
    ['tgo apply -destroy (TestTFPreventDestroyApply)', ['apply', '-destroy', '-auto-approve']],
    ['tgo plan -destroy', ['plan', '-destroy']],
    ['tgo run -- apply -destroy', ['run', '--', 'apply', '-destroy', '-auto-approve']],
  ])('%s refuses with Terragrunt\'s message and exit code 1; the state keeps its resource', async (_name, args) => {
    const r = await run(args, dir);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(protectedMessage(dir));
    expect(r.stdout).not.toMatch(/Destroy complete|will be destroyed/);
    expect(resources(dir)).toBe(1);
  });

  it('plan and apply still run (only destroying is refused)', async () => {
    const r = await run(['plan'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/No changes\./);
  });

  it('prevent_destroy = false lets destroy run', async () => {
    const other = path.join(fixture(unit('open', 'prevent_destroy = false\n')), 'open');
    expect((await run(['apply', '-auto-approve'], other)).code).toBe(0);
    const r = await run(['destroy', '-auto-approve'], other);
    expect(r.code, r.stderr).toBe(0);
    expect(resources(other)).toBe(0);
  });
});

describe('prevent_destroy under run-all destroy (TestTFPreventDestroyDependencies)', () => {
  it('a protected unit and everything it depends on are kept; the rest is destroyed', async () => {
    const root = fixture({
      ...unit('module-a'),
      ...unit('module-b', 'dependencies {\n  paths = ["../module-a"]\n}\nprevent_destroy = true\n'),
      ...unit('module-c'),
      ...unit('module-d', 'dependencies {\n  paths = ["../module-c"]\n}\n'),
      ...unit('module-e'),
    });
    expect((await run(['run-all', 'apply', '--terragrunt-non-interactive'], root)).code).toBe(0);
    const r = await run(['run-all', 'destroy', '--terragrunt-non-interactive'], root);
    expect(r.code, r.stderr).toBe(0);
    const left = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((m) => [m, resources(path.join(root, `module-${m}`))]));
    expect(left).toEqual({ a: 1, b: 1, c: 0, d: 0, e: 0 });
    expect(r.stderr).toMatch(/Excluded\s+2/);
  });
});

describe('skip = true in a single-module run (classic Terragrunt)', () => {
  it.each([
    ['tgo plan', ['plan']],
    ['tgo run plan', ['run', 'plan']],
    ['tgo apply', ['apply', '-auto-approve']],
    ['tgo destroy', ['destroy', '-auto-approve']],
  ])('%s: no terraform, exit 0, the skip is logged', async (_name, args) => {
    const dir = path.join(fixture(unit('skipped', 'skip = true\n')), 'skipped');
    const r = await run(args, dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Skipping terragrunt module ${path.join(dir, 'terragrunt.hcl')} due to skip = true.`);
    expect(terraformRan(r)).toBe(false);
  });

  it('skip inherited from an include skips the module too', async () => {
    const root = fixture({ 'root.hcl': 'skip = true\n', ...unit('child', 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n') });
    const r = await run(['plan'], path.join(root, 'child'));
    expect(r.code, r.stderr).toBe(0);
    expect(terraformRan(r)).toBe(false);
  });
});
