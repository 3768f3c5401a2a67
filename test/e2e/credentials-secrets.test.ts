/**
 * Provable hygiene: runs at debug level with every kind of secret tgo handles (base keys, role session keys
 * and tokens, an MFA code, a web identity token, credential-server tokens and the credentials it serves), then
 * a scan of every file under the stack (with .terragrunt-cache and .terraform), of tgo's temp dir and of the
 * captured output finds none of them; and no process's argv carried one while the fake terraforms ran
 * (/proc/<pid>/cmdline, sampled throughout the run).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFakeSts, type FakeSts } from '../support/fake-sts.js';
import { baseEnv, startTgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';

const BASE = { accessKeyId: 'AKIASECRETSBASE00001', secretAccessKey: 'base-secret-key-do-not-leak-0001', arn: 'arn:aws:iam::111111111111:user/ci' };
const MFA_CODE = '918273';
const WEB_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ3ZWItaWRlbnRpdHkifQ.c2lnbmF0dXJlLWRvLW5vdC1sZWFr';

/**
 * A "terraform" that does what careless code does: prints the secrets it can see (they must come out as ***),
 * fetches from the credential server when pointed at one, records what it saw for the test (outside the
 * stack), then (apply) stays until the test has sampled its argv and creates `release`.
 */
const SCRIPT = (out: string, release: string) => `#!/usr/bin/env node
'use strict';
const load = (m) => (typeof require === 'function' ? require(m) : process.getBuiltinModule(m));
const fs = load('node:fs');
const path = load('node:path');
const cmd = process.argv.slice(2).find((a) => !a.startsWith('-'));
(async () => {
  const seen = {};
  for (const k of ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CONTAINER_AUTHORIZATION_TOKEN']) if (process.env[k]) seen[k] = process.env[k];
  if (process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI) {
    const r = await fetch(process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI, { headers: { authorization: process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN } });
    const c = await r.json();
    seen.served = [c.SecretAccessKey, c.Token];
  }
  console.log('careless debug output: ' + JSON.stringify(seen));
  console.error('careless stderr: ' + Object.values(seen).flat().join(' '));
  fs.writeFileSync(path.join(${JSON.stringify(out)}, process.pid + '.json'), JSON.stringify(Object.values(seen).flat()));
  const giveUpAt = Date.now() + 120000; // only so that a test that never releases it cannot leave it behind
  if (cmd === 'apply') while (!fs.existsSync(${JSON.stringify(release)}) && Date.now() < giveUpAt) await new Promise((r) => setTimeout(r, 20));
})();
`;

let sts: FakeSts;
let work: string;
beforeAll(async () => {
  sts = await startFakeSts({ baseCredentials: [BASE] });
  work = mkdtempSync(path.join(tmpdir(), 'tgo-secrets-'));
});
afterAll(async () => {
  await sts?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/**
 * Every process's argv, sampled until `done` settles. Once it has seen `count` processes whose argv contains
 * `holding`, it creates `release` (those processes wait for it), so none can end unseen however slow the machine.
 */
async function sampleArgv(done: Promise<unknown>, hold: { holding: string; count: number; release: string }): Promise<Set<string>> {
  const seen = new Set<string>();
  const held = new Set<string>();
  let finished = false;
  void done.then(() => (finished = true));
  while (!finished) {
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
        seen.add(`${pid}: ${argv}`);
        if (argv.includes(hold.holding)) held.add(pid);
      } catch {
        /* gone */
      }
    }
    if (held.size >= hold.count && !existsSync(hold.release)) writeFileSync(hold.release, '');
    await new Promise((r) => setTimeout(r, 50));
  }
  return seen;
}

describe('secrets never reach argv, files or output', () => {
  it.each([
    ['static keys in the environment', false],
    ['the credential server', true],
  ])('%s', async (_name, server) => {
    const tag = server ? 'server' : 'static';
    const out = path.join(work, `seen-${tag}`);
    const tmp = path.join(work, `tmp-${tag}`);
    mkdirSync(out);
    mkdirSync(tmp);
    const tfPath = path.join(work, `terraform-${tag}`);
    const release = path.join(work, `sampled-${tag}`);
    writeFileSync(tfPath, SCRIPT(out, release));
    chmodSync(tfPath, 0o755);
    const tokenFile = path.join(work, 'web-identity.jwt'); // outside the stack, as a CI runner's token file is
    writeFileSync(tokenFile, `${WEB_TOKEN}\n`);
    const root = writeStack({
      'modules/net/main.tf': 'resource "terraform_data" "x" {}\n',
      'mfa/terragrunt.hcl': 'iam_role = "arn:aws:iam::111111111111:role/mfa"\niam_assume_role_mfa_serial = "arn:aws:iam::111111111111:mfa/ci"\n',
      'web/terragrunt.hcl': `iam_role = "arn:aws:iam::111111111111:role/web"\niam_web_identity_token = "${tokenFile}"\n`,
      'sourced/terragrunt.hcl': 'iam_role = "arn:aws:iam::111111111111:role/sourced"\niam_assume_role_session_tags = { team = "platform" }\nterraform {\n  source = "../modules/net"\n}\ninputs = { name = "sourced" }\n',
      'plain/terragrunt.hcl': '',
    }, path.join(work, `stack-${tag}`));

    const run = startTgo(['run-all', 'apply', '--terragrunt-non-interactive', '--terragrunt-tfpath', tfPath, '--terragrunt-log-level', 'debug',
      ...(server ? ['--iam-credential-server'] : [])], {
      cwd: root,
      env: baseEnv({ AWS_ACCESS_KEY_ID: BASE.accessKeyId, AWS_SECRET_ACCESS_KEY: BASE.secretAccessKey, AWS_ENDPOINT_URL_STS: sts.url, TGO_IAM_MFA_TOKEN: MFA_CODE, TMPDIR: tmp }),
    });
    const argvs = await sampleArgv(run.done, { holding: `${tfPath} apply`, count: 4, release });
    const r = await run.done;
    expect(r.code, r.stderr.slice(-3000)).toBe(0);

    // What the modules really saw: role session secrets, container tokens, served credentials.
    const seen = readdirSync(out).flatMap((f) => JSON.parse(readFileSync(path.join(out, f), 'utf8')) as string[]);
    const secrets = [...new Set([BASE.secretAccessKey, MFA_CODE, WEB_TOKEN, ...seen])];
    expect(seen.length).toBeGreaterThanOrEqual(6);
    if (server) expect(seen.some((s) => s.length >= 40 && !s.startsWith('FwoG'))).toBe(true); // container tokens were among them

    // The careless module output was redacted, and nothing else leaked in tgo's own lines.
    expect(r.stdout).toMatch(/careless debug output: \{"AWS_/);
    const output = r.stdout + r.stderr;
    for (const s of secrets) expect(output.includes(s), `output contains ${s.slice(0, 6)}…`).toBe(false);
    expect(output).toContain('***');

    // Files: the stack (with .terragrunt-cache and .terraform) and tgo's temp dir.
    expect(existsSync(path.join(root, 'sourced', '.terragrunt-cache'))).toBe(true);
    const files = [...filesUnder(root), ...filesUnder(tmp)];
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      if (statSync(f).size > 8 << 20) continue;
      const text = readFileSync(f, 'latin1');
      for (const s of secrets) expect(text.includes(s), `${path.relative(work, f)} contains a secret`).toBe(false);
    }

    // argv: the fake terraforms were sampled while they ran (4 applies, held until seen), and no process ever carried a secret.
    const applyPids = new Set([...argvs].filter((a) => a.includes(`${tfPath} apply`)).map((a) => a.split(':')[0]));
    expect(applyPids.size, [...argvs].filter((a) => a.includes(tfPath)).join('\n')).toBe(4);
    for (const a of argvs) for (const s of secrets) expect(a.includes(s), `argv "${a.slice(0, 80)}" contains a secret`).toBe(false);
  });
});
