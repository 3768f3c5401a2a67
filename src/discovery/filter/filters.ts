// Several filters together (Terragrunt's internal/filter/filters.go): the union of what the positive ones
// select (everything when there is none), minus what each purely negative one (`!a`, `!a | !b`) rejects —
// negations apply last, whatever their order on the command line.

import { ATTRIBUTES, isPureNegation, pathOnly, show, walk, type Expression, type GitExpr } from './ast.js';
import { evaluate, FilterEvaluationError, type Component, type EvalContext } from './evaluate.js';
import { formatDiagnostic, FilterParseError } from './diagnostic.js';
import { parseFilter } from './parser.js';

export interface Filter {
  /** The query as the user wrote it. */
  query: string;
  /** Where it came from, for messages: `--filter`, `TG_FILTER`, `--filters-file f.txt:3`, `--queue-include-dir`. */
  from: string;
  expr: Expression;
}

export class FilterError extends Error {
  override name = 'FilterError';
}

/**
 * Parses every query, reporting all that do not parse at once (each with its flag, the query and a caret at
 * the position), and checks attribute names and values; duplicates (same text) are kept once.
 */
export function parseFilters(queries: { query: string; from: string }[]): Filter[] {
  const out: Filter[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { query, from } of queries) {
    if (seen.has(query)) continue;
    seen.add(query);
    try {
      const expr = parseFilter(query);
      checkAttributes(expr);
      out.push({ query, from, expr });
    } catch (e) {
      if (e instanceof FilterParseError) problems.push(formatDiagnostic(e, from));
      else if (e instanceof FilterEvaluationError) problems.push(`${from} '${query}': ${e.message}`);
      else throw e;
    }
  }
  if (problems.length > 0) throw new FilterError(problems.join('\n\n'));
  return out;
}

/** Attribute keys and the values of type= and external= are known before anything is discovered. */
function checkAttributes(e: Expression): void {
  for (const x of walk(e)) {
    if (x.kind !== 'attribute') continue;
    if (!(ATTRIBUTES as readonly string[]).includes(x.key)) {
      throw new FilterEvaluationError(`unknown attribute key: ${x.key} (expected one of ${ATTRIBUTES.join(', ')})`);
    }
    if (x.key === 'type' && x.value !== 'unit' && x.value !== 'stack') throw new FilterEvaluationError(`invalid type value: ${x.value} (expected 'unit' or 'stack')`);
    if (x.key === 'external' && x.value !== 'true' && x.value !== 'false') throw new FilterEvaluationError(`invalid external value: ${x.value} (expected 'true' or 'false')`);
  }
}

export const hasPositive = (filters: Filter[]) => filters.some((f) => !isPureNegation(f.expr));
/** Every filter decidable from paths alone (no configuration read, no graph, no git). */
export const allPathOnly = (filters: Filter[]) => filters.every((f) => pathOnly(f.expr));
/** The git expressions among the filters, each once. */
export function gitExpressions(filters: Filter[]): GitExpr[] {
  const out = new Map<string, GitExpr>();
  for (const f of filters) for (const x of walk(f.expr)) if (x.kind === 'git') out.set(show(x), x);
  return [...out.values()];
}

export interface FilterResult {
  selected: Component[];
  /** For each component left out, the filter that left it out (`undefined`: no positive filter matched it). */
  rejectedBy: Map<string, Filter | undefined>;
}

/** The components the filters select, with why each other one was left out. */
export function applyFilters(filters: Filter[], components: Component[], ctx: EvalContext): FilterResult {
  const union = positiveUnion(filters, components, ctx);
  const rejectedBy = new Map<string, Filter | undefined>();
  if (union) for (const c of components) if (!union.has(c.path)) rejectedBy.set(c.path, undefined);
  const combined = union ? [...union.values()] : components;
  for (const [p, f] of negativeRejects(filters, combined, ctx)) if (!rejectedBy.has(p)) rejectedBy.set(p, f);
  return { selected: combined.filter((c) => !rejectedBy.has(c.path)), rejectedBy };
}

/**
 * What the positive filters select together (graph expressions may reach components outside `components`),
 * or undefined when every filter is a pure negation.
 */
export function positiveUnion(filters: Filter[], components: Component[], ctx: EvalContext): Map<string, Component> | undefined {
  const positive = filters.filter((f) => !isPureNegation(f.expr));
  if (positive.length === 0) return undefined;
  const union = new Map<string, Component>();
  for (const f of positive) for (const c of run(f, components, ctx)) union.set(c.path, c);
  return union;
}

/** The components of `combined` that a pure negation rejects, each with the first filter that rejects it. */
export function negativeRejects(filters: Filter[], combined: Component[], ctx: EvalContext): Map<string, Filter> {
  const out = new Map<string, Filter>();
  for (const f of filters.filter((x) => isPureNegation(x.expr))) {
    const kept = new Set(run(f, combined, ctx).map((c) => c.path));
    for (const c of combined) if (!kept.has(c.path) && !out.has(c.path)) out.set(c.path, f);
  }
  return out;
}

function run(f: Filter, components: Component[], ctx: EvalContext): Component[] {
  try {
    return evaluate(f.expr, components, ctx);
  } catch (e) {
    if (e instanceof FilterEvaluationError) throw new FilterError(`${f.from} '${f.query}': ${e.message}`);
    throw e;
  }
}
