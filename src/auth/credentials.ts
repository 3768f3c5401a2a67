// One STS call per distinct role session per run: a single-flight cache in front of STS. Modules that need the
// same role share one in-flight AssumeRole; cached credentials are handed out only while enough life remains
// (15 minutes, or half the lifetime for short sessions); STS calls are bounded so a wide run-all is not throttled.

import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import type { SecretRegistry } from './secrets.js';
import type { AssumeRoleRequest, AwsCredentials, Sts } from './sts.js';

export interface Issued {
  credentials: AwsCredentials;
  assumedRoleArn: string;
  /** True when served from the cache (or a shared in-flight call) rather than a new STS call. */
  cacheHit: boolean;
}

export interface BrokerOptions {
  /** Max STS calls in flight. */
  concurrency?: number;
  /** Issued secrets are registered here so every printed line can be redacted. */
  secrets?: SecretRegistry;
  now?: () => number;
}

const FIFTEEN_MINUTES = 15 * 60_000;

/** Minimum remaining life for reuse: 15 min, or half the original lifetime when that is shorter. */
export function reuseMargin(issuedAt: number, expiration: Date | undefined): number {
  if (!expiration) return 0;
  const lifetime = expiration.getTime() - issuedAt;
  return Math.min(FIFTEEN_MINUTES, lifetime / 2);
}

interface Entry {
  promise: Promise<{ credentials: AwsCredentials; assumedRoleArn: string; issuedAt: number }>;
  settled?: { credentials: AwsCredentials; assumedRoleArn: string; issuedAt: number };
}

export class CredentialBroker {
  private readonly cache = new Map<string, Entry>();
  private readonly limit;
  private readonly now: () => number;
  private readonly secrets?: SecretRegistry;
  /** STS calls made, by kind (for --log-level debug and the benchmark). */
  readonly calls = { assumeRole: 0, getSessionToken: 0 };

  constructor(
    private readonly sts: () => Promise<Sts>,
    opts: BrokerOptions = {},
  ) {
    this.limit = pLimit(opts.concurrency ?? 8);
    this.now = opts.now ?? Date.now;
    this.secrets = opts.secrets;
  }

  async assume(req: AssumeRoleRequest): Promise<Issued> {
    const key = cacheKey(req);
    const entry = this.cache.get(key);
    if (entry) {
      if (!entry.settled) {
        const r = await entry.promise;
        return { credentials: r.credentials, assumedRoleArn: r.assumedRoleArn, cacheHit: true };
      }
      const { credentials, issuedAt } = entry.settled;
      const left = credentials.expiration ? credentials.expiration.getTime() - this.now() : Infinity;
      if (left > reuseMargin(issuedAt, credentials.expiration)) {
        return { credentials, assumedRoleArn: entry.settled.assumedRoleArn, cacheHit: true };
      }
    }
    const fresh: Entry = {
      promise: this.limit(async () => {
        this.calls.assumeRole++;
        const sts = await this.sts();
        const issuedAt = this.now();
        const out = await sts.assumeRole(req);
        this.secrets?.add(out.credentials.secretAccessKey, out.credentials.sessionToken);
        return { ...out, issuedAt };
      }),
    };
    this.cache.set(key, fresh);
    try {
      const r = await fresh.promise;
      fresh.settled = r;
      return { credentials: r.credentials, assumedRoleArn: r.assumedRoleArn, cacheHit: false };
    } catch (e) {
      // A failure is not cached: a later module (or retry) may succeed.
      if (this.cache.get(key) === fresh) this.cache.delete(key);
      throw e;
    }
  }
}

/** Everything that makes two sessions different; secrets are hashed so the key never holds them. */
export function cacheKey(req: AssumeRoleRequest): string {
  const digest = (s: string | undefined) => (s ? createHash('sha256').update(s).digest('hex').slice(0, 16) : '');
  return JSON.stringify([
    req.signWith ? digest(req.signWith.accessKeyId) : 'default-chain',
    req.roleArn,
    req.sessionName,
    req.durationSeconds,
    req.externalId ?? '',
    req.serialNumber ?? '',
    digest(req.webIdentityToken),
    digest(req.policy),
    req.policyArns ?? [],
    req.tags ? Object.entries(req.tags).sort() : [],
    req.transitiveTagKeys ?? [],
    req.sourceIdentity ?? '',
  ]);
}
