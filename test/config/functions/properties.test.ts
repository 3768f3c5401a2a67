// Properties of the Terraform functions that no fixed table pins down: the non-deterministic functions'
// shapes, encode/decode round trips over generated values, and the table's declarations.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terraformFunctions } from '../../../src/config/functions/terraform/index.js';
import type { Value } from '../../../src/config/hcl/values.js';
import { call } from './helpers.js';

const value = (name: string, args: Value[]): Value => {
  const r = call(name, args);
  if ('error' in r) throw new Error(r.error);
  return r.value;
};

/** JSON-like values as configs produce them (no -0, no non-finite numbers). */
const hclValue: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)),
    fc.integer(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '"', ':', '-', '#', 'é', '\t', '\\', '{', '\u0085', '\u2028', '👍') }),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('v'), { maxKeys: 4 }),
  ),
})).v;

describe('non-deterministic functions', () => {
  it('timestamp() is RFC 3339 in UTC with whole seconds, close to now', () => {
    const ts = value('timestamp', []) as string;
    expect(ts).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Math.abs(Date.parse(ts) - Date.now())).toBeLessThan(5 * 60_000);
  });

  it('uuid() is a fresh version 4 UUID on every call', () => {
    const a = value('uuid', []) as string;
    const b = value('uuid', []) as string;
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });
});

describe('round trips', () => {
  it('jsondecode(jsonencode(v)) is v', () => {
    fc.assert(
      fc.property(hclValue, (v) => {
        expect(value('jsondecode', [value('jsonencode', [v])])).toEqual(v);
      }),
    );
  });

  it('yamldecode(yamlencode(v)) is v (strings are always quoted, so they stay strings)', () => {
    fc.assert(
      fc.property(hclValue, (v) => {
        expect(value('yamldecode', [value('yamlencode', [v])])).toEqual(v);
      }),
    );
  });

  it('tonumber(tostring(n)) is n', () => {
    fc.assert(
      // (-0 round-trips too, as "-0", which Object.is-based toBe tells apart from 0.)
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(value('tonumber', [value('tostring', [n])])).toBe(n);
      }),
    );
  });

  it('base64decode(base64encode(s)) and textdecodebase64(textencodebase64(s, "UTF-16LE")) are s', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(value('base64decode', [value('base64encode', [s])])).toBe(s);
        expect(value('textdecodebase64', [value('textencodebase64', [s, 'UTF-16LE']), 'UTF-16LE'])).toBe(s);
      }),
    );
  });

  it('format("%d") and parseint(…, 10) agree on integers', () => {
    fc.assert(
      fc.property(fc.integer(), (n) => {
        expect(value('parseint', [value('format', ['%d', n]), 10])).toBe(n);
      }),
    );
  });
});

describe('function table', () => {
  it('declares parameters consistently', () => {
    for (const [name, fn] of Object.entries(terraformFunctions)) {
      expect(name).toMatch(/^[a-z0-9]+$/);
      expect(fn.optional ?? 0).toBeLessThanOrEqual(fn.params.length);
    }
  });

  it('leaves try and can to the evaluator', () => {
    expect(terraformFunctions.try).toBeUndefined();
    expect(terraformFunctions.can).toBeUndefined();
  });
});
