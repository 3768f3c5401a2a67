// `find` and `list`: the units of a stack as Terragrunt's discovery commands show them — paths relative to
// the working dir, alphabetical or in dependency order (each unit after its dependencies), with their
// dependencies when asked. Pure: the commands print.

import type { Stack } from './stack.js';

export interface ListedUnit {
  type: 'unit';
  path: string;
  dependencies?: string[];
}

export interface UnitListing {
  /** Each unit after everything it depends on (ties alphabetical). */
  dag: boolean;
  dependencies: boolean;
  /** Include dependencies outside the working dir. */
  external: boolean;
}

/** `selected`: the modules a run --all would run (see selection.ts). */
export function listUnits(stack: Stack, selected: string[], opts: UnitListing): ListedUnit[] {
  // Units whose configuration failed are listed all the same (Terragrunt's find and list do not need it).
  const broken = [...stack.broken].filter(([, b]) => opts.external || !b.external).map(([dir]) => dir);
  const dirs = [...new Set([...selected, ...(opts.external ? stack.external.keys() : []), ...broken])];
  const order = opts.dag ? dagOrder(stack, new Set(dirs)) : [...dirs].sort((a, b) => stack.id(a).localeCompare(stack.id(b)));
  return order.map((dir) => {
    const cfg = stack.modules.get(dir) ?? stack.external.get(dir);
    const unit: ListedUnit = { type: 'unit', path: stack.id(dir) };
    if (opts.dependencies) unit.dependencies = (cfg?.dependencyPaths ?? []).map((d) => stack.id(d)).sort();
    return unit;
  });
}

function dagOrder(stack: Stack, include: Set<string>): string[] {
  return stack.graph.groups(false).flatMap((g) => g.filter((d) => include.has(d)).sort((a, b) => stack.id(a).localeCompare(stack.id(b))));
}

/** `list --long`: a "Type  Path" table, with a Dependencies column when they are shown. */
export function longListing(units: ListedUnit[], dependencies: boolean): string {
  const width = Math.max(4, ...units.map((u) => u.path.length));
  const row = (type: string, p: string, deps?: string) => `${type.padEnd(4)}  ${deps !== undefined ? `${p.padEnd(width)}  ${deps}` : p}`.trimEnd();
  const lines = [row('Type', 'Path', dependencies ? 'Dependencies' : undefined)];
  for (const u of units) lines.push(row(u.type, u.path, dependencies ? (u.dependencies ?? []).join(', ') : undefined));
  return `${lines.join('\n')}\n`;
}

/** `list --tree`: the unit paths as a directory tree. */
export function treeListing(units: ListedUnit[]): string {
  interface Node { children: Map<string, Node> }
  const root: Node = { children: new Map() };
  for (const u of units) {
    let n = root;
    for (const part of u.path.split('/')) {
      if (!n.children.has(part)) n.children.set(part, { children: new Map() });
      n = n.children.get(part)!;
    }
  }
  const lines = ['.'];
  const walk = (n: Node, prefix: string) => {
    const entries = [...n.children.entries()];
    entries.forEach(([name, child], i) => {
      const last = i === entries.length - 1;
      lines.push(`${prefix}${last ? '╰── ' : '├── '}${name}`);
      walk(child, `${prefix}${last ? '    ' : '│   '}`);
    });
  };
  walk(root, '');
  return `${lines.join('\n')}\n`;
}
