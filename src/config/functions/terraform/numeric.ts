// Numeric functions, with cty's precision rules (hcl/numbers.ts): floor, ceil and abs keep their argument's
// precision, pow and log compute in float64 and keep 53 bits, signum is a 64-bit count and parseint a big
// integer.

import type { FunctionTable } from '../../hcl/functions.js';
import * as num from '../../hcl/numbers.js';
import { def, fail, toInt, toNum, typeName } from './util.js';

/** Digits of parseint's bases: 0-9, a-z, then A-Z for bases above 36 (Go's big.Int SetString). */
function digitValue(c: string, base: number): number {
  const cp = c.charCodeAt(0);
  if (cp >= 48 && cp <= 57) return cp - 48;
  if (cp >= 97 && cp <= 122) return cp - 97 + 10;
  if (cp >= 65 && cp <= 90) return base <= 36 ? cp - 65 + 10 : cp - 65 + 36;
  return Infinity;
}

function parseIntBase(s: string, base: number): bigint {
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
  return neg ? -n : n;
}

/** cty's min and max: the first argument that is strictly beyond every earlier one (so max(1, 1.0) is the first). */
const minMax = (sign: number) =>
  def({
    params: [],
    variadic: 'numbers',
    impl(args) {
      if (args.length === 0) fail('must pass at least one number');
      const nums = args.map((a, i) => toNum(a, i));
      return nums.reduce((best, n) => (num.compare(n, best) * sign > 0 ? n : best));
    },
  });

/** A float64 result (pow, log) as cty keeps it: 53 bits; Terraform 1.11 panics on NaN, tgo reports it. */
function floatResult(r: number): num.Num {
  if (Number.isNaN(r)) fail('the result is not a number');
  return num.floatVal(r);
}

/** gocty's conversion of an argument to a float64: rounded, but never silently infinite. */
function toFloat(v: num.Num): number {
  const f = num.toDouble(v);
  if (!num.isInfinite(v) && !Number.isFinite(f)) {
    const max = `${BigInt(Number.MAX_VALUE)}.000000`;
    fail(`value must be between -${max} and ${max} inclusive`);
  }
  return f;
}

export const numericFunctions: FunctionTable = {
  min: minMax(-1),
  max: minMax(1),
  abs: def({ params: ['num'], impl: (args) => num.absolute(toNum(args[0]!, 0)) }),
  ceil: def({ params: ['num'], impl: (args) => num.roundToWhole(toNum(args[0]!, 0), true) }),
  floor: def({ params: ['num'], impl: (args) => num.roundToWhole(toNum(args[0]!, 0), false) }),

  parseint: def({
    params: ['number', 'base'],
    impl(args) {
      const s = args[0]!;
      if (typeof s !== 'string') fail(`first argument must be a string, not ${typeName(s)}`, 0);
      const base = toInt(args[1]!, 1, '', true);
      if (base < 2 || base > 62) fail('base must be a whole number between 2 and 62 inclusive', 1);
      return num.bigIntVal(parseIntBase(s, base));
    },
  }),

  pow: def({
    params: ['num', 'power'],
    impl: (args) => floatResult(Math.pow(toFloat(toNum(args[0]!, 0)), toFloat(toNum(args[1]!, 1)))),
  }),

  // Only whole numbers: signum(3.2) fails in Terraform too.
  signum: def({ params: ['num'], impl: (args) => num.intVal(Math.sign(toInt(args[0]!, 0)) || 0) }),

  log: def({
    params: ['num', 'base'],
    impl: (args) => floatResult(Math.log(toFloat(toNum(args[0]!, 0))) / Math.log(toFloat(toNum(args[1]!, 1)))),
  }),
};
