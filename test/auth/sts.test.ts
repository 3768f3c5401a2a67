// The STS edge against the fault-injecting fake STS over real HTTP, with the real AWS SDK signing and retrying.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeSts, type FakeSts } from '../support/fake-sts.js';
import { createSts, withRetries } from '../../src/auth/sts.js';
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

  it('an unreachable STS costs at most 3.75 s of tgo\'s backoff over its 5 rounds (on a fake clock)', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999); // the longest jittered wait every time
    try {
      const start = Date.now();
      const waitedAt: number[] = [];
      const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
      const p = withRetries(async () => {
        waitedAt.push(Date.now() - start);
        throw refused;
      }, 5, 250).catch((e: unknown) => e);
      await vi.runAllTimersAsync();
      expect(await p).toBe(refused);
      expect(waitedAt).toHaveLength(5);
      // Waits of up to 250, 500, 1000, 2000 ms (doubling, capped at 8x): 3.75 s in all, never more.
      expect(waitedAt.at(-1)).toBeLessThanOrEqual(3750);
      expect(waitedAt.at(-1)).toBeGreaterThan(3740);
    } finally {
      vi.restoreAllMocks();
      vi.useRealTimers();
    }
  });

  it('AccessDenied is not retried', async () => {
    fake.denyRole(role('nope'));
    const sts = await createSts({ env: env() });
    await expect(sts.assumeRole({ roleArn: role('nope'), sessionName: 'sess', durationSeconds: 3600 })).rejects.toThrow(/AccessDenied: User: arn:aws:iam::111111111111:user\/ci is not authorized/);
    expect(fake.callsOf('AssumeRole')).toHaveLength(1);
  });
});
