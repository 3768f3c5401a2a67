/**
 * Dependency outputs from an S3 backend on moto with the real terraform: read with the dependency's own role
 * (moto's recorder shows which key signed tgo's GetObject; moto's own record says whose key it is), one terraform
 * process per module in a steady state, workspaces under workspace_key_prefix, and a fresh checkout where the
 * dependency must be initialised with its own remote_state backend and role before terraform can read it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { startMoto, type Moto } from '../support/moto.js';
import { baseEnv, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';
import { terraformWrapper, type TerraformWrapper } from '../support/terraform-wrapper.js';
import { APP_HCL, APP_TF, DEP_OUTPUTS, terraformOutputs } from '../support/dependency-stack.js';

vi.setConfig({ testTimeout: 600_000, hookTimeout: 120_000 });

let moto: Moto;
let user: { accessKeyId: string; secretAccessKey: string; arn: string };
let depRole: string;
let appRole: string;
const roots: string[] = [];
beforeAll(async () => {
  moto = await startMoto();
  user = await moto.createUser('ci');
  depRole = await moto.createRole('dep-deployer', [user.arn]);
  appRole = await moto.createRole('app-deployer', [user.arn]);
  await moto.createBucket('tfstate');
});
afterAll(async () => {
  await moto?.close();
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** remote_state on moto; without `generate` the code declares `backend "s3" {}` and tgo passes -backend-config. */
const remoteState = (key: string, generate: boolean) => `
remote_state {
  backend = "s3"
${generate ? '  generate = {\n    path      = "backend.tf"\n    if_exists = "overwrite_terragrunt"\n  }\n' : ''}  config = {
    bucket                      = "tfstate"
    key                         = "${key}"
    region                      = "us-east-1"
    workspace_key_prefix        = "wsp"
    use_path_style              = true
    skip_region_validation      = true
    skip_metadata_api_check     = true
    skip_credentials_validation = true
    endpoints = {
      s3  = get_env("MOTO_URL")
      sts = get_env("MOTO_URL")
    }
  }
}
`;

function stack(prefix: string, generate = true, depSource = false): string {
  const code = generate ? '' : 'terraform {\n  backend "s3" {}\n}\n';
  const depCode = depSource ? { 'modules/dep/main.tf': code + DEP_OUTPUTS } : { 'dep/main.tf': code + DEP_OUTPUTS };
  const root = writeStack({
    'dep/terragrunt.hcl': `iam_role = "${depRole}"\n${depSource ? 'terraform {\n  source = "../modules/dep"\n}\n' : ''}${remoteState(`${prefix}/dep/terraform.tfstate`, generate)}`,
    ...depCode,
    'app/terragrunt.hcl': `iam_role = "${appRole}"\n${remoteState(`${prefix}/app/terraform.tfstate`, generate)}${APP_HCL()}`,
    'app/main.tf': code + APP_TF,
  });
  roots.push(root);
  return root;
}

const awsEnv = () => ({ MOTO_URL: moto.url, AWS_ENDPOINT_URL_STS: moto.url, AWS_ACCESS_KEY_ID: user.accessKeyId, AWS_SECRET_ACCESS_KEY: user.secretAccessKey, AWS_REGION: 'us-east-1' });
const run = (args: string[], cwd: string, tf: TerraformWrapper, env: Record<string, string> = {}) =>
  tgo([...args, '--terragrunt-tfpath', tf.path, '--terragrunt-non-interactive', '--terragrunt-log-level', 'debug'], { cwd, env: baseEnv({ TF_IN_AUTOMATION: '1', ...awsEnv(), ...env }) });
const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
const calls = (root: string, tf: TerraformWrapper) => tf.calls().map((c) => `${path.relative(root, c.cwd)} ${c.argv[0]}`).sort();

/** tgo's own S3 requests (the JS SDK's user agent; terraform's Go SDK reads the same objects too) for a key. */
async function tgoReads(key: string): Promise<{ accessKeyId?: string }[]> {
  return (await moto.recordedRequests()).filter((x) => x.service === 's3' && x.method === 'GET' && /aws-sdk-js/.test(x.userAgent ?? '') && x.url.includes(`/tfstate/${key}`));
}

describe('dependency outputs from S3 state', () => {
  it('read with the dependency\'s role, equal to terraform output -json, one terraform process per module in a steady state', async () => {
    const root = stack('one');
    const tf = terraformWrapper();
    const applied = await run(['run-all', 'apply'], root, tf);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stderr).toContain('[dep] outputs from state: s3://tfstate/one/dep/terraform.tfstate');
    const got = JSON.parse(terraformOutputs(path.join(root, 'app'), awsEnv()).got as string);
    expect(got).toEqual(terraformOutputs(path.join(root, 'dep'), awsEnv()));
    expect(got.sec).toBe('hush');

    tf.reset();
    await moto.startRecording();
    const plan = await run(['run-all', 'plan'], root, tf);
    await moto.stopRecording();
    expect(plan.code, plan.stderr).toBe(0);
    expect(plain(plan.stdout)).toMatch(/\[app\] No changes\./);
    expect(calls(root, tf)).toEqual(['app plan', 'dep plan']);
    const reads = await tgoReads('one/dep/terraform.tfstate');
    expect(reads).toHaveLength(1);
    const roles = await moto.assumedRoleKeys();
    expect(roles.get(reads[0]!.accessKeyId!)).toBe(depRole);

    // The fast path off: the dependency's outputs cost a terraform process more.
    tf.reset();
    const off = await run(['run-all', 'plan', '--no-dependency-fetch-output-from-state'], root, tf);
    expect(off.code, off.stderr).toBe(0);
    expect(calls(root, tf)).toEqual(['app plan', 'dep output', 'dep plan']);
  });

  it('a workspace\'s state under workspace_key_prefix', async () => {
    const root = stack('ws');
    const tf = terraformWrapper();
    expect((await run(['run-all', 'apply'], root, tf)).code).toBe(0);
    for (const m of ['dep', 'app']) execFileSync('terraform', ['workspace', 'new', 'blue'], { cwd: path.join(root, m), env: { ...process.env, ...awsEnv() }, stdio: 'pipe' });
    const blue = { TF_WORKSPACE: 'blue' };
    const r = await run(['run-all', 'apply'], root, tf, blue);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('[dep] outputs from state: s3://tfstate/wsp/blue/ws/dep/terraform.tfstate');
    const got = JSON.parse(terraformOutputs(path.join(root, 'app'), { ...awsEnv(), ...blue }).got as string);
    expect(got).toEqual(terraformOutputs(path.join(root, 'dep'), { ...awsEnv(), ...blue }));
    expect(got.ws).toBe('blue');
  });

  it('fresh checkout: the dependency is initialised with its own -backend-config and role to read its outputs', async () => {
    const root = stack('fresh', false);
    const tf = terraformWrapper();
    const applied = await run(['run-all', 'apply'], root, tf);
    expect(applied.code, applied.stderr).toBe(0);
    const wipe = (dir: string) => {
      for (const e of readdirSync(dir)) {
        const p = path.join(dir, e);
        if (e === '.terraform') rmSync(p, { recursive: true, force: true });
        else if (statSync(p).isDirectory()) wipe(p);
      }
    };

    // With terraform reading the outputs, the dependency needs an init: its own backend settings and role.
    wipe(root);
    tf.reset();
    await moto.startRecording();
    const slow = await run(['plan', '--no-dependency-fetch-output-from-state'], path.join(root, 'app'), tf);
    await moto.stopRecording();
    expect(slow.code, slow.stderr).toBe(0);
    expect(plain(slow.stdout)).toMatch(/No changes\./);
    const depInit = tf.calls().find((c) => c.cwd === path.join(root, 'dep') && c.argv[0] === 'init')!;
    expect(depInit.argv).toEqual(expect.arrayContaining(['-backend-config=bucket=tfstate', '-backend-config=key=fresh/dep/terraform.tfstate',
      `-backend-config=endpoints={s3="${moto.url}",sts="${moto.url}"}`]));
    expect(calls(root, tf)).toEqual(['app init', 'app plan', 'dep init', 'dep output']);
    const roles = await moto.assumedRoleKeys();
    const depStateReads = (await moto.recordedRequests()).filter((x) => x.service === 's3' && x.method === 'GET' && x.url.includes('/tfstate/fresh/dep/terraform.tfstate'));
    expect(depStateReads.length).toBeGreaterThan(0);
    expect(new Set(depStateReads.map((x) => roles.get(x.accessKeyId!)))).toEqual(new Set([depRole]));

    // From state, a fresh checkout costs the dependency nothing: its remote_state says where the state is.
    wipe(root);
    tf.reset();
    const fast = await run(['plan'], path.join(root, 'app'), tf);
    expect(fast.code, fast.stderr).toBe(0);
    expect(plain(fast.stdout)).toMatch(/No changes\./);
    expect(calls(root, tf)).toEqual(['app init', 'app plan']);
  });

  it('a dependency with a source whose cache is gone is read from state without copying its source or starting terraform', async () => {
    const root = stack('src', true, true);
    const tf = terraformWrapper();
    const applied = await run(['run-all', 'apply'], root, tf);
    expect(applied.code, applied.stderr).toBe(0);
    const cache = path.join(root, 'dep', '.terragrunt-cache');
    expect(existsSync(cache)).toBe(true);

    rmSync(cache, { recursive: true, force: true });
    tf.reset();
    const fast = await run(['plan'], path.join(root, 'app'), tf);
    expect(fast.code, fast.stderr).toBe(0);
    expect(fast.stderr).toContain('outputs from state: s3://tfstate/src/dep/terraform.tfstate');
    expect(plain(fast.stdout)).toMatch(/No changes\./);
    expect(calls(root, tf)).toEqual(['app plan']);
    expect(existsSync(cache)).toBe(false);

    // terraform reading them needs the copy, its init and its output.
    tf.reset();
    const slow = await run(['plan', '--no-dependency-fetch-output-from-state'], path.join(root, 'app'), tf);
    expect(slow.code, slow.stderr).toBe(0);
    expect(tf.calls().map((c) => `${path.relative(root, c.cwd).split(path.sep)[0]} ${c.argv[0]}`).sort()).toEqual(['app plan', 'dep init', 'dep output']);
    expect(existsSync(cache)).toBe(true);
  });
});
