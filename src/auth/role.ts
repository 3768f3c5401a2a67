// Which role each module assumes, field by field, and who said so:
// --flag > TG_* env > TERRAGRUNT_* env > the module's own terragrunt.hcl > an included file.
// A CLI/env role applies to every module; HCL duration/session name still apply where the CLI/env sets none.

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Sourced } from '../cli/parse-args.js';
import type { IamAttributes, Located } from '../config/types.js';
import type { DisplayPath } from '../config/decode.js';
import { ConfigError, UsageError } from '../errors.js';
import { resolveExtraParams, type ExtraRoleParams, type RawExtraParams, type RawParam } from './role-params.js';
import type { AssumeRoleRequest } from './sts.js';

/** CLI/env values for the role fields (already resolved flag > TG_ > TERRAGRUNT_). */
export interface RoleOverrides {
  roleArn?: Sourced<string>;
  duration?: Sourced<string>;
  sessionName?: Sourced<string>;
  webIdentityToken?: Sourced<string>;
  // Beyond Terragrunt (flags/env as strings; lists comma-separated, tags key=value,…).
  externalId?: Sourced<string>;
  sessionTags?: Sourced<string>;
  transitiveTagKeys?: Sourced<string>;
  sourceIdentity?: Sourced<string>;
  policy?: Sourced<string>;
  policyArns?: Sourced<string>;
  mfaSerial?: Sourced<string>;
}

export interface RoleSpec extends ExtraRoleParams {
  roleArn: Sourced<string>;
  durationSeconds: Sourced<number>;
  sessionName: Sourced<string>;
  /** The token itself (read from the file when a path was given); never printed. */
  webIdentityToken?: Sourced<string>;
}

export const DEFAULT_DURATION = 3600;
export const MIN_DURATION = 900;
export const MAX_DURATION = 43200;

export const ROLE_ARN = /^arn:aws[a-z-]*:iam::[^:/\s]+:role\/[\w+=,.@/-]{1,512}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/** Default session name, fixed for one run so every module shares one STS session per role. */
export function defaultSessionName(): string {
  const epochNs = BigInt(Date.now()) * 1_000_000n + (process.hrtime.bigint() % 1_000_000n);
  return `terragrunt-${epochNs}`;
}

function fromHcl<T>(v: Located<T> | undefined, moduleConfig: string, display: DisplayPath): Sourced<T> | undefined {
  if (!v) return undefined;
  const who = v.file === moduleConfig ? display(v.file) : `included ${display(v.file)}`;
  return { value: v.value, source: v.line ? `${who}:${v.line}` : who };
}

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
  const arn = overrides.roleArn ?? fromHcl(iam.roleArn, moduleConfig, display);
  if (!arn || arn.value === '') return undefined;
  const durationRaw = overrides.duration ?? fromHcl(iam.duration, moduleConfig, display);
  const session = overrides.sessionName ?? fromHcl(iam.sessionName, moduleConfig, display);
  const token = overrides.webIdentityToken ?? fromHcl(iam.webIdentityToken, moduleConfig, display);

  const bad = (src: Sourced<unknown>, what: string): never => {
    // A flag/env problem is a usage error; an HCL one names file:line.
    if (src.source.startsWith('-') || /^[A-Z_]+$/.test(src.source)) throw new UsageError(`${src.source}: ${what}`);
    const m = /^(?:included )?(.*?)(?::(\d+))?$/.exec(src.source)!;
    throw new ConfigError(m[1]!, what, undefined, m[2] ? Number(m[2]) : undefined);
  };

  if (!ROLE_ARN.test(arn.value)) {
    bad(arn, `invalid IAM role ARN "${arn.value}": expected arn:aws:iam::<account-id>:role/<role-name>`);
  }
  let durationSeconds: Sourced<number> = { value: DEFAULT_DURATION, source: 'default' };
  if (durationRaw && durationRaw.value !== '' && durationRaw.value !== null) {
    const raw = durationRaw.value;
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(n)) bad(durationRaw, `iam_assume_role_duration must be a whole number of seconds, got ${JSON.stringify(raw)}`);
    if (n < MIN_DURATION || n > MAX_DURATION) {
      bad(durationRaw, `iam_assume_role_duration must be between ${MIN_DURATION} and ${MAX_DURATION} seconds, got ${n}`);
    }
    durationSeconds = { value: n, source: durationRaw.source };
  }
  let sessionName: Sourced<string> = { value: defaultSession, source: 'default' };
  if (session && session.value !== '') {
    if (!SESSION_NAME.test(session.value)) {
      bad(session, `invalid session name "${session.value}": 2-64 characters of letters, digits and + = , . @ - _`);
    }
    sessionName = session;
  }
  let webIdentityToken: Sourced<string> | undefined;
  if (token && token.value !== '') webIdentityToken = { value: readToken(token, bad), source: token.source };

  // Beyond Terragrunt: the same precedence, field by field.
  const cwd = process.cwd();
  const pick = (k: keyof RawExtraParams): RawParam | undefined => {
    const o = overrides[k];
    if (o) return { ...o, baseDir: cwd };
    const h = iam[k];
    const s = fromHcl(h, moduleConfig, display);
    return s && h ? { ...s, baseDir: path.dirname(h.file) } : undefined;
  };
  const raw: RawExtraParams = {};
  for (const k of ['externalId', 'sessionTags', 'transitiveTagKeys', 'sourceIdentity', 'policy', 'policyArns', 'mfaSerial'] as const) {
    const v = pick(k);
    if (v) raw[k] = v;
  }
  const extra = resolveExtraParams(raw, bad, webIdentityToken);
  return { roleArn: arn, durationSeconds, sessionName, webIdentityToken, ...extra };
}

/** A token or the path of a file holding one (Terragrunt reads the file when the path exists). */
function readToken(token: Sourced<string>, bad: (src: Sourced<unknown>, what: string) => never): string {
  const v = token.value.trim();
  let isFile = false;
  try {
    isFile = statSync(v).isFile();
  } catch {
    // A JWT never contains '/', so a value with one that is not a file is a missing token file.
    if (v.includes('/')) bad(token, `web identity token file ${v} does not exist`);
  }
  if (!isFile) return v;
  try {
    const content = readFileSync(v, 'utf8').trim();
    if (!content) bad(token, `web identity token file ${v} is empty`);
    return content;
  } catch (e) {
    if (e instanceof ConfigError || e instanceof UsageError) throw e;
    return bad(token, `cannot read web identity token file ${v}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** The STS request for a role (unsigned: the source decides what signs it). */
export function assumeRoleRequest(role: RoleSpec): AssumeRoleRequest {
  return {
    roleArn: role.roleArn.value,
    sessionName: role.sessionName.value,
    durationSeconds: role.durationSeconds.value,
    webIdentityToken: role.webIdentityToken?.value,
    externalId: role.externalId?.value,
    tags: role.sessionTags?.value,
    transitiveTagKeys: role.transitiveTagKeys?.value,
    sourceIdentity: role.sourceIdentity?.value,
    policy: role.policy?.value,
    policyArns: role.policyArns?.value,
    serialNumber: role.mfaSerial?.value,
  };
}
