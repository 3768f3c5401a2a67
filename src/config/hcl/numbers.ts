// HCL numbers with cty's semantics: a big.Float (bigfloat.ts) whose precision travels with it — 512 bits for a
// number written in a config or converted from a string, 64 for a count (length(), an index, a for-loop key),
// 53 for a float64 result (pow, log) — and Terraform's printing of them (every digit, never an exponent).
//
// The representation keeps the common case cheap: a plain JS number stands for the 512-bit value it holds
// exactly (3, -7, 0.5, 1e21), and the fast paths below stay on JS numbers while results stay exact. Everything
// else is a BigFloat: values a double cannot hold (0.1, 12345678901234567890, 1/3) and any precision but 512,
// because the precision decides later rounding and printing (length(a) / length(b) keeps 64 bits).

import * as bf from './bigfloat.js';
import { BigFloat, NaNError } from './bigfloat.js';

export { BigFloat, NaNError };

export type Num = number | BigFloat;

/** The precision of a number parsed from text (cty.ParseNumberVal). */
const TEXT_PREC = 512;

export function isNum(v: unknown): v is Num {
  return typeof v === 'number' || v instanceof BigFloat;
}

/** n as a BigFloat (a JS number is a 512-bit value). */
export function big(n: Num): BigFloat {
  return typeof n === 'number' ? bf.fromDouble(n, TEXT_PREC) : n;
}

/** The canonical form: a JS number when x is a 512-bit value that a double holds exactly. */
export function norm(x: BigFloat): Num {
  if (x.prec !== TEXT_PREC) return x;
  if (x.inf) return x.neg ? -Infinity : Infinity;
  if (x.mant === 0n) return x.neg ? -0 : 0;
  const n = bf.bitLen(x.mant);
  if (n <= 53 && x.exp >= -1074 && x.exp + n <= 1024) return bf.toDouble(x);
  return x;
}

/** cty.NumberIntVal: a count or an index, held at 64 bits. */
export function intVal(n: number): BigFloat {
  return bf.make(n < 0, BigInt(Math.abs(n)), 0, 64);
}

/** cty.NumberFloatVal: a float64 result (pow, log), held at 53 bits. */
export function floatVal(n: number): BigFloat {
  return bf.fromDouble(n, 53);
}

/** cty.NumberVal(new(big.Float).SetInt(i)): at least 64 bits, more for a longer integer. */
export function bigIntVal(i: bigint): Num {
  return norm(bf.fromBigInt(i));
}

// --- from text -------------------------------------------------------------------------------------------------

const SHORT_INT = /^-?\d{1,15}$/;
const INF_TEXT = /^[+-]?[Ii]nf$/;

/**
 * cty.ParseNumberVal (Go's big.ParseFloat at 512 bits): "0.1", "1e400", "1p3" (binary exponent), "Inf";
 * undefined for text that is not a number.
 */
export function parseNumber(s: string): Num | undefined {
  if (SHORT_INT.test(s)) return Number(s);
  if (INF_TEXT.test(s)) return s.charCodeAt(0) === 45 ? -Infinity : Infinity;
  const x = bf.parseDecimal(s, TEXT_PREC);
  return x === undefined ? undefined : norm(x);
}

// --- arithmetic as cty does it -----------------------------------------------------------------------------
// Each throws NaNError where Go panics (Inf − Inf, 0 × Inf, 0/0, Inf/Inf); callers word it as cty does.

const safe = Number.isSafeInteger;

export function add(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a + b;
    if (safe(a) && safe(b) && safe(s)) return s;
    if (Number.isFinite(s)) {
      // TwoSum: s is the exact sum when the rounding error is 0.
      const bb = s - a;
      if (a - (s - bb) + (b - bb) === 0) return s;
    } else if (!Number.isFinite(a) || !Number.isFinite(b)) {
      if (Number.isNaN(s)) throw new NaNError();
      return s;
    }
  }
  return norm(bf.add(big(a), big(b)));
}

export function sub(a: Num, b: Num): Num {
  return add(a, negate(b));
}

export function mul(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const p = a * b;
    if (safe(a) && safe(b) && safe(p)) return p;
  }
  // cty multiplies at 512 bits, then keeps the larger of the operands' precisions or what the product needs.
  const x = big(a);
  const y = big(b);
  const r = bf.mul(x, y, TEXT_PREC);
  return norm(bf.setPrec(r, Math.max(x.prec, y.prec, bf.minPrec(r))));
}

export function div(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number' && safe(a) && safe(b) && b !== 0 && a % b === 0) return a / b;
  return norm(bf.quo(big(a), big(b)));
}

/**
 * cty's Modulo: x − trunc(x/y) × y computed in x's precision; x % 0 is x. An infinite operand fails (Go panics
 * with a nil pointer for an infinite x; tgo reports it like the infinite y cty reports).
 */
export function mod(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number' && safe(a) && safe(b)) {
    if (b === 0) return a;
    const r = a % b;
    // Go's x − x is +0 where JS keeps the dividend's sign; only −0 % y stays −0.
    return r === 0 ? (Object.is(a, -0) ? -0 : 0) : r;
  }
  const x = big(a);
  const y = big(b);
  if (x.inf || y.inf) throw new NaNError();
  if (y.isZero) return a;
  const q = bf.trunc(bf.quo(x, y)).int;
  const t = bf.mul(y, bf.fromBigInt(q, x.prec), x.prec);
  return norm(bf.sub(x, t, x.prec));
}

export function negate(a: Num): Num {
  return typeof a === 'number' ? -a : bf.neg(a);
}

export function absolute(a: Num): Num {
  return typeof a === 'number' ? Math.abs(a) : bf.abs(a);
}

/** -1, 0 or 1. */
export function compare(a: Num, b: Num): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return bf.cmp(big(a), big(b));
}

export function numEquals(a: Num, b: Num): boolean {
  return compare(a, b) === 0;
}

// --- whole numbers -------------------------------------------------------------------------------------------

export function isWhole(n: Num): boolean {
  return typeof n === 'number' ? Number.isInteger(n) : bf.isInt(n);
}

export function isInfinite(n: Num): boolean {
  return typeof n === 'number' ? n === Infinity || n === -Infinity : n.inf;
}

/** n's integer part (Go's Int: towards zero) and whether n was whole; undefined for ±Inf. */
export function truncate(n: Num): { int: bigint; exact: boolean } | undefined {
  if (typeof n === 'number') {
    if (!Number.isFinite(n)) return undefined;
    const t = Math.trunc(n);
    return { int: BigInt(t), exact: t === n };
  }
  return n.inf ? undefined : bf.trunc(n);
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** n as an int64 when it is exactly one (gocty's conversion to an int), as a JS number (which may round). */
export function toInt64(n: Num): number | undefined {
  if (typeof n === 'number') return Number.isInteger(n) && Math.abs(n) < 2 ** 63 ? n : undefined;
  const t = truncate(n);
  if (t === undefined || !t.exact || t.int < INT64_MIN || t.int > INT64_MAX) return undefined;
  return Number(t.int);
}

/** The nearest float64 (gocty's conversion to a float64; Go's Float64). */
export function toDouble(n: Num): number {
  return typeof n === 'number' ? n : bf.toDouble(n);
}

/** n rounded to a whole number by floor or ceil, in n's own precision (cty's floor and ceil). */
export function roundToWhole(n: Num, up: boolean): Num {
  if (typeof n === 'number') {
    const r = up ? Math.ceil(n) : Math.floor(n);
    // SetInt of a big.Int has no sign of zero: ceil(-0.5) is 0, not -0.
    if (safe(r) || !Number.isFinite(r)) return r === 0 ? 0 : r;
  }
  const x = big(n);
  if (x.inf) return n;
  const t = bf.trunc(x);
  let i = t.int;
  if (!t.exact) {
    if (up && !x.neg) i += 1n;
    if (!up && x.neg) i -= 1n;
  }
  return norm(bf.fromBigInt(i, x.prec));
}

// --- printing --------------------------------------------------------------------------------------------

/** Terraform's number-to-string conversion (Text('f', -1)): every digit, never an exponent; "+Inf" for infinity. */
export function numToStr(n: Num): string {
  if (typeof n === 'number') {
    if (safe(n)) return Object.is(n, -0) ? '-0' : String(n);
  } else if (!n.inf && n.exp >= 0 && bf.bitLen(n.mant) + n.exp <= Math.min(n.prec, 53)) {
    // A whole number its precision holds exactly prints all its digits.
    const v = Number(n.mant) * 2 ** n.exp;
    return n.neg ? `-${v}` : String(v);
  }
  return bf.text(big(n), 'f', -1);
}

/** Go's big.Float.Text(fmt, prec) for format()'s verbs; prec < 0 means the shortest digits. */
export function floatText(n: Num, fmt: 'e' | 'E' | 'f' | 'g' | 'G', prec: number): string {
  return bf.text(big(n), fmt, prec);
}
