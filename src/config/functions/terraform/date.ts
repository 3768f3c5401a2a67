// Date and time functions. Timestamps are RFC 3339 strings parsed as Go's time.Parse does (with cty's
// rewording of its errors); a time keeps its UTC offset, so timeadd("…+05:00", "1h") stays in +05:00.
// Results are printed without fractional seconds, like Go's time.RFC3339 layout.

import type { FunctionTable } from '../../hcl/functions.js';
import { intVal } from '../../hcl/numbers.js';
import { def, fail, toStr } from './util.js';

interface Time {
  /** Nanoseconds since the Unix epoch. */
  ns: bigint;
  /** Offset from UTC in seconds. */
  offset: number;
}

const NS = 1_000_000_000n;
const quote = (s: string) => JSON.stringify(s);

class TimeParseError extends Error {}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function epochMs(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  return date.getTime();
}

/** time.Parse(time.RFC3339, s), with errors worded as cty words them. */
export function parseTimestamp(s: string): Time {
  let v = s;
  const bad = (what: string, value: string): never => {
    throw new TimeParseError(value === '' ? `end of string before ${what}` : `cannot use ${quote(value)} as ${what}`);
  };
  const skip = (lit: string) => {
    if (v.startsWith(lit)) {
      v = v.slice(lit.length);
      return;
    }
    if (lit === 'T') throw new TimeParseError("missing required time introducer 'T'");
    throw new TimeParseError(v === '' ? `end of string where ${quote(lit)} is expected` : `found ${quote(v)} where ${quote(lit)} is expected`);
  };
  const isDigit = (k: number) => v[k] !== undefined && v[k]! >= '0' && v[k]! <= '9';
  // getnum: one or two digits; `fixed` requires two.
  const num = (what: string, fixed: boolean, max?: number, min = 0): number => {
    const hold = v;
    if (!isDigit(0)) bad(what, hold);
    let n: number;
    if (!isDigit(1)) {
      if (fixed) bad(what, hold);
      n = Number(v[0]);
      v = v.slice(1);
    } else {
      n = Number(v.slice(0, 2));
      v = v.slice(2);
    }
    if (max !== undefined && (n < min || n > max)) bad(what, v);
    return n;
  };

  if (v.length < 4 || !/^\d{4}/.test(v)) bad('year', v);
  const year = Number(v.slice(0, 4));
  v = v.slice(4);
  skip('-');
  const month = num('month', true, 12, 1);
  skip('-');
  const day = num('day of month', true);
  skip('T');
  // Terraform 1.11 is strict about the time of day (two-digit hour and minute), with its own wording.
  const twoDigits = () => isDigit(0) && isDigit(1);
  if (!twoDigits()) throw new TimeParseError('hour must have exactly two digits');
  const hour = Number(v.slice(0, 2));
  if (hour > 23) throw new TimeParseError('hour must be between 0 and 23 inclusive');
  v = v.slice(2);
  skip(':');
  if (!twoDigits() || Number(v.slice(0, 2)) > 59) throw new TimeParseError('minute must have exactly two digits');
  const minute = Number(v.slice(0, 2));
  v = v.slice(2);
  skip(':');
  const second = num('second', true, 59);
  let frac = 0n;
  if (v.length >= 2 && v[0] === '.' && isDigit(1)) {
    let n = 1;
    while (isDigit(n)) n++;
    const digits = v.slice(1, n).slice(0, 9).padEnd(9, '0');
    frac = BigInt(digits);
    v = v.slice(n);
  }
  let offset = 0;
  if (v.startsWith('Z')) v = v.slice(1);
  else {
    const m = /^([-+])(\d{2}):(\d{2})/.exec(v);
    if (!m) bad('UTC offset', v);
    const [, sign, hh, mm] = m!;
    // Go's range check (> 24, > 60) reports the text after the offset; the exact limits the offset itself.
    if (Number(hh) > 24 || Number(mm) > 60) bad('UTC offset', v.slice(6));
    if (Number(hh) > 23 || Number(mm) > 59) bad('UTC offset', v);
    offset = (sign === '-' ? -1 : 1) * (Number(hh) * 3600 + Number(mm) * 60);
    v = v.slice(6);
  }
  if (v !== '') bad('timestamp segment', v);
  if (day < 1 || day > daysIn(month, year)) throw new TimeParseError('day out of range');
  const ms = epochMs(year, month, day, hour, minute, second);
  return { ns: BigInt(ms) * 1_000_000n + frac - BigInt(offset) * NS, offset };
}

function parseArg(s: string, argIndex?: number): Time {
  try {
    return parseTimestamp(s);
  } catch (e) {
    if (e instanceof TimeParseError) fail(`not a valid RFC3339 timestamp: ${e.message}`, argIndex);
    throw e;
  }
}

/** The wall-clock fields of a time in its own offset. */
function fields(t: Time) {
  const localSec = t.ns / NS - (t.ns < 0n && t.ns % NS !== 0n ? 1n : 0n) + BigInt(t.offset);
  const d = new Date(Number(localSec) * 1000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Go's -0700 / -07:00 zone layouts. */
function zone(offset: number, colon: boolean): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  return `${sign}${pad(Math.floor(a / 3600))}${colon ? ':' : ''}${pad(Math.floor((a % 3600) / 60))}`;
}

export function rfc3339(t: Time): string {
  const f = fields(t);
  const z = t.offset === 0 ? 'Z' : zone(t.offset, true);
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}${z}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** formatdate's spec: runs of one letter are verbs, 'quoted' text is literal ('' is a quote), other characters literal. */
function formatDate(spec: string, t: Time): string {
  const f = fields(t);
  let out = '';
  let i = 0;
  const verbErr = (tok: string, why?: string): never =>
    fail(`invalid date format verb ${quote(tok)}${why ? `: ${why}` : ''}`, 0);
  while (i < spec.length) {
    const c = spec[i]!;
    if (c === "'") {
      if (spec[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let lit = '';
      for (;;) {
        if (j >= spec.length) fail("unterminated literal '", 0);
        if (spec[j] === "'") {
          if (spec[j + 1] === "'") {
            lit += "'";
            j += 2;
            continue;
          }
          break;
        }
        lit += spec[j];
        j++;
      }
      out += lit;
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let j = i;
    while (spec[j] === c) j++;
    const tok = spec.slice(i, j);
    const n = tok.length;
    i = j;
    switch (c) {
      case 'Y':
        if (n === 2) out += pad(f.year % 100);
        else if (n === 4) out += pad(f.year, 4);
        else verbErr(tok, 'year must either be "YY" or "YYYY"');
        break;
      case 'M':
        if (n === 1) out += f.month;
        else if (n === 2) out += pad(f.month);
        else if (n === 3) out += MONTHS[f.month - 1]!.slice(0, 3);
        else if (n === 4) out += MONTHS[f.month - 1];
        else verbErr(tok, 'month must be "M", "MM", "MMM", or "MMMM"');
        break;
      case 'D':
        if (n === 1) out += f.day;
        else if (n === 2) out += pad(f.day);
        else verbErr(tok, 'day of month must either be "D" or "DD"');
        break;
      case 'E':
        if (n === 3) out += DAYS[f.weekday]!.slice(0, 3);
        else if (n === 4) out += DAYS[f.weekday];
        else verbErr(tok, 'day of week must either be "EEE" or "EEEE"');
        break;
      // h is the 24-hour clock and H the 12-hour one (the reverse of many other date libraries).
      case 'h':
        if (n === 1) out += f.hour;
        else if (n === 2) out += pad(f.hour);
        else verbErr(tok, '24-hour must either be "h" or "hh"');
        break;
      case 'H': {
        const h12 = f.hour % 12 || 12;
        if (n === 1) out += h12;
        else if (n === 2) out += pad(h12);
        else verbErr(tok, '12-hour must either be "H" or "HH"');
        break;
      }
      case 'A':
      case 'a':
        if (n !== 2) verbErr(tok, `must be "${c}${c}"`);
        out += f.hour < 12 ? (c === 'A' ? 'AM' : 'am') : c === 'A' ? 'PM' : 'pm';
        break;
      case 'm':
        if (n === 1) out += f.minute;
        else if (n === 2) out += pad(f.minute);
        else verbErr(tok, 'minute must either be "m" or "mm"');
        break;
      case 's':
        if (n === 1) out += f.second;
        else if (n === 2) out += pad(f.second);
        else verbErr(tok, 'second must either be "s" or "ss"');
        break;
      case 'Z':
        if (n === 1) out += t.offset === 0 ? 'Z' : zone(t.offset, true);
        else if (n === 3) out += t.offset === 0 ? 'UTC' : zone(t.offset, false);
        else if (n === 4) out += zone(t.offset, false);
        else if (n === 5) out += zone(t.offset, true);
        else verbErr(tok, 'timezone must be Z, ZZZZ, or ZZZZZ');
        break;
      default:
        verbErr(tok);
    }
  }
  return out;
}

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  'µs': 1000n,
  'μs': 1000n,
  ms: 1_000_000n,
  s: NS,
  m: 60n * NS,
  h: 3600n * NS,
};

/** Go's time.ParseDuration: "1h30m", "-10m", "1.5h", "300ms"; a bare "0" is allowed, other unitless numbers are not. */
export function parseDuration(orig: string): bigint {
  const invalid = () => fail(`time: invalid duration ${quote(orig)}`);
  let s = orig;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') invalid();
  let total = 0n;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    if (m[0] === '' || (m[1] === '' && !m[2])) invalid();
    s = s.slice(m[0].length);
    const unit = /^[^\d.]*/.exec(s)![0];
    if (unit === '') fail(`time: missing unit in duration ${quote(orig)}`);
    s = s.slice(unit.length);
    const scale = UNITS[unit];
    if (scale === undefined) fail(`time: unknown unit ${quote(unit)} in duration ${quote(orig)}`);
    let v = BigInt(m[1] || '0') * scale!;
    if (m[2]) v += (BigInt(m[2]) * scale!) / 10n ** BigInt(m[2].length);
    total += v;
    if (total > 1n << 63n) invalid();
  }
  return neg ? -total : total;
}

let planTime: string | undefined;

export const dateFunctions: FunctionTable = {
  timestamp: def({ params: [], impl: () => rfc3339({ ns: BigInt(Date.now()) * 1_000_000n, offset: 0 }) }),
  // Terraform's is the time its plan started, the same for every call in it; tgo's is the time of the first
  // call in this run, the same for every module and every later call.
  plantimestamp: def({
    params: [],
    impl: () => {
      planTime ??= rfc3339({ ns: BigInt(Math.floor(Date.now() / 1000)) * NS, offset: 0 });
      return planTime;
    },
  }),

  formatdate: def({
    params: ['format', 'time'],
    impl(args) {
      const spec = toStr(args[0]!, 0);
      return formatDate(spec, parseArg(toStr(args[1]!, 1), 1));
    },
  }),

  timeadd: def({
    params: ['timestamp', 'duration'],
    impl(args) {
      const t = parseArg(toStr(args[0]!, 0));
      const d = parseDuration(toStr(args[1]!, 1));
      return rfc3339({ ns: t.ns + d, offset: t.offset });
    },
  }),

  timecmp: def({
    params: ['timestamp_a', 'timestamp_b'],
    impl(args) {
      const a = parseArg(toStr(args[0]!, 0), 0);
      const b = parseArg(toStr(args[1]!, 1), 1);
      return intVal(a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : 0);
    },
  }),
};
