// The S3 state bucket and DynamoDB lock table of a `remote_state { backend = "s3" }`, made ready as Terragrunt's
// backend bootstrap makes them: the bucket created if missing, then each setting checked and set only when it
// differs — versioning, default encryption, the public access block, a TLS-only bucket policy, access logging
// when a log bucket is named, tags — and the lock table created (LockID, on demand) and tagged. Every call is
// signed with the credentials given (the module's assumed role). A second run over a ready backend only reads.
// The clients come from aws-clients.ts (SDKs imported on first use).

import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { dynamoClient, s3Client, type DdbSdk, type S3Sdk } from './aws-clients.js';
import { withRetries, type AwsCredentials } from './sts.js';

export interface S3BackendSettings {
  bucket: string;
  region: string;
  /** An endpoint URL (moto, MinIO): for S3 with path-style addressing when `pathStyle`. */
  s3Endpoint?: string;
  dynamodbEndpoint?: string;
  pathStyle: boolean;
  lockTable?: string;
  bucketTags: Record<string, string>;
  tableTags: Record<string, string>;
  skipVersioning: boolean;
  skipEncryption: boolean;
  skipPublicAccessBlocking: boolean;
  skipEnforcedTls: boolean;
  /** Terragrunt's bucket_sse_algorithm (default aws:kms) and bucket_sse_kms_key_id. */
  sseAlgorithm: string;
  kmsKeyId?: string;
  accessLogging?: { bucket: string; prefix: string };
  enableLockTableEncryption: boolean;
  /** disable_bucket_update / --disable-bucket-update: an existing bucket is left as it is. */
  disableBucketUpdate: boolean;
}

/** What a bootstrap did, one line per change, for the log ("" nothing: the backend was ready). */
export type Changes = string[];

/** The Sid Terragrunt gives its TLS-only statement; a policy that has it is left alone. */
export const TLS_SID = 'EnforcedTLS';
const LOG_DELIVERY_SID = 'S3ServerAccessLogsPolicy';

interface PolicyStatement {
  Sid: string;
  Effect: string;
  Principal: unknown;
  Action: string;
  Resource: string | string[];
  Condition?: unknown;
}

const s3For = (s: S3BackendSettings, env: NodeJS.ProcessEnv, credentials: AwsCredentials | undefined) =>
  s3Client({ env, region: s.region, endpoint: s.s3Endpoint, pathStyle: s.pathStyle, credentials });
const dynamoFor = (s: S3BackendSettings, env: NodeJS.ProcessEnv, credentials: AwsCredentials | undefined) =>
  dynamoClient({ env, region: s.region, endpoint: s.dynamodbEndpoint, credentials });

export async function bootstrapS3Backend(s: S3BackendSettings, env: NodeJS.ProcessEnv, credentials?: AwsCredentials): Promise<Changes> {
  const { sdk: s3sdk, client: s3 } = await s3For(s, env, credentials);
  const changes: Changes = [];
  try {
    const created = await ensureBucket(s3, s3sdk, s.bucket, s.region, changes);
    if (created || !s.disableBucketUpdate) await configureBucket(s3, s3sdk, s, changes);
    if (s.accessLogging) {
      const logs = s.accessLogging.bucket;
      await ensureBucket(s3, s3sdk, logs, s.region, changes);
      // S3's log delivery may write under the prefix (a bucket policy, as AWS recommends over ACLs); TLS only too.
      await ensurePolicyStatements(s3, s3sdk, logs, [
        ...(s.skipEnforcedTls ? [] : [tlsStatement(logs)]),
        {
          Sid: LOG_DELIVERY_SID,
          Effect: 'Allow',
          Principal: { Service: 'logging.s3.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: `arn:aws:s3:::${logs}/${s.accessLogging.prefix}*`,
        },
      ], changes);
      await configureLogging(s3, s3sdk, s, changes);
    }
  } finally {
    s3.destroy();
  }
  if (s.lockTable) {
    const { sdk: ddbsdk, client: ddb } = await dynamoFor(s, env, credentials);
    try {
      await ensureLockTable(ddb, ddbsdk, s, changes);
    } finally {
      ddb.destroy();
    }
  }
  return changes;
}

const errName = (e: unknown) => (e as { name?: string }).name ?? '';
const status = (e: unknown) => (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
const call = <T>(what: string, fn: () => Promise<T>): Promise<T> =>
  withRetries(fn, 3, 250).catch((e: unknown) => {
    throw new Error(`${what} failed: ${errName(e) || 'Error'}: ${(e as Error).message}`);
  });

/** Create the bucket when it does not exist; true when it was created. */
async function ensureBucket(s3: S3Client, sdk: S3Sdk, bucket: string, region: string, changes: Changes): Promise<boolean> {
  try {
    await s3.send(new sdk.HeadBucketCommand({ Bucket: bucket }));
    return false;
  } catch (e) {
    if (status(e) !== 404 && errName(e) !== 'NotFound' && errName(e) !== 'NoSuchBucket') {
      throw new Error(`HeadBucket ${bucket} failed: ${errName(e) || 'Error'} (${status(e) ?? 'no status'}): the bucket may belong to another account or the role may not reach it`);
    }
  }
  // us-east-1 takes no location constraint; every other region needs one.
  await call(`CreateBucket ${bucket}`, () => s3.send(new sdk.CreateBucketCommand({
    Bucket: bucket, ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as never } }),
  })));
  changes.push(`created S3 bucket ${bucket}`);
  return true;
}

async function configureBucket(s3: S3Client, sdk: S3Sdk, s: S3BackendSettings, changes: Changes): Promise<void> {
  const Bucket = s.bucket;
  if (!s.skipVersioning) {
    const v = await call(`GetBucketVersioning ${Bucket}`, () => s3.send(new sdk.GetBucketVersioningCommand({ Bucket })));
    if (v.Status !== 'Enabled') {
      await call(`PutBucketVersioning ${Bucket}`, () => s3.send(new sdk.PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } })));
      changes.push(`enabled versioning on ${Bucket}`);
    }
  }
  if (!s.skipEncryption) {
    const rule = await s3.send(new sdk.GetBucketEncryptionCommand({ Bucket }))
      .then((r) => r.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault)
      .catch((e: unknown) => {
        if (errName(e) === 'ServerSideEncryptionConfigurationNotFoundError') return undefined;
        throw new Error(`GetBucketEncryption ${Bucket} failed: ${errName(e)}: ${(e as Error).message}`);
      });
    const wantKey = s.sseAlgorithm === 'aws:kms' ? s.kmsKeyId : undefined;
    if (rule?.SSEAlgorithm !== s.sseAlgorithm || (wantKey !== undefined && rule?.KMSMasterKeyID !== wantKey)) {
      await call(`PutBucketEncryption ${Bucket}`, () => s3.send(new sdk.PutBucketEncryptionCommand({
        Bucket,
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: s.sseAlgorithm as never, ...(wantKey ? { KMSMasterKeyID: wantKey } : {}) } }],
        },
      })));
      changes.push(`set default encryption ${s.sseAlgorithm} on ${Bucket}`);
    }
  }
  if (!s.skipPublicAccessBlocking) {
    const block = await s3.send(new sdk.GetPublicAccessBlockCommand({ Bucket }))
      .then((r) => r.PublicAccessBlockConfiguration)
      .catch((e: unknown) => {
        if (errName(e) === 'NoSuchPublicAccessBlockConfiguration') return undefined;
        throw new Error(`GetPublicAccessBlock ${Bucket} failed: ${errName(e)}: ${(e as Error).message}`);
      });
    const all = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
    if (!block || Object.keys(all).some((k) => block[k as keyof typeof all] !== true)) {
      await call(`PutPublicAccessBlock ${Bucket}`, () => s3.send(new sdk.PutPublicAccessBlockCommand({ Bucket, PublicAccessBlockConfiguration: all })));
      changes.push(`blocked public access to ${Bucket}`);
    }
  }
  if (!s.skipEnforcedTls) await ensurePolicyStatements(s3, sdk, Bucket, [tlsStatement(Bucket)], changes);
  await ensureBucketTags(s3, sdk, Bucket, s.bucketTags, changes);
}

/** Terragrunt's TLS-only statement: every request without TLS is denied. */
function tlsStatement(bucket: string): PolicyStatement {
  return {
    Sid: TLS_SID,
    Effect: 'Deny',
    Principal: { AWS: '*' },
    Action: 's3:*',
    Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

/** Add the statements whose Sid the bucket policy lacks (any other statement is kept). */
async function ensurePolicyStatements(s3: S3Client, sdk: S3Sdk, Bucket: string, wanted: PolicyStatement[], changes: Changes): Promise<void> {
  if (wanted.length === 0) return;
  const text = await s3.send(new sdk.GetBucketPolicyCommand({ Bucket }))
    .then((r) => r.Policy)
    .catch((e: unknown) => {
      if (errName(e) === 'NoSuchBucketPolicy') return undefined;
      throw new Error(`GetBucketPolicy ${Bucket} failed: ${errName(e)}: ${(e as Error).message}`);
    });
  const policy = text ? (JSON.parse(text) as { Version?: string; Statement?: PolicyStatement[] | PolicyStatement }) : { Version: '2012-10-17' };
  const statements = Array.isArray(policy.Statement) ? policy.Statement : policy.Statement ? [policy.Statement] : [];
  const missing = wanted.filter((w) => !statements.some((x) => x.Sid === w.Sid));
  if (missing.length === 0) return;
  const Policy = JSON.stringify({ ...policy, Statement: [...statements, ...missing] });
  await call(`PutBucketPolicy ${Bucket}`, () => s3.send(new sdk.PutBucketPolicyCommand({ Bucket, Policy })));
  changes.push(`bucket policy of ${Bucket}: ${missing.map((m) => (m.Sid === TLS_SID ? 'TLS required for every request' : 'S3 log delivery allowed')).join(', ')}`);
}

/** The tags asked for are on the bucket (other tags are kept). */
async function ensureBucketTags(s3: S3Client, sdk: S3Sdk, Bucket: string, tags: Record<string, string>, changes: Changes): Promise<void> {
  if (Object.keys(tags).length === 0) return;
  const have = await s3.send(new sdk.GetBucketTaggingCommand({ Bucket }))
    .then((r) => Object.fromEntries((r.TagSet ?? []).map((t) => [t.Key!, t.Value ?? ''])))
    .catch((e: unknown) => {
      if (errName(e) === 'NoSuchTagSet' || errName(e) === 'NoSuchTagSetError') return {} as Record<string, string>;
      throw new Error(`GetBucketTagging ${Bucket} failed: ${errName(e)}: ${(e as Error).message}`);
    });
  if (Object.entries(tags).every(([k, v]) => have[k] === v)) return;
  const merged = { ...have, ...tags };
  await call(`PutBucketTagging ${Bucket}`, () => s3.send(new sdk.PutBucketTaggingCommand({
    Bucket, Tagging: { TagSet: Object.entries(merged).map(([Key, Value]) => ({ Key, Value })) },
  })));
  changes.push(`tagged ${Bucket}`);
}

async function configureLogging(s3: S3Client, sdk: S3Sdk, s: S3BackendSettings, changes: Changes): Promise<void> {
  const { bucket: TargetBucket, prefix: TargetPrefix } = s.accessLogging!;
  const now = await call(`GetBucketLogging ${s.bucket}`, () => s3.send(new sdk.GetBucketLoggingCommand({ Bucket: s.bucket })));
  if (now.LoggingEnabled?.TargetBucket === TargetBucket && now.LoggingEnabled.TargetPrefix === TargetPrefix) return;
  await call(`PutBucketLogging ${s.bucket}`, () => s3.send(new sdk.PutBucketLoggingCommand({
    Bucket: s.bucket, BucketLoggingStatus: { LoggingEnabled: { TargetBucket, TargetPrefix } },
  })));
  changes.push(`logging access to ${s.bucket} into ${TargetBucket}/${TargetPrefix}`);
}

/** The lock table (LockID string hash key, on-demand billing), created when missing, then tagged. */
async function ensureLockTable(ddb: DynamoDBClient, sdk: DdbSdk, s: S3BackendSettings, changes: Changes): Promise<void> {
  const TableName = s.lockTable!;
  let table = await ddb.send(new sdk.DescribeTableCommand({ TableName })).then((r) => r.Table).catch((e: unknown) => {
    if (errName(e) === 'ResourceNotFoundException') return undefined;
    throw new Error(`DescribeTable ${TableName} failed: ${errName(e)}: ${(e as Error).message}`);
  });
  if (!table) {
    const tags = Object.entries(s.tableTags).map(([Key, Value]) => ({ Key, Value }));
    try {
      await ddb.send(new sdk.CreateTableCommand({
        TableName,
        AttributeDefinitions: [{ AttributeName: 'LockID', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'LockID', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        ...(s.enableLockTableEncryption ? { SSESpecification: { Enabled: true } } : {}),
        ...(tags.length > 0 ? { Tags: tags } : {}),
      }));
      changes.push(`created DynamoDB lock table ${TableName}`);
    } catch (e) {
      // Another unit (another bucket, the same table) is creating it right now: wait for it instead.
      if (errName(e) !== 'ResourceInUseException') throw new Error(`CreateTable ${TableName} failed: ${errName(e)}: ${(e as Error).message}`);
    }
    await sdk.waitUntilTableExists({ client: ddb, maxWaitTime: 300 }, { TableName });
    return;
  }
  if (s.enableLockTableEncryption && table.SSEDescription?.Status !== 'ENABLED' && table.SSEDescription?.Status !== 'ENABLING') {
    await call(`UpdateTable ${TableName}`, () => ddb.send(new sdk.UpdateTableCommand({ TableName, SSESpecification: { Enabled: true } })));
    changes.push(`enabled encryption on ${TableName}`);
  }
  if (Object.keys(s.tableTags).length > 0 && table.TableArn) {
    const have = await call(`ListTagsOfResource ${TableName}`, () => ddb.send(new sdk.ListTagsOfResourceCommand({ ResourceArn: table!.TableArn })));
    const current = Object.fromEntries((have.Tags ?? []).map((t) => [t.Key!, t.Value ?? '']));
    const missing = Object.entries(s.tableTags).filter(([k, v]) => current[k] !== v);
    if (missing.length > 0) {
      await call(`TagResource ${TableName}`, () => ddb.send(new sdk.TagResourceCommand({ ResourceArn: table!.TableArn, Tags: missing.map(([Key, Value]) => ({ Key, Value })) })));
      changes.push(`tagged ${TableName}`);
    }
  }
}

/** The unit's state object and its lock table digest item (`<bucket>/<key>-md5`), as Terragrunt's backend delete. */
export interface StateRef {
  key: string;
}

/**
 * Delete a unit's state: refused when the bucket is not versioned (the state could not be recovered) unless
 * `force`; each deletion only after `confirm` says yes. Returns what was deleted.
 */
export async function deleteS3State(s: S3BackendSettings, ref: StateRef, env: NodeJS.ProcessEnv, credentials: AwsCredentials | undefined,
  confirm: (question: string) => Promise<boolean>, force: boolean): Promise<Changes> {
  const { sdk: s3sdk, client: s3 } = await s3For(s, env, credentials);
  const deleted: Changes = [];
  try {
    if (!force) {
      const v = await call(`GetBucketVersioning ${s.bucket}`, () => s3.send(new s3sdk.GetBucketVersioningCommand({ Bucket: s.bucket })));
      if (v.Status !== 'Enabled') {
        throw new Error(`bucket ${s.bucket} is not versioned, refusing to delete backend state (its state could not be recovered); use --force to delete it anyway`);
      }
    }
    if (s.lockTable) {
      const item = `${s.bucket}/${ref.key}-md5`;
      if (await confirm(`DynamoDB table ${s.lockTable} key ${item} will be deleted. Do you want to continue?`)) {
        const { sdk: ddbsdk, client: ddb } = await dynamoFor(s, env, credentials);
        try {
          await call(`DeleteItem ${s.lockTable}`, () => ddb.send(new ddbsdk.DeleteItemCommand({ TableName: s.lockTable, Key: { LockID: { S: item } } })));
          deleted.push(`deleted ${item} from ${s.lockTable}`);
        } finally {
          ddb.destroy();
        }
      }
    }
    if (await confirm(`S3 bucket ${s.bucket} key ${ref.key} will be deleted. Do you want to continue?`)) {
      await call(`DeleteObject s3://${s.bucket}/${ref.key}`, () => s3.send(new s3sdk.DeleteObjectCommand({ Bucket: s.bucket, Key: ref.key })));
      deleted.push(`deleted s3://${s.bucket}/${ref.key}`);
    }
  } finally {
    s3.destroy();
  }
  return deleted;
}
