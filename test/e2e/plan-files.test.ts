// Saved plans (--out-dir, --json-out-dir): where each unit's plan and its JSON go, what terraform is given
// (fake terraform), and the round trip with real terraform: plans written by run --all plan are what
// run --all apply --out-dir applies, with nothing planned again.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { moduleHcl, writeStack } from '../support/stack.js';
import { baseEnv, tgo } from '../support/tgo.js';

// Several tgo and terraform processes per test: room for a loaded machine.
vi.setConfig({ testTimeout: 180_000 });

let tf: FakeTerraform;
beforeAll(async () => {
  tf = await makeFakeTerraform();
});

const fake = (args: string[], cwd: string, env: Record<string, string | undefined> = {}) =>
  tgo([...args, '--tf-path', tf.path], { cwd, env: baseEnv(env), input: '' });
const argvOf = (root: string, command: string) => Object.fromEntries(tf.records()
  .filter((r) => r.cwd.startsWith(root) && r.argv[0] === command).map((r) => [path.relative(root, r.cwd), r.argv]));

describe('--out-dir with the fake terraform', () => {
  const stack = () => writeStack({
    'live/net/terragrunt.hcl': moduleHcl(), 'live/net/.terraform/keep': '',
    'live/apps/web/terragrunt.hcl': moduleHcl(['../../net']), 'live/apps/web/.terraform/keep': '',
  });

  it('plan writes each unit\'s plan at DIR/<unit path>/tfplan.tfplan; apply is given that file and no -auto-approve', async () => {
    const root = stack();
    const live = path.join(root, 'live');
    const plan = await fake(['run', '--all', 'plan', '--non-interactive', '--out-dir', 'plans'], live);
    expect(plan.code, plan.stderr).toBe(0);
    const plans = path.join(live, 'plans');
    expect(argvOf(live, 'plan')).toEqual({
      net: ['plan', '-input=false', `-out=${path.join(plans, 'net', 'tfplan.tfplan')}`],
      'apps/web': ['plan', '-input=false', `-out=${path.join(plans, 'apps', 'web', 'tfplan.tfplan')}`],
    });
    // The directories exist before terraform writes into them, private to the user.
    expect(statSync(path.join(plans, 'apps', 'web')).mode & 0o777).toBe(0o700);
    const apply = await fake(['run', '--all', 'apply', '--non-interactive'], live, { TG_OUT_DIR: plans });
    expect(apply.code, apply.stderr).toBe(0);
    expect(argvOf(live, 'apply')).toEqual({
      net: ['apply', '-input=false', path.join(plans, 'net', 'tfplan.tfplan')],
      'apps/web': ['apply', '-input=false', path.join(plans, 'apps', 'web', 'tfplan.tfplan')],
    });
  });

  it('a plan file the user names wins; the classic flag works; a single-unit run says --out-dir is for --all', async () => {
    const root = stack();
    const live = path.join(root, 'live');
    const r = await fake(['run-all', 'plan', '--terragrunt-non-interactive', '--terragrunt-out-dir', 'elsewhere', '-out=mine.tfplan'], live);
    expect(r.code, r.stderr).toBe(0);
    expect(argvOf(live, 'plan').net).toEqual(['plan', '-input=false', '-out=mine.tfplan']);
    expect(existsSync(path.join(live, 'elsewhere'))).toBe(false);
    const one = await fake(['plan', '--out-dir', 'plans'], path.join(live, 'net'));
    expect(one.code, one.stderr).toBe(0);
    expect(one.stderr).toContain('--out-dir only applies to run --all');
    expect(existsSync(path.join(live, 'net', 'plans'))).toBe(false);
  });
});

describe('saved plans with real terraform', () => {
  const tfmain = 'variable "v" {\n  type = string\n}\nresource "terraform_data" "x" {\n  input = var.v\n}\noutput "v" {\n  value = terraform_data.x.output\n}\n';
  const stateOf = (dir: string) => JSON.parse(execFileSync('terraform', ['output', '-json'], { cwd: dir, env: baseEnv(), encoding: 'utf8' })) as Record<string, { value: unknown }>;

  it('run --all plan --out-dir --json-out-dir, then run --all apply --out-dir applies exactly those plans', async () => {
    const root = writeStack({
      'net/terragrunt.hcl': 'inputs = { v = "planned" }\n', 'net/main.tf': tfmain,
      'web/terragrunt.hcl': `${moduleHcl(['../net'])}inputs = { v = "planned-web" }\n`, 'web/main.tf': tfmain,
    });
    const env = baseEnv();
    const plan = await tgo(['run', '--all', 'plan', '--non-interactive', '--out-dir', 'out', '--json-out-dir', 'json'], { cwd: root, env, input: '' });
    expect(plan.code, plan.stderr).toBe(0);
    for (const unit of ['net', 'web']) {
      expect(existsSync(path.join(root, 'out', unit, 'tfplan.tfplan'))).toBe(true);
      const json = JSON.parse(readFileSync(path.join(root, 'json', unit, 'tfplan.json'), 'utf8'));
      expect(json.resource_changes).toEqual([expect.objectContaining({ address: 'terraform_data.x', change: expect.objectContaining({ actions: ['create'] }) })]);
      expect(statSync(path.join(root, 'json', unit, 'tfplan.json')).mode & 0o777).toBe(0o600);
    }
    // Were anything planned again, the new inputs would be applied.
    writeFileSync(path.join(root, 'net', 'terragrunt.hcl'), 'inputs = { v = "changed" }\n');
    const apply = await tgo(['run', '--all', 'apply', '--non-interactive', '--out-dir', 'out'], { cwd: root, env, input: '' });
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stdout).not.toMatch(/Terraform will perform the following actions/);
    expect(stateOf(path.join(root, 'net')).v!.value).toBe('planned');
    expect(stateOf(path.join(root, 'web')).v!.value).toBe('planned-web');
    // A saved plan applies once: terraform refuses it the second time (the state moved on).
    const again = await tgo(['run', '--all', 'apply', '--non-interactive', '--out-dir', 'out'], { cwd: root, env, input: '' });
    expect(again.code).not.toBe(0);
    expect(again.stdout + again.stderr).toMatch(/Saved plan is stale/);
  });
});
