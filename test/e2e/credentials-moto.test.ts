/**
 * Real terraform with the S3 backend (DynamoDB locking) on moto in IAM-enforcing mode, credentials served by
 * tgo's credential server: the base user may only call STS, so the state can only be written with the role's
 * session, which terraform can only have fetched from the server (tgo removes every static key from its
 * environment). The moto recorder shows who signed each S3 and DynamoDB request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { startMoto, type Moto } from '../support/moto.js';
import { baseEnv, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';

interface Recorded { service: string; accessKeyId?: string; method: string; url: string; action?: string; target?: string }

async function recording(moto: Moto): Promise<Recorded[]> {
  const text = await (await fetch(`${moto.url}/moto-api/recorder/download-recording`)).text();
  return text.split('\n').filter((l) => l.trim()).map((line) => {
    const e = JSON.parse(line) as { headers: Record<string, string>; method: string; url: string; body?: string | null; body_encoded?: boolean };
    const h = (n: string) => Object.entries(e.headers).find(([k]) => k.toLowerCase() === n)?.[1];
    const scope = /Credential=([^/,\s]+)\/\d{8}\/[^/]+\/([^/]+)\//.exec(h('authorization') ?? '');
    const body = e.body ? (e.body_encoded ? Buffer.from(e.body, 'base64').toString('utf8') : e.body) : '';
    const action = new URLSearchParams(e.method === 'GET' ? new URL(e.url).search : body).get('Action') ?? undefined;
    return { service: scope?.[2] ?? '', accessKeyId: scope?.[1], method: e.method, url: e.url, action, target: h('x-amz-target') };
  });
}

let moto: Moto;
let root: string | undefined;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('credential server with real terraform and the S3 backend on moto', () => {
  it('state is written with the module role\'s session, fetched from the credential server', async () => {
    const user = await moto.createUser('ci');
    const role = await moto.createRole('deployer', [user.arn]);
    await moto.createBucket('tfstate');
    await moto.createLockTable('locks');
    await moto.enableAuth();
    root = writeStack({
      'app/terragrunt.hcl': `
iam_role = "${role}"

remote_state {
  backend = "s3"
  generate = {
    path      = "backend.tf"
    if_exists = "overwrite_terragrunt"
  }
  config = {
    bucket                  = "tfstate"
    key                     = "app/terraform.tfstate"
    region                  = "us-east-1"
    dynamodb_table          = "locks"
    use_path_style          = true
    skip_region_validation  = true
    skip_metadata_api_check = true
    endpoints = {
      s3       = get_env("MOTO_URL")
      sts      = get_env("MOTO_URL")
      dynamodb = get_env("MOTO_URL")
    }
  }
}
`,
      'app/main.tf': 'resource "terraform_data" "x" {\n  input = "hello"\n}\n',
    });
    await moto.startRecording();
    const r = await tgo(['apply', '-auto-approve', '--iam-credential-server', '--terragrunt-log-level', 'debug'], {
      cwd: `${root}/app`,
      env: baseEnv({ MOTO_URL: moto.url, AWS_ENDPOINT_URL_STS: moto.url, AWS_ACCESS_KEY_ID: user.accessKeyId, AWS_SECRET_ACCESS_KEY: user.secretAccessKey }),
    });
    await moto.stopRecording();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Apply complete! Resources: 1 added/);
    expect(await moto.listObjects('tfstate')).toEqual(['app/terraform.tfstate']);
    expect(await moto.getItem('locks', { LockID: 'tfstate/app/terraform.tfstate-md5' })).toBeDefined();

    const rec = await recording(moto);
    const assumes = rec.filter((x) => x.action === 'AssumeRole');
    expect(assumes).toHaveLength(1);
    expect(assumes[0]!.accessKeyId).toBe(user.accessKeyId);
    const s3 = rec.filter((x) => x.service === 's3');
    const ddb = rec.filter((x) => x.service === 'dynamodb');
    expect(s3.some((x) => x.method === 'PUT' && x.url.includes('/tfstate/app/terraform.tfstate'))).toBe(true);
    expect(ddb.map((x) => x.target)).toEqual(expect.arrayContaining(['DynamoDB_20120810.PutItem', 'DynamoDB_20120810.DeleteItem']));
    // Every S3/DynamoDB request, and terraform's own GetCallerIdentity, signed with one role session key.
    const keys = new Set([...s3, ...ddb, ...rec.filter((x) => x.action === 'GetCallerIdentity')].map((x) => x.accessKeyId));
    expect(keys.size).toBe(1);
    const [key] = keys;
    expect(key).toMatch(/^ASIA/);
    expect(key).not.toBe(user.accessKeyId);
    expect(r.stderr).toMatch(/credential server stopped: [1-9]\d* credential requests served, 0 refused, 0 failed/);
    expect(r.stdout + r.stderr).not.toContain(user.secretAccessKey);
  }, 360_000);
});
