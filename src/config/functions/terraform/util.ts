// Shared helpers for Terraform's built-in functions: argument checks worded as cty words them (the conversions
// themselves are hcl/convert.ts, shared with the evaluator), Go-compatible JSON strings, grapheme counting
// and set ordering.

import { primitiveToString, stringToNumber, unifyValues } from '../../hcl/convert.js';
import { formatRange, HclSyntaxError } from '../../hcl/errors.js';
import { FunctionError, type FunctionContext, type HclFunction } from '../../hcl/functions.js';
import { compare, isInfinite, numToStr, toInt64, type Num } from '../../hcl/numbers.js';
import { compareStrings, isNumber, isObject, setProp, sortedObject, typeName, valuesEqual, type Value, type ValueObject } from '../../hcl/values.js';

export { FunctionError };

export interface Spec {
  params: string[];
  variadic?: string;
  optional?: number;
  /** Parameters (by name) that accept null. cty rejects null everywhere else, before the function runs. */
  allowNull?: string[];
  impl(args: Value[], ctx: FunctionContext): Value;
  checkExprs?: HclFunction['checkExprs'];
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
// Argument conversion, worded as cty's convert package words it.

export function toStr(v: Value, i: number): string {
  const s = primitiveToString(v);
  if (s === undefined) fail(v === null ? 'argument must not be null' : 'string required', i);
  return s;
}



export function toNum(v: Value, i: number): Num {
  if (isNumber(v)) return v;
  if (typeof v === 'string') {
    const n = stringToNumber(v);
    if (n === undefined) fail('a number is required', i);
    return n;
  }
  if (v === null) fail('argument must not be null', i);
  return fail('number required', i);
}

/** Whole numbers as gocty converts to an int (exact, in int64's range); `what` prefixes the message (e.g. "invalid index: "). */
export function toInt(v: Value, i: number, what = '', asArgError = false): number {
  const n = toInt64(toNum(v, i));
  if (n === undefined) {
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
    const s = primitiveToString(el);
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

/** Go's encoding/json string quoting as cty uses it: <, > and & become \u003c \u003e \u0026. */
export function jsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** cty's JSON encoding: keys sorted, no spaces, numbers without exponent. */
export function goJson(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (isNumber(v)) {
    if (isInfinite(v)) fail(`cannot serialize infinity as JSON`);
    return numToStr(v);
  }
  if (typeof v === 'string') return jsonString(v);
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  const keys = Object.keys(v).sort(compareStrings);
  return `{${keys.map((k) => `${jsonString(k)}:${goJson(v[k]!)}`).join(',')}}`;
}

// ---------------------------------------------------------------------------------------------------------
// Type unification (hcl/convert.ts): where cty needs a list, set or map "of any single type" from a tuple or
// object, it converts the elements to their common type.

type Kind = 'string' | 'number' | 'bool' | 'list' | 'object';

function kindOf(v: Value): Kind | undefined {
  if (v === null) return undefined;
  if (typeof v === 'string') return 'string';
  if (isNumber(v)) return 'number';
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? 'list' : 'object';
}

export function unifyOrFail(values: Value[], message: string, argIndex?: number): Value[] {
  const u = unifyValues(values);
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
    else if (k === 'number') nonNull.sort((a, b) => compare(a as Num, b as Num));
    else if (k === 'bool') nonNull.sort((a, b) => Number(a) - Number(b));
  }
  return [...nonNull, ...Array<Value>(nulls).fill(null)];
}

export { typeName, valuesEqual, isObject, isNumber, compareStrings, numToStr, primitiveToString, setProp, sortedObject, unifyValues, stringToNumber };
export type { Value, ValueObject, FunctionContext };

const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}-]*$/u;

/**
 * Renders a template; a syntax error in it is worded as HCL words a diagnostic inside a message
 * (`file:1,3-3: Summary; Detail`), with `wrap` saying how the function reports it. The trailing period is
 * HCL's, added after the detail's own.
 */
export function renderOrExplain(ctx: FunctionContext, source: string, filename: string, vars: ValueObject, wrap: (diag: string) => never): Value {
  try {
    return ctx.renderTemplate(source, filename, vars);
  } catch (e) {
    if (e instanceof HclSyntaxError) wrap(`${formatRange(e.range)}: ${e.summary}; ${e.detail}.`);
    throw e;
  }
}

/** templatefile's and templatestring's vars argument (the second parameter): a map of valid identifiers. */
export function templateVars(vars: Value): ValueObject {
  if (!isObject(vars)) fail('invalid vars value: must be a map', 1);
  for (const name of Object.keys(vars)) {
    if (!IDENTIFIER.test(name)) {
      fail(`invalid template variable name ${JSON.stringify(name)}: must start with a letter, followed by zero or more letters, digits, and underscores`, 1);
    }
  }
  return vars;
}
