/**
 * Credentials beyond Terragrunt, through the real CLI with the fake terraform and the fault-injecting fake
 * STS: one AssumeRole per role session for a 200-module run (plus one GetSessionToken with MFA), the extra
 * AssumeRole parameters reaching STS as sent, validation before any call, MFA without a terminal, throttling
 * and 5xx, --auth-provider-cmd, get_aws_* answering for the right identity, and the hard-coded-credentials
 * warning.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFakeSts, type FakeSts } from '../support/fake-sts.js';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { baseEnv, TGO, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';

let sts: FakeSts;
let tf: FakeTerraform;
const cleanup: string[] = [];

beforeAll(async () => {
  sts = await startFakeSts();
});
afterAll(async () => {
  await sts?.close();
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});
beforeEach(async () => {
  sts.calls.length = 0;
  sts.throttle(0);
  sts.failNext(0);
  tf = await makeFakeTerraform();
  cleanup.push(tf.dir);
});

const ROLE = (n: string, account = '111111111111') => `arn:aws:iam::${account}:role/${n}`;
const env = (extra: Record<string, string | undefined> = {}) => baseEnv({
  AWS_ACCESS_KEY_ID: 'AKIABASE', AWS_SECRET_ACCESS_KEY: 'basesecret', AWS_ENDPOINT_URL_STS: sts.url, ...extra,
});
const run = (args: string[], cwd: string, extra: Record<string, string | undefined> = {}) =>
  tgo([...args, '--terragrunt-tfpath', tf.path, '--terragrunt-non-interactive'], { cwd, env: env(extra) });
const stack = (files: Record<string, string | object>) => {
  const d = writeStack(files);
  cleanup.push(d);
  return d;
};
/** The debug line of each module: `role … (set by …) via …, session …, expires …, cache hit|new STS call`. */
const credentialLines = (stderr: string) => stderr.split('\n').filter((l) => /^DEBUG \[[^\]]+\] role /.test(l));

describe('one STS call per role session', () => {
  // 200 modules over 3 roles; the second hundred read the first hundred's outputs (with those modules' roles).
  const files: Record<string, string | object> = {};
  for (let i = 0; i < 200; i++) {
    const name = `m${String(i).padStart(3, '0')}`;
    const dep = i >= 100 ? `dependency "up" {\n  config_path = "../m${String(i - 100).padStart(3, '0')}"\n}\ninputs = { up = dependency.up.outputs.id }\n` : '';
    files[`${name}/terragrunt.hcl`] = `iam_role = "${ROLE(`r${i % 3}`)}"\n${dep}`;
    files[`${name}/.terraform/keep`] = '';
  }

  /**
   * A shell "terraform" for these 600 invocations (a node one costs ~50 ms of CPU each): logs command, dir
   * and the credentials it got; `output -json` prints the module's name as output `id`.
   */
  interface Rec { argv0: string; cwd: string; accessKeyId: string; up: string }
  function shellTerraform(): { path: string; records(): Rec[] } {
    const dir = mkdtempSync(path.join(tmpdir(), 'tgo-sh-tf-'));
    cleanup.push(dir);
    const log = path.join(dir, 'log');
    const p = path.join(dir, 'terraform');
    writeFileSync(p, `#!/bin/sh
echo "$1|$PWD|$AWS_ACCESS_KEY_ID|$TF_VAR_up" >> "${log}"
if [ "$1" = output ]; then printf '{"id":{"sensitive":false,"type":"string","value":"%s"}}\\n' "$(basename "$PWD")"; fi
`);
    chmodSync(p, 0o755);
    writeFileSync(log, '');
    return {
      path: p,
      records: () => readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => {
        const [argv0, cwd, accessKeyId, up] = l.split('|') as [string, string, string, string];
        return { argv0, cwd, accessKeyId, up };
      }),
    };
  }

  it('200 modules over 3 roles: exactly 3 AssumeRole calls, dependency outputs read with each dependency\'s role', async () => {
    const root = stack(files);
    const sh = shellTerraform();
    const r = await tgo(['run-all', 'apply', '--terragrunt-log-level', 'debug', '--terragrunt-parallelism', '32', '--terragrunt-tfpath', sh.path, '--terragrunt-non-interactive'], { cwd: root, env: env() });
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    expect(sts.callsOf('AssumeRole')).toHaveLength(3);
    expect(sts.callsOf('AssumeRole').map((c) => c.params.RoleArn).sort()).toEqual([ROLE('r0'), ROLE('r1'), ROLE('r2')]);
    expect(sts.callsOf('GetSessionToken')).toHaveLength(0);
    expect(sts.calls.filter((c) => c.action !== 'AssumeRole')).toHaveLength(0);

    const recs = sh.records();
    const applies = recs.filter((x) => x.argv0 === 'apply');
    expect(applies).toHaveLength(200);
    // Every module ran with its own role's session.
    for (const a of applies) {
      const i = Number(path.basename(a.cwd).slice(1));
      expect(sts.issued(a.accessKeyId)!.roleArn).toBe(ROLE(`r${i % 3}`));
      expect(a.up).toBe(i >= 100 ? `m${String(i - 100).padStart(3, '0')}` : '');
    }
    const outputs = recs.filter((x) => x.argv0 === 'output');
    expect(outputs).toHaveLength(100);
    for (const o of outputs) expect(sts.issued(o.accessKeyId)!.roleArn).toBe(ROLE(`r${Number(path.basename(o.cwd).slice(1)) % 3}`));

    // One debug line per module run and per dependency read: 3 new STS calls, the rest cache hits.
    const lines = credentialLines(r.stderr);
    expect(lines).toHaveLength(300);
    expect(lines.filter((l) => l.endsWith('new STS call'))).toHaveLength(3);
    expect(lines.filter((l) => l.endsWith('cache hit'))).toHaveLength(297);
    expect(lines[0]).toMatch(/^DEBUG \[m\d{3}\] role arn:aws:iam::111111111111:role\/r\d \(set by m\d{3}\/terragrunt\.hcl:1\) via AssumeRole, session terragrunt-\d+, expires \d{4}-\d\d-\d\dT[\d:.]+Z, (cache hit|new STS call)$/);
    // Dependency reads say so.
    expect(lines.filter((l) => l.includes('via AssumeRole (to read its outputs),'))).toHaveLength(100);
  }, 360_000);

  it('with MFA: one GetSessionToken (serial and code as sent), then the 3 AssumeRoles signed with that session', async () => {
    const root = stack(files);
    const sh = shellTerraform();
    const serial = 'arn:aws:iam::111111111111:mfa/ci';
    const r = await tgo(['run-all', 'apply', '--terragrunt-log-level', 'debug', '--terragrunt-parallelism', '32', '--iam-mfa-serial', serial, '--terragrunt-tfpath', sh.path,
      '--terragrunt-non-interactive'], { cwd: root, env: env({ TGO_IAM_MFA_TOKEN: '918273' }) });
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    const gst = sts.callsOf('GetSessionToken');
    expect(gst).toHaveLength(1);
    expect(gst[0]!.params).toMatchObject({ SerialNumber: serial, TokenCode: '918273' });
    expect(gst[0]!.accessKeyId).toBe('AKIABASE');
    const ars = sts.callsOf('AssumeRole');
    expect(ars).toHaveLength(3);
    const sessionKey = ars[0]!.accessKeyId!;
    expect(sessionKey).toMatch(/^ASIA/);
    for (const c of ars) {
      expect(c.accessKeyId).toBe(sessionKey);
      expect(c.params.TokenCode).toBeUndefined();
      expect(c.status).toBe(200);
    }
    const lines = credentialLines(r.stderr);
    expect(lines).toHaveLength(300);
    expect(lines[0]).toContain(`via AssumeRole with the MFA session of ${serial}`);
    expect(sh.records().filter((x) => x.argv0 === 'apply').map((x) => sts.issued(x.accessKeyId)?.roleArn).filter(Boolean)).toHaveLength(200);
    expect(r.stdout + r.stderr).not.toContain('918273');
  }, 360_000);
});

describe('AssumeRole parameters Terragrunt lacks', () => {
  it('external ID, session tags, transitive keys, source identity, policies and MFA reach STS as sent (HCL and flags)', async () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };
    const root = stack({
      'root.hcl': `iam_assume_role_session_tags = { team = "platform", cost_center = "1234" }\n`,
      'app/terragrunt.hcl': `include "root" {
  path = find_in_parent_folders("root.hcl")
}
iam_role                            = "${ROLE('app')}"
iam_assume_role_external_id         = "ext-from-hcl"
iam_assume_role_transitive_tag_keys = ["team"]
iam_assume_role_source_identity     = "alice@example.com"
iam_assume_role_policy              = "policy.json"
iam_assume_role_policy_arns         = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
iam_assume_role_mfa_serial          = "arn:aws:iam::111111111111:mfa/alice"
`,
      'app/policy.json': JSON.stringify(policy),
    });
    const r = await run(['apply', '--iam-assume-role-external-id', 'ext-from-flag', '--terragrunt-log-level', 'debug'], path.join(root, 'app'), { TGO_IAM_MFA_TOKEN: '123456' });
    expect(r.code, r.stderr).toBe(0);
    const [gst] = sts.callsOf('GetSessionToken');
    expect(gst!.params).toMatchObject({ SerialNumber: 'arn:aws:iam::111111111111:mfa/alice', TokenCode: '123456' });
    const [ar] = sts.callsOf('AssumeRole');
    expect(ar!.params).toEqual({
      Action: 'AssumeRole', Version: '2011-06-15',
      RoleArn: ROLE('app'), RoleSessionName: expect.stringMatching(/^terragrunt-\d+$/), DurationSeconds: '3600',
      ExternalId: 'ext-from-flag',
      // HCL maps come in key order.
      'Tags.member.1.Key': 'cost_center', 'Tags.member.1.Value': '1234', 'Tags.member.2.Key': 'team', 'Tags.member.2.Value': 'platform',
      'TransitiveTagKeys.member.1': 'team',
      SourceIdentity: 'alice@example.com',
      Policy: JSON.stringify(policy),
      'PolicyArns.member.1.arn': 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    });
    // Signed with the MFA session, not the base keys, and without the (single-use) code.
    expect(ar!.accessKeyId).toMatch(/^ASIA/);
    expect(ar!.params.TokenCode).toBeUndefined();
    expect(tf.records().find((x) => x.argv[0] === 'apply')!.env.AWS_ACCESS_KEY_ID).toMatch(/^ASIA/);
  });

  it('an invalid value stops the run before any STS call, naming file:line or the flag', async () => {
    const root = stack({
      'a/terragrunt.hcl': `iam_role = "${ROLE('a')}"\n\niam_assume_role_session_tags = { team = "a", TEAM = "b" }\n`,
      'b/terragrunt.hcl': `iam_role = "${ROLE('b')}"\n`,
    });
    let r = await run(['run-all', 'apply'], root);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/a\/terragrunt\.hcl:3: session tag key "(team|TEAM)" is given twice/);
    r = await run(['run-all', 'apply', '--iam-assume-role-source-identity', 'has space'], path.join(root, 'b'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--iam-assume-role-source-identity: invalid source identity "has space"');
    r = await run(['run-all', 'apply'], path.join(root, 'b'), { TG_IAM_ASSUME_ROLE_POLICY: '{"Version": ' });
    expect(r.stderr).toMatch(/TG_IAM_ASSUME_ROLE_POLICY: session policy is not valid JSON/);
    expect(sts.calls).toHaveLength(0);
    expect(tf.records()).toHaveLength(0);
  });

  it('MFA on a terminal: one prompt per run, however many modules need the device', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) files[`m${i}/terragrunt.hcl`] = `iam_role = "${ROLE(`r${i % 4}`)}"\niam_assume_role_mfa_serial = "arn:aws:iam::111111111111:mfa/alice"\n`;
    const root = stack(files);
    // A pseudo-terminal for tgo's stdin, answering each "MFA code for" prompt (and counting them).
    const helper = path.join(tf.dir, 'answer_mfa.py'); // not pty.py: that would shadow the pty module
    writeFileSync(helper, `import os, pty, sys, time, select, json
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
out, prompts, deadline = b'', 0, time.time() + 60
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.2)
    if fd in r:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        while out.count(b'MFA code for') > prompts:
            prompts += 1
            os.write(fd, (sys.argv[1] + '\\n').encode())
_, status = os.waitpid(pid, 0)
print(json.dumps({'code': os.waitstatus_to_exitcode(status), 'prompts': prompts, 'output': out.decode('utf8', 'replace')}))
`);
    // Asynchronously: the fake STS lives in this process and must keep answering.
    const { execFile } = await import('node:child_process');
    const stdout = await new Promise<string>((resolve, reject) => execFile('python3', [helper, '246810', process.execPath, TGO, 'run-all', 'apply', '--terragrunt-tfpath', tf.path,
      '--terragrunt-non-interactive', '--terragrunt-no-auto-init'], { cwd: root, env: env(), encoding: 'utf8', timeout: 90_000 }, (e, out) => (e ? reject(e) : resolve(out))));
    const res = JSON.parse(stdout) as { code: number; prompts: number; output: string };
    expect(res.code, res.output.slice(-2000)).toBe(0);
    expect(res.prompts).toBe(1);
    expect(res.output).toContain('MFA code for arn:aws:iam::111111111111:mfa/alice: ');
    expect(sts.callsOf('GetSessionToken').map((c) => c.params.TokenCode)).toEqual(['246810']);
    expect(sts.callsOf('AssumeRole')).toHaveLength(4);
    expect(tf.records().filter((x) => x.argv[0] === 'apply')).toHaveLength(20);
  });

  it('MFA with no terminal and no code: a clear error before anything runs', async () => {
    const root = stack({ 'a/terragrunt.hcl': `iam_role = "${ROLE('a')}"\niam_assume_role_mfa_serial = "arn:aws:iam::111111111111:mfa/alice"\n`, 'b/terragrunt.hcl': '' });
    const r = await run(['run-all', 'apply'], root);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('MFA device arn:aws:iam::111111111111:mfa/alice (set by a/terragrunt.hcl:2) needs a code and there is no terminal to ask on: pass --iam-mfa-token or set TGO_IAM_MFA_TOKEN.');
    expect(sts.calls).toHaveLength(0);
    expect(tf.records()).toHaveLength(0);
  });
});

describe('throttling and 5xx', () => {
  it('a 50%-throttled STS: a 30-module run over 30 roles completes', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`m${i}/terragrunt.hcl`] = `iam_role = "${ROLE(`r${i}`)}"\n`;
    const root = stack(files);
    sts.throttle(0.5, 3);
    const r = await run(['run-all', 'apply', '--terragrunt-no-auto-init'], root);
    sts.throttle(0);
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    expect(sts.callsOf('AssumeRole').filter((c) => c.status === 200)).toHaveLength(30);
    expect(sts.callsOf('AssumeRole').filter((c) => c.status === 400).length).toBeGreaterThan(5);
    expect(tf.records().filter((x) => x.argv[0] === 'apply')).toHaveLength(30);
  });

  it('persistent 500s: the module with the role fails with an error naming it; the other module runs', async () => {
    const root = stack({ 'a/terragrunt.hcl': `iam_role = "${ROLE('a')}"\n`, 'b/terragrunt.hcl': '' });
    sts.failNext(10_000, 500, 'InternalFailure');
    const r = await run(['run-all', 'apply', '--terragrunt-no-auto-init'], root);
    sts.failNext(0);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/AssumeRole arn:aws:iam::111111111111:role\/a failed: InternalFailure: We encountered an internal error\. Please try again\. \(gave up after 15 attempts\)/);
    expect(sts.callsOf('AssumeRole')).toHaveLength(15);
    expect(tf.records().map((x) => path.basename(x.cwd))).toEqual(['b']);
  });
});

describe('--auth-provider-cmd', () => {
  function provider(dir: string, body: string): string {
    const p = path.join(dir, 'creds.sh');
    writeFileSync(p, `#!/bin/sh\necho "$PWD" >> "${dir}/runs.log"\n${body}\n`);
    chmodSync(p, 0o755);
    return p;
  }

  it('runs once per module in its directory (not again for dependency reads); its credentials are the base for iam_role; envs reach terraform', async () => {
    const tools = mkdtempSync(path.join(tmpdir(), 'tgo-authcmd-'));
    cleanup.push(tools);
    const cmd = provider(tools, `m=$(basename "$PWD")
printf '{"awsCredentials":{"ACCESS_KEY_ID":"AKIAPROV%s","SECRET_ACCESS_KEY":"provided-secret-%s-xyz"},"envs":{"TGO_PROVIDED_FOR":"%s"}}' "$m" "$m" "$m"`);
    const root = stack({
      'a/terragrunt.hcl': '',
      'a/fake-tf.json': { outputs: { id: 'a-out' } },
      'b/terragrunt.hcl': `iam_role = "${ROLE('b')}"\ndependency "a" {\n  config_path = "../a"\n}\ninputs = { up = dependency.a.outputs.id }\n`,
      'c/terragrunt.hcl': '',
      'c/fake-tf.json': { stdout: 'echoing provided-secret-c-xyz' },
    });
    // The fake STS must know the provided keys to accept b's AssumeRole signed with them.
    const fake = await startFakeSts({ verifySignatures: false, baseCredentials: ['a', 'b', 'c'].map((m) => ({ accessKeyId: `AKIAPROV${m}`, secretAccessKey: `provided-secret-${m}-xyz`, arn: `arn:aws:iam::333333333333:user/${m}` })) });
    try {
      const r = await tgo(['run-all', 'apply', '--terragrunt-tfpath', tf.path, '--terragrunt-non-interactive', '--terragrunt-auth-provider-cmd', `${cmd} --flag`, '--terragrunt-log-level', 'debug'],
        { cwd: root, env: env({ AWS_ENDPOINT_URL_STS: fake.url }) });
      expect(r.code, r.stdout + r.stderr.slice(-2000)).toBe(0);
      expect(readFileSync(path.join(tools, 'runs.log'), 'utf8').trim().split('\n').map((l) => path.basename(l)).sort()).toEqual(['a', 'b', 'c']);
      const recs = tf.records();
      const apply = (m: string) => recs.find((x) => x.argv[0] === 'apply' && path.basename(x.cwd) === m)!;
      expect(apply('a').env).toMatchObject({ AWS_ACCESS_KEY_ID: 'AKIAPROVa', TGO_PROVIDED_FOR: 'a' } as Record<string, string>);
      expect(apply('c').env.AWS_ACCESS_KEY_ID).toBe('AKIAPROVc');
      // b's role was assumed with b's provided credentials, and its terraform got the role session.
      const [ar] = fake.callsOf('AssumeRole');
      expect(ar!.accessKeyId).toBe('AKIAPROVb');
      expect(fake.issued(apply('b').env.AWS_ACCESS_KEY_ID!)!.roleArn).toBe(ROLE('b'));
      expect(apply('b').env.TF_VAR_up).toBe('a-out');
      // a's outputs were read with a's provided credentials.
      expect(recs.find((x) => x.argv[0] === 'output')!.env.AWS_ACCESS_KEY_ID).toBe('AKIAPROVa');
      // Secrets the command printed are redacted.
      expect(r.stdout).toContain('[c] echoing ***');
      expect(r.stdout + r.stderr).not.toContain('provided-secret-');
      expect(credentialLines(r.stderr).find((l) => l.startsWith('DEBUG [a]'))).toMatch(/role \(static credentials\) \(set by auth-provider-cmd\) via auth-provider-cmd awsCredentials/);
      expect(credentialLines(r.stderr).find((l) => l.startsWith('DEBUG [b]'))).toMatch(/via AssumeRole with auth-provider-cmd awsCredentials credentials/);
    } finally {
      await fake.close();
    }
  });

  it('awsRole is assumed with tgo\'s own credentials; empty or invalid JSON fails the module with an error naming the command', async () => {
    const tools = mkdtempSync(path.join(tmpdir(), 'tgo-authcmd-'));
    cleanup.push(tools);
    const cmd = provider(tools, `case "$(basename "$PWD")" in
  role) echo '{"awsRole":{"roleARN":"${ROLE('from-provider')}","roleSessionName":"provided","duration":1800}}' ;;
  empty) ;;
  bad) echo 'this is not json' ;;
esac`);
    const root = stack({ 'role/terragrunt.hcl': '', 'empty/terragrunt.hcl': '', 'bad/terragrunt.hcl': '' });
    const r = await run(['run-all', 'apply', '--auth-provider-cmd', cmd, '--terragrunt-no-auto-init'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`auth provider command ${cmd} completed successfully, but printed no JSON on stdout`);
    expect(r.stderr).toContain(`auth provider command ${cmd} printed invalid JSON`);
    const [ar] = sts.callsOf('AssumeRole');
    expect(ar!.params).toMatchObject({ RoleArn: ROLE('from-provider'), RoleSessionName: 'provided', DurationSeconds: '1800' });
    expect(ar!.accessKeyId).toBe('AKIABASE');
    const recs = tf.records();
    expect(recs.map((x) => path.basename(x.cwd))).toEqual(['role']);
    expect(sts.issued(recs[0]!.env.AWS_ACCESS_KEY_ID!)!.roleArn).toBe(ROLE('from-provider'));
  });
});

describe('get_aws_* functions', () => {
  it('iam_* see the base identity; everything else sees the module\'s role; one GetCallerIdentity per identity', async () => {
    const root = stack({
      'common.hcl': 'locals {\n  who = get_aws_caller_identity_arn()\n}\n',
      // The role is named after the base account, as a security-account setup would do.
      'root.hcl': `iam_role = "arn:aws:iam::222222222222:role/deploy-from-\${get_aws_account_id()}"\n`,
      'a/terragrunt.hcl': `include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\nlocals {\n  common = read_terragrunt_config(find_in_parent_folders("common.hcl"))\n}\ninputs = {\n  account = get_aws_account_id()\n  arn     = local.common.locals.who\n  user_id = get_aws_caller_identity_user_id()\n}\n`,
      'b/terragrunt.hcl': `include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\ninputs = { account = get_aws_account_id() }\n`,
      'plain/terragrunt.hcl': 'inputs = { account = get_aws_account_id() }\n',
    });
    const r = await run(['run-all', 'apply', '--terragrunt-no-auto-init', '--terragrunt-log-level', 'debug'], root);
    expect(r.code, r.stderr.slice(-3000)).toBe(0);
    const [ar] = sts.callsOf('AssumeRole');
    expect(ar!.params.RoleArn).toBe('arn:aws:iam::222222222222:role/deploy-from-111111111111');
    expect(sts.callsOf('AssumeRole')).toHaveLength(1);
    const vars = (m: string) => tf.records().find((x) => path.basename(x.cwd) === m)!.env;
    expect(vars('a')).toMatchObject({
      TF_VAR_account: '222222222222',
      TF_VAR_arn: expect.stringMatching(/^arn:aws:sts::222222222222:assumed-role\/deploy-from-111111111111\/terragrunt-\d+$/),
      TF_VAR_user_id: expect.stringMatching(/^AROA\w+:terragrunt-\d+$/),
    } as Record<string, unknown>);
    expect(vars('b').TF_VAR_account).toBe('222222222222');
    expect(vars('plain').TF_VAR_account).toBe('111111111111');
    // Base identity once (tgo's keys), role identity once (shared by a and b).
    const gci = sts.callsOf('GetCallerIdentity');
    expect(gci.map((c) => c.accessKeyId === 'AKIABASE' ? 'base' : 'role').sort()).toEqual(['base', 'role']);
  });
});

describe('hard-coded credentials in terraform code', () => {
  it('warns when a provider or backend overrides the credentials tgo provides, and only then', async () => {
    const root = stack({
      'a/terragrunt.hcl': `iam_role = "${ROLE('a')}"\n`,
      'a/provider.tf': 'provider "aws" {\n  region  = "us-east-1"\n  profile = "prod"\n}\n',
      'b/terragrunt.hcl': `iam_role = "${ROLE('b')}"\ngenerate "backend" {\n  path      = "backend.tf"\n  if_exists = "overwrite"\n  contents  = <<EOF\nterraform {\n  backend "s3" {\n    bucket      = "x"\n    assume_role = { role_arn = "${ROLE('state')}" }\n  }\n}\nEOF\n}\n`,
      'c/terragrunt.hcl': '',
      'c/provider.tf': 'provider "aws" {\n  profile = "prod"\n}\n',
    });
    const r = await run(['run-all', 'apply', '--terragrunt-no-auto-init'], root);
    expect(r.code, r.stderr).toBe(0);
    const warns = r.stderr.split('\n').filter((l) => l.startsWith('WARN'));
    expect(warns).toEqual([
      'WARN  [a] provider "aws" sets profile (provider.tf:3): it overrides the role credentials tgo injects',
      expect.stringMatching(/^WARN {2}\[b\] backend "s3" sets assume_role \(backend\.tf:\d+\): terraform assumes that role itself on top of the role credentials tgo injects/),
    ]);
  });
});
