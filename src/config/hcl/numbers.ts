// Numbers as Terraform prints them. Terraform keeps numbers as 512-bit big floats and prints them with Go's
// big.Float formatting; we hold float64s, so we take their shortest round-trip digits (what a literal in the
// config had) and lay them out the way Go does. `Decimal` mirrors Go's math/big decimal: value = 0.mant × 10^exp.

export interface Decimal {
  neg: boolean;
  mant: string; // no leading or trailing zeros; '' for zero
  exp: number;
}

export function shortestDecimal(n: number): Decimal {
  const neg = n < 0 || Object.is(n, -0);
  const a = Math.abs(n);
  if (a === 0) return { neg, mant: '', exp: 0 };
  const [m, e] = a.toExponential().split('e') as [string, string];
  return { neg, mant: m.replace('.', '').replace(/0+$/, ''), exp: Number(e) + 1 };
}

/**
 * Where Terraform's 512-bit binary value for the decimal d lies relative to d: +1 above, -1 below, 0 exactly
 * d. It decides rounding ties: %.1f of 0.05 is "0.1" in Terraform because its 0.05 is a little above 0.05.
 */
export function bigFloatBias(d: Decimal): number {
  const k = d.mant.length - d.exp; // decimal places
  if (k <= 0 || d.mant.length === 0) return 0;
  const m = BigInt(d.mant);
  const den = 10n ** BigInt(k);
  // Scale so the quotient has exactly 512 bits, then look at what rounding to nearest-even does.
  let s = 512 - (m.toString(2).length - den.toString(2).length);
  let q = (m << BigInt(Math.max(s, 0))) / (den << BigInt(Math.max(-s, 0)));
  while (q.toString(2).length > 512) q = (m << BigInt(Math.max(--s, 0))) / (den << BigInt(Math.max(-s, 0)));
  while (q.toString(2).length < 512) q = (m << BigInt(Math.max(++s, 0))) / (den << BigInt(Math.max(-s, 0)));
  const num = m << BigInt(Math.max(s, 0));
  const div = den << BigInt(Math.max(-s, 0));
  const r = num - q * div;
  if (r === 0n) return 0;
  const twice = 2n * r;
  return twice > div || (twice === div && q % 2n === 1n) ? 1 : -1;
}

/** Go's decimal.round(n): keep n significant digits; `bias` settles a tie that is only one in decimal. */
export function roundDecimal(d: Decimal, n: number, bias = 0): void {
  if (n < 0 || n >= d.mant.length) return;
  const m = d.mant;
  let up: boolean;
  if (m[n] === '5' && n + 1 === m.length) up = bias !== 0 ? bias > 0 : n > 0 && (m.charCodeAt(n - 1) - 48) % 2 === 1;
  else up = m[n]! >= '5';
  if (up) {
    let i = n;
    while (i > 0 && m[i - 1] === '9') i--;
    if (i === 0) {
      d.mant = '1';
      d.exp++;
    } else {
      d.mant = m.slice(0, i - 1) + String.fromCharCode(m.charCodeAt(i - 1) + 1);
    }
  } else {
    d.mant = m.slice(0, n).replace(/0+$/, '');
  }
}

export function fmtE(d: Decimal, prec: number, ch: 'e' | 'E'): string {
  let out = d.mant.length === 0 ? '0' : d.mant[0]!;
  if (prec > 0) {
    out += '.';
    const m = Math.min(d.mant.length, prec + 1);
    if (m > 1) out += d.mant.slice(1, m);
    out += '0'.repeat(Math.max(0, prec + 1 - Math.max(m, 1)));
  }
  out += ch;
  const e = d.mant.length > 0 ? d.exp - 1 : 0;
  out += e < 0 ? '-' : '+';
  const abs = Math.abs(e);
  out += abs < 10 ? `0${abs}` : String(abs);
  return out;
}

export function fmtF(d: Decimal, prec: number): string {
  let out: string;
  if (d.exp > 0) {
    const m = Math.min(d.mant.length, d.exp);
    out = d.mant.slice(0, m) + '0'.repeat(d.exp - m);
  } else {
    out = '0';
  }
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = d.exp + i - 1;
      out += j >= 0 && j < d.mant.length ? d.mant[j] : '0';
    }
  }
  return out;
}

/**
 * Go's big.Float.Text(fmt, prec) (prec < 0 means shortest) for the number as Terraform would hold it: the
 * decimal a config wrote (our float64's shortest form) parsed at 512 bits, not the float64's exact value —
 * so %.2f of 1e25 has no binary noise.
 */
export function floatText(n: number, fmt: 'e' | 'E' | 'f' | 'g' | 'G', prec: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  const shortest = prec < 0;
  let d: Decimal;
  if (shortest) {
    d = shortestDecimal(n);
    if (fmt === 'e' || fmt === 'E') prec = d.mant.length - 1;
    else if (fmt === 'f') prec = Math.max(d.mant.length - d.exp, 0);
    else prec = d.mant.length;
  } else {
    d = shortestDecimal(n);
    const bias = bigFloatBias(d);
    if (fmt === 'e' || fmt === 'E') roundDecimal(d, 1 + prec, bias);
    else if (fmt === 'f') roundDecimal(d, d.exp + prec, bias);
    else {
      if (prec === 0) prec = 1;
      roundDecimal(d, prec, bias);
    }
  }
  const sign = d.neg ? '-' : '';
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

/** Terraform's number-to-string conversion: all digits, never an exponent (1e21 → "1000000000000000000000"). */
export function numToStr(n: number): string {
  return floatText(n, 'f', -1);
}
