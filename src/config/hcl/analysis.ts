// Static analysis of expressions, for the loader: which root variables, attribute paths and functions an
// expression refers to, without evaluating it (to order locals, find dependency references, and spot
// functions that must run before or after others).
import type { Expr, ForExpr, Range } from './ast.js';
import { formatNumber } from './values.js';

/**
 * Calls `visit` for every sub-expression, with the set of names bound by enclosing for-expressions and
 * template for-directives (so references to loop variables can be told from root variables).
 */
export function walkExpr(expr: Expr, visit: (e: Expr, bound: ReadonlySet<string>) => void, bound: ReadonlySet<string> = EMPTY): void {
  visit(expr, bound);
  switch (expr.kind) {
    case 'literal':
    case 'splatItem':
      return;
    case 'scopeTraversal':
      for (const s of expr.traversal) if (s.kind === 'index') walkExpr(s.key, visit, bound);
      return;
    case 'relativeTraversal':
      walkExpr(expr.source, visit, bound);
      for (const s of expr.traversal) if (s.kind === 'index') walkExpr(s.key, visit, bound);
      return;
    case 'template':
      for (const p of expr.parts) walkExpr(p, visit, bound);
      return;
    case 'templateWrap':
      walkExpr(expr.wrapped, visit, bound);
      return;
    case 'paren':
      walkExpr(expr.inner, visit, bound);
      return;
    case 'index':
      walkExpr(expr.collection, visit, bound);
      walkExpr(expr.key, visit, bound);
      return;
    case 'splat':
      walkExpr(expr.source, visit, bound);
      walkExpr(expr.each, visit, bound);
      return;
    case 'call':
      for (const a of expr.args) walkExpr(a, visit, bound);
      return;
    case 'conditional':
      walkExpr(expr.condition, visit, bound);
      walkExpr(expr.trueResult, visit, bound);
      walkExpr(expr.falseResult, visit, bound);
      return;
    case 'binary':
      walkExpr(expr.left, visit, bound);
      walkExpr(expr.right, visit, bound);
      return;
    case 'unary':
      walkExpr(expr.operand, visit, bound);
      return;
    case 'tuple':
      for (const i of expr.items) walkExpr(i, visit, bound);
      return;
    case 'object':
      for (const i of expr.items) {
        walkExpr(i.key, visit, bound);
        walkExpr(i.value, visit, bound);
      }
      return;
    case 'for': {
      walkExpr(expr.collection, visit, bound);
      const inner = withNames(bound, expr.keyVar, expr.valVar);
      if (expr.keyExpr) walkExpr(expr.keyExpr, visit, inner);
      walkExpr(expr.valExpr, visit, inner);
      if (expr.condition) walkExpr(expr.condition, visit, inner);
      return;
    }
    case 'templateIf':
      walkExpr(expr.condition, visit, bound);
      walkExpr(expr.then, visit, bound);
      if (expr.else) walkExpr(expr.else, visit, bound);
      return;
    case 'templateFor':
      walkExpr(expr.collection, visit, bound);
      walkExpr(expr.body, visit, withNames(bound, expr.keyVar, expr.valVar));
      return;
  }
}

const EMPTY: ReadonlySet<string> = new Set();

function withNames(bound: ReadonlySet<string>, a: string | undefined, b: string): ReadonlySet<string> {
  const s = new Set(bound);
  if (a !== undefined) s.add(a);
  s.add(b);
  return s;
}

/** Root variable names the expression refers to, excluding for-expression variables. */
export function referencedRoots(expr: Expr): Set<string> {
  const out = new Set<string>();
  walkExpr(expr, (e, bound) => {
    if (e.kind === 'scopeTraversal' && !bound.has(e.root)) out.add(e.root);
  });
  return out;
}

/**
 * The static prefix of every reference to a root variable, e.g. ['dependency','vpc','outputs','id'].
 * Literal index keys are included as strings (`x[0]` gives ['x','0']); dynamic parts end the prefix.
 */
export function referencedTraversals(expr: Expr): string[][] {
  const out: string[][] = [];
  const seen = new Set<string>();
  walkExpr(expr, (e, bound) => {
    if (e.kind !== 'scopeTraversal' || bound.has(e.root)) return;
    const path = [e.root];
    for (const s of e.traversal) {
      if (s.kind === 'attr') path.push(s.name);
      else if (s.kind === 'legacyIndex') path.push(String(s.index));
      else if (s.key.kind === 'literal' && s.key.value !== null) {
        path.push(typeof s.key.value === 'string' || typeof s.key.value === 'boolean' ? String(s.key.value) : formatNumber(s.key.value));
      } else break;
    }
    const id = path.join('\u0000');
    if (!seen.has(id)) {
      seen.add(id);
      out.push(path);
    }
  });
  return out;
}

/** Names of all functions called anywhere inside the expression (including try and can). */
export function findFunctionCalls(expr: Expr): Set<string> {
  const out = new Set<string>();
  walkExpr(expr, (e) => {
    if (e.kind === 'call') out.add(e.name);
  });
  return out;
}

const usesLoopVarsCache = new WeakMap<ForExpr, boolean>();

/** Whether a for-expression's condition mentions its own loop variables (cached per node). */
export function conditionUsesLoopVars(e: ForExpr): boolean {
  let r = usesLoopVarsCache.get(e);
  if (r === undefined) {
    const roots = referencedRoots(e.condition!);
    r = roots.has(e.valVar) || (e.keyVar !== undefined && roots.has(e.keyVar));
    usesLoopVarsCache.set(e, r);
  }
  return r;
}

/**
 * hclsyntax's StartRange: where a diagnostic about an expression as a whole points (an argument of the wrong
 * type, say) — its first token for brackets, braces and unary operators, the start of its first operand for
 * binary and conditional ones, the whole expression for literals and references.
 */
export function startRange(e: Expr): Range {
  switch (e.kind) {
    case 'tuple':
    case 'object':
    case 'for':
    case 'unary':
      return { filename: e.range.filename, start: e.range.start, end: { ...e.range.start, column: e.range.start.column + 1, offset: e.range.start.offset + 1 } };
    case 'binary':
      return startRange(e.left);
    case 'conditional':
      return startRange(e.condition);
    case 'paren':
      return startRange(e.inner);
    case 'template':
      return e.parts.length > 0 ? startRange(e.parts[0]!) : e.range;
    case 'call':
      return e.startRange;
    default:
      return e.range;
  }
}
