import { describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AuthProvider, parseAuthProviderOutput, shellWords } from '../../src/auth/auth-provider-cmd.js';
import { SecretRegistry } from '../../src/auth/secrets.js';

describe('shellWords', () => {
  it.each([
    ['get-creds', ['get-creds']],
    ['  a   b\tc ', ['a', 'b', 'c']],
    [`a "b c" 'd e' f\\ g`, ['a', 'b c', 'd e', 'f g']],
    [`"x\\"y" 'a\\b' ""`, ['x"y', 'a\\b', '']],
  ])('%j', (line, words) => expect(shellWords(line)).toEqual(words));
  it('an unterminated quote is an error', () => expect(() => shellWords('a "b')).toThrow(/unterminated " quote/));
});

describe('parsing the command output', () => {
  const CMD = './creds.sh --env prod';
  it('awsCredentials win over awsRole; envs come along; every secret is registered', () => {
    const secrets = new SecretRegistry();
    const r = parseAuthProviderOutput(CMD, JSON.stringify({
      awsCredentials: { ACCESS_KEY_ID: 'AKIAPROVIDED', SECRET_ACCESS_KEY: 'provided-secret-1', SESSION_TOKEN: 'provided-token-1' },
      awsRole: { roleARN: 'arn:aws:iam::1:role/ignored' },
      envs: { GITHUB_TOKEN: 'ghp_provided_token', REGION_NAME: 'eu-west-1-long' },
    }), secrets);
    expect(r).toEqual({ credentials: { accessKeyId: 'AKIAPROVIDED', secretAccessKey: 'provided-secret-1', sessionToken: 'provided-token-1' }, envs: { GITHUB_TOKEN: 'ghp_provided_token', REGION_NAME: 'eu-west-1-long' } });
    expect(secrets.redact('provided-secret-1 provided-token-1 ghp_provided_token eu-west-1-long')).toBe('*** *** *** eu-west-1-long');
  });
  it('awsRole with defaults left unset, and its web identity token registered', () => {
    const secrets = new SecretRegistry();
    const r = parseAuthProviderOutput(CMD, '{"awsRole":{"roleARN":"arn:aws:iam::1:role/r","webIdentityToken":"eyJ.web.identity"}}', secrets);
    expect(r.role).toEqual({ roleArn: 'arn:aws:iam::1:role/r', sessionName: undefined, durationSeconds: undefined, webIdentityToken: 'eyJ.web.identity' });
    expect(secrets.redact('eyJ.web.identity')).toBe('***');
    expect(parseAuthProviderOutput(CMD, '{"envs":{}}')).toEqual({ envs: {} });
  });
  it.each([
    ['', /auth provider command \.\/creds\.sh --env prod completed successfully, but printed no JSON on stdout/],
    ['  \n', /printed no JSON/],
    ['not json', /auth provider command \.\/creds\.sh --env prod printed invalid JSON/],
    ['[1,2]', /must print a JSON object/],
    ['{"awsCredentials":{"ACCESS_KEY_ID":"A"}}', /awsCredentials lacks SECRET_ACCESS_KEY/],
    ['{"awsRole":{"roleSessionName":"x"}}', /awsRole lacks roleARN/],
    ['{"awsRole":{"roleARN":"arn:aws:iam::1:role/r","duration":"1h"}}', /duration must be a whole number/],
    ['{"envs":{"A":1}}', /envs\.A must be a string/],
  ])('%j is an error naming the command', (out, msg) => expect(() => parseAuthProviderOutput(CMD, out)).toThrow(msg));
});

describe('running it', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tgo-authcmd-'));
  const script = path.join(dir, 'creds.sh');
  writeFileSync(script, `#!/bin/sh
echo "$PWD" >> "${dir}/runs.log"
echo "working in $PWD" >&2
if [ -f fail ]; then echo "cannot log in" >&2; exit 3; fi
printf '{"awsCredentials":{"ACCESS_KEY_ID":"AKIA%s","SECRET_ACCESS_KEY":"secret-for-%s"},"envs":{"FROM":"%s"}}' "$(basename "$PWD")" "$(basename "$PWD")" "$1"
`);
  chmodSync(script, 0o755);

  it('once per module directory, in that directory, with its arguments, however many ask', async () => {
    const a = mkdtempSync(path.join(dir, 'a-'));
    const b = mkdtempSync(path.join(dir, 'b-'));
    const stderr: string[] = [];
    const p = new AuthProvider(`${script} "arg one"`, { env: process.env, onStderr: (d, l) => stderr.push(`${path.basename(d)}: ${l}`) });
    const results = await Promise.all([a, b, a, a, b].map((d) => p.forModule(d)));
    expect(p.runs).toBe(2);
    expect(results[0]!.credentials!.accessKeyId).toBe(`AKIA${path.basename(a)}`);
    expect(results[1]!.credentials!.accessKeyId).toBe(`AKIA${path.basename(b)}`);
    expect(results[0]!.envs).toEqual({ FROM: 'arg one' });
    expect(readFileSync(path.join(dir, 'runs.log'), 'utf8').trim().split('\n').sort()).toEqual([a, b].sort());
    expect(stderr.sort()).toEqual([`${path.basename(a)}: working in ${a}`, `${path.basename(b)}: working in ${b}`].sort());
  });

  it('a failing command is an error naming it, with the tail of its stderr', async () => {
    const c = mkdtempSync(path.join(dir, 'c-'));
    writeFileSync(path.join(c, 'fail'), '');
    const p = new AuthProvider(script, { env: process.env });
    await expect(p.forModule(c)).rejects.toThrow(`auth provider command ${script} failed: exit code 3: working in ${c} | cannot log in`);
    await expect(new AuthProvider('/nonexistent/creds', { env: process.env }).forModule(c)).rejects.toThrow(/auth provider command \/nonexistent\/creds failed: command not found/);
  });
});
