/**
 * s3:: module sources on moto's S3 with the real terraform: an archive and a prefix, each downloaded with the
 * module's own assumed role (moto's recorder shows the signing key, moto's own record whose role it is), once per
 * role per run, and a missing object as one clear error before any terraform starts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { startMoto, type Moto } from '../support/moto.js';
import { baseEnv, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';
import { terraformWrapper } from '../support/terraform-wrapper.js';
import { makeArchives } from './servers.js';

vi.setConfig({ testTimeout: 600_000, hookTimeout: 120_000 });

let moto: Moto;
let user: { accessKeyId: string; secretAccessKey: string; arn: string };
let netRole: string;
let appRole: string;
const roots: string[] = [];
beforeAll(async () => {
  moto = await startMoto();
  user = await moto.createUser('ci');
  netRole = await moto.createRole('net-deployer', [user.arn]);
  appRole = await moto.createRole('app-deployer', [user.arn]);
  await moto.createBucket('modules');
  await moto.putObject('modules', 'vpc.zip', makeArchives({ 'main.tf': 'output "from" {\n  value = "zip in s3"\n}\n' }).zip);
  await moto.putObject('modules', 'tree/net/main.tf', 'output "from" {\n  value = "prefix in s3"\n}\n');
  await moto.putObject('modules', 'tree/net/extra/readme.txt', 'kept\n');
});
afterAll(async () => {
  await moto?.close();
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

const unit = (role: string, source: string) => `iam_role = "${role}"\nterraform {\n  source = "${source}"\n}\n`;
const run = (args: string[], cwd: string, tf: string) => tgo([...args, '--terragrunt-tfpath', tf, '--terragrunt-non-interactive'], {
  cwd, env: baseEnv({ TF_IN_AUTOMATION: '1', AWS_ENDPOINT_URL_STS: moto.url, AWS_ACCESS_KEY_ID: user.accessKeyId, AWS_SECRET_ACCESS_KEY: user.secretAccessKey, AWS_REGION: 'us-east-1' }),
});

describe('s3:: module sources', () => {
  it('fetched with each module\'s own role, once per role, archives and prefixes alike', async () => {
    const zip = `s3::${moto.url}/modules/vpc.zip//pkg?region=us-east-1`;
    const root = writeStack({
      'net-a/terragrunt.hcl': unit(netRole, zip),
      'net-b/terragrunt.hcl': unit(netRole, zip),
      'app/terragrunt.hcl': unit(appRole, zip),
      'tree/terragrunt.hcl': unit(appRole, `s3::${moto.url}/modules/tree/net?region=us-east-1`),
    });
    roots.push(root);
    const tf = terraformWrapper();
    await moto.startRecording();
    const r = await run(['run-all', 'apply'], root, tf.path);
    await moto.stopRecording();
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout.replace(/\x1b\[[0-9;]*m/g, '');
    for (const m of ['net-a', 'net-b', 'app']) expect(out).toMatch(new RegExp(`\\[${m}\\] from = "zip in s3"`));
    expect(out).toMatch(/\[tree\] from = "prefix in s3"/);

    const roles = await moto.assumedRoleKeys();
    const gets = (await moto.recordedRequests()).filter((x) => x.service === 's3' && x.method === 'GET' && x.url.includes('/modules/vpc.zip'));
    // net-a and net-b share one download (same role); app's is its own, signed as app.
    expect(gets.map((x) => roles.get(x.accessKeyId!)).sort()).toEqual([appRole, netRole].sort());
    const treeReads = (await moto.recordedRequests()).filter((x) => x.service === 's3' && x.url.includes('/modules') && /tree/.test(x.url));
    expect(treeReads.length).toBeGreaterThan(0);
    expect(new Set(treeReads.map((x) => roles.get(x.accessKeyId!)))).toEqual(new Set([appRole]));
  });

  it('a missing object: one error naming the source and the module, no terraform started', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': unit(netRole, `s3::${moto.url}/modules/nope.zip?region=us-east-1`), 'b/terragrunt.hcl': '' });
    roots.push(root);
    const tf = terraformWrapper();
    const r = await run(['run-all', 'plan'], root, tf.path);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/module a: terraform\.source: cannot download s3::http:\/\/127\.0\.0\.1:\d+\/modules\/nope\.zip\?region=us-east-1: s3:\/\/modules\/nope\.zip does not exist/);
    expect(tf.calls()).toEqual([]);
  });
});
