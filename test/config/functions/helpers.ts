// Shared harness for the Terraform function tests: calls a function from the table the way the evaluator
// does and renders a FunctionError the way Terraform reports it, so expectations can be copied verbatim
// from `terraform console`.

import { describe, expect, it } from 'vitest';
import { terraformFunctions } from '../../../src/config/functions/terraform/index.js';
import { FunctionError, type FunctionContext } from '../../../src/config/hcl/functions.js';
import { numEquals, numToStr, parseNumber, toDouble } from '../../../src/config/hcl/numbers.js';
import { BigFloat, isObject, type Value, type ValueObject } from '../../../src/config/hcl/values.js';

export type Outcome = { value: Value } | { error: string };
export type Case = [name: string, args: Value[], expected: Outcome];

export function context(baseDir = process.cwd(), renderTemplate?: FunctionContext['renderTemplate']): FunctionContext {
  return { baseDir, renderTemplate: renderTemplate ?? (() => fail('renderTemplate not expected')) };
}

function fail(message: string): never {
  throw new Error(message);
}

/** Terraform's wording for a failed call: argument errors name the parameter, others the function. */
export function describeError(name: string, e: FunctionError): string {
  const fn = terraformFunctions[name]!;
  if (e.argIndex !== undefined) {
    const param = e.argIndex < fn.params.length ? fn.params[e.argIndex] : fn.variadic;
    return `Invalid value for "${param}" parameter: ${e.message}.`;
  }
  return `Call to function "${name}" failed: ${e.message}.`;
}

function mapNumbers(v: Value, f: (n: number | BigFloat) => Value): Value {
  if (typeof v === 'number' || v instanceof BigFloat) return f(v);
  if (Array.isArray(v)) return v.map((x) => mapNumbers(x, f));
  if (isObject(v)) {
    const out: ValueObject = {};
    for (const k of Object.keys(v)) Object.defineProperty(out, k, { value: mapNumbers(v[k]!, f), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}

/** A number in a case is the literal as written in a config (0.1 is cty's 512-bit 0.1, not the double). */
// (String(-0) is "0": -0 stays as it is, as `-0` in a config is the negated zero.)
const asLiteral = (v: Value) => mapNumbers(v, (n) => (typeof n === 'number' && Number.isFinite(n) && !Object.is(n, -0) ? parseNumber(String(n))! : n));

/**
 * A result that such a literal would give, or that Terraform prints as the JS number prints (pow's 53-bit
 * 1.4142135623730951), reads back as that JS number; anything else stays exact.
 */
const asWritten = (v: Value) => mapNumbers(v, (n) => {
  const d = toDouble(n);
  return Number.isFinite(d) && (numEquals(parseNumber(String(d))!, n) || numToStr(n) === String(d)) ? d : n;
});

export function call(name: string, args: Value[], ctx: FunctionContext = context()): Outcome {
  const fn = terraformFunctions[name];
  if (!fn) throw new Error(`no function ${name}`);
  try {
    return { value: asWritten(fn.impl(args.map(asLiteral), ctx)) };
  } catch (e) {
    if (e instanceof FunctionError) return { error: describeError(name, e) };
    throw e;
  }
}

/** Renders arguments roughly as HCL, for test names. */
export function label(name: string, args: Value[]): string {
  const s = `${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`;
  return s.length > 110 ? `${s.slice(0, 107)}...` : s;
}

export function runCases(title: string, cases: Case[], ctx?: () => FunctionContext): void {
  describe(title, () => {
    it.each(cases.map((c) => [label(c[0], c[1]), c] as const))('%s', (_, [name, args, expected]) => {
      expect(call(name, args, ctx?.())).toEqual(expected);
    });
  });
}
