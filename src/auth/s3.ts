// Reading one object from S3 (a dependency's state), signed with the credentials it is given — a module's
// assumed role — or, without them, tgo's own chain. The SDK is imported on first use, so runs that never read
// state from S3 never load it.

import { s3Client } from './aws-clients.js';
import { withRetries, type AwsCredentials } from './sts.js';

export interface S3ObjectRef {
  bucket: string;
  key: string;
  region?: string;
  /** An endpoint URL (moto, MinIO, a VPC endpoint); path-style addressing with `pathStyle`. */
  endpoint?: string;
  pathStyle: boolean;
}

/** A client for the object's bucket; source and state downloads skip checksum validation S3 was not asked for. */
const clientFor = (ref: S3ObjectRef, env: NodeJS.ProcessEnv, credentials?: AwsCredentials) =>
  s3Client({ env, region: ref.region ?? 'us-east-1', endpoint: ref.endpoint, pathStyle: ref.pathStyle, credentials, checksumWhenRequired: true });

/** The object's body as text, or undefined when there is no such object (NoSuchKey). */
export async function readS3Object(ref: S3ObjectRef, env: NodeJS.ProcessEnv, credentials?: AwsCredentials): Promise<string | undefined> {
  const body = await getS3Object(ref, env, credentials);
  return body && Buffer.from(body).toString('utf8');
}

/** The object's bytes (a given version with `version`), or undefined when there is no such object (NoSuchKey). */
export async function getS3Object(ref: S3ObjectRef & { version?: string }, env: NodeJS.ProcessEnv, credentials?: AwsCredentials): Promise<Uint8Array | undefined> {
  const { sdk, client } = await clientFor(ref, env, credentials);
  try {
    const out = await withRetries(() => client.send(new sdk.GetObjectCommand({ Bucket: ref.bucket, Key: ref.key, VersionId: ref.version })), 3, 250);
    return (await out.Body?.transformToByteArray()) ?? new Uint8Array();
  } catch (e) {
    const err = e as { name?: string };
    if (err.name === 'NoSuchKey') return undefined;
    throw new Error(`GetObject s3://${ref.bucket}/${ref.key} failed: ${err.name ?? 'Error'}: ${(e as Error).message}`);
  } finally {
    client.destroy();
  }
}

/** Every key under `ref.key` as a prefix (all pages). */
export async function listS3Keys(ref: S3ObjectRef, env: NodeJS.ProcessEnv, credentials?: AwsCredentials): Promise<string[]> {
  const { sdk, client } = await clientFor(ref, env, credentials);
  const keys: string[] = [];
  try {
    let token: string | undefined;
    do {
      const out = await withRetries(() => client.send(new sdk.ListObjectsV2Command({ Bucket: ref.bucket, Prefix: ref.key, ContinuationToken: token })), 3, 250);
      for (const o of out.Contents ?? []) if (o.Key) keys.push(o.Key);
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return keys;
  } catch (e) {
    throw new Error(`ListObjectsV2 s3://${ref.bucket}/${ref.key} failed: ${(e as { name?: string }).name ?? 'Error'}: ${(e as Error).message}`);
  } finally {
    client.destroy();
  }
}
