import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  GetSessionTokenCommand,
  STSClient,
  type STSClientConfig,
} from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSts, type FakeSts } from './fake-sts.js';

const BASE = { accessKeyId: 'AKIABASE', secretAccessKey: 'basesecret' };
const ROLE = 'arn:aws:iam::222222222222:role/deploy';

let sts: FakeSts;
const client = (credentials: STSClientConfig['credentials'] = BASE, extra: Partial<STSClientConfig> = {}) =>
  new STSClient({ region: 'us-east-1', endpoint: sts.url, credentials, ...extra });
const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as Error & { $metadata?: { httpStatusCode?: number; attempts?: number } };
  }
  throw new Error('expected the call to fail');
};
const assumeDeploy = (c = client(), extra: Record<string, unknown> = {}) =>
  c.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'tgo-test', ...extra }));

describe('fake STS with the real SDK', () => {
  beforeEach(async () => {
    sts = await startFakeSts();
  });
  afterEach(async () => {
    await sts.close();
  });

  it('listens on loopback', () => {
    expect(sts.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('AssumeRole issues credentials whose caller identity is the assumed role', async () => {
    const out = await assumeDeploy(client(), { DurationSeconds: 1800, ExternalId: 'ext-1' });
    const c = out.Credentials!;
    expect(c.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::222222222222:assumed-role/deploy/tgo-test');
    expect(out.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA\w+:tgo-test$/);
    expect(c.Expiration!.getTime() - Date.now()).toBeLessThanOrEqual(1801_000);
    // The requested lifetime, on the fake's clock (rounded up to whole seconds, as STS's answer has them).
    const lifetime = c.Expiration!.getTime() - sts.issued(c.AccessKeyId!)!.issuedAt.getTime();
    expect(lifetime).toBeGreaterThanOrEqual(1800_000);
    expect(lifetime).toBeLessThanOrEqual(1801_000);

    const me = await client({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! }).send(
      new GetCallerIdentityCommand({}),
    );
    expect(me.Arn).toBe('arn:aws:sts::222222222222:assumed-role/deploy/tgo-test');
    expect(me.Account).toBe('222222222222');

    expect(sts.issued(c.AccessKeyId!)).toEqual({ roleArn: ROLE, sessionName: 'tgo-test', expiration: c.Expiration, issuedAt: expect.any(Date) });
    expect(sts.issued('AKIABASE')).toBeUndefined();
    const [call] = sts.callsOf('AssumeRole');
    expect(call).toMatchObject({
      action: 'AssumeRole',
      accessKeyId: 'AKIABASE',
      status: 200,
      params: { RoleArn: ROLE, RoleSessionName: 'tgo-test', DurationSeconds: '1800', ExternalId: 'ext-1' },
    });
    expect(sts.calls.map((x) => x.action)).toEqual(['AssumeRole', 'GetCallerIdentity']);
  });

  it('records tags, policy arns and source identity as flat query params', async () => {
    await assumeDeploy(client(), {
      Tags: [{ Key: 'team', Value: 'infra' }],
      PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      SourceIdentity: 'alice',
    });
    expect(sts.calls[0]!.params).toMatchObject({
      'Tags.member.1.Key': 'team',
      'Tags.member.1.Value': 'infra',
      'PolicyArns.member.1.arn': 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      SourceIdentity: 'alice',
    });
  });

  it('base caller identity, and role chaining from issued credentials (capped at 1 h)', async () => {
    expect((await client().send(new GetCallerIdentityCommand({}))).Arn).toBe('arn:aws:iam::111111111111:user/ci');
    const first = (await assumeDeploy()).Credentials!;
    const chained = client({ accessKeyId: first.AccessKeyId!, secretAccessKey: first.SecretAccessKey!, sessionToken: first.SessionToken! });
    const second = await chained.send(
      new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::333333333333:role/app/reader', RoleSessionName: 'chain' }),
    );
    expect(second.AssumedRoleUser?.Arn).toBe('arn:aws:sts::333333333333:assumed-role/reader/chain');
    expect(sts.callsOf('AssumeRole')[1]!.accessKeyId).toBe(first.AccessKeyId);
    const err = await errorOf(
      chained.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'chain', DurationSeconds: 7200 })),
    );
    expect(err.name).toBe('ValidationError');
    expect(err.message).toMatch(/1 hour session limit/);
  });

  it('validates session name and duration', async () => {
    expect((await errorOf(assumeDeploy(client(), { RoleSessionName: 'has space' }))).name).toBe('ValidationError');
    expect((await errorOf(assumeDeploy(client(), { DurationSeconds: 60 }))).name).toBe('ValidationError');
    expect((await errorOf(assumeDeploy(client(), { DurationSeconds: 43201 }))).name).toBe('ValidationError');
  });

  it('MFA: a 6-digit TokenCode passes, anything else is AccessDenied', async () => {
    const serial = 'arn:aws:iam::111111111111:mfa/ci';
    await assumeDeploy(client(), { SerialNumber: serial, TokenCode: '123456' });
    const err = await errorOf(assumeDeploy(client(), { SerialNumber: serial, TokenCode: '12ab' }));
    expect(err.name).toBe('AccessDenied');
    expect(sts.calls[0]!.params).toMatchObject({ SerialNumber: serial, TokenCode: '123456' });
  });

  it('GetSessionToken credentials are accepted as callers with the base user arn', async () => {
    const s = (await client().send(new GetSessionTokenCommand({ SerialNumber: 'arn:aws:iam::111111111111:mfa/ci', TokenCode: '000000' })))
      .Credentials!;
    const sess = client({ accessKeyId: s.AccessKeyId!, secretAccessKey: s.SecretAccessKey!, sessionToken: s.SessionToken! });
    expect((await sess.send(new GetCallerIdentityCommand({}))).Arn).toBe('arn:aws:iam::111111111111:user/ci');
    expect((await assumeDeploy(sess)).AssumedRoleUser?.Arn).toContain('assumed-role/deploy');
  });

  it('AssumeRoleWithWebIdentity is unsigned and checks the token', async () => {
    const anon = client(async () => ({ accessKeyId: 'unused', secretAccessKey: 'unused' }));
    const ok = await anon.send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn: ROLE, RoleSessionName: 'gha', WebIdentityToken: 'eyJ.fake.jwt' }),
    );
    expect(ok.AssumedRoleUser?.Arn).toBe('arn:aws:sts::222222222222:assumed-role/deploy/gha');
    expect(sts.calls[0]!.accessKeyId).toBeUndefined();
    const web = (t: string) => anon.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: ROLE, RoleSessionName: 'gha', WebIdentityToken: t }));
    expect((await errorOf(web('expired'))).name).toBe('ExpiredTokenException');
    expect((await errorOf(web('bad'))).name).toBe('InvalidIdentityTokenException');
  });

  it('throttling at 100% makes the SDK give up after its retries with Throttling', async () => {
    sts.throttle(1);
    const err = await errorOf(assumeDeploy());
    expect(err.name).toBe('Throttling');
    expect(err.message).toBe('Rate exceeded');
    expect(err.$metadata?.attempts).toBe(3);
    expect(sts.calls.map((c) => c.status)).toEqual([400, 400, 400]);
    sts.throttle(0);
    await assumeDeploy();
  });

  it('partial throttling is deterministic for a seed', async () => {
    const pattern = async (seed: number) => {
      const s = await startFakeSts();
      s.throttle(0.5, seed);
      const c = new STSClient({ region: 'us-east-1', endpoint: s.url, credentials: BASE, maxAttempts: 1 });
      for (let i = 0; i < 12; i++) await c.send(new GetCallerIdentityCommand({})).catch(() => undefined);
      await s.close();
      return s.calls.map((x) => x.status).join(',');
    };
    const a = await pattern(7);
    expect(await pattern(7)).toBe(a);
    expect(a).toContain('200');
    expect(a).toContain('400');
  });

  it('failNext(2) fails twice with 500 and the SDK succeeds on the 3rd attempt', async () => {
    sts.failNext(2);
    const out = await assumeDeploy();
    expect(out.$metadata.attempts).toBe(3);
    expect(sts.calls.map((c) => c.status)).toEqual([500, 500, 200]);
  });

  it('failNext with a custom status and code', async () => {
    sts.failNext(1, 403, 'RegionDisabledException');
    expect((await errorOf(assumeDeploy())).name).toBe('RegionDisabledException');
  });

  it('denyRole → AccessDenied naming caller and role', async () => {
    sts.denyRole(ROLE);
    const err = await errorOf(assumeDeploy());
    expect(err.name).toBe('AccessDenied');
    expect(err.$metadata?.httpStatusCode).toBe(403);
    expect(err.message).toBe(`User: arn:aws:iam::111111111111:user/ci is not authorized to perform: sts:AssumeRole on resource: ${ROLE}`);
    sts.denyRole('arn:aws:iam::222222222222:role/other', 'custom words');
    expect((await errorOf(assumeDeploy(client(), { RoleArn: 'arn:aws:iam::222222222222:role/other' }))).message).toBe('custom words');
  });

  it('expired base credentials → ExpiredToken', async () => {
    sts.expireBaseCredentials('AKIABASE');
    const err = await errorOf(assumeDeploy());
    expect(err.name).toBe('ExpiredToken');
    expect(err.message).toBe('The security token included in the request is expired');
    expect(err.$metadata?.httpStatusCode).toBe(403);
  });

  it('seconds-long sessions expire', async () => {
    await sts.close();
    sts = await startFakeSts({ sessionSeconds: 1 });
    const c = (await assumeDeploy()).Credentials!;
    expect(c.Expiration!.getTime() - Date.now()).toBeLessThanOrEqual(2000);
    const temp = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
    await client(temp).send(new GetCallerIdentityCommand({}));
    await new Promise((r) => setTimeout(r, c.Expiration!.getTime() - Date.now() + 50));
    const err = await errorOf(client(temp).send(new GetCallerIdentityCommand({})));
    expect(err.name).toBe('ExpiredToken');
  });

  it('unreachable → connection refused', async () => {
    await assumeDeploy();
    await sts.unreachable();
    const err = await errorOf(assumeDeploy(client(BASE, { maxAttempts: 1 })));
    expect((err as Error & { code?: string }).code ?? err.name).toBe('ECONNREFUSED');
  });

  it('setDelay delays answers', async () => {
    sts.setDelay(300);
    const t = Date.now();
    await client().send(new GetCallerIdentityCommand({}));
    expect(Date.now() - t).toBeGreaterThanOrEqual(290);
  });

  it('signature verification rejects a wrong secret, unknown keys and stale session tokens', async () => {
    const wrong = await errorOf(assumeDeploy(client({ accessKeyId: 'AKIABASE', secretAccessKey: 'nope' })));
    expect(wrong.name).toBe('SignatureDoesNotMatch');
    expect(wrong.$metadata?.httpStatusCode).toBe(403);
    expect((await errorOf(assumeDeploy(client({ accessKeyId: 'AKIAWHO', secretAccessKey: 'x' })))).name).toBe('InvalidClientTokenId');
    expect((await errorOf(assumeDeploy(client({ ...BASE, sessionToken: 'stale' })))).name).toBe('InvalidClientTokenId');
  });

  it('verifySignatures: false skips only the signature check', async () => {
    await sts.close();
    sts = await startFakeSts({ verifySignatures: false, baseCredentials: [{ accessKeyId: 'AKIAX', secretAccessKey: 's', arn: 'arn:aws:iam::444444444444:user/x' }] });
    const me = await client({ accessKeyId: 'AKIAX', secretAccessKey: 'wrong' }).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe('arn:aws:iam::444444444444:user/x');
    expect((await errorOf(assumeDeploy(client({ accessKeyId: 'AKIABASE', secretAccessKey: 'basesecret' })))).name).toBe('InvalidClientTokenId');
  });

  it('answers the raw AWS XML shapes', async () => {
    const post = (body: string) =>
      fetch(sts.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const res = await post('Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=' + encodeURIComponent(ROLE) + '&RoleSessionName=s1&WebIdentityToken=abcd');
    const xml = await res.text();
    expect(xml).toMatch(
      /^<AssumeRoleWithWebIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><AssumeRoleWithWebIdentityResult>.*<\/AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/AssumeRoleWithWebIdentityResponse>$/,
    );
    const denied = await post('Action=GetCallerIdentity&Version=2011-06-15');
    expect(denied.status).toBe(403);
    expect(await denied.text()).toMatch(
      /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>MissingAuthenticationToken<\/Code><Message>[^<]+<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
    );
  });
});
