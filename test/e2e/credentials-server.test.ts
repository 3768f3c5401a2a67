/**
 * The credential server through the real CLI: the fake STS issues 3-second sessions, and each module's
 * "terraform" is a small script that keeps calling STS with the AWS SDK's own container-credentials provider
 * until it has been handed SESSIONS different sessions. It must never see expired credentials, must outlive
 * several sessions, must only ever be its own role, and the server must be gone when the run ends.
 *
 * No assertion reads a stopwatch: freshness is judged against each session's own issue time and expiry
 * (the fake STS records them), and "re-assumed ahead of expiry, not per request" is judged by counting
 * AssumeRole calls against the sessions the module saw. A loaded machine only makes the run longer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFakeSts, type FakeSts } from '../support/fake-sts.js';
import { baseEnv, REPO, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';

interface Sample { at: number; keyId: string; leftMs: number; arn?: string; error?: string }
interface Report {
  module: string;
  staticKeys: string[];
  uri: string;
  tokenLength: number;
  noToken: number;
  wrongToken: number;
  samples: Sample[];
}

/** A fake terraform that, for `apply`, uses the SDK's default chain (→ the container provider) for SECONDS. */
const SCRIPT = `#!/usr/bin/env node
'use strict';
// Works whether node treats this extensionless file as CommonJS or as ESM.
const load = (m) => (typeof require === 'function' ? require(m) : process.getBuiltinModule(m));
const { createRequire } = load('node:module');
const fs = load('node:fs');
const path = load('node:path');
const req = createRequire(${JSON.stringify(path.join(REPO, 'package.json'))});
const { STSClient, GetCallerIdentityCommand } = req('@aws-sdk/client-sts');
const cmd = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (cmd !== 'apply') process.exit(0);
const module = path.basename(process.cwd());
const sessions = Number(process.env.TGO_TEST_SESSIONS);
const giveUpAt = Date.now() + Number(process.env.TGO_TEST_MAX_SECONDS) * 1000; // only so a broken server cannot hang the test
(async () => {
  const uri = process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
  const token = process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN || '';
  const report = {
    module, uri, tokenLength: token.length,
    staticKeys: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_PROFILE'].filter((k) => process.env[k]),
    noToken: (await fetch(uri)).status,
    wrongToken: (await fetch(uri, { headers: { authorization: token + 'x' } })).status,
    samples: [],
  };
  const client = new STSClient({ region: 'us-east-1' });
  const seen = new Set();
  while (seen.size < sessions && Date.now() < giveUpAt) {
    const at = Date.now();
    const c = await client.config.credentials();
    const s = { at, keyId: c.accessKeyId, leftMs: c.expiration.getTime() - at };
    seen.add(c.accessKeyId);
    try {
      s.arn = (await client.send(new GetCallerIdentityCommand({}))).Arn;
    } catch (e) {
      s.error = (e.name || 'Error') + ': ' + e.message;
    }
    report.samples.push(s);
    await new Promise((r) => setTimeout(r, 50));
  }
  fs.writeFileSync(path.join(process.env.TGO_TEST_OUT, module + '.json'), JSON.stringify(report));
  console.log(module + ': ' + report.samples.length + ' STS calls, ' + report.samples.filter((s) => s.error).length + ' errors');
})().catch((e) => { console.error(e); process.exit(1); });
`;

let sts: FakeSts;
let work: string;
beforeAll(async () => {
  sts = await startFakeSts({ sessionSeconds: 3 });
  work = mkdtempSync(path.join(tmpdir(), 'tgo-credsrv-'));
});
afterAll(async () => {
  await sts?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const ROLE = (n: string) => `arn:aws:iam::111111111111:role/${n}`;
const SESSIONS = 10;

describe('--iam-credential-server', () => {
  it('a fake terraform outliving its sessions never sees expired credentials, and only its own role', async () => {
    const tfPath = path.join(work, 'terraform');
    writeFileSync(tfPath, SCRIPT);
    chmodSync(tfPath, 0o755);
    const out = path.join(work, 'out');
    const root = writeStack({
      'app/terragrunt.hcl': `iam_role = "${ROLE('app')}"\n`,
      'db/terragrunt.hcl': `iam_role = "${ROLE('db')}"\n`,
    }, path.join(work, 'stack'));
    mkdirSync(out);

    const r = await tgo(['run-all', 'apply', '--terragrunt-non-interactive', '--terragrunt-no-auto-init', '--terragrunt-tfpath', tfPath, '--terragrunt-log-level', 'debug'], {
      cwd: root,
      env: baseEnv({
        AWS_ACCESS_KEY_ID: 'AKIABASE', AWS_SECRET_ACCESS_KEY: 'basesecret', AWS_PROFILE: 'dropped', AWS_ENDPOINT_URL_STS: sts.url,
        TGO_IAM_CREDENTIAL_SERVER: 'true', TGO_TEST_OUT: out, TGO_TEST_SESSIONS: String(SESSIONS), TGO_TEST_MAX_SECONDS: '150',
      }),
    });
    expect(r.code, r.stderr.slice(-3000)).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['app.json', 'db.json']);

    const assumes = sts.callsOf('AssumeRole');
    let samples = 0;
    for (const m of ['app', 'db']) {
      const rep = JSON.parse(readFileSync(path.join(out, `${m}.json`), 'utf8')) as Report;
      samples += rep.samples.length;
      // No static keys at all: only the endpoint and a token of its own.
      expect(rep.staticKeys).toEqual([]);
      expect(rep.uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/credentials$/);
      expect(rep.tokenLength).toBeGreaterThanOrEqual(40);
      expect(rep.noToken).toBe(403);
      expect(rep.wrongToken).toBe(403);
      // Never an error (ExpiredToken would be one), always its own role.
      expect(rep.samples.filter((s) => s.error)).toEqual([]);
      expect(new Set(rep.samples.map((s) => s.arn?.replace(/\/terragrunt-\d+$/, '')))).toEqual(new Set([`arn:aws:sts::111111111111:assumed-role/${m}`]));
      // It was handed SESSIONS sessions of its own role (it stops there; fewer means the server stopped refreshing).
      const keys = [...new Set(rep.samples.map((s) => s.keyId))];
      expect(keys.length).toBe(SESSIONS);
      const session = (k: string) => sts.issued(k)!;
      for (const k of keys) expect(session(k).roleArn).toBe(ROLE(m));
      // Never expired when handed over (the STS accepting every call below is the proof at the moment of use).
      // That the server hands out only sessions with over half their life left is its unit test's job
      // (test/auth/credential-server.test.ts): under load the SDK was seen handing the script credentials it
      // had fetched before the script asked, so their age at the server is not observable from this side.
      for (const s of rep.samples) expect(s.leftMs, `${s.keyId} with ${s.leftMs} ms left`).toBeGreaterThan(0);
      // It outlived its sessions: by its last call, at least 5 of the sessions it used had expired.
      const last = rep.samples.at(-1)!.at;
      expect(keys.filter((k) => session(k).expiration.getTime() < last).length).toBeGreaterThanOrEqual(5);
      // Re-assumed ahead of expiry, not per request: one AssumeRole per session it saw, plus at most the one
      // assumed while preparing the module (it may lapse before terraform first asks) and a last refresh that
      // landed after its final request; and sessions were served more than once each on the whole.
      const n = assumes.filter((c) => c.params.RoleArn === ROLE(m)).length;
      expect(n).toBeGreaterThanOrEqual(keys.length);
      expect(n).toBeLessThanOrEqual(keys.length + 2);
      expect(rep.samples.length).toBeGreaterThan(keys.length);
    }
    // Every STS call the modules made was accepted: no expired key was ever presented.
    const gci = sts.callsOf('GetCallerIdentity');
    expect(gci).toHaveLength(samples);
    expect(gci.filter((c) => c.status !== 200)).toEqual([]);
    for (const c of assumes) expect(c.accessKeyId).toBe('AKIABASE');

    // The debug line says so; the dropped profile is noted; the server is gone after the run.
    expect(r.stderr).toMatch(/DEBUG \[app\] role arn:aws:iam::111111111111:role\/app \(set by app\/terragrunt\.hcl:1\) via AssumeRole, served by the credential server/);
    expect(r.stderr).toMatch(/\[app\] removed AWS_PROFILE from the module's environment/);
    expect(r.stderr).toMatch(/DEBUG \[db\] credential server: new session for arn:aws:sts::111111111111:assumed-role\/db\/terragrunt-\d+, expires /);
    expect(r.stderr).toMatch(/credential server stopped: \d+ credential requests served, [1-9]\d* refused, 0 failed/);
    const rep = JSON.parse(readFileSync(path.join(out, 'app.json'), 'utf8')) as Report;
    await expect(fetch(rep.uri)).rejects.toThrow();
    console.log(`credential server: ${assumes.length} AssumeRole calls for 2 roles (${SESSIONS} 3-second sessions each seen); `
      + `${gci.length} GetCallerIdentity calls, all accepted`);
  }, 240_000);
});
