// Every AssumeRole parameter tgo takes, declared once: its HCL attribute, its flags (classic and current names)
// and environment variables, how a value is checked, the STS request field it fills, and its name in
// render-json. The flag table, the HCL schema, include merge, the CLI overrides, role resolution, the STS
// request, the credential cache key and render-json are all derived from ROLE_PARAMS: a new parameter is one
// entry here. It lives in config/ because that is the lowest layer that needs it (the schema).
//
// Checks follow STS's limits (AssumeRole API reference, "IAM and AWS STS quotas"), so a bad value stops the
// run before any STS call with an error naming the flag, variable or file:line that set it.

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Sourced } from '../shared/provenance.js';
import { formatNumber, isNumber, isObject, toDouble, type Value } from './hcl/values.js';

/** Throws a UsageError (flag/env) or ConfigError (file:line) for `src`. */
export type Bad = (src: Sourced<unknown>, what: string) => never;

export interface ParseContext {
  bad: Bad;
  /** The parameter's HCL attribute, for messages. */
  attribute: string;
  /** Where a relative file path is resolved: the directory of the HCL file that set it, the cwd for a flag. */
  baseDir: string;
  /** The parameters checked so far (in table order). */
  parsed: Partial<RoleValues>;
}

export interface RoleFlag {
  /** Key in the parsed flag values. */
  key: string;
  /** Long names without dashes: classic first, then current. */
  names: string[];
  /** Env vars, highest precedence first (current TG_* before classic TERRAGRUNT_*). */
  env: string[];
  description: string;
}

export interface RoleParamSpec<K extends string = string, R extends string = string, V = unknown> {
  key: K;
  /** The HCL attribute. */
  attribute: string;
  /** HCL must give a string (as Terragrunt's own attributes do); the others take any value and parse it. */
  hclString?: boolean;
  flag: RoleFlag;
  /** Terragrunt has it (render-json shows the attribute as written, as Terragrunt does). */
  terragrunt: boolean;
  /** Check a set value and turn it into what STS takes; `src` is a flag/env string or an HCL value. */
  parse(src: Sourced<Value>, ctx: ParseContext): V;
  /** The value when nothing sets one (the run's session name, for the session name). */
  default?: (run: { sessionName: string }) => V;
  /** Field of tgo's AssumeRoleRequest (src/auth/sts.ts). */
  request: R;
  /**
   * The STS API field, how the value is sent (default: as it is), and which calls take it: `assumeRole`
   * only (refused with a web identity token rather than dropped), `webIdentity` only, or `both`.
   */
  sts: { field: string; encode?(v: V): unknown; calls: 'both' | 'assumeRole' | 'webIdentity' };
  /** Key under `resolved_role` in render-json. */
  render: string;
  /** A valid flag value (for help and tests). */
  example: string;
  /** Never shown (render-json says "(set)"); hashed in the cache key. */
  secret?: boolean;
  /** Hashed in the cache key (long values). */
  hashed?: boolean;
}

const param = <K extends string, R extends string, V>(p: RoleParamSpec<K, R, V>) => p;

export const DEFAULT_DURATION = 3600;
export const MIN_DURATION = 900;
export const MAX_DURATION = 43200;
export const ROLE_ARN = /^arn:aws[a-z-]*:iam::[^:/\s]+:role\/[\w+=,.@/-]{1,512}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const SOURCE_IDENTITY = /^[\w+=,.@-]{2,64}$/;
const MFA_SERIAL = /^[\w+=/:,.@-]{9,256}$/;
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const POLICY_ARN = /^arn:aws[a-z-]*:iam::(?:\d{12}|aws):policy\/[\w+=,.@/-]{1,512}$/;
export const MAX_TAGS = 50;
export const MAX_TAG_KEY = 128;
export const MAX_TAG_VALUE = 256;
export const MAX_POLICY = 2048;
export const MAX_POLICY_ARNS = 10;

export const ROLE_PARAMS = [
  param({
    key: 'roleArn', attribute: 'iam_role', hclString: true, terragrunt: true, request: 'roleArn', render: 'role_arn',
    example: 'arn:aws:iam::111111111111:role/deploy',
    sts: { field: 'RoleArn', calls: 'both' },
    flag: { key: 'iamRole', names: ['terragrunt-iam-role', 'iam-assume-role'], env: ['TG_IAM_ASSUME_ROLE', 'TERRAGRUNT_IAM_ROLE'],
      description: 'IAM role ARN to assume for every module (overrides iam_role in terragrunt.hcl).' },
    parse: matching(text, ROLE_ARN, (v) => `invalid IAM role ARN "${v}": expected arn:aws:iam::<account-id>:role/<role-name>`),
  }),
  param({
    key: 'duration', attribute: 'iam_assume_role_duration', terragrunt: true, request: 'durationSeconds', render: 'duration_seconds',
    example: '1800',
    sts: { field: 'DurationSeconds', calls: 'both' },
    flag: { key: 'iamDuration', names: ['terragrunt-iam-assume-role-duration', 'iam-assume-role-duration'],
      env: ['TG_IAM_ASSUME_ROLE_DURATION', 'TERRAGRUNT_IAM_ASSUME_ROLE_DURATION'],
      description: 'Session duration in seconds for the assumed role (900-43200, default 3600).' },
    default: () => DEFAULT_DURATION,
    parse(src, { bad }) {
      const raw = src.value;
      const n = isNumber(raw) ? toDouble(raw) : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isInteger(n)) bad(src, `iam_assume_role_duration must be a whole number of seconds, got ${JSON.stringify(raw)}`);
      if (n < MIN_DURATION || n > MAX_DURATION) bad(src, `iam_assume_role_duration must be between ${MIN_DURATION} and ${MAX_DURATION} seconds, got ${n}`);
      return n;
    },
  }),
  param({
    key: 'sessionName', attribute: 'iam_assume_role_session_name', hclString: true, terragrunt: true, request: 'sessionName', render: 'session_name',
    example: 'alice-deploy',
    sts: { field: 'RoleSessionName', calls: 'both' },
    flag: { key: 'iamSessionName', names: ['terragrunt-iam-assume-role-session-name', 'iam-assume-role-session-name'],
      env: ['TG_IAM_ASSUME_ROLE_SESSION_NAME', 'TERRAGRUNT_IAM_ASSUME_ROLE_SESSION_NAME'],
      description: 'Session name for the assumed role (default terragrunt-<unix nanoseconds>).' },
    // One session name per run, so every module assuming a role shares one STS session.
    default: (run) => run.sessionName,
    parse: matching(text, SESSION_NAME, (v) => `invalid session name "${v}": 2-64 characters of letters, digits and + = , . @ - _`),
  }),
  param({
    key: 'webIdentityToken', attribute: 'iam_web_identity_token', hclString: true, terragrunt: true, request: 'webIdentityToken',
    example: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2ln',
    render: 'web_identity_token', secret: true,
    sts: { field: 'WebIdentityToken', calls: 'webIdentity' },
    flag: { key: 'iamWebIdentityToken', names: ['terragrunt-iam-web-identity-token', 'iam-assume-role-web-identity-token'],
      env: ['TG_IAM_ASSUME_ROLE_WEB_IDENTITY_TOKEN', 'TERRAGRUNT_IAM_WEB_IDENTITY_TOKEN', 'TERRAGRUNT_IAM_ASSUME_ROLE_WEB_IDENTITY_TOKEN'],
      description: 'Web identity (OIDC) token, or the path of a file holding one: assume the role with AssumeRoleWithWebIdentity.' },
    parse: (src, ctx) => readToken(src, text(src, ctx), ctx.bad),
  }),
  // Beyond Terragrunt: the AssumeRole parameters it lacks. From a flag or env they are strings (lists
  // comma-separated, tags key=value,…); from HCL a string, list or map.
  param({
    key: 'externalId', attribute: 'iam_assume_role_external_id', terragrunt: false, request: 'externalId', render: 'external_id',
    example: 'ext-123',
    sts: { field: 'ExternalId', calls: 'assumeRole' },
    flag: { key: 'iamExternalId', names: ['terragrunt-iam-assume-role-external-id', 'iam-assume-role-external-id'],
      env: ['TG_IAM_ASSUME_ROLE_EXTERNAL_ID', 'TERRAGRUNT_IAM_ASSUME_ROLE_EXTERNAL_ID'], description: 'External ID for AssumeRole (2-1224 characters).' },
    parse: matching(scalar, EXTERNAL_ID, (v) => `invalid external ID: 2-1224 characters of letters, digits and + = , . @ : / - _ (got ${v.length} characters)`),
  }),
  param({
    key: 'sessionTags', attribute: 'iam_assume_role_session_tags', terragrunt: false, request: 'tags', render: 'session_tags',
    example: 'team=platform,env=prod',
    sts: { field: 'Tags', calls: 'assumeRole', encode: (t: Record<string, string>) => Object.entries(t).map(([Key, Value]) => ({ Key, Value })) },
    flag: { key: 'iamSessionTags', names: ['terragrunt-iam-assume-role-session-tags', 'iam-assume-role-session-tags'],
      env: ['TG_IAM_ASSUME_ROLE_SESSION_TAGS', 'TERRAGRUNT_IAM_ASSUME_ROLE_SESSION_TAGS'], description: 'Session tags, key=value,key2=value2.' },
    parse: (src, { bad }) => tags(src, bad),
  }),
  param({
    key: 'transitiveTagKeys', attribute: 'iam_assume_role_transitive_tag_keys', terragrunt: false, request: 'transitiveTagKeys', render: 'transitive_tag_keys',
    example: 'team',
    sts: { field: 'TransitiveTagKeys', calls: 'assumeRole' },
    flag: { key: 'iamTransitiveTagKeys', names: ['terragrunt-iam-assume-role-transitive-tag-keys', 'iam-assume-role-transitive-tag-keys'],
      env: ['TG_IAM_ASSUME_ROLE_TRANSITIVE_TAG_KEYS', 'TERRAGRUNT_IAM_ASSUME_ROLE_TRANSITIVE_TAG_KEYS'], description: 'Session tag keys that stay with chained roles, comma-separated.' },
    parse(src, ctx) {
      const { bad, parsed } = ctx;
      const keys = list(src, ctx);
      if (keys.length > MAX_TAGS) bad(src, `at most ${MAX_TAGS} transitive tag keys are allowed, got ${keys.length}`);
      const tagKeys = new Set(Object.keys(parsed.sessionTags ?? {}).map((k) => k.toLowerCase()));
      const missing = keys.filter((k) => !tagKeys.has(k.toLowerCase()));
      if (missing.length > 0) bad(src, `transitive tag keys must be session tag keys too; not a session tag: ${missing.join(', ')}`);
      return keys;
    },
  }),
  param({
    key: 'sourceIdentity', attribute: 'iam_assume_role_source_identity', terragrunt: false, request: 'sourceIdentity', render: 'source_identity',
    example: 'alice@example.com',
    sts: { field: 'SourceIdentity', calls: 'assumeRole' },
    flag: { key: 'iamSourceIdentity', names: ['terragrunt-iam-assume-role-source-identity', 'iam-assume-role-source-identity'],
      env: ['TG_IAM_ASSUME_ROLE_SOURCE_IDENTITY', 'TERRAGRUNT_IAM_ASSUME_ROLE_SOURCE_IDENTITY'], description: 'Source identity for AssumeRole.' },
    parse: matching(scalar, SOURCE_IDENTITY, (v) => `invalid source identity "${v}": 2-64 characters of letters, digits and + = , . @ - _`),
  }),
  param({
    key: 'policy', attribute: 'iam_assume_role_policy', terragrunt: false, request: 'policy', render: 'policy', hashed: true,
    example: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}',
    sts: { field: 'Policy', calls: 'both' },
    flag: { key: 'iamPolicy', names: ['terragrunt-iam-assume-role-policy', 'iam-assume-role-policy'],
      env: ['TG_IAM_ASSUME_ROLE_POLICY', 'TERRAGRUNT_IAM_ASSUME_ROLE_POLICY'], description: 'Inline session policy (JSON, or the path of a file holding it).' },
    parse: policy,
  }),
  param({
    key: 'policyArns', attribute: 'iam_assume_role_policy_arns', terragrunt: false, request: 'policyArns', render: 'policy_arns',
    example: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    sts: { field: 'PolicyArns', calls: 'both', encode: (arns: string[]) => arns.map((arn) => ({ arn })) },
    flag: { key: 'iamPolicyArns', names: ['terragrunt-iam-assume-role-policy-arns', 'iam-assume-role-policy-arns'],
      env: ['TG_IAM_ASSUME_ROLE_POLICY_ARNS', 'TERRAGRUNT_IAM_ASSUME_ROLE_POLICY_ARNS'], description: 'Managed session policy ARNs, comma-separated.' },
    parse(src, ctx) {
      const { bad } = ctx;
      const arns = list(src, ctx);
      if (arns.length > MAX_POLICY_ARNS) bad(src, `at most ${MAX_POLICY_ARNS} policy ARNs are allowed, got ${arns.length}`);
      for (const a of arns) if (!POLICY_ARN.test(a)) bad(src, `invalid policy ARN "${a}": expected arn:aws:iam::<account-id|aws>:policy/<name>`);
      return arns;
    },
  }),
  param({
    key: 'mfaSerial', attribute: 'iam_assume_role_mfa_serial', terragrunt: false, request: 'serialNumber', render: 'mfa_serial',
    example: 'arn:aws:iam::111111111111:mfa/alice',
    sts: { field: 'SerialNumber', calls: 'assumeRole' },
    flag: { key: 'iamMfaSerial', names: ['terragrunt-iam-mfa-serial', 'iam-mfa-serial'], env: ['TG_IAM_MFA_SERIAL', 'TGO_IAM_MFA_SERIAL'],
      description: 'MFA device ARN: one GetSessionToken per run, every role assumed from that MFA session.' },
    parse: matching(scalar, MFA_SERIAL, (v) => `invalid MFA serial "${v}": expected arn:aws:iam::<account-id>:mfa/<name> or a hardware serial (9-256 characters)`),
  }),
] as const;

export type RoleParam = (typeof ROLE_PARAMS)[number];
export type RoleParamKey = RoleParam['key'];
/** The table with values seen as unknown, for code that handles every parameter alike. */
export const ROLE_PARAM_LIST: readonly RoleParamSpec<RoleParamKey>[] = ROLE_PARAMS;
/** Each parameter's checked value, by key. */
export type RoleValues = { [P in RoleParam as P['key']]: ReturnType<P['parse']> };
/** Each parameter's checked value, by AssumeRoleRequest field. */
export type RoleRequestFields = { [P in RoleParam as P['request']]: ReturnType<P['parse']> };

/** Not set: absent, null, '' or an empty list or map. */
export const isUnset = (v: Value | undefined) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)
  || (isObject(v) && Object.keys(v).length === 0);

type Read = (src: Sourced<Value>, ctx: ParseContext) => string;

/** A string as written (Terragrunt's attributes are not trimmed). */
function text(src: Sourced<Value>, ctx: ParseContext): string {
  return typeof src.value === 'string' ? src.value : scalar(src, ctx);
}

/** A string, trimmed; a number or bool as its text. */
function scalar(src: Sourced<Value>, { bad, attribute }: ParseContext): string {
  const v = src.value;
  if (typeof v === 'string') return v.trim();
  if (isNumber(v)) return formatNumber(v);
  if (typeof v === 'boolean') return String(v);
  return bad(src, `${attribute} must be a string, got ${Array.isArray(v) ? 'a list' : 'an object'}`);
}

/** A string that must match `re`; `what` says why not. */
function matching(read: Read, re: RegExp, what: (v: string) => string): (src: Sourced<Value>, ctx: ParseContext) => string {
  return (src, ctx) => {
    const v = read(src, ctx);
    if (!re.test(v)) ctx.bad(src, what(v));
    return v;
  };
}

/** A list from HCL (list of strings) or from a flag/env (comma-separated). */
function list(src: Sourced<Value>, { bad, attribute }: ParseContext): string[] {
  const v = src.value;
  const items = typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v : bad(src, `${attribute} must be a list of strings`);
  return items.map((x, i) => {
    if (typeof x !== 'string' && !isNumber(x)) bad(src, `${attribute}[${i}] must be a string`);
    return String(x).trim();
  }).filter((x) => x !== '');
}

function tags(src: Sourced<Value>, bad: Bad): Record<string, string> {
  const v = src.value;
  const out: Record<string, string> = {};
  const seen = new Map<string, string>();
  const add = (k: string, val: string) => {
    if (k.length < 1 || k.length > MAX_TAG_KEY) bad(src, `session tag key "${k}" must be 1-${MAX_TAG_KEY} characters`);
    if (val.length > MAX_TAG_VALUE) bad(src, `session tag "${k}" has a value of ${val.length} characters; at most ${MAX_TAG_VALUE} are allowed`);
    if (!TAG_CHARS.test(k)) bad(src, `session tag key "${k}" may contain only letters, digits, spaces and _ . : / = + - @`);
    if (!TAG_CHARS.test(val)) bad(src, `session tag "${k}" has a value with characters STS refuses; only letters, digits, spaces and _ . : / = + - @ are allowed`);
    // STS compares tag keys case-insensitively: two spellings of one key are refused.
    const prev = seen.get(k.toLowerCase());
    if (prev !== undefined) bad(src, `session tag key "${k}" is given twice (also as "${prev}"; keys are case-insensitive)`);
    seen.set(k.toLowerCase(), k);
    out[k] = val;
  };
  if (typeof v === 'string') {
    for (const part of v.split(',')) {
      if (part.trim() === '') continue;
      const eq = part.indexOf('=');
      if (eq < 0) bad(src, `session tags must be key=value pairs separated by commas, got "${part.trim()}"`);
      add(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
  } else if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (x !== null && typeof x === 'object' && !isNumber(x)) bad(src, `session tag "${k}" must have a string value`);
      add(k, x === null ? '' : isNumber(x) ? formatNumber(x) : String(x));
    }
  } else {
    bad(src, 'session tags must be a map of strings (HCL) or key=value,key2=value2 (flag/env)');
  }
  if (Object.keys(out).length > MAX_TAGS) bad(src, `at most ${MAX_TAGS} session tags are allowed, got ${Object.keys(out).length}`);
  return out;
}

/** Inline JSON, an HCL object (encoded for you), or the path of a file holding the JSON. */
function policy(src: Sourced<Value>, ctx: ParseContext): string {
  const { bad, baseDir } = ctx;
  let doc: string;
  if (isObject(src.value) || Array.isArray(src.value)) {
    doc = JSON.stringify(src.value);
  } else {
    const raw = scalar(src, ctx);
    doc = raw;
    if (!raw.startsWith('{')) {
      const file = path.resolve(baseDir, raw);
      let isFile = false;
      try {
        isFile = statSync(file).isFile();
      } catch {
        bad(src, `session policy must be JSON or the path of a file holding it; ${file} does not exist`);
      }
      if (!isFile) bad(src, `session policy file ${file} is not a file`);
      try {
        doc = readFileSync(file, 'utf8').trim();
      } catch (e) {
        bad(src, `cannot read session policy file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    }
  }
  try {
    JSON.parse(doc);
  } catch (e) {
    bad(src, `session policy is not valid JSON: ${(e as Error).message}`);
  }
  if (doc.length > MAX_POLICY) bad(src, `session policy is ${doc.length} characters; STS allows at most ${MAX_POLICY}`);
  return doc;
}

/** A token or the path of a file holding one (Terragrunt reads the file when the path exists). */
function readToken(src: Sourced<Value>, value: string, bad: Bad): string {
  const v = value.trim();
  let isFile = false;
  try {
    isFile = statSync(v).isFile();
  } catch {
    // A JWT never contains '/', so a value with one that is not a file is a missing token file.
    if (v.includes('/')) bad(src, `web identity token file ${v} does not exist`);
  }
  if (!isFile) return v;
  let content = '';
  try {
    content = readFileSync(v, 'utf8').trim();
  } catch (e) {
    bad(src, `cannot read web identity token file ${v}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!content) bad(src, `web identity token file ${v} is empty`);
  return content;
}
