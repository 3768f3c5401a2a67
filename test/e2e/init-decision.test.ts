/**
 * init only when something asks for it, with the real terraform behind a counting wrapper: each trigger (code that
 * needs .terraform and has none, a changed backend configuration, missing modules, a changed lock file, a changed
 * source) causes exactly one init, and a run after it none; code that needs nothing is never initialised.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { appendFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { baseEnv, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';
import { terraformWrapper } from '../support/terraform-wrapper.js';

vi.setConfig({ testTimeout: 600_000 });

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

const unit = (extra = '') => `terraform {\n  source = "../src"\n  extra_arguments "reconfigure" {\n    commands  = ["init"]\n    arguments = ["-reconfigure"]\n  }\n}\n${extra}`;
const localBackend = (file: string) => `remote_state {\n  backend = "local"\n  generate = {\n    path      = "backend.tf"\n    if_exists = "overwrite_terragrunt"\n  }\n  config = {\n    path = "${file}"\n  }\n}\n`;

describe('init only when needed', () => {
  it('each trigger causes exactly one init; no trigger, no init', async () => {
    const root = writeStack({ 'src/main.tf': 'resource "terraform_data" "x" {\n  input = "a"\n}\n', 'm/terragrunt.hcl': unit() });
    roots.push(root);
    const m = path.join(root, 'm');
    const tf = terraformWrapper();
    /** Plan the unit; the inits it started and the reason tgo gave. */
    const plan = async () => {
      tf.reset();
      const r = await tgo(['plan', '--terragrunt-tfpath', tf.path], { cwd: m, env: baseEnv({ TF_IN_AUTOMATION: '1' }) });
      expect(r.code, r.stderr).toBe(0);
      return { inits: tf.calls().filter((c) => c.argv[0] === 'init').length, reason: /running terraform init \(([^)]*)\)/.exec(r.stderr)?.[1] };
    };
    const workDir = () => {
      const cache = path.join(m, '.terragrunt-cache');
      const a = readdirSync(cache)[0]!;
      return path.join(cache, a, readdirSync(path.join(cache, a))[0]!);
    };

    // Only terraform_data and no backend: terraform needs no .terraform, so there is no init at all.
    expect(await plan()).toEqual({ inits: 0, reason: undefined });
    expect(await plan()).toEqual({ inits: 0, reason: undefined });

    writeFileSync(path.join(m, 'terragrunt.hcl'), unit(localBackend('state/one.tfstate')));
    expect(await plan()).toEqual({ inits: 1, reason: 'no .terraform directory yet' });
    expect(await plan()).toEqual({ inits: 0, reason: undefined });

    writeFileSync(path.join(m, 'terragrunt.hcl'), unit(localBackend('state/two.tfstate')));
    expect(await plan()).toEqual({ inits: 1, reason: 'the backend configuration changed' });
    expect(await plan()).toEqual({ inits: 0, reason: undefined });

    appendFileSync(path.join(workDir(), '.terraform.lock.hcl'), '# changed\n');
    expect(await plan()).toEqual({ inits: 1, reason: 'the lock file changed' });
    expect(await plan()).toEqual({ inits: 0, reason: undefined });

    // A changed source (Terragrunt's .terragrunt-init-required) that adds a module call.
    mkdirSync(path.join(root, 'src', 'sub'));
    writeFileSync(path.join(root, 'src', 'sub', 'main.tf'), 'output "y" {\n  value = 1\n}\n');
    appendFileSync(path.join(root, 'src', 'main.tf'), 'module "sub" {\n  source = "./sub"\n}\n');
    expect(await plan()).toEqual({ inits: 1, reason: 'the source changed' });
    expect(await plan()).toEqual({ inits: 0, reason: undefined });

    rmSync(path.join(workDir(), '.terraform', 'modules'), { recursive: true, force: true });
    expect(await plan()).toEqual({ inits: 1, reason: 'its modules are not installed' });
    expect(await plan()).toEqual({ inits: 0, reason: undefined });
  });
});
