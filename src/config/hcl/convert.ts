// cty's conversion rules over our plain-JS values, in one place for the evaluator and the function library:
// string <-> number <-> bool conversions with cty's wording, and the type unification that finds one type for
// several values (conditional results, tuple elements becoming a list or set).
import { BigFloat, numToStr, parseNumber, type Num } from './numbers.js';
import { compareStrings, HclError, isObject, setProp, typeName, type Value, type ValueObject } from './values.js';

/** cty's string-to-number conversion, or undefined when the string isn't a number. */
export function stringToNumber(s: string): Num | undefined {
  return parseNumber(s);
}

/** Conversion failures carry cty's wording ("a number is required" vs "number required"). */
export function numberOrMessage(v: Value): Num | string {
  if (typeof v === 'number' || v instanceof BigFloat) return v;
  if (typeof v === 'string') return stringToNumber(v) ?? 'a number is required';
  return 'number required';
}

export function boolOrMessage(v: Value): boolean | string {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    const lower = v.toLowerCase();
    if (lower === 'true' || lower === 'false') return `a bool is required; to convert from string, use lowercase "${lower}"`;
    return 'a bool is required';
  }
  return 'bool required';
}

/** Converts a primitive to string; undefined for null and structural values. */
export function primitiveToString(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || v instanceof BigFloat) return numToStr(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return undefined;
}

// --- the same conversions for callers that want HclError's sentence (Terragrunt's functions) ------------

/** HCL's implicit conversion to string (used by templates and string parameters). */
export function asString(v: Value, what = 'value'): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || v instanceof BigFloat) return numToStr(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) throw new HclError(`Invalid ${what}: a string is required, but the value is null.`);
  throw new HclError(`Invalid ${what}: a string is required, but got ${typeName(v)}.`);
}

/** HCL's implicit conversion to number ("5" + 1 is 6). */
export function asNumber(v: Value, what = 'value'): Num {
  if (typeof v === 'number' || v instanceof BigFloat) return v;
  if (typeof v === 'string') {
    const n = stringToNumber(v);
    if (n !== undefined) return n;
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

// --- type unification (cty's convert.Unify, reduced to what JS values can express) ---------------------------
// Used where HCL or a function needs one type for several values: the two results of a conditional, the
// elements of a tuple converted to a list or set, the attributes of an object converted to a map.

export type Ty =
  | { k: 'dyn' }
  | { k: 'string' }
  | { k: 'number' }
  | { k: 'bool' }
  | { k: 'tuple'; elems: Ty[] }
  | { k: 'object'; attrs: Map<string, Ty> }
  | { k: 'list'; elem: Ty }
  | { k: 'map'; elem: Ty };

const DYN: Ty = { k: 'dyn' };
const STRING: Ty = { k: 'string' };
const NUMBER: Ty = { k: 'number' };
const BOOL: Ty = { k: 'bool' };

export function typeOf(v: Value): Ty {
  if (v === null) return DYN;
  if (v instanceof BigFloat) return NUMBER;
  switch (typeof v) {
    case 'string':
      return STRING;
    case 'number':
      return NUMBER;
    case 'boolean':
      return BOOL;
  }
  if (Array.isArray(v)) return { k: 'tuple', elems: v.map(typeOf) };
  const attrs = new Map<string, Ty>();
  for (const k of Object.keys(v).sort(compareStrings)) attrs.set(k, typeOf(v[k]!));
  return { k: 'object', attrs };
}

export function tyEquals(a: Ty, b: Ty): boolean {
  if (a === b) return true;
  if (a.k !== b.k) return false;
  switch (a.k) {
    case 'tuple': {
      const be = (b as typeof a).elems;
      return a.elems.length === be.length && a.elems.every((t, i) => tyEquals(t, be[i]!));
    }
    case 'object': {
      const ba = (b as typeof a).attrs;
      if (a.attrs.size !== ba.size) return false;
      for (const [k, t] of a.attrs) {
        const u = ba.get(k);
        if (u === undefined || !tyEquals(t, u)) return false;
      }
      return true;
    }
    case 'list':
    case 'map':
      return tyEquals(a.elem, (b as typeof a).elem);
    default:
      return true;
  }
}

export function friendlyName(t: Ty): string {
  switch (t.k) {
    case 'dyn':
      return 'dynamic';
    case 'list':
      return `list of ${friendlyName(t.elem)}`;
    case 'map':
      return `map of ${friendlyName(t.elem)}`;
    default:
      return t.k;
  }
}

export function unify(types: Ty[]): Ty | null {
  if (types.length === 0) return DYN;
  if (types.every((t) => tyEquals(t, types[0]!))) return types[0]!;
  const known = types.filter((t) => t.k !== 'dyn');
  const hasDyn = known.length < types.length;
  if (known.length === 0) return DYN;
  let objects = 0;
  let tuples = 0;
  let prims = 0;
  for (const t of known) {
    if (t.k === 'object') objects++;
    else if (t.k === 'tuple') tuples++;
    else if (t.k === 'string' || t.k === 'number' || t.k === 'bool') prims++;
  }
  if (objects === known.length) return hasDyn ? DYN : unifyObjects(known as Array<Extract<Ty, { k: 'object' }>>);
  if (tuples === known.length) return hasDyn ? DYN : unifyTuples(known as Array<Extract<Ty, { k: 'tuple' }>>);
  if (prims === known.length) {
    if (known.every((t) => t.k === known[0]!.k)) return known[0]!;
    return known.some((t) => t.k === 'string') ? STRING : null;
  }
  return null;
}

function unifyObjects(types: Array<Extract<Ty, { k: 'object' }>>): Ty | null {
  const first = types[0]!.attrs;
  const sameNames = types.every((t) => t.attrs.size === first.size && [...t.attrs.keys()].every((k) => first.has(k)));
  if (sameNames) {
    const attrs = new Map<string, Ty>();
    for (const k of first.keys()) {
      const u = unify(types.map((t) => t.attrs.get(k)!));
      if (u === null) return null;
      attrs.set(k, u);
    }
    return { k: 'object', attrs };
  }
  const all: Ty[] = [];
  for (const t of types) for (const a of t.attrs.values()) all.push(a);
  const elem = all.length === 0 ? DYN : unify(all);
  return elem === null ? null : { k: 'map', elem };
}

function unifyTuples(types: Array<Extract<Ty, { k: 'tuple' }>>): Ty | null {
  const len = types[0]!.elems.length;
  if (types.every((t) => t.elems.length === len)) {
    const elems: Ty[] = [];
    for (let i = 0; i < len; i++) {
      const u = unify(types.map((t) => t.elems[i]!));
      if (u === null) return null;
      elems.push(u);
    }
    return { k: 'tuple', elems };
  }
  const all: Ty[] = [];
  for (const t of types) all.push(...t.elems);
  const elem = all.length === 0 ? DYN : unify(all);
  return elem === null ? null : { k: 'list', elem };
}

/** Converts a value to a unified type; returns a message when an unsafe conversion fails. */
export function convertTo(v: Value, t: Ty): { v: Value } | { err: string } {
  if (v === null || t.k === 'dyn') return { v };
  switch (t.k) {
    case 'string': {
      const s = primitiveToString(v);
      return s === undefined ? { err: 'string required' } : { v: s };
    }
    case 'number': {
      const n = numberOrMessage(v);
      return typeof n === 'string' ? { err: n } : { v: n };
    }
    case 'bool': {
      const b = boolOrMessage(v);
      return typeof b === 'string' ? { err: b } : { v: b };
    }
    case 'tuple':
    case 'list': {
      if (!Array.isArray(v)) return { err: `${friendlyName(t)} required` };
      const out: Value[] = [];
      for (let i = 0; i < v.length; i++) {
        const r = convertTo(v[i]!, t.k === 'tuple' ? (t.elems[i] ?? DYN) : t.elem);
        if ('err' in r) return r;
        out.push(r.v);
      }
      return { v: out };
    }
    case 'object':
    case 'map': {
      if (!isObject(v)) return { err: `${friendlyName(t)} required` };
      const out: ValueObject = {};
      for (const k of Object.keys(v)) {
        const r = convertTo(v[k]!, t.k === 'object' ? (t.attrs.get(k) ?? DYN) : t.elem);
        if ('err' in r) return r;
        setProp(out, k, r.v);
      }
      return { v: out };
    }
  }
}

/** hclsyntax's describeConditionalTypeMismatch. */
export function describeMismatch(a: Ty, b: Ty): string {
  if (a.k === 'object' && b.k === 'object') {
    for (const name of [...a.attrs.keys()].sort(compareStrings)) {
      const bt = b.attrs.get(name);
      if (bt === undefined) return `The 'true' value includes object attribute "${name}", which is absent in the 'false' value`;
      if (!tyEquals(a.attrs.get(name)!, bt)) {
        return `Type mismatch for object attribute "${name}": ${describeMismatch(a.attrs.get(name)!, bt)}`;
      }
    }
    for (const name of [...b.attrs.keys()].sort(compareStrings)) {
      if (!a.attrs.has(name)) return `The 'false' value includes object attribute "${name}", which is absent in the 'true' value`;
    }
  } else if (a.k === 'tuple' && b.k === 'tuple') {
    if (a.elems.length !== b.elems.length) {
      return `The 'true' tuple has length ${a.elems.length}, but the 'false' tuple has length ${b.elems.length}`;
    }
    for (let i = 0; i < a.elems.length; i++) {
      if (!tyEquals(a.elems[i]!, b.elems[i]!)) return `Type mismatch for tuple element ${i}: ${describeMismatch(a.elems[i]!, b.elems[i]!)}`;
    }
  }
  const an = friendlyName(a);
  const bn = friendlyName(b);
  if (an === bn) {
    return "At least one deeply-nested attribute or element is not compatible across both the 'true' and the 'false' value";
  }
  return `The 'true' value is ${an}, but the 'false' value is ${bn}`;
}

/**
 * The values converted to their unified type, or undefined when they have none: what cty does to a tuple's
 * elements when a list or set is required (toset([1, "a"]) is ["1", "a"]; [1, true] has no common type).
 */
export function unifyValues(values: Value[]): Value[] | undefined {
  const u = unify(values.map(typeOf));
  if (u === null) return undefined;
  const out: Value[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const r = convertTo(values[i]!, u);
    if ('err' in r) return undefined;
    out[i] = r.v;
  }
  return out;
}
