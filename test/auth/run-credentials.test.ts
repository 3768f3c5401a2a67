import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RunCredentials } from '../../src/auth/run-credentials.js';
import type { RoleSpec } from '../../src/auth/role.js';
import { SecretRegistry } from '../../src/auth/secrets.js';
import { applyCredentials } from '../../src/auth/env.js';
import type { AssumeRoleRequest, Sts } from '../../src/auth/sts.js';
import type { RunOptions } from '../../src/run/options.js';

function fakeSts() {
  const assumed: AssumeRoleRequest[] = [];
  let n = 0;
  const sts: Sts = {
    async assumeRole(req) {
      assumed.push(req);
      n++;
      return { credentials: { accessKeyId: `ASIA${n}`, secretAccessKey: `secret-${n}-xxxxxxxx`, sessionToken: `token-${n}-xxxxxxxx`, expiration: new Date(Date.now() + 3600_000) }, assumedRoleArn: req.roleArn };
    },
    async getSessionToken() {
      return { accessKeyId: 'ASIAMFA', secretAccessKey: 'mfa-secret-xxxxxxx', sessionToken: 'mfa-token-xxxxxxx', expiration: new Date(Date.now() + 3600_000) };
    },
    async callerIdentity() {
      return { account: '1', arn: 'a', userId: 'u' };
    },
  };
  return { sts, assumed };
}
const opts = (dir: string, extra: Partial<RunOptions> = {}): RunOptions => ({
  workingDir: dir, command: 'apply', args: [], parallelism: Infinity, nonInteractive: true, autoInit: false, logLevel: 'debug', role: {},
  env: { PATH: process.env.PATH, AWS_ACCESS_KEY_ID: 'AKIABASE', AWS_SECRET_ACCESS_KEY: 'base-secret-value' }, all: true, ...extra,
});
const role = (name: string, extra: Partial<RoleSpec> = {}): RoleSpec => ({
  roleArn: { value: `arn:aws:iam::111111111111:role/${name}`, source: { kind: 'file', name: 'iam_role', file: `${name}/terragrunt.hcl`, line: 1 } },
  duration: { value: 3600, source: { kind: 'default', name: 'iam_assume_role_duration' } },
  sessionName: { value: 'sess', source: { kind: 'default', name: 'iam_assume_role_session_name' } }, ...extra,
});

let rc: RunCredentials | undefined;
afterEach(async () => {
  await rc?.close();
  rc = undefined;
});

describe('RunCredentials', () => {
  it('credential server: a module with a role gets the endpoint and its own token; one without a role gets nothing', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tgo-rc-'));
    const { sts } = fakeSts();
    const secrets = new SecretRegistry();
    rc = new RunCredentials(opts(root, { credentialServer: true }), { sts: async () => sts, secrets, log: () => {} });
    await rc.prepare([role('a'), undefined]);
    const a = await rc.forModule(rc.ref(path.join(root, 'a')), role('a'));
    expect(a.facts!.via).toBe('AssumeRole, served by the credential server');
    const env: Record<string, string> = { AWS_ACCESS_KEY_ID: 'AKIABASE', AWS_SECRET_ACCESS_KEY: 'base-secret-value' };
    applyCredentials(env, a);
    expect(Object.keys(env).sort()).toEqual(['AWS_CONTAINER_AUTHORIZATION_TOKEN', 'AWS_CONTAINER_CREDENTIALS_FULL_URI']);
    const served = await (await fetch(env.AWS_CONTAINER_CREDENTIALS_FULL_URI!, { headers: { authorization: env.AWS_CONTAINER_AUTHORIZATION_TOKEN! } })).json() as { AccessKeyId: string };
    expect(served.AccessKeyId).toBe(a.credentials!.accessKeyId);
    expect(await rc.forModule(rc.ref(path.join(root, 'b')), undefined)).toEqual({ env: {} });
    // tgo's own base secret is registered too.
    expect(secrets.redact('base-secret-value')).toBe('***');
  });

  it('auth-provider-cmd static credentials stay static even with the server (they cannot be refreshed); awsRole ones are served', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tgo-rc-'));
    for (const m of ['static', 'role']) mkdirSync(path.join(root, m));
    const cmd = path.join(root, 'creds.sh');
    writeFileSync(cmd, `#!/bin/sh
if [ "$(basename "$PWD")" = static ]; then echo '{"awsCredentials":{"ACCESS_KEY_ID":"AKIAPROV","SECRET_ACCESS_KEY":"prov-secret-xx"},"envs":{"X":"1"}}';
else echo '{"awsRole":{"roleARN":"arn:aws:iam::1:role/prov"}}'; fi
`);
    chmodSync(cmd, 0o755);
    const { sts, assumed } = fakeSts();
    rc = new RunCredentials(opts(root, { credentialServer: true, authProviderCmd: cmd }), { sts: async () => sts, log: () => {} });
    await rc.prepare([]);
    const s = await rc.forModule(rc.ref(path.join(root, 'static')), undefined);
    expect(s).toMatchObject({ credentials: { accessKeyId: 'AKIAPROV' }, facts: { roleArn: '(static credentials)', via: 'auth-provider-cmd awsCredentials' } });
    const env: Record<string, string> = {};
    applyCredentials(env, s);
    expect(env.AWS_ACCESS_KEY_ID).toBe('AKIAPROV');
    expect(s.env).toEqual({ X: '1' });
    const r = await rc.forModule(rc.ref(path.join(root, 'role')), undefined);
    expect(r.facts!.via).toBe('auth-provider-cmd awsRole (AssumeRole), served by the credential server');
    expect(assumed[0]).toMatchObject({ roleArn: 'arn:aws:iam::1:role/prov', durationSeconds: 3600 });
    expect(assumed[0]!.signWith).toBeUndefined();
    // A module role on top of provider credentials is signed with them.
    await rc.forModule(rc.ref(path.join(root, 'static')), role('on-top'));
    expect(assumed.at(-1)).toMatchObject({ roleArn: 'arn:aws:iam::111111111111:role/on-top', signWith: { accessKeyId: 'AKIAPROV' } });
  });

  it('MFA: every role is signed with the one MFA session', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tgo-rc-'));
    const { sts, assumed } = fakeSts();
    const mfa = { mfaSerial: { value: 'arn:aws:iam::111111111111:mfa/ci', source: { kind: 'flag' as const, name: '--iam-mfa-serial' } } };
    rc = new RunCredentials(opts(root, { mfaToken: '123456' }), { sts: async () => sts, log: () => {} });
    await rc.prepare([role('a', mfa), role('b', mfa)]);
    await rc.forModule(rc.ref(path.join(root, 'a')), role('a', mfa));
    const b = await rc.forModule(rc.ref(path.join(root, 'b')), role('b', mfa));
    expect(assumed.map((x) => x.signWith?.accessKeyId)).toEqual(['ASIAMFA', 'ASIAMFA']);
    expect(b.facts!.via).toBe('AssumeRole with the MFA session of arn:aws:iam::111111111111:mfa/ci');
  });
});
