// One STS call per distinct role session per run: a single-flight cache in front of STS. Modules that need the
// same role share one in-flight AssumeRole; cached credentials are handed out only while enough life remains
// (15 minutes, or half the lifetime for short sessions); STS calls are bounded so a wide run-all is not throttled.

import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import { ROLE_PARAM_LIST } from '../config/role-params.js';
import { singleFlight } from '../shared/single-flight.js';
import type { SecretRegistry } from './secrets.js';
import type { AssumeRoleRequest, AwsCredentials, Sts } from './sts.js';

export interface Issued {
  credentials: AwsCredentials;
  assumedRoleArn: string;
  /** True when served from the cache (or a shared in-flight call) rather than a new STS call. */
  cacheHit: boolean;
  /** When the STS call that produced these credentials started (ms since epoch). */
  issuedAt: number;
}

export interface BrokerOptions {
  /** Max STS calls in flight. */
  concurrency?: number;
  /** Issued secrets are registered here so every printed line can be redacted. */
  secrets?: SecretRegistry;
  now?: () => number;
  /** A background refresh failed (the cached credentials are still served while they last). */
  onRefreshError?: (req: AssumeRoleRequest, e: unknown) => void;
}

/** A duration derived from a session's issue time and expiry (so short test sessions scale down). */
export type SessionSpan = (issuedAt: number, expiration: Date | undefined) => number;

export interface AssumeOptions {
  /**
   * Start a background re-assume once the remaining life drops below the reuse margin plus this, so a
   * caller that keeps asking (the credential server) never waits for STS at the margin.
   */
  refreshAhead?: SessionSpan;
  /**
   * When a needed re-assume fails, keep serving the cached credentials while more than this is left
   * (instead of failing); default: never serve credentials past the reuse margin.
   */
  staleFloor?: SessionSpan;
}

const FIFTEEN_MINUTES = 15 * 60_000;

/** Minimum remaining life for reuse: 15 min, or half the original lifetime when that is shorter. */
export function reuseMargin(issuedAt: number, expiration: Date | undefined): number {
  if (!expiration) return 0;
  const lifetime = expiration.getTime() - issuedAt;
  return Math.min(FIFTEEN_MINUTES, lifetime / 2);
}

interface Settled {
  credentials: AwsCredentials;
  assumedRoleArn: string;
  issuedAt: number;
}

interface Entry {
  settled?: Settled;
  /** The STS call in flight for this key, shared by every caller. */
  inflight?: Promise<Settled>;
}

export class CredentialBroker {
  private readonly cache = new Map<string, Entry>();
  /** A failed attempt is not kept: the person may try again with the next code (a new run). */
  private readonly sessions = singleFlight<string, AwsCredentials>({ retryFailures: true });
  private readonly limit;
  private readonly now: () => number;
  private readonly secrets?: SecretRegistry;
  /** STS calls made, by kind (for --log-level debug and the benchmark). */
  readonly calls = { assumeRole: 0, getSessionToken: 0 };

  constructor(
    private readonly sts: () => Promise<Sts>,
    private readonly opts: BrokerOptions = {},
  ) {
    this.limit = pLimit(opts.concurrency ?? 8);
    this.now = opts.now ?? Date.now;
    this.secrets = opts.secrets;
  }

  private remaining(s: Settled): number {
    return s.credentials.expiration ? s.credentials.expiration.getTime() - this.now() : Infinity;
  }

  /** Start (or join) the STS call for `key`; on success it replaces the cached credentials. */
  private call(key: string, entry: Entry, req: AssumeRoleRequest): Promise<Settled> {
    if (entry.inflight) return entry.inflight;
    const p = this.limit(async () => {
      this.calls.assumeRole++;
      const sts = await this.sts();
      const issuedAt = this.now();
      const out = await sts.assumeRole(req);
      this.secrets?.add(out.credentials.secretAccessKey, out.credentials.sessionToken);
      return { ...out, issuedAt };
    });
    entry.inflight = p;
    p.then(
      (r) => {
        entry.settled = r;
        if (entry.inflight === p) entry.inflight = undefined;
      },
      () => {
        if (entry.inflight === p) entry.inflight = undefined;
        // A failure is not cached: a later module (or retry) may succeed.
        if (!entry.settled && this.cache.get(key) === entry) this.cache.delete(key);
      },
    );
    return p;
  }

  async assume(req: AssumeRoleRequest, o: AssumeOptions = {}): Promise<Issued> {
    const key = cacheKey(req);
    let entry = this.cache.get(key);
    if (!entry) {
      entry = {};
      this.cache.set(key, entry);
    }
    const cached = entry.settled;
    if (cached) {
      const left = this.remaining(cached);
      const margin = reuseMargin(cached.issuedAt, cached.credentials.expiration);
      if (left > margin) {
        if (o.refreshAhead && left <= margin + o.refreshAhead(cached.issuedAt, cached.credentials.expiration) && !entry.inflight) {
          this.call(key, entry, req).catch((e) => this.opts.onRefreshError?.(req, e));
        }
        return { ...cached, cacheHit: true };
      }
    } else if (entry.inflight) {
      return { ...(await entry.inflight), cacheHit: true };
    }
    const shared = !!entry.inflight;
    try {
      const r = await this.call(key, entry, req);
      return { ...r, cacheHit: shared };
    } catch (e) {
      if (cached && o.staleFloor && this.remaining(cached) > o.staleFloor(cached.issuedAt, cached.credentials.expiration)) {
        this.opts.onRefreshError?.(req, e);
        return { ...cached, cacheHit: true };
      }
      throw e;
    }
  }

  /**
   * An MFA session: one GetSessionToken per MFA device per run (a code is single-use), shared by every
   * role assumed with it. `code` is asked for only when the session is first needed.
   */
  mfaSession(serial: string, code: () => Promise<string>, durationSeconds: number): Promise<AwsCredentials> {
    return this.sessions(serial, async () => {
      const token = await code();
      this.secrets?.add(token);
      const sts = await this.sts();
      this.calls.getSessionToken++;
      const creds = await this.limit(() => sts.getSessionToken(serial, token, durationSeconds));
      this.secrets?.add(creds.secretAccessKey, creds.sessionToken);
      return creds;
    });
  }
}

/** Everything that makes two sessions different (every role parameter); secrets are hashed so the key never holds them. */
export function cacheKey(req: AssumeRoleRequest): string {
  const digest = (s: string | undefined) => (s ? createHash('sha256').update(s).digest('hex').slice(0, 16) : '');
  return JSON.stringify([
    req.signWith ? digest(req.signWith.accessKeyId) : 'default-chain',
    ...ROLE_PARAM_LIST.map((p) => {
      const v = (req as Record<string, unknown>)[p.request];
      if (v === undefined) return '';
      if (p.secret || p.hashed) return digest(String(v));
      // Tag order does not make a different session.
      return v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v).sort() : v;
    }),
  ]);
}
