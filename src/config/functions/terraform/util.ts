// Shared helpers for Terraform's built-in functions: argument conversion with Terraform's wording, number
// printing as Terraform (big-float based) prints it, Go-compatible JSON strings, grapheme counting and the
// type unification cty applies when a tuple is used where a list or set is expected.

import { FunctionError, type FunctionContext, type HclFunction } from '../types.js';
import { isObject, typeName, valuesEqual, type Value, type ValueObject } from '../../hcl/values.js';

export { FunctionError };

export interface Spec {
  params: string[];
  variadic?: string;
  optional?: number;
  /** Parameters (by name) that accept null. cty rejects null everywhere else, before the function runs. */
  allowNull?: string[];
  impl(args: Value[], ctx: FunctionContext): Value;
}

/** Declares a function; nulls in parameters that don't allow them fail as Terraform reports them. */
export function def(spec: Spec): HclFunction {
  const { allowNull = [], impl, ...rest } = spec;
  return {
    ...rest,
    impl(args, ctx) {
      args.forEach((a, i) => {
        const name = i < spec.params.length ? spec.params[i]! : spec.variadic;
        if (a === null && !(name !== undefined && allowNull.includes(name))) {
          throw new FunctionError('argument must not be null', i);
        }
      });
      return impl(args, ctx);
    },
  };
}

export function fail(message: string, argIndex?: number): never {
  throw new FunctionError(message, argIndex);
}

// ---------------------------------------------------------------------------------------------------------
// Numbers. Terraform keeps numbers as 512-bit big floats and prints them with Go's big.Float formatting; we
// hold float64s, so we take their shortest round-trip digits (what a literal in the config had) and lay them
// out the way Go does. `Decimal` mirrors Go's math/big decimal: value = 0.mant × 10^exp.

export interface Decimal {
  neg: boolean;
  mant: string; // no leading or trailing zeros; '' for zero
  exp: number;
}

export function shortestDecimal(n: number): Decimal {
  const neg = n < 0 || Object.is(n, -0);
  const a = Math.abs(n);
  if (a === 0) return { neg, mant: '', exp: 0 };
  const [m, e] = a.toExponential().split('e') as [string, string];
  return { neg, mant: m.replace('.', '').replace(/0+$/, ''), exp: Number(e) + 1 };
}

/**
 * Where Terraform's 512-bit binary value for the decimal d lies relative to d: +1 above, -1 below, 0 exactly
 * d. It decides rounding ties: %.1f of 0.05 is "0.1" in Terraform because its 0.05 is a little above 0.05.
 */
export function bigFloatBias(d: Decimal): number {
  const k = d.mant.length - d.exp; // decimal places
  if (k <= 0 || d.mant.length === 0) return 0;
  const m = BigInt(d.mant);
  const den = 10n ** BigInt(k);
  // Scale so the quotient has exactly 512 bits, then look at what rounding to nearest-even does.
  let s = 512 - (m.toString(2).length - den.toString(2).length);
  let q = (m << BigInt(Math.max(s, 0))) / (den << BigInt(Math.max(-s, 0)));
  while (q.toString(2).length > 512) q = (m << BigInt(Math.max(--s, 0))) / (den << BigInt(Math.max(-s, 0)));
  while (q.toString(2).length < 512) q = (m << BigInt(Math.max(++s, 0))) / (den << BigInt(Math.max(-s, 0)));
  const num = m << BigInt(Math.max(s, 0));
  const div = den << BigInt(Math.max(-s, 0));
  const r = num - q * div;
  if (r === 0n) return 0;
  const twice = 2n * r;
  return twice > div || (twice === div && q % 2n === 1n) ? 1 : -1;
}

/** Go's decimal.round(n): keep n significant digits; `bias` settles a tie that is only one in decimal. */
export function roundDecimal(d: Decimal, n: number, bias = 0): void {
  if (n < 0 || n >= d.mant.length) return;
  const m = d.mant;
  let up: boolean;
  if (m[n] === '5' && n + 1 === m.length) up = bias !== 0 ? bias > 0 : n > 0 && (m.charCodeAt(n - 1) - 48) % 2 === 1;
  else up = m[n]! >= '5';
  if (up) {
    let i = n;
    while (i > 0 && m[i - 1] === '9') i--;
    if (i === 0) {
      d.mant = '1';
      d.exp++;
    } else {
      d.mant = m.slice(0, i - 1) + String.fromCharCode(m.charCodeAt(i - 1) + 1);
    }
  } else {
    d.mant = m.slice(0, n).replace(/0+$/, '');
  }
}

export function fmtE(d: Decimal, prec: number, ch: 'e' | 'E'): string {
  let out = d.mant.length === 0 ? '0' : d.mant[0]!;
  if (prec > 0) {
    out += '.';
    const m = Math.min(d.mant.length, prec + 1);
    if (m > 1) out += d.mant.slice(1, m);
    out += '0'.repeat(Math.max(0, prec + 1 - Math.max(m, 1)));
  }
  out += ch;
  const e = d.mant.length > 0 ? d.exp - 1 : 0;
  out += e < 0 ? '-' : '+';
  const abs = Math.abs(e);
  out += abs < 10 ? `0${abs}` : String(abs);
  return out;
}

export function fmtF(d: Decimal, prec: number): string {
  let out: string;
  if (d.exp > 0) {
    const m = Math.min(d.mant.length, d.exp);
    out = d.mant.slice(0, m) + '0'.repeat(d.exp - m);
  } else {
    out = '0';
  }
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = d.exp + i - 1;
      out += j >= 0 && j < d.mant.length ? d.mant[j] : '0';
    }
  }
  return out;
}

/**
 * Go's big.Float.Text(fmt, prec) (prec < 0 means shortest) for the number as Terraform would hold it: the
 * decimal a config wrote (our float64's shortest form) parsed at 512 bits, not the float64's exact value —
 * so %.2f of 1e25 has no binary noise.
 */
export function floatText(n: number, fmt: 'e' | 'E' | 'f' | 'g' | 'G', prec: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  const shortest = prec < 0;
  let d: Decimal;
  if (shortest) {
    d = shortestDecimal(n);
    if (fmt === 'e' || fmt === 'E') prec = d.mant.length - 1;
    else if (fmt === 'f') prec = Math.max(d.mant.length - d.exp, 0);
    else prec = d.mant.length;
  } else {
    d = shortestDecimal(n);
    const bias = bigFloatBias(d);
    if (fmt === 'e' || fmt === 'E') roundDecimal(d, 1 + prec, bias);
    else if (fmt === 'f') roundDecimal(d, d.exp + prec, bias);
    else {
      if (prec === 0) prec = 1;
      roundDecimal(d, prec, bias);
    }
  }
  const sign = d.neg ? '-' : '';
  if (fmt === 'e' || fmt === 'E') return sign + fmtE(d, prec, fmt);
  if (fmt === 'f') return sign + fmtF(d, prec);
  let eprec = prec;
  if (eprec > d.mant.length && d.mant.length >= d.exp) eprec = d.mant.length;
  if (shortest) eprec = 6;
  const exp = d.exp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > d.mant.length) prec = d.mant.length;
    return sign + fmtE(d, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (prec > d.exp) prec = d.mant.length;
  return sign + fmtF(d, Math.max(prec - d.exp, 0));
}

/** Terraform's number-to-string conversion: all digits, never an exponent (1e21 → "1000000000000000000000"). */
export function numToStr(n: number): string {
  return floatText(n, 'f', -1);
}

const NUMBER_SYNTAX = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** cty's string-to-number conversion: a plain decimal literal, no spaces, no hex. */
export function parseNumber(s: string): number | undefined {
  return NUMBER_SYNTAX.test(s) ? Number(s) : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Argument conversion, worded as cty's convert package words it.

export function toStr(v: Value, i: number): string {
  const s = convStr(v);
  if (s === undefined) fail(v === null ? 'argument must not be null' : 'string required', i);
  return s;
}

/** Conversion to string, or undefined where cty has none (null, collections). */
export function convStr(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numToStr(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return undefined;
}

export function toNum(v: Value, i: number): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = parseNumber(v);
    if (n === undefined) fail('a number is required', i);
    return n;
  }
  if (v === null) fail('argument must not be null', i);
  return fail('number required', i);
}

/** Whole numbers as cty's AsBigFloat().Int64() demands them; `what` prefixes the message (e.g. "invalid index: "). */
export function toInt(v: Value, i: number, what = '', asArgError = false): number {
  const n = toNum(v, i);
  if (!Number.isInteger(n) || Math.abs(n) > 2 ** 63) {
    fail(`${what}value must be a whole number, between -9223372036854775808 and 9223372036854775807`, asArgError ? i : undefined);
  }
  return n;
}

export function toBool(v: Value, i: number): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (typeof v === 'string') fail('a bool is required', i);
  if (v === null) fail('argument must not be null', i);
  return fail('bool required', i);
}

export function toList(v: Value, i: number, message: string): Value[] {
  if (Array.isArray(v)) return v;
  return fail(message, i);
}

export function toObject(v: Value, i: number, message: string): ValueObject {
  if (isObject(v)) return v;
  return fail(message, i);
}

/** A list of strings (list(string) parameter): numbers and bools convert, anything else is refused. */
export function toStrList(v: Value, i: number, message = 'list of string required'): (string | null)[] {
  const list = toList(v, i, message);
  return list.map((el) => {
    if (el === null) return null;
    const s = convStr(el);
    if (s === undefined) fail(message, i);
    return s;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Strings.

/** Created on first use: building a Segmenter loads ICU data (~10–20 ms), a cost every start-up paid. */
let segmenter: Intl.Segmenter | undefined;

/** Terraform counts and slices strings in grapheme clusters ("👍🏽" and "e\u0301" are one character each). */
export function graphemes(s: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(s), (x) => x.segment);
}

/** Go compares strings bytewise (UTF-8), which is code point order; JS's < compares UTF-16 units. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** Defines a key even when it is "__proto__" (plain objects would otherwise change their prototype). */
export function setKey(obj: ValueObject, key: string, value: Value): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** An object with keys in Terraform's (code point) order. */
export function sortedObj(entries: Iterable<[string, Value]>): ValueObject {
  const out: ValueObject = {};
  for (const [k, v] of [...entries].sort(([a], [b]) => compareStrings(a, b))) setKey(out, k, v);
  return out;
}

/** Go's encoding/json string quoting as cty uses it: <, > and & become \u003c \u003e \u0026. */
export function jsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** cty's JSON encoding: keys sorted, no spaces, numbers without exponent. */
export function goJson(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) fail(`cannot serialize infinity as JSON`);
    return numToStr(v);
  }
  if (typeof v === 'string') return jsonString(v);
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  const keys = Object.keys(v).sort(compareStrings);
  return `{${keys.map((k) => `${jsonString(k)}:${goJson(v[k]!)}`).join(',')}}`;
}

// ---------------------------------------------------------------------------------------------------------
// Type unification. Where cty needs a list/set/map "of any single type" from a tuple or object, it finds a
// common element type: mixed primitives become strings when a string is among them (toset([1, "a"]) is
// ["1", "a"]); number with bool, or primitives with collections, have no common type.

type Kind = 'string' | 'number' | 'bool' | 'list' | 'object';

function kindOf(v: Value): Kind | undefined {
  if (v === null) return undefined;
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? 'list' : 'object';
}

/** Returns the values converted to their common type, or undefined when they have none. */
export function unify(values: Value[]): Value[] | undefined {
  const kinds = new Set<Kind>();
  for (const v of values) {
    const k = kindOf(v);
    if (k) kinds.add(k);
  }
  if (kinds.size <= 1) return values;
  const structural = kinds.has('list') || kinds.has('object');
  if (structural || !kinds.has('string')) return undefined;
  return values.map((v) => (v === null ? null : convStr(v)!));
}

export function unifyOrFail(values: Value[], message: string, argIndex?: number): Value[] {
  const u = unify(values);
  if (!u) fail(message, argIndex);
  return u;
}

/** A set's elements as Terraform orders them: de-duplicated; strings lexically, numbers numerically, false before true; null last. */
export function setOf(values: Value[]): Value[] {
  const out: Value[] = [];
  for (const v of values) if (!out.some((o) => valuesEqual(o, v))) out.push(v);
  const nonNull = out.filter((v) => v !== null);
  const nulls = out.length - nonNull.length;
  const kinds = new Set(nonNull.map(kindOf));
  if (kinds.size === 1) {
    const k = [...kinds][0];
    if (k === 'string') nonNull.sort((a, b) => compareStrings(a as string, b as string));
    else if (k === 'number') nonNull.sort((a, b) => (a as number) - (b as number));
    else if (k === 'bool') nonNull.sort((a, b) => Number(a) - Number(b));
  }
  return [...nonNull, ...Array<Value>(nulls).fill(null)];
}

export { typeName, valuesEqual, isObject };
export type { Value, ValueObject, FunctionContext };
