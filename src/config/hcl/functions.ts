// The contract between the evaluator and the function libraries it is given (Terraform's, Terragrunt's): what
// a function declares, what it may know about its call site, and how it reports a failure.
import type { Expr, FunctionCallExpr, Range } from './ast.js';
import { EvalError, nameSuggestion } from './errors.js';
import { HclError, nfcValue, type Value } from './values.js';

/** What a function may know about where it is called from. Terragrunt's own functions get more (see terragrunt.ts). */
export interface FunctionContext {
  /** Directory that relative paths in file(), fileset(), templatefile()… are resolved against. */
  baseDir: string;
  /** Render a template string with extra variables (for templatefile); provided by the evaluator. */
  renderTemplate(source: string, filename: string, vars: Record<string, Value>): Value;
  /** Told of every file a function reads (file(), templatefile(), mark_as_read…), so the loader knows what a module depends on. */
  onRead?(file: string): void;
}

/** A plain function: receives evaluated arguments (after `...` expansion) and returns a value or throws. */
export interface HclFunction {
  /** Parameter names, for messages like: Invalid value for "str" parameter. */
  params: string[];
  /** Name of a trailing variadic parameter, if any. */
  variadic?: string;
  /** Number of trailing params in `params` that may be omitted. */
  optional?: number;
  impl(args: Value[], ctx: FunctionContext): Value;
  /**
   * Checks on the argument expressions themselves, before they are evaluated (templatestring accepts only a
   * reference to a template defined elsewhere); throws a FunctionError like impl.
   */
  checkExprs?(args: readonly Expr[]): void;
}

export type FunctionTable = Record<string, HclFunction>;

/** Thrown by a function implementation; the evaluator reports it as `Call to function "x" failed: <message>`. */
export class FunctionError extends Error {
  constructor(
    message: string,
    /** Index of the argument at fault, when one is. */
    readonly argIndex?: number,
  ) {
    super(message);
    this.name = 'FunctionError';
  }
}

/**
 * A function table may inherit from another (a per-file table of Terragrunt's functions over the shared
 * Terraform library, without copying it): look names up along the prototype chain, never into
 * Object.prototype.
 */
export function lookupFunction(table: FunctionTable, name: string): HclFunction | undefined {
  for (let o: object | null = table; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    if (Object.prototype.hasOwnProperty.call(o, name)) return (o as FunctionTable)[name];
  }
  return undefined;
}

/** Every name in the table, inherited ones included (for "did you mean" suggestions). */
export function functionNames(table: FunctionTable): string[] {
  const names: string[] = [];
  for (const k in table) names.push(k);
  return names;
}

function fail(range: Range, summary: string, detail: string): never {
  throw new EvalError(range, summary, detail);
}

/** hclsyntax's argument-count checks, reported at the closing parenthesis or the first extra argument. */
export function checkArity(e: FunctionCallExpr, fn: HclFunction, argRanges: Range[]): void {
  const argc = argRanges.length;
  const params = fn.params;
  const required = params.length - (fn.optional ?? 0);
  if (argc < required) {
    const qual = fn.variadic !== undefined || (fn.optional ?? 0) > 0 ? ' at least' : '';
    const closeParen: Range = {
      filename: e.range.filename,
      start: { ...e.range.end, column: Math.max(1, e.range.end.column - 1), offset: Math.max(0, e.range.end.offset - 1) },
      end: e.range.end,
    };
    fail(closeParen, 'Not enough function arguments', `Function "${e.name}" expects${qual} ${required} argument(s). Missing value for "${params[argc]}".`);
  }
  if (fn.variadic === undefined && argc > params.length) {
    fail(argRanges[params.length]!, 'Too many function arguments', `Function "${e.name}" expects only ${params.length} argument(s).`);
  }
  if (fn.checkExprs) {
    try {
      fn.checkExprs(e.args);
    } catch (x) {
      failed(e, fn, x, argRanges);
    }
  }
}

/** Runs a function's implementation, wording whatever it throws as Terraform words a failed call. */
export function invoke(e: FunctionCallExpr, fn: HclFunction, args: Value[], argRanges: Range[], ctx: FunctionContext): Value {
  try {
    // cty makes every string a function returns NFC (a join or a decode may make one that is not).
    return nfcValue(fn.impl(args, ctx));
  } catch (x) {
    return failed(e, fn, x, argRanges);
  }
}

/**
 * Marks an error that is control flow, not a failure (the loader's "wait for run time"): a function that throws
 * one has it pass through the call unwrapped, so the attribute that called it is deferred rather than failed.
 */
export const CONTROL_FLOW = Symbol('hcl.controlFlow');

function failed(e: FunctionCallExpr, fn: HclFunction, x: unknown, argRanges: Range[]): never {
  if (x instanceof EvalError || (x instanceof Error && CONTROL_FLOW in x)) throw x;
  const raw = x instanceof Error ? x.message : String(x);
  const msg = raw.endsWith('.') ? raw.slice(0, -1) : raw;
  if (x instanceof FunctionError) {
    // Terraform words an error about one argument by the parameter's name.
    if (x.argIndex !== undefined && x.argIndex >= 0 && x.argIndex < argRanges.length) {
      const param = fn.params[x.argIndex] ?? fn.variadic ?? `argument ${x.argIndex + 1}`;
      return fail(argRanges[x.argIndex]!, 'Invalid function argument', `Invalid value for "${param}" parameter: ${msg}.`);
    }
    return fail(e.startRange, 'Error in function call', `Call to function "${e.name}" failed: ${msg}.`);
  }
  if (x instanceof HclError) return fail(e.range, 'Invalid function argument', `Call to function "${e.name}" failed: ${msg}.`);
  if (x instanceof Error && !(x instanceof RangeError)) {
    return fail(e.startRange, 'Error in function call', `Call to function "${e.name}" failed: ${msg}.`);
  }
  throw x;
}

/** "Call to unknown function", with a suggestion; try and can are the evaluator's own. */
export function unknownFunction(e: FunctionCallExpr, table: FunctionTable): never {
  const available = functionNames(table);
  const sep = e.name.lastIndexOf('::');
  if (sep !== -1) {
    const ns = e.name.slice(0, sep + 2);
    const short = e.name.slice(sep + 2);
    const inNs = available.filter((n) => n.startsWith(ns)).map((n) => n.slice(ns.length));
    if (inNs.length === 0) return fail(e.nameRange, 'Call to unknown function', `There are no functions in namespace "${ns}".`);
    const s = nameSuggestion(short, inNs);
    return fail(e.nameRange, 'Call to unknown function', `There is no function named "${short}" in namespace ${ns}.${s ? ` Did you mean ${ns}${s}?` : ''}`);
  }
  const s = nameSuggestion(e.name, [...available, 'try', 'can']);
  return fail(e.nameRange, 'Call to unknown function', `There is no function named "${e.name}".${s ? ` Did you mean "${s}"?` : ''}`);
}
