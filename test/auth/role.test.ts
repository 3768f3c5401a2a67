import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveRole, type RoleOverrides } from '../../src/auth/role.js';
import type { IamAttributes } from '../../src/config/types.js';
import { parseArgs } from '../../src/cli/parse-args.js';
import { roleOverrides } from '../../src/cli/options.js';
import { ConfigError, UsageError } from '../../src/errors.js';
import { describeSource } from '../../src/shared/provenance.js';

const MODULE = '/live/app/terragrunt.hcl';
const PARENT = '/live/root.hcl';
const display = (p: string) => p.replace('/live/', '');
const arn = (name: string) => `arn:aws:iam::111111111111:role/${name}`;

/** The five places a role can come from, highest precedence first. */
const SOURCES = ['cli', 'tgEnv', 'classicEnv', 'child', 'parent'] as const;
type Src = (typeof SOURCES)[number];

function setup(present: Src[]) {
  const argv = ['apply', ...(present.includes('cli') ? ['--terragrunt-iam-role', arn('cli')] : [])];
  const env: Record<string, string> = {};
  if (present.includes('tgEnv')) env.TG_IAM_ASSUME_ROLE = arn('tgEnv');
  if (present.includes('classicEnv')) env.TERRAGRUNT_IAM_ROLE = arn('classicEnv');
  // Merged HCL: the child's own value wins over the included parent's (merge.ts), so only the winner arrives.
  const iam: IamAttributes = {};
  if (present.includes('child')) iam.roleArn = { value: arn('child'), file: MODULE, line: 3 };
  else if (present.includes('parent')) iam.roleArn = { value: arn('parent'), file: PARENT, line: 7 };
  return { overrides: roleOverrides(parseArgs(argv, env)), iam };
}

describe('role precedence: --flag > TG_* > TERRAGRUNT_* > module HCL > included HCL', () => {
  // Every combination of the five sources.
  const combos: Src[][] = [];
  for (let mask = 1; mask < 32; mask++) combos.push(SOURCES.filter((_, i) => mask & (1 << i)));
  it.each(combos.map((c) => [c.join('+'), c] as const))('%s', (_name, present) => {
    const { overrides, iam } = setup([...present]);
    const role = resolveRole(overrides, iam, MODULE, display, 'terragrunt-1')!;
    const winner = SOURCES.find((s) => present.includes(s))!;
    expect(role.roleArn.value).toBe(arn(winner));
    const expectedSource = { cli: '--terragrunt-iam-role', tgEnv: 'TG_IAM_ASSUME_ROLE', classicEnv: 'TERRAGRUNT_IAM_ROLE', child: 'app/terragrunt.hcl:3', parent: 'included root.hcl:7' }[winner];
    expect(describeSource(role.roleArn.source)).toBe(expectedSource);
  });

  it('no role anywhere means no role (terraform runs with tgo\'s own environment)', () => {
    expect(resolveRole({}, {}, MODULE, display, 's')).toBeUndefined();
  });
});

describe('field by field', () => {
  it('a CLI role keeps the module\'s HCL duration and session name when the CLI sets none', () => {
    const overrides: RoleOverrides = { roleArn: { value: arn('cli'), source: { kind: 'flag', name: '--terragrunt-iam-role' } } };
    const iam: IamAttributes = {
      roleArn: { value: arn('hcl'), file: MODULE },
      duration: { value: 1800, file: MODULE, line: 4 },
      sessionName: { value: 'from-hcl', file: PARENT, line: 2 },
    };
    const role = resolveRole(overrides, iam, MODULE, display, 'default-session')!;
    expect(role.roleArn.value).toBe(arn('cli'));
    expect(role.duration).toEqual({ value: 1800, source: { kind: 'file', name: 'iam_assume_role_duration', file: 'app/terragrunt.hcl', line: 4, included: false } });
    expect(role.sessionName).toEqual({ value: 'from-hcl', source: { kind: 'file', name: 'iam_assume_role_session_name', file: 'root.hcl', line: 2, included: true } });
  });

  it('CLI/env duration and session name beat HCL; defaults are 3600 s and the run\'s session name', () => {
    const p = parseArgs(['apply', '--iam-assume-role-session-name', 'cli-session'], { TERRAGRUNT_IAM_ASSUME_ROLE_DURATION: '7200' });
    const role = resolveRole(roleOverrides(p), { roleArn: { value: arn('x'), file: MODULE }, duration: { value: 900, file: MODULE } }, MODULE, display, 'terragrunt-42')!;
    expect(role.duration).toEqual({ value: 7200, source: { kind: 'env', name: 'TERRAGRUNT_IAM_ASSUME_ROLE_DURATION' } });
    expect(role.sessionName).toEqual({ value: 'cli-session', source: { kind: 'flag', name: '--iam-assume-role-session-name' } });
    const plain = resolveRole({}, { roleArn: { value: arn('x'), file: MODULE } }, MODULE, display, 'terragrunt-42')!;
    expect(plain.duration).toEqual({ value: 3600, source: { kind: 'default', name: 'iam_assume_role_duration' } });
    expect(plain.sessionName.value).toBe('terragrunt-42');
  });
});

describe('validation before any STS call', () => {
  const iamWith = (extra: Partial<IamAttributes>): IamAttributes => ({ roleArn: { value: arn('x'), file: MODULE, line: 1 }, ...extra });
  it('rejects a malformed ARN from HCL naming file and line', () => {
    const e = (() => { try { resolveRole({}, { roleArn: { value: 'arn:aws:s3:::bucket', file: MODULE, line: 9 } }, MODULE, display, 's'); } catch (x) { return x; } })();
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as Error).message).toBe('app/terragrunt.hcl:9: invalid IAM role ARN "arn:aws:s3:::bucket": expected arn:aws:iam::<account-id>:role/<role-name>');
  });
  it('rejects a malformed ARN from a flag as a usage error', () => {
    expect(() => resolveRole({ roleArn: { value: 'deploy', source: { kind: 'flag', name: '--terragrunt-iam-role' } } }, {}, MODULE, display, 's')).toThrow(UsageError);
  });
  it.each([[899], [43201], ['abc'], [1.5], ['3600s']])('rejects duration %s', (d) => {
    expect(() => resolveRole({}, iamWith({ duration: { value: d, file: MODULE, line: 2 } }), MODULE, display, 's')).toThrow(/iam_assume_role_duration must be/);
  });
  it('accepts the STS range edges', () => {
    expect(resolveRole({}, iamWith({ duration: { value: 900, file: MODULE } }), MODULE, display, 's')!.duration.value).toBe(900);
    expect(resolveRole({}, iamWith({ duration: { value: '43200', file: MODULE } }), MODULE, display, 's')!.duration.value).toBe(43200);
  });
  it.each([['x'], ['has space'], ['a'.repeat(65)], ['slash/no']])('rejects session name %j', (s) => {
    expect(() => resolveRole({}, iamWith({ sessionName: { value: s, file: MODULE, line: 5 } }), MODULE, display, 's')).toThrow(/invalid session name/);
  });
  it('reads a web identity token from a file, or takes the value as the token', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tgo-token-'));
    const file = path.join(dir, 'token.jwt');
    writeFileSync(file, 'eyJhbGciOi.payload.sig\n');
    expect(resolveRole({}, iamWith({ webIdentityToken: { value: file, file: MODULE } }), MODULE, display, 's')!.webIdentityToken!.value).toBe('eyJhbGciOi.payload.sig');
    expect(resolveRole({}, iamWith({ webIdentityToken: { value: 'eyJ.raw.token', file: MODULE } }), MODULE, display, 's')!.webIdentityToken!.value).toBe('eyJ.raw.token');
    expect(() => resolveRole({}, iamWith({ webIdentityToken: { value: '/nope/token', file: MODULE } }), MODULE, display, 's')).toThrow(/token file \/nope\/token does not exist/);
    chmodSync(file, 0o000);
    if (process.getuid?.() !== 0) {
      expect(() => resolveRole({}, iamWith({ webIdentityToken: { value: file, file: MODULE } }), MODULE, display, 's')).toThrow(/cannot read web identity token file/);
    }
  });
});
