// HCL values as plain JavaScript data, so evaluated configs are JSON-ready for inputs, render-json and TF_VAR_*.
// HCL's list/set/tuple all become arrays (sets sorted and de-duplicated when made) and map/object become
// plain objects; the distinctions matter only for error wording, which typeName() approximates.
import { numToStr } from './numbers.js';

export type Value = null | boolean | number | string | Value[] | ValueObject;
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
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** HCL's friendly type name, as used in messages such as "a number is required". */
export function typeName(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return 'tuple';
  return 'object';
}

/** Terraform's number-to-string conversion: every digit, never an exponent (1e21 → "1000000000000000000000"). */
export function formatNumber(n: number): string {
  return numToStr(n);
}

/** Structural equality, as HCL's == compares values. */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
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
