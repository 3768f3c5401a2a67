// The filter language's expressions (Terragrunt's internal/filter/ast.go): what a parsed `--filter` means,
// and how it prints back.

import { cleanPath, compileGlob, type Glob } from '../../shared/glob.js';

/** `./prod/**`, `/abs/dir`, `{path with spaces}`: matched against a component's path. */
export interface PathExpr { kind: 'path'; value: string; glob: Glob }
/** `name=…`, `type=unit|stack`, `external=true|false`, `reading=…`, `source=…` (a bare word is `name=`). */
export interface AttributeExpr { kind: 'attribute'; key: string; value: string; glob?: Glob }
/** `!expr`: everything but what expr matches. */
export interface NotExpr { kind: 'not'; right: Expression }
/** `a | b`: b applied to what a matched (left to right). */
export interface AndExpr { kind: 'and'; left: Expression; right: Expression }
/** One side of a graph expression: included, with an optional depth limit (0: none) or boundary folder. */
export interface GraphBound { include: boolean; depth: number; boundary?: string }
/** `...target`, `target...`, `^target...`, `1...target...2`. */
export interface GraphExpr { kind: 'graph'; target: Expression; dependents: GraphBound; dependencies: GraphBound; excludeTarget: boolean }
/** `[from...to]` or `[from]` (to HEAD): components changed between two git references. */
export interface GitExpr { kind: 'git'; from: string; to: string }

export type Expression = PathExpr | AttributeExpr | NotExpr | AndExpr | GraphExpr | GitExpr;

export const ATTRIBUTES = ['name', 'type', 'external', 'reading', 'source'] as const;

/** Terragrunt caps a numeric traversal depth here. */
export const MAX_DEPTH = 1_000_000;

export function pathExpr(value: string): PathExpr {
  return { kind: 'path', value, glob: compileGlob(cleanPath(value)) };
}

/** name, reading and source take globs (a reading glob is a path, cleaned first); the others plain values. */
export function attributeExpr(key: string, value: string): AttributeExpr {
  if (key === 'name' || key === 'source') return { kind: 'attribute', key, value, glob: compileGlob(value) };
  if (key === 'reading') return { kind: 'attribute', key, value, glob: compileGlob(cleanPath(value)) };
  return { kind: 'attribute', key, value };
}

export const noBound = (): GraphBound => ({ include: false, depth: 0 });

export function show(e: Expression): string {
  switch (e.kind) {
    case 'path': return e.value;
    case 'attribute': return `${e.key}=${e.value}`;
    case 'not': return `!${show(e.right)}`;
    case 'and': return `${show(e.left)} | ${show(e.right)}`;
    case 'git': return `[${e.from}...${e.to}]`;
    case 'graph': {
      const operand = (b: GraphBound) => (b.boundary ? `(${b.boundary})` : b.depth > 0 ? String(b.depth) : '');
      return (e.dependents.include ? `${operand(e.dependents)}...` : '') + (e.excludeTarget ? '^' : '') + show(e.target)
        + (e.dependencies.include ? `...${operand(e.dependencies)}` : '');
    }
  }
}

/** Every expression in the tree, outermost first. */
export function* walk(e: Expression): Generator<Expression> {
  yield e;
  if (e.kind === 'graph') yield* walk(e.target);
  else if (e.kind === 'not') yield* walk(e.right);
  else if (e.kind === 'and') {
    yield* walk(e.left);
    yield* walk(e.right);
  }
}

/** Only negations (`!a`, `!a | !b`): applied after every other filter, removing from their union. */
export function isPureNegation(e: Expression): boolean {
  if (e.kind === 'not') return true;
  if (e.kind === 'and') return isPureNegation(e.left) && isPureNegation(e.right);
  return false;
}

/**
 * Whether a filter targets stacks explicitly (`type=stack`, `!type=unit`, or a chain holding one): only those
 * decide which stacks `stack generate` generates (Terragrunt's IsRestrictedToStacks).
 */
export function restrictedToStacks(e: Expression): boolean {
  if (e.kind === 'attribute') return e.key === 'type' && e.value === 'stack';
  if (e.kind === 'not') return e.right.kind === 'attribute' && e.right.key === 'type' && e.right.value !== 'stack';
  if (e.kind === 'and') return restrictedToStacks(e.left) || restrictedToStacks(e.right);
  return false;
}

/**
 * Whether a filter can be decided from a component's path alone (paths, names, types, external, and
 * negations and chains of those): no configuration needs to be read.
 */
export function pathOnly(e: Expression): boolean {
  if (e.kind === 'path') return true;
  if (e.kind === 'attribute') return e.key === 'name' || e.key === 'type' || e.key === 'external';
  if (e.kind === 'not') return pathOnly(e.right);
  if (e.kind === 'and') return pathOnly(e.left) && pathOnly(e.right);
  return false;
}
