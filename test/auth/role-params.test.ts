import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveRole, type RoleSpec } from '../../src/auth/role.js';
import type { IamAttributes } from '../../src/config/types.js';
import type { Value } from '../../src/config/hcl/values.js';
import { parseArgs } from '../../src/cli/parse-args.js';
import { roleOverrides } from '../../src/cli/options.js';
import { ConfigError, UsageError } from '../../src/errors.js';

const MODULE = '/live/app/terragrunt.hcl';
const PARENT = '/live/root.hcl';
const display = (p: string) => p.replace('/live/', '');
const ROLE = 'arn:aws:iam::111111111111:role/deploy';

function resolve(argv: string[], env: Record<string, string>, iam: Partial<IamAttributes> = {}): RoleSpec {
  return resolveRole(roleOverrides(parseArgs(['apply', ...argv], env)), { roleArn: { value: ROLE, file: MODULE, line: 1 }, ...iam }, MODULE, display, 'tg-1')!;
}
const hcl = (value: Value, line = 4, file = MODULE) => ({ value, file, line });
function error(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('extra AssumeRole parameters: flag > TG_ env > TERRAGRUNT_ env > module HCL > included HCL', () => {
  it('each field takes the highest-precedence source and remembers it', () => {
    const iam: Partial<IamAttributes> = {
      externalId: hcl('from-hcl'),
      sourceIdentity: hcl('hcl-identity', 6, PARENT),
      sessionTags: hcl({ team: 'platform', cost: 42 }, 7),
      transitiveTagKeys: hcl(['team'], 8),
      policyArns: hcl(['arn:aws:iam::aws:policy/ReadOnlyAccess'], 9),
      mfaSerial: hcl('arn:aws:iam::111111111111:mfa/alice', 10),
    };
    const r = resolve(['--iam-assume-role-external-id', 'from-flag'], {
      TG_IAM_ASSUME_ROLE_EXTERNAL_ID: 'from-tg',
      TERRAGRUNT_IAM_ASSUME_ROLE_SOURCE_IDENTITY: 'classic-id',
    }, iam);
    expect(r.externalId).toEqual({ value: 'from-flag', source: { kind: 'flag', name: '--iam-assume-role-external-id' } });
    expect(r.sourceIdentity).toEqual({ value: 'classic-id', source: { kind: 'env', name: 'TERRAGRUNT_IAM_ASSUME_ROLE_SOURCE_IDENTITY' } });
    expect(r.sessionTags).toEqual({ value: { team: 'platform', cost: '42' }, source: { kind: 'file', name: 'iam_assume_role_session_tags', file: 'app/terragrunt.hcl', line: 7, included: false } });
    expect(r.transitiveTagKeys).toEqual({ value: ['team'], source: { kind: 'file', name: 'iam_assume_role_transitive_tag_keys', file: 'app/terragrunt.hcl', line: 8, included: false } });
    expect(r.policyArns!.value).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    expect(r.mfaSerial!.value).toBe('arn:aws:iam::111111111111:mfa/alice');

    const tg = resolve([], { TG_IAM_ASSUME_ROLE_EXTERNAL_ID: 'from-tg', TERRAGRUNT_IAM_ASSUME_ROLE_EXTERNAL_ID: 'classic' }, iam);
    expect(tg.externalId).toEqual({ value: 'from-tg', source: { kind: 'env', name: 'TG_IAM_ASSUME_ROLE_EXTERNAL_ID' } });
    expect(resolve([], {}, iam).sourceIdentity).toEqual({ value: 'hcl-identity', source: { kind: 'file', name: 'iam_assume_role_source_identity', file: 'root.hcl', line: 6, included: true } });
  });

  it('tags and lists from flags: key=value,key2=value2 and comma-separated', () => {
    const r = resolve(['--iam-assume-role-session-tags', 'team=platform, env = prod,empty=', '--iam-assume-role-transitive-tag-keys', 'team,env',
      '--iam-assume-role-policy-arns', 'arn:aws:iam::aws:policy/A,arn:aws:iam::123456789012:policy/path/B'], {});
    expect(r.sessionTags!.value).toEqual({ team: 'platform', env: 'prod', empty: '' });
    expect(r.transitiveTagKeys!.value).toEqual(['team', 'env']);
    expect(r.policyArns!.value).toEqual(['arn:aws:iam::aws:policy/A', 'arn:aws:iam::123456789012:policy/path/B']);
  });

  it('a session policy is JSON text, an HCL object, or a file (relative to the HCL file, or the cwd for flags)', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
    expect(JSON.parse(resolve(['--iam-assume-role-policy', JSON.stringify(doc)], {}).policy!.value)).toEqual(doc);
    expect(JSON.parse(resolve([], {}, { policy: hcl(doc) }).policy!.value)).toEqual(doc);
    const dir = mkdtempSync(path.join(tmpdir(), 'tgo-policy-'));
    writeFileSync(path.join(dir, 'session.json'), JSON.stringify(doc));
    const fromFile = resolveRole({}, { roleArn: { value: ROLE, file: path.join(dir, 'terragrunt.hcl') }, policy: { value: 'session.json', file: path.join(dir, 'terragrunt.hcl'), line: 3 } },
      path.join(dir, 'terragrunt.hcl'), (p) => p, 's')!;
    expect(JSON.parse(fromFile.policy!.value)).toEqual(doc);
  });

  it('nothing set means no extra parameters at all', () => {
    const r = resolve([], {});
    for (const k of ['externalId', 'sessionTags', 'transitiveTagKeys', 'sourceIdentity', 'policy', 'policyArns', 'mfaSerial'] as const) expect(r[k]).toBeUndefined();
  });
});

describe('validated against STS limits before any call, naming the flag, variable or file:line', () => {
  it.each([
    ['external ID too short', ['--iam-assume-role-external-id', 'x'], {}, /--iam-assume-role-external-id: invalid external ID/],
    ['external ID with a space', [], { TG_IAM_ASSUME_ROLE_EXTERNAL_ID: 'has space' }, /^TG_IAM_ASSUME_ROLE_EXTERNAL_ID: invalid external ID/],
    ['external ID of 1225 characters', ['--iam-assume-role-external-id', 'a'.repeat(1225)], {}, /invalid external ID/],
    ['a tag without =', ['--iam-assume-role-session-tags', 'team'], {}, /key=value pairs/],
    ['a tag key of 129 characters', ['--iam-assume-role-session-tags', `${'k'.repeat(129)}=v`], {}, /must be 1-128 characters/],
    ['a tag value of 257 characters', ['--iam-assume-role-session-tags', `k=${'v'.repeat(257)}`], {}, /at most 256 are allowed/],
    ['a tag value with characters STS refuses', ['--iam-assume-role-session-tags', 'k=a#b'], {}, /characters STS refuses/],
    ['51 tags', ['--iam-assume-role-session-tags', Array.from({ length: 51 }, (_, i) => `k${i}=v`).join(',')], {}, /at most 50 session tags/],
    ['the same key twice, differently cased', ['--iam-assume-role-session-tags', 'Team=a,team=b'], {}, /given twice.*case-insensitive/],
    ['transitive keys that are not tags', ['--iam-assume-role-session-tags', 'team=a', '--iam-assume-role-transitive-tag-keys', 'team,env'], {}, /not a session tag: env/],
    ['a source identity with a colon (so never "aws:…")', ['--iam-assume-role-source-identity', 'aws:me'], {}, /invalid source identity "aws:me"/],
    ['a source identity with a slash', ['--iam-assume-role-source-identity', 'a/b'], {}, /invalid source identity/],
    ['a policy that is not JSON', ['--iam-assume-role-policy', '{"Version":'], {}, /not valid JSON/],
    ['a policy of 2049 characters', ['--iam-assume-role-policy', JSON.stringify({ x: 'y'.repeat(2041) })], {}, /at most 2048/],
    ['a policy file that does not exist', ['--iam-assume-role-policy', 'nope/policy.json'], {}, /does not exist/],
    ['11 policy ARNs', ['--iam-assume-role-policy-arns', Array.from({ length: 11 }, (_, i) => `arn:aws:iam::aws:policy/P${i}`).join(',')], {}, /at most 10 policy ARNs/],
    ['a role ARN given as a policy ARN', ['--iam-assume-role-policy-arns', 'arn:aws:iam::123456789012:role/x'], {}, /invalid policy ARN/],
    ['an MFA serial too short', ['--iam-mfa-serial', 'abc'], {}, /invalid MFA serial/],
  ])('%s', (_name, argv, env, message) => {
    const e = error(() => resolve(argv as string[], env as Record<string, string>));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toMatch(message);
  });

  it('an HCL value names file:line', () => {
    const e = error(() => resolve([], {}, { sessionTags: hcl({ team: 'a', TEAM: 'b' }, 12) }));
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toMatch(/^app\/terragrunt\.hcl:12: session tag key "TEAM" is given twice/);
    const inc = error(() => resolve([], {}, { externalId: hcl('x', 3, PARENT) }));
    expect(inc.message).toMatch(/^root\.hcl:3: invalid external ID/);
    expect(error(() => resolve([], {}, { transitiveTagKeys: hcl('team', 5) })).message).toMatch(/^app\/terragrunt\.hcl:5: transitive tag keys must be session tag keys too/);
    expect(error(() => resolve([], {}, { externalId: hcl(['a', 'b'], 2) })).message).toMatch(/must be a string, got a list/);
  });

  it('the limits themselves are accepted', () => {
    const r = resolve(['--iam-assume-role-external-id', 'a'.repeat(1224), '--iam-assume-role-session-tags', Array.from({ length: 50 }, (_, i) => `${'k'.repeat(120)}${i}=${'v'.repeat(256)}`).join(','),
      '--iam-assume-role-source-identity', 's'.repeat(64), '--iam-assume-role-policy-arns', Array.from({ length: 10 }, (_, i) => `arn:aws:iam::aws:policy/P${i}`).join(',')], {});
    expect(Object.keys(r.sessionTags!.value)).toHaveLength(50);
    expect(r.policyArns!.value).toHaveLength(10);
  });

  it('a web identity token refuses parameters AssumeRoleWithWebIdentity does not take (policies are fine)', () => {
    const e = error(() => resolve(['--iam-assume-role-external-id', 'ext-1', '--terragrunt-iam-web-identity-token', 'eyJ.a.b'], {}));
    expect(e.message).toMatch(/--iam-assume-role-external-id: iam_assume_role_external_id cannot be used with a web identity token/);
    const ok = resolve(['--iam-assume-role-policy-arns', 'arn:aws:iam::aws:policy/A', '--terragrunt-iam-web-identity-token', 'eyJ.a.b'], {});
    expect(ok.policyArns!.value).toEqual(['arn:aws:iam::aws:policy/A']);
  });
});
