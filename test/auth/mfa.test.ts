import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { CredentialBroker } from '../../src/auth/credentials.js';
import { MfaSessions, mfaSerials } from '../../src/auth/mfa.js';
import { ttyPrompt } from '../../src/cli/prompt.js';
import type { RoleSpec } from '../../src/auth/role.js';
import type { Sts } from '../../src/auth/sts.js';
import { UsageError } from '../../src/errors.js';
import type { Provenance } from '../../src/shared/provenance.js';

const hcl = (file: string, line: number): Provenance => ({ kind: 'file', name: 'iam_assume_role_mfa_serial', file, line });
const FLAG: Provenance = { kind: 'flag', name: '--iam-mfa-serial' };

function sts() {
  const calls: Array<{ serial: string; code: string; duration: number }> = [];
  const s: Sts = {
    assumeRole: async () => { throw new Error('unused'); },
    getSessionToken: async (serial, code, duration) => {
      calls.push({ serial, code, duration });
      return { accessKeyId: `ASIA-${serial.slice(-5)}`, secretAccessKey: 'x'.repeat(20), sessionToken: 't'.repeat(20), expiration: new Date(Date.now() + 3600_000) };
    },
    callerIdentity: async () => ({ account: '', arn: '', userId: '' }),
  };
  return { s, calls };
}
const role = (serial?: string, source: Provenance = { kind: 'file', name: 'iam_assume_role_mfa_serial', file: 'app/terragrunt.hcl', line: 3 }): RoleSpec => ({
  roleArn: { value: 'arn:aws:iam::1:role/r', source: { kind: 'flag', name: 'x' } }, duration: { value: 3600, source: { kind: 'default', name: 'd' } },
  sessionName: { value: 's', source: { kind: 'default', name: 's' } },
  ...(serial ? { mfaSerial: { value: serial, source } } : {}),
});
const ALICE = 'arn:aws:iam::111111111111:mfa/alice';
const BOB = 'arn:aws:iam::111111111111:mfa/bob';

describe('MFA sessions', () => {
  it('distinct devices from the roles, first source wins', () => {
    const m = mfaSerials([role(ALICE, hcl('a.hcl', 1)), role(), undefined, role(ALICE, hcl('b.hcl', 2)), role(BOB, FLAG)]);
    expect([...m.entries()]).toEqual([[ALICE, { value: ALICE, source: hcl('a.hcl', 1) }], [BOB, { value: BOB, source: FLAG }]]);
  });

  it('with --iam-mfa-token: one GetSessionToken, 12-hour session, no prompt', async () => {
    const { s, calls } = sts();
    const mfa = new MfaSessions(new CredentialBroker(async () => s), { token: ' 123456 ', prompt: async () => { throw new Error('must not prompt'); } });
    await mfa.prepare(mfaSerials([role(ALICE), role(ALICE)]));
    await Promise.all([mfa.session(ALICE), mfa.session(ALICE)]);
    expect(calls).toEqual([{ serial: ALICE, code: '123456', duration: 43200 }]);
  });

  it('prompts once per device, before anything runs', async () => {
    const { s, calls } = sts();
    const asked: string[] = [];
    const mfa = new MfaSessions(new CredentialBroker(async () => s), { prompt: async (serial) => { asked.push(serial); return serial === ALICE ? '111111' : '222222'; } });
    await mfa.prepare(mfaSerials([role(ALICE), role(BOB), role(ALICE)]));
    await mfa.session(BOB);
    expect(asked).toEqual([ALICE, BOB]);
    expect(calls.map((c) => c.code)).toEqual(['111111', '222222']);
  });

  it('no terminal and no token: a usage error naming the device and where it was set, and no STS call', async () => {
    const { s, calls } = sts();
    const mfa = new MfaSessions(new CredentialBroker(async () => s), {});
    const e = await mfa.prepare(mfaSerials([role(ALICE, hcl('prod/terragrunt.hcl', 7))])).catch((x: Error) => x);
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message).toBe(`MFA device ${ALICE} (set by prod/terragrunt.hcl:7) needs a code and there is no terminal to ask on: pass --iam-mfa-token or set TGO_IAM_MFA_TOKEN.`);
    expect(calls).toEqual([]);
    await expect(new MfaSessions(new CredentialBroker(async () => s), {}).prepare(new Map())).resolves.toBeUndefined();
  });

  it('a malformed code, or one code for two devices, is refused up front', async () => {
    const { s, calls } = sts();
    await expect(new MfaSessions(new CredentialBroker(async () => s), { token: '12345' }).prepare(mfaSerials([role(ALICE)]))).rejects.toThrow(/6-digit code/);
    await expect(new MfaSessions(new CredentialBroker(async () => s), { token: '123456' }).prepare(mfaSerials([role(ALICE), role(BOB)]))).rejects.toThrow(/gives one code, but the roles need 2 MFA devices/);
    await expect(new MfaSessions(new CredentialBroker(async () => s), { prompt: async () => 'abc' }).prepare(mfaSerials([role(ALICE)]))).rejects.toThrow(/must be 6 digits/);
    expect(calls).toEqual([]);
  });

  it('the terminal prompt: undefined without a TTY; with one, asks on it and reads one line', async () => {
    expect(ttyPrompt(new PassThrough(), new PassThrough())).toBeUndefined();
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const output = new PassThrough();
    let shown = '';
    output.on('data', (d: Buffer) => (shown += d.toString()));
    const prompt = ttyPrompt(input, output)!;
    const answer = prompt(ALICE);
    input.write('654321\n');
    await expect(answer).resolves.toBe('654321');
    expect(shown).toContain(`MFA code for ${ALICE}: `);
  });
});
