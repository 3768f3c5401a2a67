// The STS edge against the fault-injecting fake STS over real HTTP, with the real AWS SDK signing and retrying.
import { createServer, type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeSts, type FakeSts } from '../support/fake-sts.js';
import { createSts } from '../../src/auth/sts.js';
import { CredentialBroker } from '../../src/auth/credentials.js';

let fake: FakeSts;
beforeEach(async () => {
  fake = await startFakeSts();
});
afterEach(async () => {
  await fake.close();
});

const env = () => ({ AWS_ACCESS_KEY_ID: 'AKIABASE', AWS_SECRET_ACCESS_KEY: 'basesecret', AWS_ENDPOINT_URL_STS: fake.url, AWS_REGION: 'us-east-1' });
const role = (n: string | number) => `arn:aws:iam::111111111111:role/r${n}`;

describe('STS requests carry every parameter as sent', () => {
  it('AssumeRole: external ID, tags, transitive keys, source identity, policy and policy ARNs', async () => {
    const sts = await createSts({ env: env() });
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });
    const out = await sts.assumeRole({
      roleArn: role('x'), sessionName: 'ci-42', durationSeconds: 1800, externalId: 'ext-123', sourceIdentity: 'alice@example.com',
      tags: { team: 'platform', env: 'prod' }, transitiveTagKeys: ['team'], policy, policyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::111111111111:policy/b'],
    });
    expect(out.assumedRoleArn).toBe('arn:aws:sts::111111111111:assumed-role/rx/ci-42');
    const [call] = fake.callsOf('AssumeRole');
    expect(call!.accessKeyId).toBe('AKIABASE');
    expect(call!.params).toMatchObject({
      RoleArn: role('x'), RoleSessionName: 'ci-42', DurationSeconds: '1800', ExternalId: 'ext-123', SourceIdentity: 'alice@example.com', Policy: policy,
      'Tags.member.1.Key': 'team', 'Tags.member.1.Value': 'platform', 'Tags.member.2.Key': 'env', 'Tags.member.2.Value': 'prod',
      'TransitiveTagKeys.member.1': 'team',
      'PolicyArns.member.1.arn': 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'PolicyArns.member.2.arn': 'arn:aws:iam::111111111111:policy/b',
    });
  });

  it('MFA: GetSessionToken with the serial and code, then AssumeRole signed with that session and no code', async () => {
    const sts = await createSts({ env: env() });
    const session = await sts.getSessionToken('arn:aws:iam::111111111111:mfa/alice', '123456', 43200);
    await sts.assumeRole({ roleArn: role('x'), sessionName: 's1', durationSeconds: 3600, serialNumber: 'arn:aws:iam::111111111111:mfa/alice', signWith: session });
    const [gst] = fake.callsOf('GetSessionToken');
    expect(gst!.params).toMatchObject({ SerialNumber: 'arn:aws:iam::111111111111:mfa/alice', TokenCode: '123456', DurationSeconds: '43200' });
    expect(gst!.accessKeyId).toBe('AKIABASE');
    const [ar] = fake.callsOf('AssumeRole');
    expect(ar!.accessKeyId).toBe(session.accessKeyId);
    expect(ar!.params.TokenCode).toBeUndefined();
    expect(ar!.status).toBe(200);
  });
});

describe('retries', () => {
  it('a 50%-throttled STS: 30 distinct roles through the broker all succeed', async () => {
    fake.throttle(0.5, 7);
    const sts = await createSts({ env: env(), retryBaseMs: 50 });
    const broker = new CredentialBroker(async () => sts);
    const out = await Promise.all(Array.from({ length: 30 }, (_, i) => broker.assume({ roleArn: role(i), sessionName: 'sess', durationSeconds: 3600 })));
    expect(out).toHaveLength(30);
    const throttled = fake.calls.filter((c) => c.status === 400).length;
    const ok = fake.calls.filter((c) => c.status === 200).length;
    expect(ok).toBe(30);
    expect(throttled).toBeGreaterThan(5); // it really was throttled
  });

  it('persistent 500s exhaust into an error naming the role and the attempts', async () => {
    fake.failNext(10_000, 500, 'InternalFailure');
    const sts = await createSts({ env: env(), retryRounds: 3, retryBaseMs: 20 });
    const err = await sts.assumeRole({ roleArn: role('down'), sessionName: 'sess', durationSeconds: 3600 }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^AssumeRole arn:aws:iam::111111111111:role\/rdown failed: InternalFailure: .* \(gave up after 9 attempts\)$/);
    expect(fake.callsOf('AssumeRole')).toHaveLength(9);
  });

  // The README's "15 attempts whose backoff adds up to under 5 s" counts the SDK's own waits between its 3
  // attempts too: the real client against an endpoint that resets every connection, on a fake clock.
  it('an unreachable STS: 15 attempts, all backoff (tgo\'s and the SDK\'s) under 5 s (on a fake clock)', async () => {
    const attemptsAt: number[] = [];
    const server = createServer((socket) => {
      attemptsAt.push(Date.now());
      socket.resetAndDestroy();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999); // the longest jittered wait every time
    // Backoffs are the short timers (tgo's are at most 2 s, the SDK's 0.1 s); the SDK's per-request timers
    // (socket warnings, keep-alive) are 3 s and more. The clock only ever jumps to the next short timer, and
    // only once I/O has made the client wait on one, so a slow machine cannot move it further.
    const fakeSet = globalThis.setTimeout;
    const fakeClear = globalThis.clearTimeout;
    const backoffs = new Map<unknown, number>();
    globalThis.setTimeout = ((fn: () => void, ms = 0, ...rest: unknown[]) => {
      const id = fakeSet(() => {
        backoffs.delete(id);
        fn();
      }, ms, ...rest);
      if (ms < 2500) backoffs.set(id, Date.now() + ms);
      return id;
    }) as typeof setTimeout;
    globalThis.clearTimeout = ((id: Parameters<typeof clearTimeout>[0]) => {
      backoffs.delete(id);
      fakeClear(id);
    }) as typeof clearTimeout;
    try {
      const start = Date.now();
      const sts = await createSts({ env: { ...env(), AWS_ENDPOINT_URL_STS: url } });
      let settled = false;
      const p = sts.assumeRole({ roleArn: role('x'), sessionName: 'sess', durationSeconds: 3600 }).catch((e: Error) => e).finally(() => (settled = true));
      // Real sockets, fake timers: let I/O happen, then jump to the next timer (a backoff) until it gives up.
      while (!settled) {
        await new Promise((r) => setImmediate(r));
        if (backoffs.size > 0) await vi.advanceTimersByTimeAsync(Math.max(0, Math.min(...backoffs.values()) - Date.now()));
      }
      expect(((await p) as Error).message).toMatch(/STS is unreachable \(ECONNRESET: .*\(gave up after 15 attempts\)\)/);
      expect(attemptsAt).toHaveLength(15);
      expect(attemptsAt.at(-1)! - start).toBeLessThan(5000);
      // Not vacuous: the clock did move by tgo's 3.75 s of rounds at least.
      expect(attemptsAt.at(-1)! - start).toBeGreaterThan(3740);
    } finally {
      globalThis.setTimeout = fakeSet;
      globalThis.clearTimeout = fakeClear;
      vi.restoreAllMocks();
      vi.useRealTimers();
      await new Promise((r) => server.close(r));
    }
  });

  it('AccessDenied is not retried', async () => {
    fake.denyRole(role('nope'));
    const sts = await createSts({ env: env() });
    await expect(sts.assumeRole({ roleArn: role('nope'), sessionName: 'sess', durationSeconds: 3600 })).rejects.toThrow(/AccessDenied: User: arn:aws:iam::111111111111:user\/ci is not authorized/);
    expect(fake.callsOf('AssumeRole')).toHaveLength(1);
  });
});
