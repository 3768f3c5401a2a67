// The AssumeRole parameters Terragrunt lacks: external ID, session tags and transitive tag keys, source
// identity, session policies, MFA serial. Each comes from a flag/env (a string: lists comma-separated, tags
// key=value,…) or from HCL (a string, list or map), and is checked against STS's limits here, so a bad value
// stops the run before any STS call with an error naming the flag, variable or file:line that set it.

import { readFileSync, statSync } from 'node:fs';
import { EXTRA_IAM_ATTRIBUTES } from '../config/types.js';
import path from 'node:path';
import type { Sourced } from '../cli/parse-args.js';
import { formatNumber, isObject, type Value } from '../config/hcl/values.js';

/** Throws a UsageError (flag/env) or ConfigError (file:line) for `src`. */
export type Bad = (src: Sourced<unknown>, what: string) => never;

export interface ExtraRoleParams {
  externalId?: Sourced<string>;
  sessionTags?: Sourced<Record<string, string>>;
  transitiveTagKeys?: Sourced<string[]>;
  sourceIdentity?: Sourced<string>;
  /** The policy document itself (read from the file when a path was given). */
  policy?: Sourced<string>;
  policyArns?: Sourced<string[]>;
  mfaSerial?: Sourced<string>;
}

/** A raw value; `baseDir` resolves a relative policy file (the HCL file's directory; the cwd for flags). */
export type RawParam = Sourced<Value> & { baseDir?: string };

/** Raw values, the winner of flag > TG_ > TERRAGRUNT_ > module HCL > included HCL per field. */
export interface RawExtraParams {
  externalId?: RawParam;
  sessionTags?: RawParam;
  transitiveTagKeys?: RawParam;
  sourceIdentity?: RawParam;
  policy?: RawParam;
  policyArns?: RawParam;
  mfaSerial?: RawParam;
}

// STS's limits (AssumeRole API reference and "IAM and AWS STS quotas").
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

/** HCL attribute names, for messages. */
const ATTR = EXTRA_IAM_ATTRIBUTES;

const empty = (v: Value | undefined) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)
  || (isObject(v) && Object.keys(v).length === 0);

function scalar(src: Sourced<Value>, name: string, bad: Bad): string {
  const v = src.value;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return String(v);
  return bad(src, `${name} must be a string, got ${Array.isArray(v) ? 'a list' : 'an object'}`);
}

/** A list from HCL (list of strings) or from a flag/env (comma-separated). */
function list(src: Sourced<Value>, name: string, bad: Bad): string[] {
  const v = src.value;
  const items = typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v : bad(src, `${name} must be a list of strings`);
  return items.map((x, i) => {
    if (typeof x !== 'string' && typeof x !== 'number') bad(src, `${name}[${i}] must be a string`);
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
      if (x !== null && typeof x === 'object') bad(src, `session tag "${k}" must have a string value`);
      add(k, x === null ? '' : typeof x === 'number' ? formatNumber(x) : String(x));
    }
  } else {
    bad(src, 'session tags must be a map of strings (HCL) or key=value,key2=value2 (flag/env)');
  }
  if (Object.keys(out).length > MAX_TAGS) bad(src, `at most ${MAX_TAGS} session tags are allowed, got ${Object.keys(out).length}`);
  return out;
}

/** Inline JSON, an HCL object (encoded for you), or the path of a file holding the JSON. */
function policy(src: Sourced<Value>, baseDir: string, bad: Bad): string {
  let text: string;
  if (isObject(src.value) || Array.isArray(src.value)) {
    text = JSON.stringify(src.value);
  } else {
    const raw = scalar(src, ATTR.policy, bad);
    text = raw;
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
        text = readFileSync(file, 'utf8').trim();
      } catch (e) {
        bad(src, `cannot read session policy file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    }
  }
  try {
    JSON.parse(text);
  } catch (e) {
    bad(src, `session policy is not valid JSON: ${(e as Error).message}`);
  }
  if (text.length > MAX_POLICY) bad(src, `session policy is ${text.length} characters; STS allows at most ${MAX_POLICY}`);
  return text;
}

/**
 * Parse and validate the extra parameters. `webIdentity`: AssumeRoleWithWebIdentity takes only the session
 * policies, so the others are refused rather than silently dropped.
 */
export function resolveExtraParams(raw: RawExtraParams, bad: Bad, webIdentity: Sourced<string> | undefined): ExtraRoleParams {
  const out: ExtraRoleParams = {};
  const present = <K extends keyof RawExtraParams>(k: K): RawParam | undefined => {
    const v = raw[k];
    return v && !empty(v.value) ? v : undefined;
  };
  const baseDir = (src: RawParam) => src.baseDir ?? process.cwd();

  const ext = present('externalId');
  if (ext) {
    const v = scalar(ext, ATTR.externalId, bad);
    if (!EXTERNAL_ID.test(v)) bad(ext, `invalid external ID: 2-1224 characters of letters, digits and + = , . @ : / - _ (got ${v.length} characters)`);
    out.externalId = { value: v, source: ext.source };
  }
  const tg = present('sessionTags');
  if (tg) out.sessionTags = { value: tags(tg, bad), source: tg.source };
  const tt = present('transitiveTagKeys');
  if (tt) {
    const keys = list(tt, ATTR.transitiveTagKeys, bad);
    if (keys.length > MAX_TAGS) bad(tt, `at most ${MAX_TAGS} transitive tag keys are allowed, got ${keys.length}`);
    const tagKeys = new Set(Object.keys(out.sessionTags?.value ?? {}).map((k) => k.toLowerCase()));
    const missing = keys.filter((k) => !tagKeys.has(k.toLowerCase()));
    if (missing.length > 0) bad(tt, `transitive tag keys must be session tag keys too; not a session tag: ${missing.join(', ')}`);
    out.transitiveTagKeys = { value: keys, source: tt.source };
  }
  const si = present('sourceIdentity');
  if (si) {
    const v = scalar(si, ATTR.sourceIdentity, bad);
    if (!SOURCE_IDENTITY.test(v)) bad(si, `invalid source identity "${v}": 2-64 characters of letters, digits and + = , . @ - _`);
    out.sourceIdentity = { value: v, source: si.source };
  }
  const po = present('policy');
  if (po) out.policy = { value: policy(po, baseDir(po), bad), source: po.source };
  const pa = present('policyArns');
  if (pa) {
    const arns = list(pa, ATTR.policyArns, bad);
    if (arns.length > MAX_POLICY_ARNS) bad(pa, `at most ${MAX_POLICY_ARNS} policy ARNs are allowed, got ${arns.length}`);
    for (const a of arns) if (!POLICY_ARN.test(a)) bad(pa, `invalid policy ARN "${a}": expected arn:aws:iam::<account-id|aws>:policy/<name>`);
    out.policyArns = { value: arns, source: pa.source };
  }
  const mfa = present('mfaSerial');
  if (mfa) {
    const v = scalar(mfa, ATTR.mfaSerial, bad);
    if (!MFA_SERIAL.test(v)) bad(mfa, `invalid MFA serial "${v}": expected arn:aws:iam::<account-id>:mfa/<name> or a hardware serial (9-256 characters)`);
    out.mfaSerial = { value: v, source: mfa.source };
  }
  if (webIdentity) {
    for (const k of ['externalId', 'sessionTags', 'transitiveTagKeys', 'sourceIdentity', 'mfaSerial'] as const) {
      const v = out[k];
      if (v) bad(v, `${ATTR[k]} cannot be used with a web identity token: AssumeRoleWithWebIdentity does not take it (token set by ${webIdentity.source})`);
    }
  }
  return out;
}
