// Differential test against hashicorp/hcl itself (compiled to WASM in @cdktf/hcl2json): for every corpus
// snippet, both parsers must agree on attribute names, block types and labels, and every attribute must
// evaluate to the same value.
import { describe, expect, it } from 'vitest';
import type { Block, Body } from '../../../src/config/hcl/ast.js';
import { EvalError } from '../../../src/config/hcl/errors.js';
import { evaluate } from '../../../src/config/hcl/eval.js';
import { parseConfigWithOracle } from './hcl2json-oracle.js';
import { parseConfig } from '../../../src/config/hcl/parser.js';
import type { Value } from '../../../src/config/hcl/values.js';
import { CORPUS } from './corpus.js';
import { testScope } from './helpers.js';

interface Shape {
  attributes: string[];
  blocks: Array<{ type: string; labels: string[]; body: Shape }>;
}

const blockKey = (b: Block): string => JSON.stringify([b.type, b.labels]);

/** Names and nesting only; blocks ordered by type and labels (hcl2json groups them by type). */
function shape(body: Body): Shape {
  const blocks = [...body.blocks].sort((a, b) => (blockKey(a) < blockKey(b) ? -1 : blockKey(a) > blockKey(b) ? 1 : 0));
  return {
    attributes: body.attributes.map((a) => a.name).sort(),
    blocks: blocks.map((b) => ({ type: b.type, labels: b.labels, body: shape(b.body) })),
  };
}

type Outcome = { value: Value } | { error: string };

/** Every attribute's value (or error summary), keyed by its path in the body. */
function values(body: Body, prefix = ''): Map<string, Outcome> {
  const out = new Map<string, Outcome>();
  for (const a of body.attributes) {
    try {
      out.set(prefix + a.name, { value: evaluate(a.expr, testScope()) });
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      out.set(prefix + a.name, { error: e.summary });
    }
  }
  const seen = new Map<string, number>();
  for (const b of [...body.blocks].sort((x, y) => (blockKey(x) < blockKey(y) ? -1 : blockKey(x) > blockKey(y) ? 1 : 0))) {
    const k = blockKey(b);
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    for (const [path, v] of values(b.body, `${prefix}${b.type}${b.labels.map((l) => `[${l}]`).join('')}#${n}.`)) out.set(path, v);
  }
  return out;
}

describe('agreement with hashicorp/hcl (hcl2json oracle)', () => {
  it('has a corpus of at least 30 snippets', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CORPUS.map((c) => [c.name, c.text] as const))('%s', async (_name, text) => {
    const ours = parseConfig(text, 'terragrunt.hcl');
    const oracle = await parseConfigWithOracle(text, 'terragrunt.hcl');
    expect(shape(ours)).toEqual(shape(oracle));
    const ourValues = values(ours);
    const oracleValues = values(oracle);
    expect([...ourValues.keys()].sort()).toEqual([...oracleValues.keys()].sort());
    for (const [path, v] of ourValues) {
      expect(v, path).toEqual(oracleValues.get(path));
      expect('value' in v, `${path} should evaluate: ${JSON.stringify(v)}`).toBe(true);
    }
  });

  it('serialises concurrent oracle parses', async () => {
    const results = await Promise.all(CORPUS.slice(0, 8).map((c) => parseConfigWithOracle(c.text, `${c.name}.hcl`)));
    results.forEach((body, i) => expect(shape(body)).toEqual(shape(parseConfig(CORPUS[i]!.text, 'x.hcl'))));
  });
});
