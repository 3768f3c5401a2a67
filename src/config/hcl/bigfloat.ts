// Go's math/big.Float, the number type behind every cty value (so behind Terraform's and Terragrunt's HCL): a
// binary mantissa of `prec` bits — 512 for a number read from text, 64 for a count, 53 for a float64 result —
// rounded to nearest even after every operation, with an int32 exponent range.
//
// Why BigInt and not a decimal library (decimal.js, big.js): the digits Terraform prints come from *binary*
// rounding. 0.1 is the 512-bit binary fraction nearest to one tenth, 1/3 prints as 0.333…335, and a count
// divided by a count keeps only 64 bits (0.42857142857142857144). A decimal type rounds in base 10 and cannot
// give those digits; a mantissa held in a BigInt with an exponent and the precision gives them exactly.
// Only what cty uses is here (no rounding modes besides nearest-even, no NaN: Go panics where NaN would be).

const MIN_EXP = -(2 ** 31); // Go's MinExp/MaxExp, for the exponent of the 0.mant × 2**exp form
const MAX_EXP = 2 ** 31 - 1;

/** An immutable big.Float: ±mant × 2**exp with mant odd (0n for zero), or ±Inf. */
export class BigFloat {
  constructor(
    readonly neg: boolean,
    readonly mant: bigint,
    readonly exp: number,
    readonly prec: number,
    readonly inf: boolean,
  ) {}

  get isZero(): boolean {
    return this.mant === 0n && !this.inf;
  }

  /** Every digit, as Terraform prints a number (so String(v) and templates elsewhere stay exact). */
  toString(): string {
    return text(this, 'f', -1);
  }

  /**
   * The nearest double, for a JSON.stringify that does not know BigFloat; tgo's own JSON writers
   * (values.ts stringifyJson) print every digit instead.
   */
  toJSON(): number {
    return toDouble(this);
  }
}

/** Raised where Go panics with ErrNaN (0 × Inf, Inf − Inf, 0/0, Inf/Inf); cty words each case itself. */
export class NaNError extends Error {
  constructor() {
    super('not a number');
    this.name = 'NaNError';
  }
}

// --- bits ----------------------------------------------------------------------------------------------------

export function bitLen(m: bigint): number {
  if (m < 0x100000000n) return m === 0n ? 0 : 32 - Math.clz32(Number(m));
  const hex = m.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}

function trailingZeros(m: bigint): number {
  if (m === 0n || (m & 1n) === 1n) return 0;
  return bitLen(m & -m) - 1;
}

export function zero(neg: boolean, prec: number): BigFloat {
  return new BigFloat(neg, 0n, 0, prec, false);
}

export function infinity(neg: boolean, prec: number): BigFloat {
  return new BigFloat(neg, 0n, 0, prec, true);
}

/**
 * ±m × 2**e rounded to prec bits (nearest even). `sticky` says the true value is a little more than m × 2**e
 * in magnitude; callers that pass it give m at least prec + 2 bits, so the rounding bit is in m.
 */
export function make(neg: boolean, m: bigint, e: number, prec: number, sticky = false): BigFloat {
  if (m === 0n) return zero(neg, prec);
  const n = bitLen(m);
  if (n > prec) {
    const s = n - prec;
    const sb = BigInt(s);
    let q = m >> sb;
    const r = m - (q << sb);
    const half = 1n << (sb - 1n);
    if (r > half || (r === half && (sticky || (q & 1n) === 1n))) q += 1n;
    m = q;
    e += s;
  }
  const tz = trailingZeros(m);
  if (tz > 0) {
    m >>= BigInt(tz);
    e += tz;
  }
  const top = e + bitLen(m);
  if (top > MAX_EXP) return infinity(neg, prec);
  if (top < MIN_EXP) return zero(neg, prec);
  return new BigFloat(neg, m, e, prec, false);
}

/** x with another precision (Go's SetPrec, or Set into a Float of that precision). */
export function setPrec(x: BigFloat, prec: number): BigFloat {
  if (x.prec === prec) return x;
  if (x.inf || x.mant === 0n || bitLen(x.mant) <= prec) return new BigFloat(x.neg, x.mant, x.exp, prec, x.inf);
  return make(x.neg, x.mant, x.exp, prec);
}

/** The smallest precision that holds x exactly (Go's MinPrec). */
export function minPrec(x: BigFloat): number {
  return x.inf ? 0 : bitLen(x.mant);
}

// --- conversions -----------------------------------------------------------------------------------------------

const view = new DataView(new ArrayBuffer(8));

/** A float64's exact value (SetFloat64 when prec is 53). */
export function fromDouble(n: number, prec: number): BigFloat {
  if (n === 0) return zero(Object.is(n, -0), prec);
  if (!Number.isFinite(n)) return infinity(n < 0, prec);
  const neg = n < 0;
  const a = Math.abs(n);
  if (Number.isSafeInteger(a)) return make(neg, BigInt(a), 0, prec);
  view.setFloat64(0, a);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = hi >>> 20;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased !== 0) m |= 1n << 52n;
  return make(neg, m, (biased === 0 ? 1 : biased) - 1075, prec);
}

/** A big.Int (SetInt: when prec is omitted it is the larger of the bit length and 64). */
export function fromBigInt(i: bigint, prec?: number): BigFloat {
  const neg = i < 0n;
  const a = neg ? -i : i;
  return make(neg, a, 0, prec ?? Math.max(bitLen(a), 64));
}

/** The nearest float64 (Go's Float64: nearest even, subnormals, ±Inf beyond the range). */
export function toDouble(x: BigFloat): number {
  if (x.inf) return x.neg ? -Infinity : Infinity;
  if (x.mant === 0n) return x.neg ? -0 : 0;
  const n = bitLen(x.mant);
  const lead = x.exp + n - 1; // exponent of the leading bit
  let p = 53;
  if (lead < -1022) p = 53 - (-1022 - lead);
  let m = x.mant;
  let e = x.exp;
  if (p <= 0) {
    // Below half the smallest subnormal, or exactly half of it (a tie that goes to the even 0).
    const up = p === 0 && m !== 1n;
    return up ? (x.neg ? -(2 ** -1074) : 2 ** -1074) : x.neg ? -0 : 0;
  }
  if (n > p) {
    const r = make(false, m, e, p);
    m = r.mant;
    e = r.exp;
  }
  if (e + bitLen(m) - 1 > 1023) return x.neg ? -Infinity : Infinity;
  // In two steps: 2**e alone may be out of range where the result is not; each step is exact.
  const half = Math.trunc(e / 2);
  const v = Number(m) * 2 ** half * 2 ** (e - half);
  return x.neg ? -v : v;
}

/** x truncated towards zero (Go's Int), and whether that was exact. */
export function trunc(x: BigFloat): { int: bigint; exact: boolean } {
  if (x.inf) throw new RangeError('infinity has no integer part');
  if (x.mant === 0n) return { int: 0n, exact: true };
  // The mantissa is odd, so x is whole exactly when its exponent is not negative.
  const abs = x.exp >= 0 ? x.mant << BigInt(x.exp) : x.mant >> BigInt(-x.exp);
  return { int: x.neg ? -abs : abs, exact: x.exp >= 0 };
}

export function isInt(x: BigFloat): boolean {
  return !x.inf && (x.mant === 0n || x.exp >= 0);
}

// --- arithmetic (each result rounded to `prec`, by default the larger of the operands' as Go does) ------------

export function neg(x: BigFloat): BigFloat {
  return new BigFloat(!x.neg, x.mant, x.exp, x.prec, x.inf);
}

export function abs(x: BigFloat): BigFloat {
  return x.neg ? neg(x) : x;
}

export function add(x: BigFloat, y: BigFloat, prec = Math.max(x.prec, y.prec)): BigFloat {
  if (x.inf || y.inf) {
    if (x.inf && y.inf && x.neg !== y.neg) throw new NaNError();
    return infinity(x.inf ? x.neg : y.neg, prec);
  }
  if (x.mant === 0n && y.mant === 0n) return zero(x.neg && y.neg, prec);
  if (x.mant === 0n) return setPrec(y, prec);
  if (y.mant === 0n) return setPrec(x, prec);
  // Let x be the one reaching higher.
  if (y.exp + bitLen(y.mant) > x.exp + bitLen(x.mant)) [x, y] = [y, x];
  const sameSign = x.neg === y.neg;
  // Far below x's last kept bit, y only decides the rounding: stand it in by one unit below x's bits.
  const k = Math.max(0, prec + 3 - bitLen(x.mant));
  const lsb = x.exp - k - 1;
  if (y.exp + bitLen(y.mant) <= lsb) {
    return make(x.neg, (x.mant << BigInt(k + 1)) + (sameSign ? 1n : -1n), lsb, prec);
  }
  const e = Math.min(x.exp, y.exp);
  const xm = x.mant << BigInt(x.exp - e);
  const ym = y.mant << BigInt(y.exp - e);
  if (sameSign) return make(x.neg, xm + ym, e, prec);
  const d = xm - ym;
  if (d === 0n) return zero(false, prec);
  return d > 0n ? make(x.neg, d, e, prec) : make(!x.neg, -d, e, prec);
}

export function sub(x: BigFloat, y: BigFloat, prec = Math.max(x.prec, y.prec)): BigFloat {
  return add(x, neg(y), prec);
}

export function mul(x: BigFloat, y: BigFloat, prec = Math.max(x.prec, y.prec)): BigFloat {
  const sign = x.neg !== y.neg;
  if (x.inf || y.inf) {
    if (x.isZero || y.isZero) throw new NaNError();
    return infinity(sign, prec);
  }
  if (x.mant === 0n || y.mant === 0n) return zero(sign, prec);
  return make(sign, x.mant * y.mant, x.exp + y.exp, prec);
}

export function quo(x: BigFloat, y: BigFloat, prec = Math.max(x.prec, y.prec)): BigFloat {
  const sign = x.neg !== y.neg;
  if (x.inf || y.inf) {
    if (x.inf && y.inf) throw new NaNError();
    return x.inf ? infinity(sign, prec) : zero(sign, prec);
  }
  if (y.mant === 0n) {
    if (x.mant === 0n) throw new NaNError();
    return infinity(sign, prec);
  }
  if (x.mant === 0n) return zero(sign, prec);
  const s = Math.max(0, prec + 2 + bitLen(y.mant) - bitLen(x.mant));
  const num = x.mant << BigInt(s);
  const q = num / y.mant;
  return make(sign, q, x.exp - y.exp - s, prec, q * y.mant !== num);
}

/** -1, 0 or +1; ±0 are equal. */
export function cmp(x: BigFloat, y: BigFloat): number {
  const sx = x.isZero ? 0 : x.neg ? -1 : 1;
  const sy = y.isZero ? 0 : y.neg ? -1 : 1;
  if (sx !== sy) return sx < sy ? -1 : 1;
  if (sx === 0) return 0;
  const mag = cmpAbs(x, y);
  return sx < 0 ? -mag : mag;
}

function cmpAbs(x: BigFloat, y: BigFloat): number {
  if (x.inf || y.inf) return x.inf === y.inf ? 0 : x.inf ? 1 : -1;
  const tx = x.exp + bitLen(x.mant);
  const ty = y.exp + bitLen(y.mant);
  if (tx !== ty) return tx < ty ? -1 : 1;
  const e = Math.min(x.exp, y.exp);
  const a = x.mant << BigInt(x.exp - e);
  const b = y.mant << BigInt(y.exp - e);
  return a === b ? 0 : a < b ? -1 : 1;
}

// --- parsing -------------------------------------------------------------------------------------------------

// What big.ParseFloat(s, 10, …) accepts: a sign, decimal digits with at most one point, and an exponent that is
// decimal (e, E) or binary (p, P).
const FLOAT_TEXT = /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:([eEpP])([+-]?\d+))?$/;

/**
 * big.ParseFloat(s, 10, prec, ToNearestEven) as Go 1.23 computes it (Terraform 1.11 is built with it): the
 * digits are an exact integer, and a power of ten is applied as a power of five computed with prec + 64 bits,
 * so a very long exponent can overflow to ±Inf. undefined when Go rejects the text.
 */
export function parseDecimal(s: string, prec = 512): BigFloat | undefined {
  const m = FLOAT_TEXT.exec(s);
  if (m === null) return undefined;
  const negative = m[1] === '-';
  const intPart = m[2] ?? '';
  const fracPart = m[3] ?? m[4] ?? '';
  const expText = m[6];
  const exp = expText === undefined ? 0 : Number(expText);
  if (!Number.isSafeInteger(exp)) return undefined;
  const digits = BigInt(intPart + fracPart || '0');
  if (digits === 0n) return zero(negative, prec);
  const fcount = -fracPart.length;
  const binaryExp = m[5] === 'p' || m[5] === 'P';
  const exp2 = fcount + exp; // 10**e = 5**e × 2**e; a binary exponent is all 2s
  const exp5 = binaryExp ? fcount : fcount + exp;
  const top = exp2 + bitLen(digits);
  if (top < MIN_EXP || top > MAX_EXP) return undefined; // Go: "exponent overflow"
  if (exp5 === 0) return make(negative, digits, exp2, prec);
  const z = new BigFloat(negative, digits, exp2, bitLen(digits), false); // not rounded yet, as in Go
  const p = pow5(Math.abs(exp5), prec + 64);
  return exp5 < 0 ? quo(z, p, prec) : mul(z, p, prec);
}

const POW5_EXACT = 27; // 5**27 is the largest power of five in a uint64

/** Go's Float.pow5 for a Float of precision prec. */
function pow5(n: number, prec: number): BigFloat {
  if (n <= POW5_EXACT) return make(false, 5n ** BigInt(n), 0, prec);
  let z = make(false, 5n ** BigInt(POW5_EXACT), 0, prec);
  n -= POW5_EXACT;
  let f = make(false, 5n, 0, prec + 64);
  while (n > 0) {
    if (n % 2 === 1) z = mul(z, f, prec);
    f = mul(f, f, prec + 64);
    n = Math.floor(n / 2);
  }
  return z;
}

// --- printing ----------------------------------------------------------------------------------------------

/** Go's math/big decimal: value = 0.mant × 10**exp, mant without leading or trailing zeros ('' for zero). */
export interface Decimal {
  mant: string;
  exp: number;
}

/** The exact decimal of m × 2**e. */
function toDecimal(m: bigint, e: number): Decimal {
  if (m === 0n) return { mant: '', exp: 0 };
  const s = e >= 0 ? (m << BigInt(e)).toString() : (m * 5n ** BigInt(-e)).toString();
  const point = s.length - (e >= 0 ? 0 : -e);
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  return { mant: s.slice(0, end), exp: point };
}

function roundUp(d: Decimal, n: number): void {
  if (n < 0 || n >= d.mant.length) return;
  while (n > 0 && d.mant[n - 1] === '9') n--;
  if (n === 0) {
    d.mant = '1';
    d.exp++;
    return;
  }
  d.mant = d.mant.slice(0, n - 1) + String.fromCharCode(d.mant.charCodeAt(n - 1) + 1);
}

function roundDown(d: Decimal, n: number): void {
  if (n < 0 || n >= d.mant.length) return;
  let end = n;
  while (end > 0 && d.mant.charCodeAt(end - 1) === 48) end--;
  d.mant = d.mant.slice(0, end);
}

/** Go's decimal.round: n significant digits, a tie to even (the decimal is exact, so a tie is a real one). */
export function roundDecimal(d: Decimal, n: number): void {
  if (n < 0 || n >= d.mant.length) return;
  const up = d.mant[n] === '5' && n + 1 === d.mant.length ? n > 0 && (d.mant.charCodeAt(n - 1) - 48) % 2 === 1 : d.mant[n]! >= '5';
  if (up) roundUp(d, n);
  else roundDown(d, n);
}

/** Go's roundShortest: the fewest digits that still read back as x at x's precision. */
function roundShortest(d: Decimal, x: BigFloat): void {
  if (d.mant.length === 0) return;
  // x = mant × 2**exp with mant of prec + 1 bits, so that 1 in mant is half an ulp.
  const shift = x.prec + 1 - bitLen(x.mant);
  const mant = x.mant << BigInt(shift);
  const exp = x.exp - shift;
  const lower = toDecimal(mant - 1n, exp);
  const upper = toDecimal(mant + 1n, exp);
  const inclusive = (mant & 2n) === 0n;
  const at = (t: Decimal, i: number) => (i < t.mant.length ? t.mant.charCodeAt(i) : 48);
  for (let i = 0; i < d.mant.length; i++) {
    const m = d.mant.charCodeAt(i);
    const l = at(lower, i);
    const u = at(upper, i);
    const okdown = l !== m || (inclusive && i + 1 === lower.mant.length);
    const okup = m !== u && (inclusive || m + 1 < u || i + 1 < upper.mant.length);
    if (okdown && okup) return roundDecimal(d, i + 1);
    if (okdown) return roundDown(d, i + 1);
    if (okup) return roundUp(d, i + 1);
  }
}

function fmtE(d: Decimal, prec: number, ch: string): string {
  let out = d.mant.length === 0 ? '0' : d.mant[0]!;
  if (prec > 0) {
    out += '.';
    const m = Math.min(d.mant.length, prec + 1);
    if (m > 1) out += d.mant.slice(1, m);
    out += '0'.repeat(Math.max(0, prec + 1 - Math.max(m, 1)));
  }
  const e = d.mant.length > 0 ? d.exp - 1 : 0;
  const a = Math.abs(e);
  return `${out}${ch}${e < 0 ? '-' : '+'}${a < 10 ? '0' : ''}${a}`;
}

function fmtF(d: Decimal, prec: number): string {
  let out: string;
  if (d.exp > 0) {
    const m = Math.min(d.mant.length, d.exp);
    out = d.mant.slice(0, m) + '0'.repeat(d.exp - m);
  } else {
    out = '0';
  }
  if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      const j = d.exp + i;
      out += j >= 0 && j < d.mant.length ? d.mant[j] : '0';
    }
  }
  return out;
}

/** Go's Float.Text(fmt, prec); a negative prec means the shortest digits that identify x. */
export function text(x: BigFloat, fmt: 'e' | 'E' | 'f' | 'g' | 'G', prec: number): string {
  const sign = x.neg ? '-' : '';
  if (x.inf) return x.neg ? '-Inf' : '+Inf';
  const d = toDecimal(x.mant, x.exp);
  const shortest = prec < 0;
  if (shortest) {
    roundShortest(d, x);
    if (fmt === 'e' || fmt === 'E') prec = d.mant.length - 1;
    else if (fmt === 'f') prec = Math.max(d.mant.length - d.exp, 0);
    else prec = d.mant.length;
  } else if (fmt === 'e' || fmt === 'E') {
    roundDecimal(d, 1 + prec);
  } else if (fmt === 'f') {
    roundDecimal(d, d.exp + prec);
  } else {
    if (prec === 0) prec = 1;
    roundDecimal(d, prec);
  }
  if (fmt === 'e' || fmt === 'E') return sign + fmtE(d, prec, fmt);
  if (fmt === 'f') return sign + fmtF(d, prec);
  let eprec = prec;
  if (eprec > d.mant.length && d.mant.length >= d.exp) eprec = d.mant.length;
  if (shortest) eprec = 6;
  const exp = d.exp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > d.mant.length) prec = d.mant.length;
    return sign + fmtE(d, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (prec > d.exp) prec = d.mant.length;
  return sign + fmtF(d, Math.max(prec - d.exp, 0));
}
