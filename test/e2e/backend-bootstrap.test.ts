// Backend bootstrap on moto in IAM-enforcing mode: `tgo backend bootstrap` makes the unit's S3 state bucket and
// DynamoDB lock table with the unit's assumed role (the base user may only call STS); the settings are read
// back with the AWS SDK; a second run only reads; and `run --all apply --backend-bootstrap` bootstraps a fresh
// bucket before terraform's first init, so the first apply of a new account succeeds.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { S3Client, GetBucketEncryptionCommand, GetBucketLoggingCommand, GetBucketPolicyCommand, GetBucketTaggingCommand,
  GetBucketVersioningCommand, GetPublicAccessBlockCommand } from '@aws-sdk/client-s3';
import { DescribeTableCommand, DynamoDBClient, ListTagsOfResourceCommand } from '@aws-sdk/client-dynamodb';
import { startMoto, type Moto, type MotoRequest } from '../support/moto.js';
import { baseEnv, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';

vi.setConfig({ testTimeout: 300_000 });

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.close();
});

const backend = (bucket: string, table: string, extra = '', key = '\${path_relative_to_include()}/terraform.tfstate') => `
remote_state {
  backend = "s3"
  generate = {
    path      = "backend.tf"
    if_exists = "overwrite_terragrunt"
  }
  config = {
    bucket                    = "${bucket}"
    key                       = "${key}"
    region                    = "us-east-1"
    dynamodb_table            = "${table}"
    use_path_style            = true
    skip_region_validation    = true
    skip_metadata_api_check   = true
    s3_bucket_tags            = { team = "platform" }
    dynamodb_table_tags       = { team = "platform", purpose = "locks" }
    endpoints = {
      s3       = get_env("MOTO_URL")
      sts      = get_env("MOTO_URL")
      dynamodb = get_env("MOTO_URL")
    }
${extra}  }
}
`;

/** The SDK as a reader (moto's auth is off while reading). */
function readers(url: string) {
  const common = { region: 'us-east-1', endpoint: url, credentials: { accessKeyId: 'AKIAREADER0000000000', secretAccessKey: 'x' } };
  return { s3: new S3Client({ ...common, forcePathStyle: true }), ddb: new DynamoDBClient(common) };
}

const writes = (reqs: MotoRequest[]) => reqs.filter((r) => (r.service === 's3' && r.method !== 'GET' && r.method !== 'HEAD'));

describe('backend bootstrap on moto', () => {
  it('creates the bucket and table with the unit\'s role, set up as Terragrunt sets them; a second run changes nothing', async () => {
    const user = await moto.createUser('ci');
    const role = await moto.createRole('deployer', [user.arn]);
    await moto.enableAuth();
    const root = writeStack({
      'app/terragrunt.hcl': `iam_role = "${role}"\n${backend('fresh-state', 'fresh-locks', '    accesslogging_bucket_name = "fresh-logs"\n')}`,
      'app/main.tf': 'resource "terraform_data" "x" {}\n',
    });
    const env = baseEnv({ MOTO_URL: moto.url, AWS_ENDPOINT_URL_STS: moto.url, AWS_ACCESS_KEY_ID: user.accessKeyId, AWS_SECRET_ACCESS_KEY: user.secretAccessKey });
    await moto.startRecording();
    const first = await tgo(['backend', 'bootstrap'], { cwd: `${root}/app`, env });
    await moto.stopRecording();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^created S3 bucket fresh-state$/m);
    expect(first.stderr).toMatch(/^created DynamoDB lock table fresh-locks$/m);
    const rec = await moto.recordedRequests();
    const aws = rec.filter((r) => r.service === 's3' || r.service === 'dynamodb');
    expect(aws.length).toBeGreaterThan(8);
    // Every S3 and DynamoDB call signed by the one role session, never the user.
    const keys = new Set(aws.map((r) => r.accessKeyId));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^ASIA/);
    expect((await moto.assumedRoleKeys()).get([...keys][0]!)).toBe(role);

    await moto.disableAuth();
    const { s3, ddb } = readers(moto.url);
    const Bucket = 'fresh-state';
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket }))).Status).toBe('Enabled');
    expect((await s3.send(new GetBucketEncryptionCommand({ Bucket }))).ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm).toBe('aws:kms');
    expect((await s3.send(new GetPublicAccessBlockCommand({ Bucket }))).PublicAccessBlockConfiguration)
      .toEqual({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
    const policy = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket }))).Policy!);
    expect(policy.Statement).toContainEqual(expect.objectContaining({ Sid: 'EnforcedTLS', Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    expect((await s3.send(new GetBucketTaggingCommand({ Bucket }))).TagSet).toEqual([{ Key: 'team', Value: 'platform' }]);
    expect((await s3.send(new GetBucketLoggingCommand({ Bucket }))).LoggingEnabled).toEqual({ TargetBucket: 'fresh-logs', TargetPrefix: 'TFStateLogs/' });
    const table = (await ddb.send(new DescribeTableCommand({ TableName: 'fresh-locks' }))).Table!;
    expect(table.KeySchema).toEqual([{ AttributeName: 'LockID', KeyType: 'HASH' }]);
    expect(table.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    const tags = (await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: table.TableArn }))).Tags;
    expect(tags).toEqual(expect.arrayContaining([{ Key: 'team', Value: 'platform' }, { Key: 'purpose', Value: 'locks' }]));

    await moto.enableAuth();
    await moto.startRecording();
    const second = await tgo(['backend', 'bootstrap'], { cwd: `${root}/app`, env });
    await moto.stopRecording();
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).not.toMatch(/created|enabled|set |blocked|bucket policy|tagged|logging access/);
    const again = await moto.recordedRequests();
    expect(writes(again)).toEqual([]);
    expect(again.filter((r) => r.service === 'dynamodb').length).toBeGreaterThan(0);
  });

  it('run --all apply --backend-bootstrap: a fresh bucket and table exist before the first init, and the state lands there', async () => {
    await moto.disableAuth();
    const user = await moto.createUser('ci2');
    const role = await moto.createRole('deployer2', [user.arn]);
    await moto.enableAuth();
    const root = writeStack({
      // moto speaks plain HTTP, which a TLS-only bucket policy would deny terraform.
      'root.hcl': `iam_role = "${role}"\n${backend('auto-state', 'auto-locks', '    skip_bucket_enforced_tls = true\n')}`,
      'net/terragrunt.hcl': 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n',
      'net/main.tf': 'resource "terraform_data" "x" {\n  input = "net"\n}\n',
      'app/terragrunt.hcl': 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\ndependencies {\n  paths = ["../net"]\n}\n',
      'app/main.tf': 'resource "terraform_data" "x" {\n  input = "app"\n}\n',
    });
    const env = baseEnv({ MOTO_URL: moto.url, AWS_ENDPOINT_URL_STS: moto.url, AWS_ACCESS_KEY_ID: user.accessKeyId, AWS_SECRET_ACCESS_KEY: user.secretAccessKey });
    const without = await tgo(['run', '--all', 'apply', '--non-interactive'], { cwd: root, env });
    expect(without.code).not.toBe(0); // no bucket yet, and nothing creates it unasked
    const r = await tgo(['run', '--all', 'apply', '--non-interactive', '--backend-bootstrap'], { cwd: root, env });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stderr.match(/created S3 bucket auto-state/g)).toHaveLength(1); // once for both units
    await moto.disableAuth();
    expect(await moto.listObjects('auto-state')).toEqual(['app/terraform.tfstate', 'net/terraform.tfstate']);
  });

  it('backend delete removes the unit\'s state and lock item after a yes, with its role; an unversioned bucket needs --force', async () => {
    await moto.disableAuth();
    const user = await moto.createUser('ci3');
    const role = await moto.createRole('deployer3', [user.arn]);
    await moto.enableAuth();
    const root = writeStack({
      'kept/terragrunt.hcl': `iam_role = "${role}"\n${backend('del-state', 'del-locks', '    skip_bucket_enforced_tls = true\n', 'kept/terraform.tfstate')}`,
      'kept/main.tf': 'resource "terraform_data" "x" {}\n',
      'loose/terragrunt.hcl': `iam_role = "${role}"\n${backend('del-loose', 'del-locks', '    skip_bucket_enforced_tls = true\n    skip_bucket_versioning = true\n', 'loose/terraform.tfstate')}`,
      'loose/main.tf': 'resource "terraform_data" "x" {}\n',
    });
    const env = baseEnv({ MOTO_URL: moto.url, AWS_ENDPOINT_URL_STS: moto.url, AWS_ACCESS_KEY_ID: user.accessKeyId, AWS_SECRET_ACCESS_KEY: user.secretAccessKey });
    const applied = await tgo(['run', '--all', 'apply', '--non-interactive', '--backend-bootstrap'], { cwd: root, env });
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    const objects = async (bucket: string) => {
      await moto.disableAuth();
      const keys = await moto.listObjects(bucket);
      await moto.enableAuth();
      return keys;
    };
    expect(await objects('del-state')).toEqual(['kept/terraform.tfstate']);
    // The user may only call STS (moto enforces IAM): every deletion below is the unit's role at work.
    // A "no" deletes nothing.
    const no = await tgo(['backend', 'delete'], { cwd: `${root}/kept`, env, input: 'n\nn\n' });
    expect(no.code, no.stderr).toBe(0);
    expect(await objects('del-state')).toEqual(['kept/terraform.tfstate']);
    const yes = await tgo(['backend', 'delete', '--non-interactive'], { cwd: `${root}/kept`, env });
    expect(yes.code, yes.stderr).toBe(0);
    expect(yes.stderr).toContain('deleted s3://del-state/kept/terraform.tfstate');
    expect(await objects('del-state')).toEqual([]);
    await moto.disableAuth();
    expect(await moto.getItem('del-locks', { LockID: 'del-state/kept/terraform.tfstate-md5' })).toBeUndefined();
    await moto.enableAuth();
    const refused = await tgo(['backend', 'delete', '--non-interactive'], { cwd: `${root}/loose`, env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('bucket del-loose is not versioned, refusing to delete backend state');
    expect(await objects('del-loose')).toEqual(['loose/terraform.tfstate']);
    const forced = await tgo(['backend', 'delete', '--non-interactive', '--force'], { cwd: `${root}/loose`, env });
    expect(forced.code, forced.stderr).toBe(0);
    expect(await objects('del-loose')).toEqual([]);
  });
});
