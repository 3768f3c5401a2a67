// The STS edge: the only module that talks to AWS. The SDK is imported on first use, so commands that need
// no role never pay for it. Calls are signed with tgo's own default chain (env keys, profile, SSO,
// web-identity env, container, IMDS), an MFA session opened from it, or a module's --auth-provider-cmd
// credentials — never with another module's assumed role. Throttling and 5xx are retried with jittered backoff.

import type { STSClient as STSClientType } from '@aws-sdk/client-sts';
import { ROLE_PARAM_LIST, type RoleRequestFields } from '../config/role-params.js';
import { CredentialsError } from '../errors.js';
import { configuredEndpoint, envCredentials, quietSdk, stsRegion, type AwsCredentials } from './aws-clients.js';

export type { AwsCredentials };

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

/** One field per role parameter (src/config/role-params.ts), plus how the call is signed. */
export type AssumeRoleRequest = Partial<RoleRequestFields> & Pick<RoleRequestFields, 'roleArn' | 'sessionName' | 'durationSeconds'> & {
  tokenCode?: string;
  /** Credentials to sign with instead of the default chain (an MFA session, or a base source's credentials). */
  signWith?: AwsCredentials;
};

/** The STS API input for a request: each parameter the call takes, encoded as the table says. */
export function stsInput(req: AssumeRoleRequest, call: 'assumeRole' | 'webIdentity'): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const p of ROLE_PARAM_LIST) {
    if (p.sts.calls !== 'both' && p.sts.calls !== call) continue;
    const v = (req as Record<string, unknown>)[p.request];
    if (v !== undefined) input[p.sts.field] = p.sts.encode ? p.sts.encode(v) : v;
  }
  return input;
}

export interface Sts {
  assumeRole(req: AssumeRoleRequest): Promise<{ credentials: AwsCredentials; assumedRoleArn: string }>;
  getSessionToken(serialNumber: string, tokenCode: string, durationSeconds: number): Promise<AwsCredentials>;
  callerIdentity(credentials?: AwsCredentials): Promise<CallerIdentity>;
}

export interface StsOptions {
  env: NodeJS.ProcessEnv;
  /**
   * SDK attempts per round including the first (standard mode: exponential backoff with jitter). Not
   * 'adaptive': its client-side rate limiter collapses towards 0.5 requests/s under random throttling —
   * measured against the fake STS at 50% throttling, 30 roles took 68 s adaptive vs 3.7 s standard, with
   * the same 64 requests. tgo already bounds STS calls in flight (8) and makes one per role session.
   */
  maxAttempts?: number;
  /**
   * Rounds of SDK attempts for throttling/5xx/network errors. The SDK's own budget (a few attempts, and a
   * retry quota shared by the client) runs out quickly under a throttling storm; a few more jittered rounds
   * let a wide run-all through a 50% throttled STS instead of failing one module in three.
   */
  retryRounds?: number;
  /** First backoff between rounds; doubles per round, full jitter, capped at 8x. */
  retryBaseMs?: number;
}

const THROTTLING = new Set(['Throttling', 'ThrottlingException', 'ThrottledException', 'RequestLimitExceeded', 'TooManyRequestsException',
  'RequestThrottled', 'RequestThrottledException', 'SlowDown', 'PriorRequestNotComplete', 'EC2ThrottledException']);
const TRANSIENT = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException',
  'IDPCommunicationError', 'IDPCommunicationErrorException', 'InternalFailure', 'ServiceUnavailable', 'InternalError']);

/** Worth another round: throttling, 5xx, or a transient network failure. */
export function isRetryable(e: unknown): boolean {
  const err = e as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const status = err.$metadata?.httpStatusCode ?? 0;
  return THROTTLING.has(err.name ?? '') || TRANSIENT.has(err.name ?? '') || TRANSIENT.has(err.code ?? '') || status >= 500;
}

/** Run `fn` up to `rounds` times while it fails with a retryable error, sleeping with full jitter between. */
export async function withRetries<T>(fn: () => Promise<T>, rounds: number, baseMs: number): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await fn();
    } catch (e) {
      if (round >= rounds || !isRetryable(e)) {
        (e as { $rounds?: number }).$rounds = round;
        throw e;
      }
      const cap = baseMs * 2 ** Math.min(round - 1, 3);
      await new Promise((r) => setTimeout(r, Math.random() * cap));
    }
  }
}

export async function createSts(opts: StsOptions): Promise<Sts> {
  quietSdk();
  const sdk = await import('@aws-sdk/client-sts');
  const region = stsRegion(opts.env);
  const maxAttempts = opts.maxAttempts ?? 3;
  const endpoint = configuredEndpoint(opts.env, 'STS');
  const common = { region, maxAttempts, retryMode: 'standard' as const, ...(endpoint ? { endpoint } : {}) };
  const rounds = opts.retryRounds ?? 5;
  const baseMs = opts.retryBaseMs ?? 250;
  const retry = <T>(fn: () => Promise<T>) => withRetries(fn, rounds, baseMs);
  let base: STSClientType | undefined;
  const envKeys = envCredentials(opts.env);
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
          const input = stsInput(req, 'webIdentity') as unknown as ConstructorParameters<typeof sdk.AssumeRoleWithWebIdentityCommand>[0];
          const out = await retry(() => baseClient().send(new sdk.AssumeRoleWithWebIdentityCommand(input)));
          return { credentials: toCreds(out.Credentials), assumedRoleArn: out.AssumedRoleUser?.Arn ?? req.roleArn };
        }
        const client = clientFor(req.signWith);
        const input: Record<string, unknown> = { ...stsInput(req, 'assumeRole'), TokenCode: req.tokenCode };
        // Signed with an MFA session, the MFA is already in the signature: the device and code are not sent again.
        if (req.signWith) delete input.SerialNumber, delete input.TokenCode;
        const out = await retry(() => client.send(new sdk.AssumeRoleCommand(input as unknown as ConstructorParameters<typeof sdk.AssumeRoleCommand>[0])));
        return { credentials: toCreds(out.Credentials), assumedRoleArn: out.AssumedRoleUser?.Arn ?? req.roleArn };
      } catch (e) {
        throw explain(e, `${req.webIdentityToken ? 'AssumeRoleWithWebIdentity' : 'AssumeRole'} ${req.roleArn}`, req.roleArn);
      }
    },
    async getSessionToken(serialNumber, tokenCode, durationSeconds) {
      try {
        // No extra rounds (only the SDK's own attempts): an MFA code is single-use, and a 5xx may hide a call that consumed it.
        const out = await baseClient().send(new sdk.GetSessionTokenCommand({ SerialNumber: serialNumber, TokenCode: tokenCode, DurationSeconds: durationSeconds }));
        return toCreds(out.Credentials);
      } catch (e) {
        throw explain(e, `GetSessionToken with MFA device ${serialNumber}`);
      }
    },
    async callerIdentity(credentials) {
      try {
        const client = clientFor(credentials);
        const out = await retry(() => client.send(new sdk.GetCallerIdentityCommand({})));
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
  const attempts = (e as { $rounds?: number; $metadata?: { attempts?: number } });
  const tries = (attempts.$rounds ?? 1) * (attempts.$metadata?.attempts ?? 1);
  const msg = (err.message ?? String(e)) + (isRetryable(e) && tries > 1 ? ` (gave up after ${tries} attempts)` : '');
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
