// The layering as docs/architecture.md describes it, checked over src/: every import goes to the same layer or
// a lower one, and no module imports itself back through others (no import circles).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../../src');

/** Lowest first. Layers on one line are independent: neither imports the other. */
const LAYERS: string[][] = [
  ['shared'],
  ['config'],
  ['source'],
  ['discovery', 'graph', 'hclfmt'],
  ['auth', 'terraform'],
  ['stack'],
  ['run'],
  ['render', 'ci'],
  ['cli'],
  ['commands'],
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** src-relative file → src-relative files it imports (static, dynamic, type-only and re-exports alike). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = new Set<string>();
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)) {
      targets.add(path.relative(SRC, path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, '.ts'))));
    }
    graph.set(path.relative(SRC, file), [...targets]);
  }
  return graph;
}

/** The layer of a src-relative file: its top directory; files directly in src/ (errors.ts) are shared. */
const layerOf = (file: string) => (file.includes(path.sep) ? file.split(path.sep)[0]! : 'shared');
const level = (layer: string) => LAYERS.findIndex((l) => l.includes(layer));

describe('architecture', () => {
  const graph = importGraph();

  it('knows every top-level directory of src/', () => {
    const unknown = [...new Set([...graph.keys()].map(layerOf))].filter((l) => level(l) < 0);
    expect(unknown).toEqual([]);
  });

  it('no import from a lower layer to a higher one (or between layers of one level)', () => {
    const upward: string[] = [];
    for (const [from, targets] of graph) {
      for (const to of targets) {
        const [a, b] = [layerOf(from), layerOf(to)];
        if (a !== b && level(b) >= level(a)) upward.push(`${from} -> ${to}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('the HCL functions are config\'s own: nothing outside config/ imports them', () => {
    const outside = [...graph].flatMap(([from, targets]) => targets.filter((to) => to.startsWith(`config${path.sep}functions${path.sep}`)
      && layerOf(from) !== 'config').map((to) => `${from} -> ${to}`));
    expect(outside).toEqual([]);
  });

  it('no import circles', () => {
    // Tarjan's strongly connected components: any component of two or more files is a circle.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const circles: string[][] = [];
    let next = 0;
    const visit = (v: string) => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      onStack.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!graph.has(w)) continue;
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) {
          low.set(v, Math.min(low.get(v)!, index.get(w)!));
        }
      }
      if (low.get(v) === index.get(v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(w);
        } while (w !== v);
        if (scc.length > 1) circles.push(scc.sort());
      }
    };
    for (const v of graph.keys()) if (!index.has(v)) visit(v);
    expect(circles).toEqual([]);
  });
});
