// Decoding an HCL body against a schema: unknown attributes/blocks and duplicate labels are errors with a line,
// attributes are evaluated on demand, and those that read dependency outputs can be deferred to run time.

import path from 'node:path';
import type { Attribute, Block, Body, Expr } from './hcl/ast.js';
import { EvalError, HclSyntaxError } from './hcl/errors.js';
import { referencedRoots } from './hcl/analysis.js';
import { CONTROL_FLOW } from './hcl/functions.js';
import { evaluate, evaluateLazy, type EvalScope, type LazyObject } from './hcl/eval.js';
import type { Value } from './hcl/values.js';
import type { BodySchema, NotActedOn } from './schema.js';

/** An attribute or block the schema accepts without acting on it, where it was written. */
export interface NotActedOnHit extends NotActedOn {
  path: string;
  line: number;
}
import { ConfigError } from '../errors.js';

/** Shows paths relative to the directory tgo runs in, so messages stay short and clickable. */
export type DisplayPath = (absolute: string) => string;

export interface DecodedBody {
  attributes: Map<string, Attribute>;
  blocks: Map<string, Block[]>;
}

/** Check a body against its schema; returns attributes and blocks by name. */
export function decodeBody(body: Body, schema: BodySchema, file: string, where: string, display: DisplayPath, notes: NotActedOnHit[] = []): DecodedBody {
  const attributes = new Map<string, Attribute>();
  const blocks = new Map<string, Block[]>();
  for (const attr of body.attributes) {
    if (!schema.anyAttributes && !schema.attributes?.[attr.name]) {
      const known = Object.keys(schema.attributes ?? {});
      throw new ConfigError(display(file), `Unsupported argument: an argument named "${attr.name}" is not expected here.${suggest(attr.name, known)}`,
        where || undefined, attr.range.start.line, attr.range.start.column);
    }
    const note = schema.attributes?.[attr.name]?.notActedOn;
    if (note) notes.push({ ...note, path: where ? `${where}.${attr.name}` : attr.name, line: attr.range.start.line });
    attributes.set(attr.name, attr);
  }
  for (const block of body.blocks) {
    const spec = schema.blocks?.[block.type];
    if (!spec) {
      const known = Object.keys(schema.blocks ?? {});
      throw new ConfigError(display(file), `Unsupported block type: blocks of type "${block.type}" are not expected here.${suggest(block.type, known)}`,
        where || undefined, block.range.start.line, block.range.start.column);
    }
    const want = spec.labels.length;
    const ok = block.labels.length === want || (spec.optionalLabel && block.labels.length === 0);
    if (!ok) {
      throw new ConfigError(display(file),
        `Block "${block.type}" needs ${want === 0 ? 'no labels' : `${want} label${want > 1 ? 's' : ''} (${spec.labels.join(', ')})`}, found ${block.labels.length}.`,
        where || undefined, block.range.start.line);
    }
    const list = blocks.get(block.type) ?? [];
    if (spec.single && list.length > 0) {
      throw new ConfigError(display(file), `Only one "${block.type}" block is allowed; another is at line ${list[0]!.range.start.line}.`,
        where || undefined, block.range.start.line);
    }
    const twin = list.find((b) => b.labels.join('\0') === block.labels.join('\0'));
    if (twin && block.labels.length > 0 && !spec.repeatable) {
      if (block.type === 'generate') {
        throw new ConfigError(display(file), `Detected generate blocks with the same name: [${block.labels[0]}] (the other is at line ${twin.range.start.line}).`,
          where || undefined, block.range.start.line);
      }
      throw new ConfigError(display(file),
        `Duplicate ${block.type} "${block.labels.join('" "')}": a block with this label is already defined at line ${twin.range.start.line}.`,
        where || undefined, block.range.start.line);
    }
    list.push(block);
    blocks.set(block.type, list);
    // Nested bodies are checked too, so a typo deep inside a block is caught before anything runs.
    const inner = `${where ? `${where}.` : ''}${block.type}${block.labels.map((l) => `.${l}`).join('')}`;
    if (spec.notActedOn) notes.push({ ...spec.notActedOn, path: inner, line: block.range.start.line });
    if (!spec.body.anyAttributes) {
      decodeBody(block.body, spec.body, file, inner, display, notes);
      for (const [name, a] of Object.entries(spec.body.attributes ?? {})) {
        if (a.required && !block.body.attributes.some((x) => x.name === name)) {
          throw new ConfigError(display(file), `Missing required argument: the argument "${name}" is required.`, inner, block.range.start.line);
        }
      }
    }
  }
  return { attributes, blocks };
}

/** Thrown (internally) for an attribute that must wait for dependency outputs. */
export class Deferred extends Error {
  readonly [CONTROL_FLOW] = true;
  readonly attribute: string;
  constructor(attribute: string, why = 'reads dependency outputs') {
    // Control flow, thrown once per deferred attribute of every module: skip capturing a stack trace.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`${attribute} ${why}`);
    Error.stackTraceLimit = limit;
    this.attribute = attribute;
  }
}

/**
 * Evaluates attributes of one file with one scope. An attribute that refers to one of `deferRoots` is not
 * evaluated and `Deferred` is thrown instead; callers record it and evaluate it at run time.
 */
const NONE: ReadonlySet<string> = new Set();
export class AttributeEvaluator {
  constructor(
    readonly file: string,
    readonly scope: EvalScope,
    readonly display: DisplayPath,
    /** Root variables whose values are not known yet (e.g. `dependency` before outputs are fetched). */
    readonly deferRoots: ReadonlySet<string> = NONE,
  ) {}

  value(attr: Attribute, attrPath: string): Value {
    return this.expr(attr.expr, attrPath);
  }

  expr(expr: Expr, attrPath: string): Value {
    return this.evaluateWith(evaluate, expr, attrPath);
  }

  /** As expr, but a lazy result (a read_terragrunt_config value) stays lazy: for locals. */
  lazyExpr(expr: Expr, attrPath: string): Value | LazyObject {
    return this.evaluateWith(evaluateLazy, expr, attrPath);
  }

  private evaluateWith<T>(how: (expr: Expr, scope: EvalScope) => T, expr: Expr, attrPath: string): T {
    if (this.deferRoots.size > 0) {
      for (const root of referencedRoots(expr)) if (this.deferRoots.has(root)) throw new Deferred(attrPath);
    }
    try {
      return how(expr, this.scope);
    } catch (e) {
      throw toConfigError(e, this.file, attrPath, this.display);
    }
  }
}

/**
 * A configuration error raised inside a function call (read_terragrunt_config of a broken or cyclic file): it
 * already names its own file, attribute and line, so it travels through the evaluator unwrapped.
 */
export class NestedConfigError extends EvalError {
  constructor(readonly inner: ConfigError) {
    const pos = { line: inner.line ?? 0, column: inner.column ?? 0, offset: 0 };
    super({ filename: inner.file, start: pos, end: pos }, 'Error in configuration', inner.detail);
  }
}

/** Run `f`, letting a ConfigError it throws pass through the evaluator as it is. */
export function passConfigErrors<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ConfigError) throw new NestedConfigError(e);
    throw e;
  }
}

export function toConfigError(e: unknown, file: string, attrPath: string | undefined, display: DisplayPath): Error {
  if (e instanceof ConfigError || e instanceof Deferred) return e;
  if (e instanceof NestedConfigError) return e.inner;
  if (e instanceof EvalError) {
    const f = e.range.filename && path.isAbsolute(e.range.filename) ? e.range.filename : file;
    return new ConfigError(display(f), `${e.summary}: ${e.detail}`, attrPath, e.range.start.line, e.range.start.column);
  }
  if (e instanceof HclSyntaxError) {
    return new ConfigError(display(file), `${e.summary}: ${e.detail}`, undefined, e.line, e.column);
  }
  return new ConfigError(display(file), e instanceof Error ? e.message : String(e), attrPath);
}

/** " Did you mean "x"?" when a known name is within a small edit distance. */
export function suggest(name: string, known: string[]): string {
  let best: string | undefined;
  let bestD = 3;
  for (const k of known) {
    const d = editDistance(name, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best ? ` Did you mean "${best}"?` : '';
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}
