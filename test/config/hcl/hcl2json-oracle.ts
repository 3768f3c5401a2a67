// A reference parser for tests: runs @cdktf/hcl2json (hashicorp/hcl compiled to WASM) and converts its JSON
// into our Body shape, so our parser's structure and values can be compared with real HCL's.
//
// hcl2json output is lossy, so the conversion follows HCL's JSON-syntax conventions:
//  - Strings are templates (`${…}`/`%{…}` sequences; hcl2json writes non-literal expressions as "${source}"),
//    so they are re-parsed with our parseTemplate: only expressions' text goes through our parser, while
//    structure, literal values, escapes, heredoc indentation and strip markers come from HCL itself.
//  - Blocks and attributes look alike in JSON. A key is read as a block when it is a known block type AND its
//    value has block shape (labels as nested object keys, ending in an array of body objects).
//  - Positions are unavailable: body, attribute and block ranges are all zeros.
import type { Attribute, Block, Body, Expr, ObjectItem, Range } from '../../../src/config/hcl/ast.js';
import { HclSyntaxError } from '../../../src/config/hcl/errors.js';
import { parseTemplate } from '../../../src/config/hcl/parser.js';

/** Block types of terragrunt.hcl (and their nested blocks) that the adapter recognises by default. */
export const TERRAGRUNT_BLOCK_TYPES: ReadonlySet<string> = new Set([
  'include',
  'locals',
  'dependency',
  'dependencies',
  'terraform',
  'remote_state',
  'generate',
  'feature',
  'exclude',
  'errors',
  'retry',
  'ignore',
  'engine',
  'catalog',
  'stack',
  'unit',
  'before_hook',
  'after_hook',
  'error_hook',
  'extra_arguments',
]);

export interface OracleOptions {
  /** Keys to read as blocks when their JSON has block shape (default: TERRAGRUNT_BLOCK_TYPES). */
  blockTypes?: ReadonlySet<string>;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Hcl2Json = { parse(filename: string, contents: string): Promise<Record<string, unknown>> };

let modulePromise: Promise<Hcl2Json> | undefined;
// hcl2json's WASM bridge isn't safe for concurrent calls: parses run one at a time on this chain.
let queue: Promise<unknown> = Promise.resolve();

function loadModule(): Promise<Hcl2Json> {
  modulePromise ??= import('@cdktf/hcl2json') as Promise<Hcl2Json>;
  return modulePromise;
}

/** Parses with hcl2json and returns its raw JSON (serialised with other calls). */
export function hcl2jsonRaw(text: string, filename: string): Promise<Record<string, unknown>> {
  const run = queue.then(async () => {
    const mod = await loadModule();
    try {
      return await mod.parse(filename, text);
    } catch (e) {
      throw toSyntaxError(e, filename);
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Parses with hcl2json and converts the result to our Body shape. Syntax errors become HclSyntaxError. */
export async function parseConfigWithOracle(text: string, filename: string, opts: OracleOptions = {}): Promise<Body> {
  const json = (await hcl2jsonRaw(text, filename)) as { [k: string]: Json };
  return toBody(json, filename, opts.blockTypes ?? TERRAGRUNT_BLOCK_TYPES);
}

const ZERO_POS = { line: 0, column: 0, offset: 0 };

function zeroRange(filename: string): Range {
  return { filename, start: ZERO_POS, end: ZERO_POS };
}

function toBody(obj: { [k: string]: Json }, filename: string, blockTypes: ReadonlySet<string>): Body {
  const attributes: Attribute[] = [];
  const blocks: Block[] = [];
  for (const [key, value] of Object.entries(obj)) {
    if (blockTypes.has(key) && hasBlockShape(value)) {
      collectBlocks(key, [], value, filename, blockTypes, blocks);
      continue;
    }
    attributes.push({ name: key, expr: toExpr(value, filename), range: zeroRange(filename), nameRange: zeroRange(filename) });
  }
  return { attributes, blocks, range: zeroRange(filename) };
}

function isJsonObject(v: Json): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An array of body objects, or an object (labels) whose values all have block shape. */
function hasBlockShape(v: Json): boolean {
  if (Array.isArray(v)) return v.length > 0 && v.every(isJsonObject);
  if (isJsonObject(v)) {
    const vals = Object.values(v);
    return vals.length > 0 && vals.every(hasBlockShape);
  }
  return false;
}

function collectBlocks(
  type: string,
  labels: string[],
  v: Json,
  filename: string,
  blockTypes: ReadonlySet<string>,
  out: Block[],
): void {
  if (Array.isArray(v)) {
    for (const body of v) {
      out.push({
        type,
        labels,
        body: toBody(body as { [k: string]: Json }, filename, blockTypes),
        range: zeroRange(filename),
        typeRange: zeroRange(filename),
      });
    }
    return;
  }
  for (const [label, inner] of Object.entries(v as { [k: string]: Json })) {
    collectBlocks(type, [...labels, label], inner, filename, blockTypes, out);
  }
}

/** A JSON value as an HCL expression, with strings read as templates (HCL's JSON-syntax rule). */
function toExpr(v: Json, filename: string): Expr {
  const range = zeroRange(filename);
  if (v === null || typeof v === 'boolean' || typeof v === 'number') return { kind: 'literal', value: v, range };
  if (typeof v === 'string') {
    if (!v.includes('${') && !v.includes('%{')) return { kind: 'literal', value: v, range };
    return parseTemplate(v, filename);
  }
  if (Array.isArray(v)) return { kind: 'tuple', items: v.map((x) => toExpr(x, filename)), range };
  const items: ObjectItem[] = Object.entries(v).map(([k, val]) => ({
    key: toExpr(k, filename),
    keyIsBareName: false,
    value: toExpr(val, filename),
  }));
  return { kind: 'object', items, range };
}

/** hcl2json reports `parse config: [file:L,C-…: Summary; Detail …]`; keep the first diagnostic. */
function toSyntaxError(e: unknown, filename: string): Error {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /\[([^\]:]*?):(\d+),(\d+)(?:-\d+(?:,\d+)?)?: ([^;]*); ([\s\S]*?)(?=\s+\S+:\d+,\d+(?:-\d+(?:,\d+)?)?: |\]$)/.exec(msg);
  if (m === null) return e instanceof Error ? e : new Error(msg);
  const line = Number(m[2]);
  const column = Number(m[3]);
  const pos = { line, column, offset: 0 };
  return new HclSyntaxError({ filename: m[1] || filename, start: pos, end: pos }, m[4]!, m[5]!);
}
