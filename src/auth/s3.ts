// Reading one object from S3 (a dependency's state), signed with the credentials it is given — a module's
// assumed role — or, without them, tgo's own chain. The SDK is imported on first use, so runs that never read
// state from S3 never load it.

import type { S3Client } from '@aws-sdk/client-s3';
import { envCredentials, withRetries, type AwsCredentials } from './sts.js';

export interface S3ObjectRef {
  bucket: string;
  key: string;
  region?: string;
  /** An endpoint URL (moto, MinIO, a VPC endpoint); path-style addressing with `pathStyle`. */
  endpoint?: string;
  pathStyle: boolean;
}

async function clientFor(ref: S3ObjectRef, env: NodeJS.ProcessEnv, credentials?: AwsCredentials): Promise<{ sdk: typeof import('@aws-sdk/client-s3'); client: S3Client }> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const sdk = await import('@aws-sdk/client-s3');
  const signWith = credentials ?? envCredentials(env);
  const client: S3Client = new sdk.S3Client({
    region: ref.region ?? 'us-east-1',
    maxAttempts: 3,
    retryMode: 'standard',
    forcePathStyle: ref.pathStyle,
    // State objects carry no checksum terraform asked for; validating one only when S3 sends it keeps older
    // S3-compatible stores readable.
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(ref.endpoint ? { endpoint: ref.endpoint } : {}),
    ...(signWith ? { credentials: signWith } : {}),
  });
  return { sdk, client };
}

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
