/**
 * On moto. get_aws_account_alias(): IAM ListAccountAliases made by tgo with each module's assumed role (in
 * other accounts than the base user's), once per role, per the recorder.
 *
 * Real terraform with the S3 backend (DynamoDB locking) on moto in IAM-enforcing mode, credentials served by
 * tgo's credential server: the base user may only call STS, so the state can only be written with the role's
 * session, which terraform can only have fetched from the server (tgo removes every static key from its
 * environment). The moto recorder shows who signed each S3 and DynamoDB request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { startMoto, type Moto } from '../support/moto.js';
import path from 'node:path';
import { makeFakeTerraform } from '../support/fake-terraform.js';
import { baseEnv, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';

let moto: Moto;
const roots: string[] = [];
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.close();
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('get_aws_account_alias() on moto', () => {
  it('answers with the alias of each module\'s role account, "" when it has none; one ListAccountAliases per role, signed with it', async () => {
    await moto.reset();
    await moto.createAccountAlias('security-users');
    await moto.createAccountAlias('prod-workloads', '222222222222');
    const prod = 'arn:aws:iam::222222222222:role/deployer';
    const bare = 'arn:aws:iam::333333333333:role/deployer';
    const inputs = 'inputs = {\n  alias = get_aws_account_alias()\n}\n';
    const root = writeStack({
      'api/terragrunt.hcl': `iam_role = "${prod}"\n${inputs}`,
      'web/terragrunt.hcl': `iam_role = "${prod}"\nlocals {\n  alias = get_aws_account_alias()\n}\ninputs = {\n  alias = local.alias\n}\n`,
      'sandbox/terragrunt.hcl': `iam_role = "${bare}"\n${inputs}`,
      'tools/terragrunt.hcl': inputs,
    });
    roots.push(root);
    const tf = await makeFakeTerraform();
    roots.push(tf.dir);
    await moto.startRecording();
    const r = await tgo(['run-all', 'apply', '--terragrunt-non-interactive', '--terragrunt-no-auto-init', '--terragrunt-tfpath', tf.path], {
      cwd: root,
      env: baseEnv({
        AWS_ENDPOINT_URL_STS: moto.url, AWS_ENDPOINT_URL_IAM: moto.url,
        AWS_ACCESS_KEY_ID: 'AKIASECURITYUSER0001', AWS_SECRET_ACCESS_KEY: 'base-secret',
      }),
    });
    await moto.stopRecording();
    expect(r.code, r.stderr.slice(-3000)).toBe(0);
    const alias = (m: string) => tf.records().find((x) => x.argv[0] === 'apply' && path.basename(x.cwd) === m)?.env.TF_VAR_alias;
    expect({ api: alias('api'), web: alias('web'), sandbox: alias('sandbox'), tools: alias('tools') })
      .toEqual({ api: 'prod-workloads', web: 'prod-workloads', sandbox: '', tools: 'security-users' });

    const calls = (await moto.recordedRequests()).filter((x) => x.action === 'ListAccountAliases');
    const sessions = await moto.assumedRoleKeys();
    // api and web share the prod role session: one call for it, one for sandbox's role, one with tgo's own keys.
    expect(calls.map((c) => sessions.get(c.accessKeyId!) ?? c.accessKeyId).sort())
      .toEqual(['AKIASECURITYUSER0001', 'arn:aws:iam::222222222222:role/deployer', 'arn:aws:iam::333333333333:role/deployer']);
    expect(calls.every((c) => c.service === 'iam')).toBe(true);
  }, 120_000);
});

describe('get_aws_account_alias() denied on moto (IAM enforced)', () => {
  it('only that module fails, naming the call and the role; the base user, which may not call IAM, is never used for it', async () => {
    await moto.reset();
    const user = await moto.createUser('security-ci'); // may only call STS
    const role = await moto.createRole('no-iam', [user.arn]); // s3, dynamodb, GetCallerIdentity: no iam:*
    await moto.enableAuth();
    const root = writeStack({
      'api/terragrunt.hcl': `iam_role = "${role}"\ninputs = {\n  alias = get_aws_account_alias()\n}\n`,
      'other/terragrunt.hcl': '',
    });
    roots.push(root);
    const tf = await makeFakeTerraform();
    roots.push(tf.dir);
    const r = await tgo(['run-all', 'apply', '--terragrunt-non-interactive', '--terragrunt-no-auto-init', '--terragrunt-tfpath', tf.path], {
      cwd: root,
      env: baseEnv({ AWS_ENDPOINT_URL: moto.url, AWS_ACCESS_KEY_ID: user.accessKeyId, AWS_SECRET_ACCESS_KEY: user.secretAccessKey }),
    });
    expect(r.code).toBe(1);
    expect(r.stderr + r.stdout).toMatch(/\[api\] failed in \S+: get_aws_account_alias\(\): IAM ListAccountAliases failed: AccessDenied: User: arn:aws:sts::123456789012:assumed-role\/no-iam\/\S+ is not authorized to perform: iam:ListAccountAliases/);
    expect(tf.records().filter((x) => x.argv[0] === 'apply').map((x) => path.basename(x.cwd))).toEqual(['other']);
  }, 120_000);
});

describe('credential server with real terraform and the S3 backend on moto', () => {
  it('state is written with the module role\'s session, fetched from the credential server', async () => {
    const user = await moto.createUser('ci');
    const role = await moto.createRole('deployer', [user.arn]);
    await moto.createBucket('tfstate');
    await moto.createLockTable('locks');
    await moto.enableAuth();
    const root = writeStack({
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
    roots.push(root);
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

    const rec = await moto.recordedRequests();
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
