// Terragrunt's `autoinclude` block of a unit or stack in a terragrunt.stack.hcl (stack dependencies, GA in 1.1):
// checked and partially evaluated when the stack file is read, written beside the generated component
// (terragrunt.autoinclude.hcl for a unit, terragrunt.autoinclude.stack.hcl for a stack) and merged into it when
// that is loaded, winning over the component's own configuration.
//
// Partial evaluation as Terragrunt's hclparse.PartialEval: everything resolves in the stack file's context to a
// literal (local.*, values.*, unit.<name>.path, stack.<name>.path and function calls) except references to
// `dependency.*`, which stay as written and are resolved by the unit itself when it runs.

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Block, Body, Expr, ObjectItem } from './hcl/ast.js';
import { referencedRoots } from './hcl/analysis.js';
import { primitiveToString } from './hcl/convert.js';
import { evaluate, type EvalScope } from './hcl/eval.js';
import { escapeString, printExpr } from './hcl/print.js';
import { isNumber, isObject, typeName, type Value } from './hcl/values.js';
import { EvalError } from './hcl/errors.js';
import { decodeBody, toConfigError, type DecodedBody, type DisplayPath } from './decode.js';
import type { BodySchema } from './schema.js';
import { TERRAGRUNT_SCHEMA } from './schema.js';
import { ConfigError } from '../errors.js';

/** Written beside a generated unit's terragrunt.hcl; merged into it on top of everything else. */
export const AUTOINCLUDE_FILE = 'terragrunt.autoinclude.hcl';
/** Written beside a generated stack's terragrunt.stack.hcl: unit and stack blocks joining (or replacing) its own. */
export const AUTOINCLUDE_STACK_FILE = 'terragrunt.autoinclude.stack.hcl';

export type AutoincludeKind = 'unit' | 'stack';

/**
 * The autoinclude file to merge into the config file `configPath`, when a stack generated one beside it (never for
 * an autoinclude file itself or a file that is not a unit's).
 */
export function autoincludeOf(configPath: string): string | undefined {
  const base = path.basename(configPath);
  if (base === AUTOINCLUDE_FILE || base === AUTOINCLUDE_STACK_FILE || base.endsWith('.stack.hcl')) return undefined;
  const auto = path.join(path.dirname(configPath), AUTOINCLUDE_FILE);
  return existsSync(auto) ? auto : undefined;
}

/** The input names an autoinclude file sets (the literal keys of its `inputs` object). */
export function autoincludeInputs(body: Body): Set<string> {
  const a = body.attributes.find((x) => x.name === 'inputs');
  if (!a || a.expr.kind !== 'object') return new Set();
  return new Set(a.expr.items.flatMap((it) => (it.key.kind === 'literal' && typeof it.key.value === 'string' ? [it.key.value] : [])));
}

/**
 * A unit's file without the `inputs` items its autoinclude replaces anyway: their values are never read, so a
 * `values.x` the values file lacks is no error when the autoinclude supplies that input (Terragrunt 1.1.3).
 */
export function withoutInputs<T extends { decoded: DecodedBody }>(parsed: T, names: ReadonlySet<string>): T {
  const inputs = parsed.decoded.attributes.get('inputs');
  if (names.size === 0 || !inputs || inputs.expr.kind !== 'object') return parsed;
  const items = inputs.expr.items.filter((it) => !(it.key.kind === 'literal' && typeof it.key.value === 'string' && names.has(it.key.value)));
  if (items.length === inputs.expr.items.length) return parsed;
  const attributes = new Map(parsed.decoded.attributes).set('inputs', { ...inputs, expr: { ...inputs.expr, items } });
  return { ...parsed, decoded: { ...parsed.decoded, attributes } };
}

/** What an autoinclude block becomes when its stack file is read. */
export interface Autoinclude {
  kind: AutoincludeKind;
  /** The file to write, unformatted HCL (config_path of each dependency relative to the component's folder). */
  text: string;
  /** Its dependency blocks with config_path resolved (absolute when written as an absolute path). */
  dependencies: { name: string; configPath: string; line: number }[];
}

/** The only root left for the unit to resolve. */
const DEFERRED: ReadonlySet<string> = new Set(['dependency']);

/** A unit's autoinclude holds what a unit configuration holds, but no locals and no includes of its own. */
const UNIT_BODY: BodySchema = {
  attributes: TERRAGRUNT_SCHEMA.attributes,
  blocks: Object.fromEntries(Object.entries(TERRAGRUNT_SCHEMA.blocks ?? {}).filter(([k]) => k !== 'locals' && k !== 'include')),
};

/**
 * Check and render the autoinclude block of component `where` (`unit.app`) of stack file `file`. `scope` is the
 * stack file's (locals, values, unit.*, stack.*); `dest` the component's generated folder; `stackBody` the
 * schema of a stack file's unit and stack blocks (for a stack's autoinclude).
 */
export function readAutoinclude(block: Block, kind: AutoincludeKind, where: string, file: string, dest: string, scope: EvalScope,
  display: DisplayPath, stackBody: BodySchema): Autoinclude {
  const fail = (line: number, msg: string, at = `${where}.autoinclude`) => new ConfigError(display(file), msg, at, line);
  for (const b of block.body.blocks) {
    if (b.type === 'locals') throw fail(b.range.start.line, 'a locals block is not allowed in an autoinclude block: declare stack-level locals in the terragrunt.stack.hcl');
    if (b.type === 'autoinclude') throw fail(b.range.start.line, 'an autoinclude block cannot hold another autoinclude block');
    if (b.type === 'include') throw fail(b.range.start.line, 'an include block is not supported in an autoinclude block: the unit\'s own terragrunt.hcl may include files');
    if (kind === 'stack' && b.type === 'dependency') {
      throw fail(b.range.start.line, 'a stack\'s autoinclude cannot declare a dependency block (stacks have no dependencies): declare it in the autoinclude of the unit that needs it');
    }
  }
  decodeBody(block.body, kind === 'unit' ? UNIT_BODY : stackBody, file, `${where}.autoinclude`, display);

  const dependencies: Autoinclude['dependencies'] = [];
  const out: string[] = ['# Generated by tgo from an autoinclude block of a terragrunt.stack.hcl. Do not edit manually.'];
  const partial = (e: Expr, at: string): string => {
    try {
      return printLines(partialEval(e, scope, DEFERRED));
    } catch (err) {
      throw err instanceof ConfigError ? err : toConfigError(err, file, at, display);
    }
  };
  const attrs = (body: Body, prefix: string, indent: string, skip?: string) => {
    for (const a of body.attributes) if (a.name !== skip) out.push(`${indent}${a.name} = ${partial(a.expr, `${prefix}.${a.name}`)}`);
  };
  const blocks = (body: Body, prefix: string, indent: string, only: (b: Block) => boolean) => {
    for (const b of body.blocks.filter(only)) {
      const at = `${prefix}.${[b.type, ...b.labels].join('.')}`;
      out.push(`${indent}${b.type}${b.labels.map((l) => ` "${escapeString(l)}"`).join('')} {`);
      attrs(b.body, at, `${indent}  `);
      blocks(b.body, at, `${indent}  `, () => true);
      out.push(`${indent}}`);
    }
  };
  const prefix = `${where}.autoinclude`;

  // Dependency blocks first, config_path resolved now (unit.vpc.path → "../vpc").
  for (const b of block.body.blocks.filter((x) => x.type === 'dependency')) {
    const name = b.labels[0]!;
    const at = `${prefix}.dependency.${name}.config_path`;
    const attr = b.body.attributes.find((a) => a.name === 'config_path');
    if (!attr) throw fail(b.range.start.line, `dependency "${name}" needs a config_path`, `${prefix}.dependency.${name}`);
    let v: Value;
    try {
      v = evaluate(attr.expr, scope);
    } catch (e) {
      const why = e instanceof EvalError ? e.message : String(e);
      throw fail(attr.range.start.line, `dependency "${name}" config_path could not be evaluated at stack generate time: ${why}`, at);
    }
    if (typeof v !== 'string' || v === '') {
      throw fail(attr.range.start.line, `dependency "${name}" config_path must be a non-empty string, got ${v === '' ? 'an empty string' : typeName(v)}`, at);
    }
    dependencies.push({ name, configPath: v, line: attr.range.start.line });
    const written = path.isAbsolute(v) ? path.relative(dest, v) || '.' : v;
    out.push(`dependency "${escapeString(name)}" {`, `  config_path = "${escapeString(written.split(path.sep).join('/'))}"`);
    attrs(b.body, `${prefix}.dependency.${name}`, '  ', 'config_path');
    blocks(b.body, `${prefix}.dependency.${name}`, '  ', () => true);
    out.push('}', '');
  }
  attrs(block.body, prefix, '');
  blocks(block.body, prefix, '', (b) => b.type !== 'dependency');
  return { kind, text: `${out.join('\n')}\n`, dependencies };
}

/**
 * The expression with every part that does not read a deferred root replaced by its value. A reference that
 * cannot be resolved (a missing local) is an error; a function that fails here is kept for the unit to call.
 */
export function partialEval(e: Expr, scope: EvalScope, deferred: ReadonlySet<string>): Expr {
  if (isPure(e, deferred)) {
    try {
      return toExpr(evaluate(e, scope), e);
    } catch (err) {
      if (e.kind === 'scopeTraversal') throw err;
      // Fall through: resolve what can be resolved inside it.
    }
  }
  const p = (x: Expr) => partialEval(x, scope, deferred);
  switch (e.kind) {
    case 'scopeTraversal':
      return e; // reads a deferred root
    case 'template':
      return {
        ...e,
        parts: e.parts.map((part) => {
          if (part.kind === 'templateIf' || part.kind === 'templateFor') return part;
          // "${0}" and "${true}" are literal parts too: written as their text.
          if (part.kind === 'literal') return typeof part.value === 'string' || part.value === null ? part : { ...part, value: primitiveToString(part.value)! };
          if (isPure(part, deferred)) {
            try {
              const s = primitiveToString(evaluate(part, scope));
              if (s !== undefined) return { kind: 'literal', value: s, range: part.range } as Expr;
            } catch {
              // kept as an interpolation below
            }
          }
          return p(part);
        }),
      };
    case 'templateWrap':
      return { ...e, wrapped: p(e.wrapped) };
    case 'call':
      return { ...e, args: e.args.map((a) => absorb(() => p(a), a)) };
    case 'object':
      return { ...e, items: e.items.map((it): ObjectItem => ({ ...it, key: it.keyIsBareName ? it.key : p(it.key), value: p(it.value) })) };
    case 'tuple':
      return { ...e, items: e.items.map(p) };
    case 'conditional':
      if (isPure(e.condition, deferred)) {
        const c = evaluate(e.condition, scope);
        if (c === true || c === 'true') return p(e.trueResult);
        if (c === false || c === 'false') return p(e.falseResult);
      }
      return { ...e, condition: p(e.condition), trueResult: p(e.trueResult), falseResult: p(e.falseResult) };
    case 'paren':
      return { ...e, inner: p(e.inner) };
    case 'binary':
      return { ...e, left: p(e.left), right: p(e.right) };
    case 'unary':
      return { ...e, operand: p(e.operand) };
    case 'index':
      return { ...e, collection: p(e.collection), key: p(e.key) };
    case 'relativeTraversal':
      return { ...e, source: p(e.source) };
    case 'splat':
      return { ...e, source: p(e.source) };
    case 'for': {
      const inner = new Set([...deferred, e.valVar, ...(e.keyVar !== undefined ? [e.keyVar] : [])]);
      const q = (x: Expr) => partialEval(x, scope, inner);
      return { ...e, collection: p(e.collection), keyExpr: e.keyExpr && q(e.keyExpr), valExpr: q(e.valExpr), condition: e.condition && q(e.condition) };
    }
    default:
      return e;
  }
}

/** As printExpr, but an object of several items one item a line (formatting indents them). */
function printLines(e: Expr): string {
  if (e.kind !== 'object' || e.items.length < 2) return printExpr(e);
  const items = e.items.map((it) => {
    const key = it.key.kind === 'literal' && typeof it.key.value === 'string'
      ? (/^[A-Za-z_][\w-]*$/.test(it.key.value) ? it.key.value : `"${escapeString(it.key.value)}"`)
      : it.key.kind === 'scopeTraversal' && it.key.traversal.length === 0 ? `(${printExpr(it.key)})` : printExpr(it.key);
    return `${key} = ${printLines(it.value)}`;
  });
  return `{\n${items.join('\n')}\n}`;
}

function isPure(e: Expr, deferred: ReadonlySet<string>): boolean {
  for (const r of referencedRoots(e)) if (deferred.has(r)) return false;
  return true;
}

/** A function argument that cannot be resolved stays as written (try() and can() decide in the unit). */
function absorb(f: () => Expr, original: Expr): Expr {
  try {
    return f();
  } catch {
    return original;
  }
}

/** A value as an expression (a literal, a tuple or an object), placed where `at` was. */
function toExpr(v: Value, at: Expr): Expr {
  const range = at.range;
  if (v === null || typeof v === 'boolean' || typeof v === 'string' || isNumber(v)) return { kind: 'literal', value: v, range };
  if (Array.isArray(v)) return { kind: 'tuple', items: v.map((x) => toExpr(x, at)), range };
  if (isObject(v)) {
    return {
      kind: 'object',
      range,
      items: Object.entries(v).map(([k, x]) => ({ key: { kind: 'literal', value: k, range } as Expr, keyIsBareName: /^[A-Za-z_][\w-]*$/.test(k), value: toExpr(x, at) })),
    };
  }
  return { kind: 'literal', value: null, range };
}
