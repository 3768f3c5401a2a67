// Which role each module assumes, parameter by parameter (the table in src/config/role-params.ts), and who
// said so: --flag > TG_* env > TERRAGRUNT_* env > the module's own terragrunt.hcl > an included file.
// A CLI/env role applies to every module; HCL settings still apply to the parameters the CLI/env leaves unset.

import path from 'node:path';
import type { IamAttributes } from '../config/types.js';
import type { DisplayPath } from '../config/decode.js';
import type { Value } from '../config/hcl/values.js';
import { isUnset, ROLE_PARAM_LIST, type Bad, type RoleParamKey, type RoleValues } from '../config/role-params.js';
import { ConfigError, UsageError } from '../errors.js';
import { describeSource, fromCommandLine, type Sourced } from '../shared/provenance.js';
import type { AssumeRoleRequest } from './sts.js';

/** CLI/env values of the role parameters (already resolved flag > TG_ > TERRAGRUNT_), as strings. */
export type RoleOverrides = { [K in RoleParamKey]?: Sourced<string> };

/** A module's role: each parameter that is set (or has a default), checked, with where it came from. */
export type RoleSpec = { [K in RoleParamKey]?: Sourced<RoleValues[K]> }
  & { roleArn: Sourced<string>; duration: Sourced<number>; sessionName: Sourced<string> };

/** Default session name, fixed for one run so every module shares one STS session per role. */
export function defaultSessionName(): string {
  const epochNs = BigInt(Date.now()) * 1_000_000n + (process.hrtime.bigint() % 1_000_000n);
  return `terragrunt-${epochNs}`;
}

/** A bad flag/env value is a usage error; a bad HCL value names file and line. */
const bad: Bad = (src, what) => {
  const p = src.source;
  if (fromCommandLine(p)) throw new UsageError(`${p.name}: ${what}`);
  if (p.kind === 'file') throw new ConfigError(p.file, what, undefined, p.line);
  throw new Error(`internal: the default ${p.name} is invalid: ${what}`);
};

/**
 * The module's role, or undefined when no role is configured anywhere (terraform then runs with tgo's own
 * environment). Throws ConfigError/UsageError naming where a bad value came from.
 */
export function resolveRole(
  overrides: RoleOverrides,
  iam: IamAttributes,
  moduleConfig: string,
  display: DisplayPath,
  defaultSession: string,
): RoleSpec | undefined {
  if (isUnset((overrides.roleArn ?? iam.roleArn)?.value)) return undefined;
  const role: Partial<Record<RoleParamKey, Sourced<unknown>>> = {};
  const parsed: Partial<Record<RoleParamKey, unknown>> = {};
  for (const p of ROLE_PARAM_LIST) {
    const flag = overrides[p.key];
    const hcl = iam[p.key];
    const src: Sourced<Value> | undefined = flag ?? (hcl && {
      value: hcl.value,
      source: { kind: 'file', name: p.attribute, file: display(hcl.file), line: hcl.line, included: hcl.file !== moduleConfig },
    });
    if (!src || isUnset(src.value)) {
      if (p.default) role[p.key] = { value: p.default({ sessionName: defaultSession }), source: { kind: 'default', name: p.attribute } };
      continue;
    }
    // A relative file (a session policy) is found next to the HCL file that names it, or in the cwd for a flag.
    const baseDir = flag || !hcl ? process.cwd() : path.dirname(hcl.file);
    const value = p.parse(src, { bad, attribute: p.attribute, baseDir, parsed: parsed as Partial<RoleValues> });
    parsed[p.key] = value;
    role[p.key] = { value, source: src.source };
  }
  // AssumeRoleWithWebIdentity takes only some parameters: the others are refused rather than silently dropped.
  const token = role.webIdentityToken;
  if (token) {
    for (const p of ROLE_PARAM_LIST) {
      const v = role[p.key];
      if (v && p.sts.calls === 'assumeRole') {
        bad(v, `${p.attribute} cannot be used with a web identity token: AssumeRoleWithWebIdentity does not take it (token set by ${describeSource(token.source)})`);
      }
    }
  }
  return role as RoleSpec;
}

/** The STS request for a role (unsigned: the credential source decides what signs it). */
export function assumeRoleRequest(role: RoleSpec): AssumeRoleRequest {
  const req: Record<string, unknown> = {};
  for (const p of ROLE_PARAM_LIST) {
    const v = role[p.key];
    if (v) req[p.request] = v.value;
  }
  return req as unknown as AssumeRoleRequest;
}
