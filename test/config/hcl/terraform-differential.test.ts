// Differential test with terraform itself as the oracle: the same expressions — a hand-picked corpus (every
// operator, conditionals, for expressions with and without grouping, splats, template directives, every
// function with its edge cases, unicode, big numbers) and fast-check–generated ones — are evaluated by tgo
// and by the real terraform on this machine. Any difference fails the test, listing the expressions.
// terraform's behaviour that tgo deliberately does not have is listed in DELIBERATE with the reason.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { terraformFunctions } from '../../../src/config/functions/terraform/index.js';
import { EvalError, HclSyntaxError } from '../../../src/config/hcl/errors.js';
import { evaluate, renderTemplate } from '../../../src/config/hcl/eval.js';
import type { FunctionContext } from '../../../src/config/hcl/functions.js';
import { parseExpression } from '../../../src/config/hcl/parser.js';
import { formatNumber, isNumber, type Value } from '../../../src/config/hcl/values.js';
import { CORPUS, DELIBERATE, FILES, LOCALS, PENDING } from './terraform-corpus.js';
import { generatedExpressions } from './terraform-generated.js';
import { JsonNumber, terraformEvaluate, type Json, type TfOutcome } from './terraform-oracle.js';

/** Both sides' results as one comparable text: `error: summary: detail` or a canonical value. */
function canonTf(o: TfOutcome): string {
  if ('unknown' in o) return 'unknown';
  return 'error' in o ? `error: ${o.error}` : canonJson(o.value);
}

function canonJson(v: Json): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof JsonNumber) return v.text;
  if (Array.isArray(v)) return `[${v.map(canonJson).join(', ')}]`;
  return `{${Object.keys(v).map((k) => `${JSON.stringify(k)}: ${canonJson(v[k]!)}`).join(', ')}}`;
}

function canonValue(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (isNumber(v)) return formatNumber(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonValue).join(', ')}]`;
  return `{${Object.keys(v).map((k) => `${JSON.stringify(k)}: ${canonValue(v[k]!)}`).join(', ')}}`;
}

const dir = mkdtempSync(path.join(tmpdir(), 'tgo-tf-oracle-'));

function tgoScope() {
  const fnContext: FunctionContext = {
    baseDir: dir,
    renderTemplate: (source, filename, vars) => renderTemplate(source, filename, vars, terraformFunctions, fnContext),
  };
  const locals: Record<string, Value> = {};
  const scope = { variable: (name: string) => (name === 'local' ? locals : undefined), functions: terraformFunctions, fnContext };
  for (const [k, src] of Object.entries(LOCALS)) locals[k] = evaluate(parseExpression(src, 'locals.hcl'), scope);
  return scope;
}

function tgoEvaluate(exprs: string[]): string[] {
  const scope = tgoScope();
  return exprs.map((src) => {
    try {
      return canonValue(evaluate(parseExpression(src, 'main.tf'), scope));
    } catch (e) {
      // terraform's base directory is its working directory, tgo's here that directory's absolute path.
      if (e instanceof EvalError) return `error: ${e.summary}: ${e.detail}`.replaceAll(`${dir}/`, '');
      if (e instanceof HclSyntaxError) return `syntax error: ${e.message}`;
      throw e;
    }
  });
}

function differences(exprs: string[], tf: TfOutcome[], ours: string[]): string[] {
  const out: string[] = [];
  exprs.forEach((e, i) => {
    const theirs = canonTf(tf[i]!);
    if (theirs !== ours[i]) out.push(`${e}\n    terraform: ${theirs}\n    tgo:       ${ours[i]}`);
  });
  return out;
}

/** For generated expressions: the value, or only whether it failed (see below). */
function coarse(c: string): string {
  return c.startsWith('error: ') ? 'error' : c;
}

describe('expressions and functions agree with terraform', () => {
  const generated = generatedExpressions();
  const all = [...CORPUS, ...generated];
  let tf: TfOutcome[] = [];
  let ours: string[] = [];

  beforeAll(async () => {
    tf = await terraformEvaluate(dir, { exprs: all, locals: LOCALS, files: FILES });
    ours = tgoEvaluate(all);
  }, 600_000);

  it(`the hand-picked corpus (${CORPUS.length} expressions): same values, same errors`, () => {
    const n = CORPUS.length;
    const keep = CORPUS.map((_, i) => i).filter((i) => !(CORPUS[i]! in DELIBERATE) && !(CORPUS[i]! in PENDING));
    const diffs = differences(keep.map((i) => CORPUS[i]!), keep.map((i) => tf[i]!), keep.map((i) => ours[i]!));
    expect(diffs, `${diffs.length} difference(s):\n${diffs.join('\n')}`).toEqual([]);
    expect(tf.slice(0, n).filter((o) => 'error' in o).length, 'the corpus checks errors too').toBeGreaterThan(50);
  });

  // When a generated expression fails in several places, which error comes first depends on evaluation
  // order, which changed between terraform 1.11's HCL 2.23 and Terragrunt's HCL 2.24 (tgo follows 2.24):
  // for these only failing or not is compared; values exactly.
  it(`generated expressions (${generated.length}, fast-check): same values, failing alike`, () => {
    const offset = CORPUS.length;
    // terraform cannot tell some values before apply (an untyped null given to a function): nothing to compare.
    const known = generated.map((_, i) => i).filter((i) => !('unknown' in tf[offset + i]!));
    expect(known.length / generated.length).toBeGreaterThan(0.9);
    const diffs: string[] = [];
    for (const i of known) {
      const theirs = canonTf(tf[offset + i]!);
      if (coarse(theirs) !== coarse(ours[offset + i]!)) diffs.push(`${generated[i]}\n    terraform: ${theirs}\n    tgo:       ${ours[offset + i]}`);
    }
    expect(diffs, `${diffs.length} difference(s):\n${diffs.join('\n')}`).toEqual([]);
  });

  it('every deliberate or pending difference is in the corpus, says why, and is still a difference', () => {
    const agreeing: string[] = [];
    for (const [expr, reason] of [...Object.entries(DELIBERATE), ...Object.entries(PENDING)]) {
      const i = CORPUS.indexOf(expr);
      expect(i, expr).toBeGreaterThanOrEqual(0);
      expect(reason.length, expr).toBeGreaterThan(20);
      if (canonTf(tf[i]!) === ours[i]) agreeing.push(expr);
    }
    expect(agreeing, `these now agree with terraform: take them off the list:\n${agreeing.join('\n')}`).toEqual([]);
  });
});
