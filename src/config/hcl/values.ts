// HCL values as plain JavaScript data, so evaluated configs are near JSON-ready for inputs, render-json and
// TF_VAR_*. HCL's list/set/tuple all become arrays (sets sorted and de-duplicated when made) and map/object
// become plain objects; the distinctions matter only for error wording, which typeName() approximates. A
// number is a JS number, or a BigFloat where a double cannot hold cty's value (numbers.ts): write values as
// JSON with stringifyJson, which keeps every digit.
import { BigFloat, numEquals, numToStr, toDouble, type Num } from './numbers.js';

export { BigFloat, toDouble };
export type Value = null | boolean | number | BigFloat | string | Value[] | ValueObject;
export interface ValueObject {
  [key: string]: Value;
}

/** An error during evaluation; the evaluator attaches where it happened. */
export class HclError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HclError';
  }
}

export function isObject(v: Value | undefined): v is ValueObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof BigFloat);
}

/** A number, whichever form it has. */
export function isNumber(v: Value | undefined): v is Num {
  return typeof v === 'number' || v instanceof BigFloat;
}

/** HCL's friendly type name, as used in messages such as "a number is required". */
export function typeName(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || v instanceof BigFloat) return 'number';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return 'tuple';
  return 'object';
}

/** Terraform's number-to-string conversion: every digit, never an exponent (1e21 → "1000000000000000000000"). */
export function formatNumber(n: Num): string {
  return numToStr(n);
}

/** Structural equality, as HCL's == compares values (numbers by value, whatever their precision). */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a instanceof BigFloat || b instanceof BigFloat) return isNumber(a) && isNumber(b) && numEquals(a, b);
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => valuesEqual(x, b[i]!));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && valuesEqual(a[k]!, b[k]!));
  }
  return false;
}

export function hasOwn(o: object, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

/** Go compares strings bytewise (UTF-8), which is code point order; JS's < compares UTF-16 units. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca === cb) continue;
    // Only a surrogate (an astral code point) against a unit above the surrogate range orders differently.
    const sa = ca >= 0xd800 && ca <= 0xdfff;
    const sb = cb >= 0xd800 && cb <= 0xdfff;
    if (sa !== sb && (sa ? cb : ca) > 0xdfff) return sa ? 1 : -1;
    return ca < cb ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** A string as cty holds every string: in Unicode normal form C (ASCII, the common case, is already). */
export function nfc(s: string): string {
  return NON_ASCII.test(s) ? s.normalize('NFC') : s;
}

/**
 * A value with every string and object key in NFC, as cty makes every string it is given; the same value
 * (no copy) when nothing changes.
 */
export function nfcValue(v: Value): Value {
  if (typeof v === 'string') return nfc(v);
  if (v === null || typeof v !== 'object' || v instanceof BigFloat) return v;
  if (Array.isArray(v)) {
    let out: Value[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x = nfcValue(v[i]!);
      if (x !== v[i] && !out) out = v.slice(0, i);
      if (out) out.push(x);
    }
    return out ?? v;
  }
  const keys = Object.keys(v);
  let entries: [string, Value][] | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const nk = nfc(k);
    const x = nfcValue(v[k]!);
    if (!entries && (nk !== k || x !== v[k])) entries = keys.slice(0, i).map((p): [string, Value] => [p, v[p]!]);
    if (entries) entries.push([nk, x]);
  }
  return entries ? sortedObject(entries) : v;
}

/** Sets a property even when the key is `__proto__`, which plain assignment would treat specially. */
export function setProp(o: ValueObject, k: string, v: Value): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/** An object with keys in the order HCL and terraform present them (code point order). */
export function sortedObject(entries: Iterable<[string, Value]>): ValueObject {
  const list = [...entries];
  let sorted = true;
  for (let i = 1; i < list.length; i++) {
    if (compareStrings(list[i - 1]![0], list[i]![0]) > 0) {
      sorted = false;
      break;
    }
  }
  if (!sorted) list.sort(([a], [b]) => compareStrings(a, b));
  const out: ValueObject = {};
  for (const [k, v] of list) setProp(out, k, v);
  return out;
}

/**
 * JSON.stringify for values (and data holding them) that writes a BigFloat with every digit, as Terraform
 * and Terragrunt write numbers; the output is otherwise JSON.stringify's, `space` included.
 */
export function stringifyJson(data: unknown, space?: number): string {
  const numbers: string[] = [];
  const marker = `\u0000tgo-number-${Math.random().toString(36).slice(2)}-`;
  const text = JSON.stringify(
    data,
    function (this: Record<string, unknown>, key: string, value: unknown) {
      const raw = this[key];
      if (raw instanceof BigFloat) {
        if (raw.inf) return null; // as JSON.stringify writes Infinity
        numbers.push(numToStr(raw));
        return `${marker}${numbers.length - 1}`;
      }
      return value;
    },
    space,
  );
  if (numbers.length === 0) return text;
  const escaped = JSON.stringify(marker).slice(1, -1);
  return text.replace(new RegExp(`"${escaped.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}(\\d+)"`, 'g'), (_, i: string) => numbers[Number(i)]!);
}
