// Differential test against hashicorp/hcl itself (compiled to WASM in @cdktf/hcl2json): for every corpus
// snippet and for fast-check-generated documents, both parsers must agree on attribute names, block types
// and labels, and every attribute must evaluate to the same value. (Expressions' meaning is checked against
// terraform itself in terraform-differential.test.ts: hcl2json hands non-literal expressions back as text.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, Body } from '../../../src/config/hcl/ast.js';
import { EvalError } from '../../../src/config/hcl/errors.js';
import { evaluate } from '../../../src/config/hcl/eval.js';
import { parseConfigWithOracle, TERRAGRUNT_BLOCK_TYPES } from './hcl2json-oracle.js';
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

// Generated documents: literal values only (strings with escapes, unicode and template escapes, heredocs,
// numbers, bools, null, nested lists and objects) inside attributes and labelled blocks, so what is
// compared is how HCL itself reads the text.
const ident = fc.constantFrom('a', 'b', 'name', 'source', 'iam_role', 'x_1', 'with-dash', 'é');
const stringBits = fc.constantFrom('a', 'Z', ' ', '0', 'é', '😀', '\\n', '\\t', '\\"', '\\\\', '\\u00e9', '$${x}', '%%{y}', '%', '}');
const quoted = fc.array(stringBits, { maxLength: 6 }).map((p) => `"${p.join('')}"`);
const heredoc = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom('line', '  indented', 'é 😀', '$${x}', ''), { minLength: 1, maxLength: 3 }))
  .map(([indent, lines]) => `<<${indent ? '-' : ''}EOT\n${lines.map((l) => (indent ? `    ${l}` : l)).join('\n')}\nEOT\n`);
const literal: fc.Arbitrary<string> = fc.letrec<{ v: string }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    quoted,
    fc.constantFrom('0', '1', '-1', '1.5', '1e3', '0.25', '123456', 'true', 'false', 'null'),
    fc.array(tie('v'), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
    fc.array(fc.tuple(ident, tie('v')), { maxLength: 3 }).map((kv) => `{ ${kv.map(([k, v]) => `${k} = ${v}`).join(', ')} }`),
  ),
})).v;
const attribute = fc.oneof(fc.tuple(ident, literal), fc.tuple(ident, heredoc)).map(([k, v]) => (v.startsWith('<<') ? `${k} = ${v}` : `${k} = ${v}\n`));
const BLOCKS = [...TERRAGRUNT_BLOCK_TYPES];
/** A body with blocks nested at most `depth` deep (hcl2json cannot convert a block type used both with and without labels: one label count per type). */
function body(depth: number): fc.Arbitrary<string> {
  const attrs = fc.uniqueArray(attribute, { maxLength: 4, selector: (a) => a.split(' ')[0] }).map((a) => a.join(''));
  if (depth === 0) return attrs;
  const block = fc
    .tuple(fc.constantFrom(...BLOCKS), fc.constantFrom('"vpc"', '"app"', '"é"'), body(depth - 1))
    .map(([t, l, b]) => `${t} ${BLOCKS.indexOf(t) % 2 ? l : ''} {\n${b}}\n`);
  return fc.tuple(attrs, fc.array(block, { maxLength: 2 })).map(([a, bs]) => a + bs.join(''));
}
const document = body(2);

describe('generated documents agree with hashicorp/hcl (hcl2json oracle)', () => {
  it('same structure and values for 60 generated documents', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (text) => {
        const ours = parseConfig(text, 'gen.hcl');
        const oracle = await parseConfigWithOracle(text, 'gen.hcl');
        expect(shape(ours)).toEqual(shape(oracle));
        expect(values(ours)).toEqual(values(oracle));
      }),
      { seed: 20251204, numRuns: 60, endOnFailure: true },
    );
  });
});
