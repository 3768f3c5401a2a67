// Property tests: whatever the input, parsing returns a Body or throws HclSyntaxError, and evaluation
// returns a value or throws EvalError: never another exception, never a hang. Generated well-formed
// expressions must parse, and print/parse must round-trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Body, Expr } from '../../../src/config/hcl/ast.js';
import { EvalError, HclSyntaxError } from '../../../src/config/hcl/errors.js';
import { evaluate } from '../../../src/config/hcl/eval.js';
import { parseConfig, parseExpression, parseTemplate } from '../../../src/config/hcl/parser.js';
import { printBody, printExpr } from '../../../src/config/hcl/print.js';
import type { Value } from '../../../src/config/hcl/values.js';
import { CORPUS } from './corpus.js';
import { testScope } from './helpers.js';

/**
 * Per-case bound: a parse or evaluation of these small inputs (microseconds of work) using this much CPU
 * means a runaway loop. CPU time of this process, not the clock: a loaded machine or a descheduled worker
 * does not count against it, only work done here does (GC included, hence the wide margin).
 */
const CASE_CPU_LIMIT_MS = 1000;
/** CPU milliseconds (user + system) this process spent in `fn`. */
function cpuMs(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const ALPHABET = [
  ...'abcxyz_-019 .,:;?!=<>+*/%&|^~"\'`\\$#@()[]{}\n\t\r',
  '${', '%{', '~}', '<<EOT\n', '<<-EOT\n', 'EOT\n', '\n}', '...', '=>', '/*', '*/', '//', 'for', 'in', 'if',
  'endif', 'endfor', 'else', 'local', 'null', 'true', '😀', 'é', '\u00a0', '\uFEFF', '\uD800',
];

type Outcome = { body: Body } | { syntax: HclSyntaxError };

function parseBounded(text: string): Outcome {
  let out!: Outcome;
  const used = cpuMs(() => {
    try {
      out = { body: parseConfig(text, 'fuzz.hcl') };
    } catch (e) {
      if (!(e instanceof HclSyntaxError)) throw new Error(`parseConfig threw ${String(e)} for ${JSON.stringify(text)}`);
      out = { syntax: e };
    }
  });
  if ('syntax' in out) {
    expect(out.syntax.line).toBeGreaterThanOrEqual(1);
    expect(out.syntax.column).toBeGreaterThanOrEqual(1);
  }
  expect(used, JSON.stringify(text)).toBeLessThan(CASE_CPU_LIMIT_MS);
  return out;
}

/** Evaluates every attribute in the body; each must give a value or an EvalError. */
function evaluateAll(body: Body): Array<Value | EvalError> {
  const out: Array<Value | EvalError> = [];
  const visit = (b: Body): void => {
    for (const a of b.attributes) {
      const used = cpuMs(() => {
        try {
          out.push(evaluate(a.expr, testScope()));
        } catch (e) {
          if (!(e instanceof EvalError)) throw new Error(`evaluate threw ${String(e)} for ${printExpr(a.expr)}`);
          out.push(e);
        }
      });
      expect(used, printExpr(a.expr)).toBeLessThan(CASE_CPU_LIMIT_MS);
    }
    for (const bl of b.blocks) visit(bl.body);
  };
  visit(body);
  return out;
}

const sameOutcome = (a: Value | EvalError, b: Value | EvalError): void => {
  if (a instanceof EvalError || b instanceof EvalError) {
    expect(b instanceof EvalError && a instanceof EvalError ? b.summary : b).toEqual(a instanceof EvalError ? a.summary : a);
  } else expect(b).toEqual(a);
};

const corpusText = fc.constantFrom(...CORPUS.map((c) => c.text));

/** A corpus file with 1–6 random single-character-ish edits. */
const mutated = fc
  .tuple(
    corpusText,
    fc.array(fc.tuple(fc.constantFrom('insert', 'delete', 'replace'), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...ALPHABET)), {
      minLength: 1,
      maxLength: 6,
    }),
  )
  .map(([text, edits]) => {
    let t = text;
    for (const [op, where, s] of edits) {
      const i = Math.floor(where * t.length);
      if (op === 'insert') t = t.slice(0, i) + s + t.slice(i);
      else if (op === 'delete') t = t.slice(0, i) + t.slice(i + 1 + Math.floor(where * 5));
      else t = t.slice(0, i) + s + t.slice(i + s.length);
    }
    return t;
  });

describe('fuzzing the parser', () => {
  it('returns a Body or throws HclSyntaxError for random text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 60 }).map((a) => a.join('')), (text) => {
        parseBounded(text);
        parseBounded(`a = ${text}\n`);
        parseBounded(`x "y" {\n  v = "${text}"\n}\n`);
      }),
      { numRuns: 3000 },
    );
  });

  it('handles mutated corpus files; whatever parses evaluates to a value or an EvalError', () => {
    let parsed = 0;
    fc.assert(
      fc.property(mutated, (text) => {
        const r = parseBounded(text);
        if ('body' in r) {
          parsed++;
          evaluateAll(r.body);
        }
      }),
      { numRuns: 1500 },
    );
    expect(parsed).toBeGreaterThan(50); // the mutations must leave enough valid files to exercise evaluation
  });

  it('round-trips valid mutated files through the printer with the same values', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const r = parseBounded(text);
        if (!('body' in r)) return;
        const printed = printBody(r.body);
        const again = parseConfig(printed, 'printed.hcl');
        const before = evaluateAll(r.body);
        const after = evaluateAll(again);
        expect(after.length).toBe(before.length);
        before.forEach((v, i) => sameOutcome(v, after[i]!));
      }),
      { numRuns: 500 },
    );
  });

  it('returns an Expr or throws HclSyntaxError for templates and standalone expressions', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((a) => a.join('')), (text) => {
        for (const parse of [parseTemplate, parseExpression]) {
          try {
            const e = parse(text, 't');
            try {
              evaluate(e, testScope());
            } catch (err) {
              if (!(err instanceof EvalError)) throw err;
            }
          } catch (err) {
            if (!(err instanceof HclSyntaxError) && !(err instanceof EvalError)) throw err;
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});

// --- generated well-formed expressions ---

const ident = fc.constantFrom('env', 'region', 'count', 'azs', 'tags', 'enabled', 'nothing', 'instances', 'missing');
const leaf: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: -5, max: 100 }).map(String),
  fc.constantFrom('1.5', '0', '1e3', 'true', 'false', 'null', '"a"', '""', '"5"', '"true"', '"x${local.env}y"', '"$${esc}"'),
  ident.map((n) => `local.${n}`),
  fc.constantFrom('local.azs[0]', 'local.tags["Owner"]', 'local.instances[*].name', 'local.azs.1', 'dependency.vpc.outputs.vpc_id'),
);

const exprArb: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '%', '==', '!=', '<', '>=', '&&', '||'), tie('e')).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(fc.constantFrom('-', '!'), tie('e')).map(([op, a]) => `${op}(${a})`),
    tie('e').map((a) => `(${a})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    fc.array(tie('e'), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
    fc.array(fc.tuple(ident, tie('e')), { maxLength: 3 }).map((kv) => `{ ${kv.map(([k, v]) => `${k} = ${v}`).join(', ')} }`),
    fc.tuple(tie('e'), tie('e')).map(([c, v]) => `[for i, v in ${c} : ${v}]`),
    fc.tuple(tie('e'), tie('e')).map(([c, v]) => `{for k, v in ${c} : k => ${v}...}`),
    fc.tuple(tie('e'), tie('e')).map(([c, cond]) => `[for v in ${c} : v if ${cond}]`),
    fc.tuple(fc.constantFrom('upper', 'length', 'tostring', 'try', 'can', 'coalesce', 'nope'), tie('e')).map(([f, a]) => `${f}(${a})`),
    tie('e').map((a) => `"pre-\${${a}}-post"`),
    fc.tuple(tie('e'), tie('e')).map(([c, a]) => `"%{ if ${c} }\${${a}}%{ else }no%{ endif }"`),
    fc.tuple(tie('e')).map(([c]) => `"%{ for x in ${c} }[\${x}]%{ endfor }"`),
    tie('e').map((a) => `(${a})[*]`),
    tie('e').map((a) => `(${a})[0]`),
  ),
})).e;

describe('generated expressions', () => {
  it('always parse, evaluate to a value or an EvalError, and survive print/parse', () => {
    fc.assert(
      fc.property(exprArb, (src) => {
        let expr: Expr;
        try {
          expr = parseExpression(src, 'gen.hcl');
        } catch (e) {
          throw new Error(`valid expression failed to parse: ${src}\n${String(e)}`);
        }
        let v!: Value | EvalError;
        const used = cpuMs(() => {
          try {
            v = evaluate(expr, testScope());
          } catch (e) {
            if (!(e instanceof EvalError)) throw new Error(`evaluate threw ${String(e)} for ${src}`);
            v = e;
          }
        });
        expect(used, src).toBeLessThan(CASE_CPU_LIMIT_MS);
        const printed = printExpr(expr);
        const again = parseExpression(printed, 'printed.hcl');
        expect(printExpr(again)).toBe(printed);
        let w: Value | EvalError;
        try {
          w = evaluate(again, testScope());
        } catch (e) {
          if (!(e instanceof EvalError)) throw e;
          w = e;
        }
        sameOutcome(v, w);
      }),
      { numRuns: 2000 },
    );
  });
});
