/**
 * sops_decrypt_file through the sops program (Terragrunt's config_helpers.go sopsDecryptFile; its integration
 * tests TestSopsDecryptedCorrectly / TestSopsDecryptOnMissing use real keys we cannot have here). sops itself
 * is not installable on this machine, so a shell stand-in on PATH plays it: it logs who called it with which
 * arguments and, like sops with a KMS key only the target account's role may use, refuses tgo's own keys when
 * SOPS_NEEDS_ROLE is set. Roles come from the fault-injecting fake STS, which says which role a key belongs to.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFakeSts, type FakeSts } from '../support/fake-sts.js';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { baseEnv, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';

let sts: FakeSts;
let tf: FakeTerraform;
let sopsDir: string;
const cleanup: string[] = [];
const sopsLog = () => path.join(sopsDir, 'log');

beforeAll(async () => {
  sts = await startFakeSts();
  sopsDir = mkdtempSync(path.join(tmpdir(), 'tgo-sops-'));
  cleanup.push(sopsDir);
  // "Encrypted" files hold their plain text after an ENC: marker; the last argument is the file.
  writeFileSync(path.join(sopsDir, 'sops'), `#!/bin/sh
for last; do :; done
echo "$AWS_ACCESS_KEY_ID|$*" >> "${sopsLog()}"
if [ -n "$SOPS_NEEDS_ROLE" ] && [ -z "$AWS_SESSION_TOKEN" ]; then
  echo "Failed to get the data key required to decrypt the SOPS file." >&2
  exit 128
fi
sed 's/^ENC://' "$last"
`);
  chmodSync(path.join(sopsDir, 'sops'), 0o755);
});
afterAll(async () => {
  await sts?.close();
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});
beforeEach(async () => {
  writeFileSync(sopsLog(), '');
  tf = await makeFakeTerraform();
  cleanup.push(tf.dir);
});

const ROLE = (n: string, account = '222222222222') => `arn:aws:iam::${account}:role/${n}`;
const nodeDir = path.dirname(process.execPath);
const env = (extra: Record<string, string | undefined> = {}) => baseEnv({
  AWS_ACCESS_KEY_ID: 'AKIABASE', AWS_SECRET_ACCESS_KEY: 'basesecret', AWS_ENDPOINT_URL_STS: sts.url,
  PATH: `${sopsDir}:${nodeDir}:/usr/bin:/bin`, ...extra,
});
const run = (args: string[], cwd: string, extra: Record<string, string | undefined> = {}) =>
  tgo([...args, '--terragrunt-tfpath', tf.path, '--terragrunt-non-interactive'], { cwd, env: env(extra) });
const stack = (files: Record<string, string | object>) => {
  const d = writeStack(files);
  cleanup.push(d);
  return d;
};
const sopsCalls = () => readFileSync(sopsLog(), 'utf8').trim().split('\n').filter(Boolean).map((l) => {
  const [key, args] = l.split('|') as [string, string];
  return { key, args: args.split(' ') };
});
const varOf = (root: string, dir: string, name: string) =>
  tf.records().filter((r) => r.cwd === path.join(root, dir)).map((r) => r.env[`TF_VAR_${name}`]);

describe('sops_decrypt_file', () => {
  it('decrypts with the module\'s own role when only that role may use the key; the plain text is never printed', async () => {
    const unit = (role: string) => `iam_role = "${ROLE(role)}"
locals {
  secrets = yamldecode(sops_decrypt_file("secrets.enc.yaml"))
}
inputs = {
  password = local.secrets.password
}
`;
    const root = stack({
      'app/terragrunt.hcl': unit('app'), 'app/secrets.enc.yaml': 'ENC:password: app-s3cret\n', 'app/.terraform/keep': '',
      'db/terragrunt.hcl': unit('db'), 'db/secrets.enc.yaml': 'ENC:password: db-s3cret\n', 'db/.terraform/keep': '',
    });
    const r = await run(['run-all', 'plan'], root, { SOPS_NEEDS_ROLE: '1' });
    expect(r.code, r.stderr).toBe(0);
    expect(varOf(root, 'app', 'password')).toEqual(['app-s3cret']);
    expect(varOf(root, 'db', 'password')).toEqual(['db-s3cret']);
    // Each file was decrypted by a key STS issued for that module's role, with sops' own format flags.
    const decrypted = sopsCalls().filter((c) => c.key !== 'AKIABASE');
    expect(decrypted.map((c) => [sts.issued(c.key)?.roleArn, c.args.at(-1)]).sort()).toEqual([
      [ROLE('app'), path.join(root, 'app/secrets.enc.yaml')],
      [ROLE('db'), path.join(root, 'db/secrets.enc.yaml')],
    ]);
    for (const c of decrypted) expect(c.args.slice(0, -1)).toEqual(['--decrypt', '--input-type', 'yaml', '--output-type', 'yaml']);
    expect(r.stdout + r.stderr).not.toMatch(/s3cret/);
  });

  it('with keys tgo itself may use (age keys, the security account\'s KMS grant): one sops run per file per run', async () => {
    const unit = 'inputs = {\n  token = jsondecode(sops_decrypt_file("../shared/secrets.enc.json")).token\n}\n';
    const root = stack({
      'shared/secrets.enc.json': 'ENC:{"token": "t0ken"}\n',
      'a/terragrunt.hcl': unit, 'a/.terraform/keep': '',
      'b/terragrunt.hcl': unit, 'b/.terraform/keep': '',
    });
    const r = await run(['run-all', 'plan'], root, { SOPS_AGE_KEY_FILE: '/keys/age.txt' });
    expect(r.code, r.stderr).toBe(0);
    expect([...varOf(root, 'a', 'token'), ...varOf(root, 'b', 'token')]).toEqual(['t0ken', 't0ken']);
    expect(sopsCalls()).toEqual([{ key: 'AKIABASE', args: ['--decrypt', '--input-type', 'json', '--output-type', 'json', path.join(root, 'shared/secrets.enc.json')] }]);
  });

  it('a file nobody can decrypt: one error naming the file, the line and sops\' message; terraform never starts', async () => {
    const root = stack({
      'a/terragrunt.hcl': 'inputs = {\n  key = sops_decrypt_file("key.enc")\n}\n', 'a/key.enc': 'ENC:xyz', 'a/.terraform/keep': '',
    });
    const r = await run(['plan'], path.join(root, 'a'), { SOPS_NEEDS_ROLE: '1' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/terragrunt\.hcl:2\S*: inputs.*sops could not decrypt key\.enc \(exit code 128\): Failed to get the data key required to decrypt the SOPS file/);
    expect(tf.records()).toEqual([]);
    // binary is the format of any other extension, as sops picks it
    expect(sopsCalls().at(-1)?.args.slice(0, 5)).toEqual(['--decrypt', '--input-type', 'binary', '--output-type', 'binary']);
  });

  it('a failing decryption in a local nothing reads is still an error (Terragrunt evaluates every local)', async () => {
    const root = stack({ 'a/terragrunt.hcl': 'locals {\n  unused = sops_decrypt_file("x.enc.yaml")\n}\n', 'a/x.enc.yaml': 'ENC:x: 1\n', 'a/.terraform/keep': '' });
    const r = await run(['plan'], path.join(root, 'a'), { SOPS_NEEDS_ROLE: '1' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/terragrunt\.hcl:2\S*: locals\.unused.*sops could not decrypt x\.enc\.yaml \(exit code 128\)/);
    expect(tf.records()).toEqual([]);
  });

  it('without the sops program: a clear error naming the file and line, before any terraform', async () => {
    const root = stack({
      'a/terragrunt.hcl': 'locals {\n  s = sops_decrypt_file("s.enc.yaml")\n}\n', 'a/s.enc.yaml': 'ENC:x: 1\n', 'a/.terraform/keep': '',
      'b/terragrunt.hcl': '', 'b/.terraform/keep': '',
    });
    const r = await run(['run-all', 'plan'], root, { PATH: `${nodeDir}:/usr/bin:/bin` });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/a\/terragrunt\.hcl:2\S*: locals\.s.*the sops program is not installed/);
    expect(tf.records()).toEqual([]);
  });
});
