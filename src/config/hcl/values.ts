// HCL values as plain JavaScript data, so evaluated configs are JSON-ready for inputs, render-json and TF_VAR_*.
// HCL's list/set/tuple all become arrays (sets sorted and de-duplicated when made) and map/object become
// plain objects; the distinctions matter only for error wording, which typeName() approximates.

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
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  if (Number.isInteger(n)) return BigInt(n).toString();
  const s = String(n); // shortest round-trip digits
  const e = s.indexOf('e');
  if (e < 0) return s;
  const neg = s.startsWith('-');
  const mantissa = s.slice(neg ? 1 : 0, e);
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const point = (dot < 0 ? mantissa.length : dot) + Number(s.slice(e + 1));
  const body = point <= 0 ? `0.${'0'.repeat(-point)}${digits}`
    : point >= digits.length ? digits + '0'.repeat(point - digits.length)
      : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (neg ? '-' : '') + body;
}

/** HCL's implicit conversion to string (used by templates and string parameters). */
export function asString(v: Value, what = 'value'): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) throw new HclError(`Invalid ${what}: a string is required, but the value is null.`);
  throw new HclError(`Invalid ${what}: a string is required, but got ${typeName(v)}.`);
}

/** HCL's implicit conversion to number ("5" + 1 is 6). */
export function asNumber(v: Value, what = 'value'): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t !== '' && t === v && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
    throw new HclError(`Invalid ${what}: a number is required, but "${v}" cannot be converted to a number.`);
  }
  if (v === null) throw new HclError(`Invalid ${what}: a number is required, but the value is null.`);
  throw new HclError(`Invalid ${what}: a number is required, but got ${typeName(v)}.`);
}

/** HCL's implicit conversion to bool ("true"/"false" strings convert). */
export function asBool(v: Value, what = 'value'): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (v === null) throw new HclError(`Invalid ${what}: a bool is required, but the value is null.`);
  throw new HclError(`Invalid ${what}: a bool is required, but got ${typeName(v)}.`);
}

export function asList(v: Value, what = 'value'): Value[] {
  if (Array.isArray(v)) return v;
  throw new HclError(`Invalid ${what}: a list is required, but got ${typeName(v)}.`);
}

export function asObject(v: Value, what = 'value'): ValueObject {
  if (isObject(v)) return v;
  throw new HclError(`Invalid ${what}: a map or object is required, but got ${typeName(v)}.`);
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

/** Objects with keys in lexical order, as HCL and terraform present them. */
export function sortedObject(entries: Iterable<[string, Value]>): ValueObject {
  const out: ValueObject = {};
  for (const [k, v] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = v;
  return out;
}
