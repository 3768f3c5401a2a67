/**
 * moto as a real peer: one server for the whole file (start-up takes 1–2 s). Never skipped: without moto the
 * suite fails, saying so (CI checks for it up front in .ci/run).
 */
import { createHash, createHmac } from 'node:crypto';
import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
// Transitive dependency of @aws-sdk/client-sts (via @aws-sdk/core): the SDK's own signer, used here to sign S3.
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMoto, type Moto } from './moto.js';

const ACCOUNT = '123456789012';
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/** Minimal Checksum implementation over node:crypto for SignatureV4. */
class Sha256 {
  private h;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.h = secret ? createHmac('sha256', Buffer.from(secret as string)) : createHash('sha256');
  }
  update(data: string | ArrayBuffer | ArrayBufferView) {
    this.h.update(typeof data === 'string' ? data : Buffer.from(data as Uint8Array));
  }
  async digest() {
    return new Uint8Array(this.h.digest());
  }
  reset() {}
}
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

describe('moto peer (IAM-enforcing mode, patched launcher)', () => {
  let moto: Moto;
  let ci: { accessKeyId: string; secretAccessKey: string; arn: string };
  let deployer: string;
  let other: string;
  let gha: string;
  let guarded: string;
  const sts = (credentials: Creds) => new STSClient({ region: 'us-east-1', endpoint: moto.url, credentials, maxAttempts: 1 });
  const errorOf = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e as Error & { $metadata?: { httpStatusCode?: number } };
    }
    throw new Error('expected the call to fail');
  };
  /** A SigV4-signed S3 request (path-style) made with the SDK's signer and fetch. */
  const s3 = async (creds: Creds, method: string, bucket: string, key: string, query: Record<string, string> = {}, body?: string) => {
    const path = '/' + [bucket, ...(key ? key.split('/') : [])].map(rfc3986).join('/');
    const signer = new SignatureV4({ credentials: creds, region: 'us-east-1', service: 's3', sha256: Sha256, uriEscapePath: false });
    const signed = await signer.sign({
      method,
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: moto.port,
      path,
      query,
      headers: {
        host: `127.0.0.1:${moto.port}`,
        'x-amz-content-sha256': createHash('sha256').update(body ?? '').digest('hex'),
      },
      body,
    });
    const qs = Object.entries(query).map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&');
    const res = await fetch(`${moto.url}${path}${qs ? '?' + qs : ''}`, { method, headers: signed.headers, body });
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    const t0 = Date.now();
    moto = await startMoto();
    console.log(`moto ready on ${moto.url} in ${Date.now() - t0} ms`);
    ci = await moto.createUser('ci');
    deployer = await moto.createRole('deployer', [ci.arn]);
    other = await moto.createRole('other', [`arn:aws:iam::${ACCOUNT}:user/someone-else`]);
    guarded = await moto.createRole('guarded', [ci.arn], { externalId: 'ext-123' });
    gha = await moto.createRole('gha', [`arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`]);
    await moto.createBucket('tfstate');
    await moto.createLockTable('locks');
    await moto.enableAuth();
    await moto.startRecording();
  });
  afterAll(async () => {
    await moto?.close();
  });

  it('seeds a user with an access key and roles with ARNs', () => {
    expect(ci.accessKeyId).toMatch(/^AKIA/);
    expect(ci.secretAccessKey.length).toBeGreaterThan(20);
    expect(ci.arn).toBe(`arn:aws:iam::${ACCOUNT}:user/ci`);
    expect(deployer).toBe(`arn:aws:iam::${ACCOUNT}:role/deployer`);
  });

  it('a user key can AssumeRole a role that trusts it; the temp creds identify as the assumed role', async () => {
    expect((await sts(ci).send(new GetCallerIdentityCommand({}))).Arn).toBe(ci.arn);
    const out = await sts(ci).send(new AssumeRoleCommand({ RoleArn: deployer, RoleSessionName: 'ci-session' }));
    const c = out.Credentials!;
    expect(c.AccessKeyId).toMatch(/^ASIA/);
    const me = await sts({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! }).send(
      new GetCallerIdentityCommand({}),
    );
    expect(me.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/deployer/ci-session`);
  });

  it('AssumeRole of a role that does not trust the caller is AccessDenied', async () => {
    const err = await errorOf(sts(ci).send(new AssumeRoleCommand({ RoleArn: other, RoleSessionName: 'nope' })));
    expect(err.name).toBe('AccessDenied');
    expect(err.$metadata?.httpStatusCode).toBe(403);
  });

  it('ExternalId conditions are enforced (a wrong id is denied)', async () => {
    const assume = (ExternalId: string) => sts(ci).send(new AssumeRoleCommand({ RoleArn: guarded, RoleSessionName: 'ext', ExternalId }));
    expect((await errorOf(assume('wrong-id'))).name).toBe('AccessDenied');
    expect((await assume('ext-123')).AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/guarded/ext`);
  });

  it('a wrong secret is SignatureDoesNotMatch, an unknown key InvalidClientTokenId', async () => {
    expect((await errorOf(sts({ ...ci, secretAccessKey: 'wrong' }).send(new GetCallerIdentityCommand({})))).name).toBe(
      'SignatureDoesNotMatch',
    );
    expect((await errorOf(sts({ accessKeyId: 'AKIANOBODY', secretAccessKey: 'x' }).send(new GetCallerIdentityCommand({})))).name).toBe(
      'InvalidClientTokenId',
    );
  });

  it('an unsigned AssumeRoleWithWebIdentity works in enforcing mode (launcher patch 1)', async () => {
    const out = await sts({ accessKeyId: 'unused', secretAccessKey: 'unused' }).send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn: gha, RoleSessionName: 'gh-run', WebIdentityToken: 'header.payload.sig' }),
    );
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/gha/gh-run`);
  });

  it('S3 requests with percent-encoded paths and queries verify (launcher patch 2)', async () => {
    const c = (await sts(ci).send(new AssumeRoleCommand({ RoleArn: deployer, RoleSessionName: 's3-test' }))).Credentials!;
    const creds = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
    const key = 'env:/dir/a b+(c)é.tfstate';
    const put = await s3(creds, 'PUT', 'tfstate', key, {}, '{"version":4}');
    expect(put, put.text).toMatchObject({ status: 200 });
    const listed = await s3(creds, 'GET', 'tfstate', '', { 'list-type': '2', prefix: 'env:/' });
    expect(listed.status).toBe(200);
    expect(listed.text).toContain('<Key>env:/dir/a b+(c)é.tfstate</Key>');
    expect(await moto.listObjects('tfstate')).toEqual([key]);
    expect((await s3({ ...creds, secretAccessKey: 'wrong' }, 'GET', 'tfstate', key)).status).toBe(403);
  });

  it('DynamoDB helpers: scanTable / getItem (seeding runs with auth switched off and back on)', async () => {
    expect(await moto.scanTable('locks')).toEqual([]);
    expect(await moto.getItem('locks', { LockID: 'tfstate/a/terraform.tfstate' })).toBeUndefined();
    // auth is back on afterwards
    expect((await errorOf(sts({ accessKeyId: 'AKIANOBODY', secretAccessKey: 'x' }).send(new GetCallerIdentityCommand({})))).name).toBe(
      'InvalidClientTokenId',
    );
  });

  it('the recorder shows the STS calls with their callers', async () => {
    await moto.stopRecording();
    const calls = await moto.recordedStsCalls();
    const assumes = calls.filter((c) => c.action === 'AssumeRole');
    expect(assumes[0]).toMatchObject({
      accessKeyId: ci.accessKeyId,
      params: { Action: 'AssumeRole', RoleArn: deployer, RoleSessionName: 'ci-session' },
    });
    expect(assumes.some((c) => c.params.RoleArn === other)).toBe(true);
    expect(assumes.find((c) => c.params.RoleArn === guarded)?.params.ExternalId).toBe('wrong-id');
    const web = calls.find((c) => c.action === 'AssumeRoleWithWebIdentity');
    expect(web).toBeDefined();
    expect(web!.accessKeyId).toBeUndefined();
    expect(web!.params.WebIdentityToken).toBe('header.payload.sig');
    const ids = calls.filter((c) => c.action === 'GetCallerIdentity').map((c) => c.accessKeyId);
    expect(ids).toContain(ci.accessKeyId);
    expect(ids.some((id) => id?.startsWith('ASIA'))).toBe(true);
    expect(calls.every((c) => c.action !== 'PutObject' && c.action !== 'CreateTable')).toBe(true);
  });

  it('reset wipes state and switches auth off', async () => {
    await moto.reset();
    expect((await sts({ accessKeyId: 'AKIANOBODY', secretAccessKey: 'x' }).send(new GetCallerIdentityCommand({}))).Arn).toBe(
      `arn:aws:sts::${ACCOUNT}:user/moto`,
    );
    await expect(moto.listObjects('tfstate')).rejects.toThrow(/NoSuchBucket/);
  });
});
