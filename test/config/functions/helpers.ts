// Shared harness for the Terraform function tests: calls a function from the table the way the evaluator
// does and renders a FunctionError the way Terraform reports it, so expectations can be copied verbatim
// from `terraform console`.

import { describe, expect, it } from 'vitest';
import { terraformFunctions } from '../../../src/config/functions/terraform/index.js';
import { FunctionError, type FunctionContext } from '../../../src/config/hcl/functions.js';
import type { Value } from '../../../src/config/hcl/values.js';

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

export function call(name: string, args: Value[], ctx: FunctionContext = context()): Outcome {
  const fn = terraformFunctions[name];
  if (!fn) throw new Error(`no function ${name}`);
  try {
    return { value: fn.impl(args, ctx) };
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
