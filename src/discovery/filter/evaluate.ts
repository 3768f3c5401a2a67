// What a filter selects (Terragrunt's internal/filter/evaluator.go): each expression maps a list of components
// to the part of it that it keeps; graph expressions reach beyond the list, along the dependency graph.

import path from 'node:path';
import type { AttributeExpr, Expression, GitExpr, GraphBound, GraphExpr, PathExpr } from './ast.js';
import { MAX_DEPTH } from './ast.js';
import type { Glob } from '../../shared/glob.js';

/** A unit (a folder with terragrunt.hcl) or a stack (a folder with terragrunt.stack.hcl). */
export interface Component {
  /** Absolute directory. */
  path: string;
  kind: 'unit' | 'stack';
  /** Outside the working directory (reached as a dependency). */
  external: boolean;
  /** Absolute paths of the files its configuration read (its own config file aside). */
  reading: string[];
  /** Its terraform.source, if any. */
  sources: string[];
}

export interface EvalContext {
  /** Relative path filters and reading= globs resolve against it. */
  workingDir: string;
  /** The dependency graph, for graph expressions: direct dependencies / dependents of a component. */
  dependencies?(c: Component): Component[];
  dependents?(c: Component): Component[];
  /** The components a git expression selects (changed between its two references). */
  git?(e: GitExpr): Set<string>;
}

export class FilterEvaluationError extends Error {
  override name = 'FilterEvaluationError';
}

const slash = (p: string) => p.split(path.sep).join('/');

export function evaluate(e: Expression, components: Component[], ctx: EvalContext): Component[] {
  switch (e.kind) {
    case 'path': return components.filter((c) => matchPath(e, c, ctx.workingDir));
    case 'attribute': return components.filter(attributeTest(e, ctx.workingDir));
    case 'not': {
      const drop = new Set(evaluate(e.right, components, ctx).map((c) => c.path));
      return components.filter((c) => !drop.has(c.path));
    }
    case 'and': return evaluate(e.right, evaluate(e.left, components, ctx), ctx);
    case 'graph': return evaluateGraph(e, components, ctx);
    case 'git': {
      if (!ctx.git) throw new FilterEvaluationError(`the Git-based expression ${`[${e.from}...${e.to}]`} cannot be used here`);
      const changed = ctx.git(e);
      return components.filter((c) => changed.has(c.path));
    }
  }
}

/** Relative patterns match the path relative to the working dir (`..` for what lies outside); absolute ones the absolute path. */
export function matchPath(e: PathExpr, c: Component, workingDir: string): boolean {
  if (path.isAbsolute(e.value)) return e.glob.match(slash(c.path));
  return e.glob.match(slash(path.relative(workingDir, c.path) || '.'));
}

/** Whether a component read a file the glob matches: as an absolute path, or relative to the working dir. */
export function readsMatching(glob: Glob, c: Component, workingDir: string): boolean {
  return c.reading.some((f) => glob.match(slash(f)) || glob.match(slash(path.relative(workingDir, f))));
}

function attributeTest(e: AttributeExpr, workingDir: string): (c: Component) => boolean {
  switch (e.key) {
    case 'name': return (c) => e.glob!.match(path.basename(c.path));
    case 'type':
      if (e.value !== 'unit' && e.value !== 'stack') throw new FilterEvaluationError(`invalid type value: ${e.value} (expected 'unit' or 'stack')`);
      return (c) => c.kind === e.value;
    case 'external':
      if (e.value !== 'true' && e.value !== 'false') throw new FilterEvaluationError(`invalid external value: ${e.value} (expected 'true' or 'false')`);
      return (c) => c.external === (e.value === 'true');
    case 'reading': return (c) => readsMatching(e.glob!, c, workingDir);
    case 'source': return (c) => c.sources.some((s) => e.glob!.match(slash(s)));
    default: throw new FilterEvaluationError(`unknown attribute key: ${e.key}`);
  }
}

/**
 * The target's matches, plus (`target...`) what they depend on and (`...target`) what depends on them,
 * transitively or to the given depth; `^` leaves the matches themselves out.
 */
function evaluateGraph(e: GraphExpr, components: Component[], ctx: EvalContext): Component[] {
  const targets = evaluate(e.target, components, ctx);
  const out = new Map<string, Component>();
  if (!e.excludeTarget) for (const t of targets) out.set(t.path, t);
  const walk = (bound: GraphBound, next: ((c: Component) => Component[]) | undefined) => {
    if (!bound.include) return;
    if (bound.boundary) throw new FilterEvaluationError(`the graph boundary '(${bound.boundary})' is not supported`);
    if (!next) throw new FilterEvaluationError('graph expressions need the dependency graph');
    // A component reached again with more depth left is walked again (several targets, several paths).
    const seen = new Map<string, number>();
    const visit = (c: Component, left: number) => {
      if (left <= 0 || (seen.get(c.path) ?? -1) >= left) return;
      seen.set(c.path, left);
      for (const r of next(c)) {
        out.set(r.path, r);
        visit(r, left - 1);
      }
    };
    for (const t of targets) visit(t, bound.depth > 0 ? bound.depth : MAX_DEPTH);
  };
  walk(e.dependencies, ctx.dependencies);
  walk(e.dependents, ctx.dependents);
  return [...out.values()];
}
