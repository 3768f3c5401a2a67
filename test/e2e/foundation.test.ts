/**
 * The foundation's scenarios on real terraform against moto as STS: per-module roles from HCL (locals,
 * read_terragrunt_config, include inheritance, child override), dependency order and outputs, env and flag
 * overrides with their precedence, single-module runs, web identity without base keys, the session-name flag
 * reaching STS, and an STS refusal failing only the module that needs the role.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startMoto, type Moto } from '../support/moto.js';
import { baseEnv, copyFixture, tgo, WHOAMI } from '../support/tgo.js';

interface WhoamiRecord {
  module: string;
  arn: string;
  account: string;
  accessKeyId: string;
  hasSessionToken: boolean;
  securityTokenMatches: boolean;
  profile: string | null;
  tfVars: Record<string, string>;
}

let moto: Moto;
let live: string;
let records: string;

beforeAll(async () => {
  moto = await startMoto();
  live = copyFixture('demo');
  records = path.join(live, '.records');
});
afterAll(async () => {
  await moto?.close();
  if (live) rmSync(live, { recursive: true, force: true });
});

function env(extra: Record<string, string | undefined> = {}) {
  return baseEnv({
    AWS_ACCESS_KEY_ID: 'AKIASECURITYACCOUNT1',
    AWS_SECRET_ACCESS_KEY: 'base-secret-value-123',
    AWS_PROFILE: 'should-be-removed',
    AWS_ENDPOINT_URL_STS: moto.url,
    TGO_WHOAMI: WHOAMI,
    TGO_RECORDS_DIR: records,
    ...extra,
  });
}

function readRecords(): Record<string, WhoamiRecord> {
  if (!existsSync(records)) return {};
  return Object.fromEntries(readdirSync(records).map((f) => {
    const r = JSON.parse(readFileSync(path.join(records, f), 'utf8')) as WhoamiRecord;
    return [r.module, r];
  }));
}

const roleOf = (arn: string) => /assumed-role\/([^/]+)\//.exec(arn)?.[1];

describe('run-all apply with per-module roles from HCL', () => {
  it('each module runs as its own role, dependencies first, outputs passed on', async () => {
    rmSync(records, { recursive: true, force: true });
    await moto.startRecording();
    const r = await tgo(['run-all', 'apply', '--terragrunt-non-interactive'], { cwd: live, env: env() });
    await moto.stopRecording();
    expect(r.code, r.stderr).toBe(0);
    const rec = readRecords();
    expect(Object.keys(rec).sort()).toEqual(['dev/app', 'dev/network', 'prod/app', 'prod/network']);
    // Role from root.hcl via read_terragrunt_config(find_in_parent_folders("account.hcl")) …
    expect(rec['dev/network']!.arn).toMatch(/^arn:aws:sts::111111111111:assumed-role\/dev-deployer\/terragrunt-\d+$/);
    expect(rec['dev/app']!.arn).toMatch(/^arn:aws:sts::111111111111:assumed-role\/dev-deployer\//);
    expect(rec['prod/network']!.arn).toMatch(/^arn:aws:sts::222222222222:assumed-role\/prod-deployer\//);
    // … and the child's own iam_role beats the included one.
    expect(rec['prod/app']!.arn).toMatch(/^arn:aws:sts::222222222222:assumed-role\/prod-app-deployer\//);
    for (const m of Object.values(rec)) {
      expect(m.accessKeyId).not.toBe('AKIASECURITYACCOUNT1');
      expect(m.hasSessionToken).toBe(true);
      expect(m.securityTokenMatches).toBe(true);
      expect(m.profile).toBeNull();
    }
    // inputs became TF_VAR_*; app got network's output, so network had been applied first.
    expect(rec['dev/app']!.tfVars).toMatchObject({ TF_VAR_name: 'dev/app', TF_VAR_environment: 'dev', TF_VAR_upstream: 'dev/network' });
    expect(rec['prod/app']!.tfVars.TF_VAR_upstream).toBe('prod/network');

    const calls = await moto.recordedStsCalls();
    const assumes = calls.filter((c) => c.action === 'AssumeRole');
    // One STS call per distinct role session, signed by the base identity.
    expect(assumes.map((c) => c.params.RoleArn).sort()).toEqual([
      'arn:aws:iam::111111111111:role/dev-deployer',
      'arn:aws:iam::222222222222:role/prod-app-deployer',
      'arn:aws:iam::222222222222:role/prod-deployer',
    ]);
    for (const c of assumes) expect(c.accessKeyId).toBe('AKIASECURITYACCOUNT1');
    expect(assumes.find((c) => c.params.RoleArn.endsWith('prod-app-deployer'))!.params.DurationSeconds).toBe('1800');
    expect(assumes.find((c) => c.params.RoleArn.endsWith('dev-deployer'))!.params.DurationSeconds).toBe('3600');
    // Module output is prefixed with the module path; the summary lists every module.
    expect(r.stdout).toMatch(/^\[dev\/app\] .*dev\/app ran as arn:aws:sts::111111111111:assumed-role\/dev-deployer/m);
    expect(r.stderr).toMatch(/Succeeded\s+4/);
  });

  it('TERRAGRUNT_IAM_ROLE overrides every module\'s HCL role', async () => {
    rmSync(records, { recursive: true, force: true });
    const r = await tgo(['run-all', 'apply', '--terragrunt-non-interactive'], {
      cwd: path.join(live, 'dev'),
      env: env({ TERRAGRUNT_IAM_ROLE: 'arn:aws:iam::333333333333:role/classic-env' }),
    });
    expect(r.code, r.stderr).toBe(0);
    const rec = readRecords();
    expect(Object.keys(rec).sort()).toEqual(['dev/app', 'dev/network']);
    for (const m of Object.values(rec)) expect(m.arn).toMatch(/^arn:aws:sts::333333333333:assumed-role\/classic-env\//);
  });

  it('TG_IAM_ASSUME_ROLE beats TERRAGRUNT_IAM_ROLE, and the CLI flag beats both, before or after the command', async () => {
    const both = { TERRAGRUNT_IAM_ROLE: 'arn:aws:iam::333333333333:role/classic-env', TG_IAM_ASSUME_ROLE: 'arn:aws:iam::444444444444:role/current-env' };
    const cwd = path.join(live, 'dev', 'network');
    rmSync(records, { recursive: true, force: true });
    let r = await tgo(['apply', '-auto-approve'], { cwd, env: env(both) });
    expect(r.code, r.stderr).toBe(0);
    expect(roleOf(readRecords()['dev/network']!.arn)).toBe('current-env');

    r = await tgo(['--terragrunt-iam-role', 'arn:aws:iam::555555555555:role/flag-before', 'apply', '-auto-approve'], { cwd, env: env(both) });
    expect(r.code, r.stderr).toBe(0);
    expect(roleOf(readRecords()['dev/network']!.arn)).toBe('flag-before');

    r = await tgo(['apply', '-auto-approve', '--iam-assume-role', 'arn:aws:iam::555555555555:role/flag-after'], { cwd, env: env(both) });
    expect(r.code, r.stderr).toBe(0);
    expect(roleOf(readRecords()['dev/network']!.arn)).toBe('flag-after');
  });

  it('the session-name flag reaches STS', async () => {
    await moto.startRecording();
    const r = await tgo(['apply', '-auto-approve', '--terragrunt-iam-assume-role-session-name', 'ci-run-42'], { cwd: path.join(live, 'prod', 'network'), env: env() });
    await moto.stopRecording();
    expect(r.code, r.stderr).toBe(0);
    const assume = (await moto.recordedStsCalls()).filter((c) => c.action === 'AssumeRole');
    expect(assume).toHaveLength(1);
    expect(assume[0]!.params).toMatchObject({ RoleArn: 'arn:aws:iam::222222222222:role/prod-deployer', RoleSessionName: 'ci-run-42' });
    expect(readRecords()['prod/network']!.arn).toBe('arn:aws:sts::222222222222:assumed-role/prod-deployer/ci-run-42');
  });

  it('web identity: AssumeRoleWithWebIdentity with no base keys at all', async () => {
    const tokenFile = path.join(live, '.token.jwt');
    writeFileSync(tokenFile, 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl\n');
    await moto.startRecording();
    const r = await tgo(['apply', '-auto-approve', '--terragrunt-iam-web-identity-token', tokenFile], {
      cwd: path.join(live, 'dev', 'network'),
      env: env({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }),
    });
    await moto.stopRecording();
    expect(r.code, r.stderr).toBe(0);
    const calls = await moto.recordedStsCalls();
    const web = calls.filter((c) => c.action === 'AssumeRoleWithWebIdentity');
    expect(web).toHaveLength(1);
    expect(web[0]!.params.RoleArn).toBe('arn:aws:iam::111111111111:role/dev-deployer');
    expect(web[0]!.params.WebIdentityToken).toBe('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl');
    expect(calls.filter((c) => c.action === 'AssumeRole')).toHaveLength(0);
    expect(roleOf(readRecords()['dev/network']!.arn)).toBe('dev-deployer');
    // The token never shows up in what tgo prints.
    expect(r.stdout + r.stderr).not.toContain('c2lnbmF0dXJl');
  });
});

describe('an STS refusal fails only that module', () => {
  it('AccessDenied for one role: its module fails with the STS message and role ARN, every other module runs', async () => {
    const user = await moto.createUser('ci');
    const trusted = await moto.createRole('dev-deployer', [user.arn]);
    await moto.createRole('prod-deployer', [user.arn]);
    await moto.createRole('prod-app-deployer', ['arn:aws:iam::123456789012:user/someone-else']);
    await moto.enableAuth();
    try {
      // moto's IAM lives in account 123456789012: point the stack's roles there.
      const acct = (f: string) => writeFileSync(path.join(live, f, 'account.hcl'), readFileSync(path.join(live, f, 'account.hcl'), 'utf8').replace(/"\d{12}"/, '"123456789012"'));
      acct('dev');
      acct('prod');
      const appHcl = path.join(live, 'prod', 'app', 'terragrunt.hcl');
      writeFileSync(appHcl, readFileSync(appHcl, 'utf8').replace('222222222222', '123456789012'));
      rmSync(records, { recursive: true, force: true });
      const r = await tgo(['run-all', 'apply', '--terragrunt-non-interactive'], {
        cwd: live,
        env: env({ AWS_ACCESS_KEY_ID: user.accessKeyId, AWS_SECRET_ACCESS_KEY: user.secretAccessKey }),
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('arn:aws:iam::123456789012:role/prod-app-deployer');
      expect(r.stderr).toMatch(/AccessDenied/);
      const rec = readRecords();
      expect(Object.keys(rec).sort()).toEqual(['dev/app', 'dev/network', 'prod/network']);
      expect(trusted).toBe('arn:aws:iam::123456789012:role/dev-deployer');
      expect(r.stderr).toMatch(/Failed\s+1/);
    } finally {
      await moto.reset();
    }
  });
});
