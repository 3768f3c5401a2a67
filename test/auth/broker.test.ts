import { describe, expect, it } from 'vitest';
import { CredentialBroker, cacheKey } from '../../src/auth/credentials.js';
import { serveFloor } from '../../src/auth/credential-server.js';
import { SecretRegistry } from '../../src/auth/secrets.js';
import type { AssumeRoleRequest, AwsCredentials, Sts } from '../../src/auth/sts.js';

/** An in-memory STS: counts calls, issues sessions of `lifetimeMs` on a controllable clock, can fail. */
function memorySts(clock: { now: number }, o: { lifetimeMs?: number; delayMs?: number } = {}) {
  const log: AssumeRoleRequest[] = [];
  const sessions: Array<{ serial: string; code: string }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let failWith: Error | undefined;
  let n = 0;
  const sts: Sts = {
    async assumeRole(req) {
      log.push(req);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, o.delayMs ?? 5));
      inFlight--;
      if (failWith) throw failWith;
      n++;
      return {
        credentials: { accessKeyId: `ASIA${n}`, secretAccessKey: `secret-${n}-xxxxxxxx`, sessionToken: `token-${n}-xxxxxxxx`, expiration: new Date(clock.now + (o.lifetimeMs ?? 3600_000)) },
        assumedRoleArn: req.roleArn,
      };
    },
    async getSessionToken(serial, code) {
      sessions.push({ serial, code });
      await new Promise((r) => setTimeout(r, 5));
      if (failWith) throw failWith;
      return { accessKeyId: 'ASIAMFA', secretAccessKey: 'mfa-secret-xxxxxxxx', sessionToken: 'mfa-token-xxxxxxxx', expiration: new Date(clock.now + 12 * 3600_000) };
    },
    async callerIdentity() {
      return { account: '1', arn: 'a', userId: 'u' };
    },
  };
  return {
    sts, log, sessions,
    get maxInFlight() { return maxInFlight; },
    /** AssumeRole calls that have returned credentials. */
    get issued() { return n; },
    fail(e: Error | undefined) { failWith = e; },
  };
}

const req = (role: string, extra: Partial<AssumeRoleRequest> = {}): AssumeRoleRequest =>
  ({ roleArn: `arn:aws:iam::111111111111:role/${role}`, sessionName: 's', durationSeconds: 3600, ...extra });

describe('CredentialBroker', () => {
  it('200 concurrent modules over 3 roles: exactly 3 AssumeRole calls, at most 8 in flight', async () => {
    const clock = { now: Date.now() };
    const m = memorySts(clock, { delayMs: 30 });
    const broker = new CredentialBroker(async () => m.sts, { now: () => clock.now });
    const issued = await Promise.all(Array.from({ length: 200 }, (_, i) => broker.assume(req(`r${i % 3}`))));
    expect(m.log).toHaveLength(3);
    expect(broker.calls.assumeRole).toBe(3);
    expect(issued.filter((x) => !x.cacheHit)).toHaveLength(3);
    // Everyone with the same role got the same session.
    expect(new Set(issued.map((x) => x.credentials.accessKeyId)).size).toBe(3);

    const many = new CredentialBroker(async () => m.sts);
    await Promise.all(Array.from({ length: 40 }, (_, i) => many.assume(req(`distinct-${i}`))));
    expect(m.maxInFlight).toBeLessThanOrEqual(8);
    expect(m.maxInFlight).toBeGreaterThan(1);
  });

  it('every AssumeRole parameter, the signing session and the MFA serial make a different session', async () => {
    const base = req('r');
    const variants: AssumeRoleRequest[] = [
      base,
      { ...base, sessionName: 'other' },
      { ...base, durationSeconds: 900 },
      { ...base, externalId: 'ext-1' },
      { ...base, externalId: 'ext-2' },
      { ...base, tags: { team: 'a' } },
      { ...base, tags: { team: 'b' } },
      { ...base, transitiveTagKeys: ['team'] },
      { ...base, sourceIdentity: 'alice' },
      { ...base, policy: '{"a":1}' },
      { ...base, policyArns: ['arn:aws:iam::aws:policy/A'] },
      { ...base, serialNumber: 'arn:aws:iam::1:mfa/a' },
      { ...base, signWith: { accessKeyId: 'ASIAMFA1', secretAccessKey: 'x' } },
      { ...base, signWith: { accessKeyId: 'ASIAMFA2', secretAccessKey: 'x' } },
      { ...base, webIdentityToken: 'jwt-1' },
    ];
    expect(new Set(variants.map(cacheKey)).size).toBe(variants.length);
    // Tag order does not matter; secrets never appear in the key.
    expect(cacheKey({ ...base, tags: { a: '1', b: '2' } })).toBe(cacheKey({ ...base, tags: { b: '2', a: '1' } }));
    const k = cacheKey({ ...base, webIdentityToken: 'super-secret-jwt', policy: '{"secret-policy":1}', signWith: { accessKeyId: 'AKIA', secretAccessKey: 'signing-secret' } });
    expect(k).not.toMatch(/super-secret-jwt|secret-policy|signing-secret/);
  });

  it('reuses a session while more than 15 minutes (or half a short lifetime) is left, then assumes again', async () => {
    const clock = { now: 1_000_000 };
    const m = memorySts(clock);
    const broker = new CredentialBroker(async () => m.sts, { now: () => clock.now });
    const first = await broker.assume(req('r'));
    clock.now += 44 * 60_000; // 16 min left
    expect((await broker.assume(req('r'))).credentials).toBe(first.credentials);
    clock.now += 2 * 60_000; // 14 min left
    const second = await broker.assume(req('r'));
    expect(second.cacheHit).toBe(false);
    expect(second.credentials.accessKeyId).not.toBe(first.credentials.accessKeyId);
    expect(m.log).toHaveLength(2);

    const shortClock = { now: 1_000_000 };
    const s = memorySts(shortClock, { lifetimeMs: 60_000 });
    const b2 = new CredentialBroker(async () => s.sts, { now: () => shortClock.now });
    const a = await b2.assume(req('r'));
    shortClock.now += 29_000;
    expect((await b2.assume(req('r'))).credentials).toBe(a.credentials);
    shortClock.now += 2_000; // 29 s of 60 left: under half
    expect((await b2.assume(req('r'))).credentials).not.toBe(a.credentials);
  });

  it('refresh-ahead: serves the cached session at once and re-assumes in the background', async () => {
    const clock = { now: 1_000_000 };
    const m = memorySts(clock, { lifetimeMs: 60_000 });
    const broker = new CredentialBroker(async () => m.sts, { now: () => clock.now });
    const first = await broker.assume(req('r'));
    const ahead = () => 10_000;
    clock.now += 15_000; // 45 s left: margin 30 + 10 not reached
    await broker.assume(req('r'), { refreshAhead: ahead });
    expect(m.log).toHaveLength(1);
    clock.now += 10_000; // 35 s left: inside margin + ahead
    const served = await broker.assume(req('r'), { refreshAhead: ahead });
    expect(served.credentials).toBe(first.credentials);
    // Wait for the background re-assume to complete (event-loop turns, not a sleep; 100k turns outlast its 5 ms).
    for (let turn = 0; m.issued < 2 && turn < 100_000; turn++) await new Promise((r) => setImmediate(r));
    expect(m.log).toHaveLength(2);
    expect((await broker.assume(req('r'))).credentials.accessKeyId).not.toBe(first.credentials.accessKeyId);
  });

  it('a failed re-assume keeps serving the current session only above the floor, and failures are not cached', async () => {
    const clock = { now: 1_000_000 };
    const m = memorySts(clock, { lifetimeMs: 60_000 });
    const errors: unknown[] = [];
    const broker = new CredentialBroker(async () => m.sts, { now: () => clock.now, onRefreshError: (_r, e) => errors.push(e) });
    const first = await broker.assume(req('r'));
    m.fail(new Error('Throttling: Rate exceeded'));
    clock.now += 35_000; // 25 s left: past the 30 s margin and under the 30 s floor (half the lifetime)
    await expect(broker.assume(req('r'), { staleFloor: serveFloor })).rejects.toThrow(/Rate exceeded/);
    const lenient = () => 10_000;
    const stale = await broker.assume(req('r'), { staleFloor: lenient });
    expect(stale.credentials).toBe(first.credentials);
    expect(errors).toHaveLength(1);
    clock.now += 20_000; // 5 s left: below any floor
    await expect(broker.assume(req('r'), { staleFloor: lenient })).rejects.toThrow(/Rate exceeded/);
    m.fail(undefined);
    expect((await broker.assume(req('r'))).cacheHit).toBe(false);

    const fresh = new CredentialBroker(async () => m.sts);
    m.fail(new Error('AccessDenied'));
    await expect(fresh.assume(req('x'))).rejects.toThrow(/AccessDenied/);
    m.fail(undefined);
    await expect(fresh.assume(req('x'))).resolves.toMatchObject({ cacheHit: false });
  });

  it('one MFA session per device: the code is asked once, GetSessionToken called once, secrets registered', async () => {
    const clock = { now: Date.now() };
    const m = memorySts(clock);
    const secrets = new SecretRegistry();
    const broker = new CredentialBroker(async () => m.sts, { secrets });
    let asked = 0;
    const code = async () => {
      asked++;
      return '123456';
    };
    const sessions = await Promise.all(Array.from({ length: 20 }, () => broker.mfaSession('arn:aws:iam::1:mfa/alice', code, 43200)));
    expect(asked).toBe(1);
    expect(m.sessions).toEqual([{ serial: 'arn:aws:iam::1:mfa/alice', code: '123456' }]);
    expect(broker.calls.getSessionToken).toBe(1);
    expect(new Set(sessions).size).toBe(1);
    expect(secrets.redact('mfa-secret-xxxxxxxx mfa-token-xxxxxxxx')).toBe('*** ***');
    // Secrets of assumed sessions are registered too.
    const issued = await broker.assume(req('r', { signWith: sessions[0] as AwsCredentials }));
    expect(secrets.redact(`${issued.credentials.secretAccessKey}`)).toBe('***');
  });
});
