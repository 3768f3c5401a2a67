// The AWS SDK clients tgo makes its own calls with (S3, DynamoDB, IAM; STS has its own edge in sts.ts), built
// in one place: the region, the SDK's standard retries, the endpoint and the signing keys — the credentials
// given (a module's assumed role) or else tgo's static env keys, with the SDK's default chain last. Each SDK
// package is imported on first use, so a run that never calls a service never loads its client.

import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { IAMClient } from '@aws-sdk/client-iam';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/**
 * The endpoint the environment configures for a service, as the AWS SDKs read it: AWS_ENDPOINT_URL_<SERVICE>,
 * then AWS_ENDPOINT_URL, both ignored with AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true. Read from the env tgo runs
 * with (the SDK would read process.env).
 */
export function configuredEndpoint(env: NodeJS.ProcessEnv, service: 'STS' | 'S3' | 'DYNAMODB' | 'IAM'): string | undefined {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true') return undefined;
  return env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL || undefined;
}

/** Region for STS as Terragrunt picks it: AWS_REGION, then AWS_DEFAULT_REGION, then us-east-1. */
export function stsRegion(env: NodeJS.ProcessEnv): string {
  return env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1';
}

/**
 * Static keys in the environment: they win over AWS_PROFILE, as in the Go SDK that terraform and Terragrunt use
 * (the JS SDK's default chain would prefer the profile). Undefined: the SDK's default chain decides.
 */
export function envCredentials(env: NodeJS.ProcessEnv): AwsCredentials | undefined {
  return env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
    ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN || undefined }
    : undefined;
}

export function quietSdk(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

interface ClientOptions {
  env: NodeJS.ProcessEnv;
  region: string;
  endpoint?: string;
  credentials?: AwsCredentials;
}

function common(o: ClientOptions) {
  quietSdk();
  const signWith = o.credentials ?? envCredentials(o.env);
  return {
    region: o.region,
    maxAttempts: 3,
    retryMode: 'standard' as const,
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    ...(signWith ? { credentials: signWith } : {}),
  };
}

export type S3Sdk = typeof import('@aws-sdk/client-s3');
export type DdbSdk = typeof import('@aws-sdk/client-dynamodb');
export type IamSdk = typeof import('@aws-sdk/client-iam');

export async function s3Client(o: ClientOptions & {
  pathStyle: boolean;
  /**
   * Validate response checksums only when S3 sends one the request asked for: objects tgo downloads (state,
   * sources) carry none terraform asked for, and older S3-compatible stores send none.
   */
  checksumWhenRequired?: boolean;
}): Promise<{ sdk: S3Sdk; client: S3Client }> {
  const sdk = await import('@aws-sdk/client-s3');
  const client: S3Client = new sdk.S3Client({
    ...common(o),
    forcePathStyle: o.pathStyle,
    ...(o.checksumWhenRequired ? { responseChecksumValidation: 'WHEN_REQUIRED' as const } : {}),
  });
  return { sdk, client };
}

export async function dynamoClient(o: ClientOptions): Promise<{ sdk: DdbSdk; client: DynamoDBClient }> {
  const sdk = await import('@aws-sdk/client-dynamodb');
  return { sdk, client: new sdk.DynamoDBClient(common(o)) };
}

/** IAM is global: the region only picks the partition (STS's region rules), the endpoint comes from the env. */
export async function iamClient(env: NodeJS.ProcessEnv, credentials?: AwsCredentials): Promise<{ sdk: IamSdk; client: IAMClient }> {
  const sdk = await import('@aws-sdk/client-iam');
  return { sdk, client: new sdk.IAMClient(common({ env, region: stsRegion(env), endpoint: configuredEndpoint(env, 'IAM'), credentials })) };
}
