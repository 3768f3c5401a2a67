// The STS edge: the only module that talks to AWS. The SDK is imported on first use, so commands that need
// no role never pay for it. Base credentials are always tgo's own default chain (env keys, profile, SSO,
// web-identity env, container, IMDS) — never another module's assumed credentials.

import type { STSClient as STSClientType } from '@aws-sdk/client-sts';
import { CredentialsError } from '../errors.js';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

export interface AssumeRoleRequest {
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
  webIdentityToken?: string;
  externalId?: string;
  serialNumber?: string;
  tokenCode?: string;
  sourceIdentity?: string;
  policy?: string;
  policyArns?: string[];
  tags?: Record<string, string>;
  transitiveTagKeys?: string[];
  /** Credentials to sign with instead of the default chain (an MFA session). */
  signWith?: AwsCredentials;
}

export interface Sts {
  assumeRole(req: AssumeRoleRequest): Promise<{ credentials: AwsCredentials; assumedRoleArn: string }>;
  getSessionToken(serialNumber: string, tokenCode: string, durationSeconds: number): Promise<AwsCredentials>;
  callerIdentity(credentials?: AwsCredentials): Promise<CallerIdentity>;
}

export interface StsOptions {
  env: NodeJS.ProcessEnv;
  /** Attempts per call including the first (SDK retry with backoff and jitter on throttling and 5xx). */
  maxAttempts?: number;
}

/** Region for STS as Terragrunt picks it: AWS_REGION, then AWS_DEFAULT_REGION, then us-east-1. */
export function stsRegion(env: NodeJS.ProcessEnv): string {
  return env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1';
}

export async function createSts(opts: StsOptions): Promise<Sts> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const sdk = await import('@aws-sdk/client-sts');
  const region = stsRegion(opts.env);
  const common = { region, maxAttempts: opts.maxAttempts ?? 5, retryMode: 'adaptive' as const };
  let base: STSClientType | undefined;
  // Static keys in the environment win over AWS_PROFILE, as in the Go SDK that terraform and Terragrunt use
  // (the JS SDK's default chain would prefer the profile).
  const envKeys = opts.env.AWS_ACCESS_KEY_ID && opts.env.AWS_SECRET_ACCESS_KEY
    ? { accessKeyId: opts.env.AWS_ACCESS_KEY_ID, secretAccessKey: opts.env.AWS_SECRET_ACCESS_KEY, sessionToken: opts.env.AWS_SESSION_TOKEN || undefined }
    : undefined;
  const baseClient = () => (base ??= new sdk.STSClient(envKeys ? { ...common, credentials: envKeys } : common));
  const clientFor = (creds?: AwsCredentials) => (creds ? new sdk.STSClient({ ...common, credentials: creds }) : baseClient());
  const toCreds = (c: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string; Expiration?: Date } | undefined): AwsCredentials => {
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new CredentialsError('STS returned no credentials');
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
  };

  return {
    async assumeRole(req) {
      try {
        if (req.webIdentityToken) {
          const out = await baseClient().send(new sdk.AssumeRoleWithWebIdentityCommand({
            RoleArn: req.roleArn,
            RoleSessionName: req.sessionName,
            DurationSeconds: req.durationSeconds,
            WebIdentityToken: req.webIdentityToken,
            Policy: req.policy,
            PolicyArns: req.policyArns?.map((arn) => ({ arn })),
          }));
          return { credentials: toCreds(out.Credentials), assumedRoleArn: out.AssumedRoleUser?.Arn ?? req.roleArn };
        }
        const out = await clientFor(req.signWith).send(new sdk.AssumeRoleCommand({
          RoleArn: req.roleArn,
          RoleSessionName: req.sessionName,
          DurationSeconds: req.durationSeconds,
          ExternalId: req.externalId,
          SerialNumber: req.signWith ? undefined : req.serialNumber,
          TokenCode: req.signWith ? undefined : req.tokenCode,
          SourceIdentity: req.sourceIdentity,
          Policy: req.policy,
          PolicyArns: req.policyArns?.map((arn) => ({ arn })),
          Tags: req.tags ? Object.entries(req.tags).map(([Key, Value]) => ({ Key, Value })) : undefined,
          TransitiveTagKeys: req.transitiveTagKeys,
        }));
        return { credentials: toCreds(out.Credentials), assumedRoleArn: out.AssumedRoleUser?.Arn ?? req.roleArn };
      } catch (e) {
        throw explain(e, `${req.webIdentityToken ? 'AssumeRoleWithWebIdentity' : 'AssumeRole'} ${req.roleArn}`, req.roleArn);
      }
    },
    async getSessionToken(serialNumber, tokenCode, durationSeconds) {
      try {
        const out = await baseClient().send(new sdk.GetSessionTokenCommand({ SerialNumber: serialNumber, TokenCode: tokenCode, DurationSeconds: durationSeconds }));
        return toCreds(out.Credentials);
      } catch (e) {
        throw explain(e, `GetSessionToken with MFA device ${serialNumber}`);
      }
    },
    async callerIdentity(credentials) {
      try {
        const out = await clientFor(credentials).send(new sdk.GetCallerIdentityCommand({}));
        return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
      } catch (e) {
        throw explain(e, 'GetCallerIdentity');
      }
    },
  };
}

/** Turn an SDK error into one sentence a person can act on. */
function explain(e: unknown, what: string, roleArn?: string): CredentialsError {
  const err = e as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const code = err.name ?? 'Error';
  const msg = err.message ?? String(e);
  if (code === 'CredentialsProviderError') {
    return new CredentialsError(`${what} failed: no base AWS credentials found (set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or a web identity token): ${msg}`, roleArn, code);
  }
  if (code === 'ExpiredToken' || code === 'ExpiredTokenException' && !what.includes('WebIdentity')) {
    return new CredentialsError(`${what} failed: your base credentials expired (ExpiredToken: ${msg}); refresh them and run again`, roleArn, code);
  }
  if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'TimeoutError'].includes(err.code ?? code)) {
    return new CredentialsError(`${what} failed: STS is unreachable (${err.code ?? code}: ${msg})`, roleArn, err.code ?? code);
  }
  return new CredentialsError(`${what} failed: ${code}: ${msg}`, roleArn, code);
}
