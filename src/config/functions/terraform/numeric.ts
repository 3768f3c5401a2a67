// Numeric functions. Terraform computes in 512-bit floats; we use float64, which agrees for the integers
// and short decimals configs use (log(1000, 10) is 2.9999999999999996 in both).

import type { FunctionTable } from '../../hcl/functions.js';
import { def, fail, toInt, toNum, typeName } from './util.js';

/** Digits of parseint's bases: 0-9, a-z, then A-Z for bases above 36 (Go's big.Int SetString). */
function digitValue(c: string, base: number): number {
  const cp = c.charCodeAt(0);
  if (cp >= 48 && cp <= 57) return cp - 48;
  if (cp >= 97 && cp <= 122) return cp - 97 + 10;
  if (cp >= 65 && cp <= 90) return base <= 36 ? cp - 65 + 10 : cp - 65 + 36;
  return Infinity;
}

function parseIntBase(s: string, base: number): number {
  const bad = () => fail(`cannot parse ${JSON.stringify(s)} as a base ${base} integer`, 0);
  const neg = s.startsWith('-');
  const digits = /^[-+]/.test(s) ? s.slice(1) : s;
  if (digits === '') bad();
  let n = 0n;
  for (const c of digits) {
    const d = digitValue(c, base);
    if (d >= base) bad();
    n = n * BigInt(base) + BigInt(d);
  }
  return Number(neg ? -n : n);
}

/** Normalises -0 (from ceil(-0.5) and the like) to 0. */
const noNegZero = (n: number) => (n === 0 ? 0 : n);

const minMax = (pick: (a: number, b: number) => number) =>
  def({
    params: [],
    variadic: 'numbers',
    impl(args) {
      if (args.length === 0) fail('must pass at least one number');
      return args.map((a, i) => toNum(a, i)).reduce((a, b) => pick(a, b));
    },
  });

export const numericFunctions: FunctionTable = {
  min: minMax(Math.min),
  max: minMax(Math.max),
  abs: def({ params: ['num'], impl: (args) => Math.abs(toNum(args[0]!, 0)) }),
  ceil: def({ params: ['num'], impl: (args) => noNegZero(Math.ceil(toNum(args[0]!, 0))) }),
  floor: def({ params: ['num'], impl: (args) => noNegZero(Math.floor(toNum(args[0]!, 0))) }),

  parseint: def({
    params: ['number', 'base'],
    impl(args) {
      const s = args[0]!;
      if (typeof s !== 'string') fail(`first argument must be a string, not ${typeName(s)}`, 0);
      const base = toInt(args[1]!, 1, '', true);
      if (base < 2 || base > 62) fail('base must be a whole number between 2 and 62 inclusive', 1);
      return parseIntBase(s, base);
    },
  }),

  // Terraform 1.11 panics on a NaN result (pow(-8, 1/3)); we report it.
  pow: def({
    params: ['num', 'power'],
    impl(args) {
      const r = Math.pow(toNum(args[0]!, 0), toNum(args[1]!, 1));
      if (Number.isNaN(r)) fail('the result is not a number');
      return r;
    },
  }),

  // Only whole numbers: signum(3.2) fails in Terraform too.
  signum: def({ params: ['num'], impl: (args) => Math.sign(toInt(args[0]!, 0)) || 0 }),

  log: def({
    params: ['num', 'base'],
    impl(args) {
      const r = Math.log(toNum(args[0]!, 0)) / Math.log(toNum(args[1]!, 1));
      if (Number.isNaN(r)) fail('the result is not a number');
      return r;
    },
  }),
};
