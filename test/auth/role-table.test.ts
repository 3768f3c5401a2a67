// The role parameter table (src/config/role-params.ts) is the only place a parameter is declared: this test
// walks it and checks that flags, env, the HCL schema and include merge, role resolution, render-json, the STS
// request and the cache key all know every entry. A new entry needs nothing else to pass.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROLE_PARAMS } from '../../src/config/role-params.js';
import { TERRAGRUNT_SCHEMA } from '../../src/config/schema.js';
import { ConfigLoader } from '../../src/config/loader.js';
import { FLAGS } from '../../src/cli/flags.js';
import { parseArgs } from '../../src/cli/parse-args.js';
import { roleOverrides } from '../../src/cli/options.js';
import { assumeRoleRequest, resolveRole, type RoleSpec } from '../../src/auth/role.js';
import { cacheKey } from '../../src/auth/credentials.js';
import { stsInput } from '../../src/auth/sts.js';
import { renderRole } from '../../src/run/inspect.js';

/** Every parameter but the web identity token (AssumeRoleWithWebIdentity refuses some of the others). */
const forAssumeRole = ROLE_PARAMS.filter((p) => p.sts.calls !== 'webIdentity');
const forWebIdentity = ROLE_PARAMS.filter((p) => p.sts.calls !== 'assumeRole');
const hclString = (s: string) => JSON.stringify(s);

function resolveFromFlags(params: readonly (typeof ROLE_PARAMS)[number][], name: (p: (typeof ROLE_PARAMS)[number]) => string): RoleSpec {
  const argv = params.flatMap((p) => [`--${name(p)}`, p.example]);
  return resolveRole(roleOverrides(parseArgs(['apply', ...argv], {})), {}, '/live/app/terragrunt.hcl', (f) => f, 'tgo-test')!;
}

describe('the role parameter table', () => {
  it.each(ROLE_PARAMS.map((p) => [p.key, p] as const))('%s: one flag entry with its classic and current names and env twins', (_k, p) => {
    const spec = FLAGS.find((f) => f.key === p.flag.key);
    expect(spec).toEqual({ key: p.flag.key, kind: 'string', names: p.flag.names, env: p.flag.env, group: 'IAM', description: p.flag.description });
    for (const name of p.flag.names) expect(FLAGS.filter((f) => f.names.includes(name))).toHaveLength(1);
  });

  it.each(ROLE_PARAMS.map((p) => [p.key, p] as const))('%s: every flag name and env variable reaches the role with its provenance', (_k, p) => {
    const others = p.key === 'transitiveTagKeys' ? ['--iam-assume-role-session-tags', 'team=platform'] : [];
    const role = p.key === 'roleArn' ? [] : ['--iam-assume-role', 'arn:aws:iam::111111111111:role/x'];
    for (const name of p.flag.names) {
      const r = resolveRole(roleOverrides(parseArgs(['apply', ...role, ...others, `--${name}`, p.example], {})), {}, '/m/terragrunt.hcl', (f) => f, 's')!;
      expect(r[p.key]?.source).toEqual({ kind: 'flag', name: `--${name}` });
    }
    for (const env of p.flag.env) {
      const envs = { [env]: p.example, ...(p.key === 'transitiveTagKeys' ? { TG_IAM_ASSUME_ROLE_SESSION_TAGS: 'team=platform' } : {}) };
      const r = resolveRole(roleOverrides(parseArgs(['apply', ...role], envs)), {}, '/m/terragrunt.hcl', (f) => f, 's')!;
      expect(r[p.key]?.source).toEqual({ kind: 'env', name: env });
    }
  });

  it('the HCL schema takes every attribute; include merge keeps each, with the included file as provenance', () => {
    for (const p of ROLE_PARAMS) expect(TERRAGRUNT_SCHEMA.attributes).toHaveProperty(p.attribute);
    const root = mkdtempSync(path.join(tmpdir(), 'tgo-role-table-'));
    mkdirSync(path.join(root, 'app'));
    writeFileSync(path.join(root, 'root.hcl'), forAssumeRole.map((p) => `${p.attribute} = ${hclString(p.example)}`).join('\n'));
    writeFileSync(path.join(root, 'app', 'terragrunt.hcl'), 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n');
    const loader = new ConfigLoader({ workingDir: root, env: {}, terraformCommand: 'plan', terraformArgs: [] });
    const cfg = loader.loadModule(path.join(root, 'app'));
    const role = resolveRole({}, cfg.iam, cfg.configPath, loader.display, 's')!;
    forAssumeRole.forEach((p, i) => {
      expect(cfg.iam[p.key]).toMatchObject({ value: p.example, line: i + 1 });
      expect(role[p.key]!.source).toEqual({ kind: 'file', name: p.attribute, file: 'root.hcl', line: i + 1, included: true });
    });
  });

  it('render-json shows every parameter under its name with where it was set; secrets as "(set)"', () => {
    const rendered = renderRole(resolveFromFlags(forAssumeRole, (p) => p.flag.names.at(-1)!))!;
    expect(Object.keys(rendered).sort()).toEqual(forAssumeRole.map((p) => p.render).sort());
    for (const p of forAssumeRole) expect(rendered[p.render]).toMatchObject({ source: `--${p.flag.names.at(-1)}` });
    const token = ROLE_PARAMS.find((p) => p.sts.calls === 'webIdentity')!;
    expect(renderRole(resolveFromFlags(forWebIdentity, (p) => p.flag.names[0]!))![token.render]).toEqual({ value: '(set)', source: `--${token.flag.names[0]}` });
  });

  it('the STS request carries every parameter in the call that takes it, and each one makes a different cached session', () => {
    const full = assumeRoleRequest(resolveFromFlags(forAssumeRole, (p) => p.flag.names[0]!));
    const input = stsInput(full, 'assumeRole');
    for (const p of forAssumeRole) {
      expect(full).toHaveProperty(p.request);
      expect(input).toHaveProperty(p.sts.field);
      const without = { ...full, [p.request]: undefined };
      expect(cacheKey(without), p.key).not.toBe(cacheKey(full));
    }
    const web = stsInput(assumeRoleRequest(resolveFromFlags(forWebIdentity, (p) => p.flag.names[0]!)), 'webIdentity');
    expect(Object.keys(web).sort()).toEqual(forWebIdentity.map((p) => p.sts.field).sort());
  });
});
