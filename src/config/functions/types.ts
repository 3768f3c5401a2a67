import type { Value } from '../hcl/values.js';

/** What a function may know about where it is called from. Terragrunt's own functions get more (see terragrunt.ts). */
export interface FunctionContext {
  /** Directory that relative paths in file(), fileset(), templatefile()… are resolved against. */
  baseDir: string;
  /** Render a template string with extra variables (for templatefile); provided by the evaluator. */
  renderTemplate(source: string, filename: string, vars: Record<string, Value>): Value;
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
