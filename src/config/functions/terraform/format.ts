// format() and formatlist(): cty's printf dialect. The verb grammar is `%` flags [n] width .prec letter;
// numbers print as Go prints big.Int / big.Float (so %.0f of 2.5 is "2"), strings pad by grapheme clusters,
// and %v prints strings raw, numbers in shortest %g form and everything else as JSON. Error offsets are
// byte offsets into the format string, as Terraform reports them.

import { floatText, isNum, truncate, type Num } from '../../hcl/numbers.js';
import {
  primitiveToString,
  fail,
  goJson,
  graphemes,
  jsonString,
  stringToNumber,
  type Value,
} from './util.js';

interface Verb {
  raw: string;
  offset: number;
  argNum: number;
  mode: string;
  zero: boolean;
  sharp: boolean;
  plus: boolean;
  minus: boolean;
  space: boolean;
  width: number; // -1 when absent
  prec: number; // -1 when absent
}

class FormatError extends Error {}

const utf8Len = (s: string) => Buffer.byteLength(s, 'utf8');
const quoteChar = (c: string) => (c === "'" ? "'\\''" : `'${c}'`);

/** Formats, returning the string and the highest argument number used (for the "too many arguments" check). */
function formatFSM(format: string, args: Value[]): { out: string; used: number } {
  let out = '';
  let nextArg = 1;
  let used = 0;
  const chars = Array.from(format);
  let byte = 0;
  let i = 0;
  const peek = () => chars[i];
  const advance = () => {
    byte += utf8Len(chars[i]!);
    i++;
  };
  const unrecognized = (): never => {
    if (i >= chars.length) throw new FormatError(`invalid format string starting at offset ${byte}`);
    throw new FormatError(`unrecognized format character ${quoteChar(chars[i]!)} at offset ${byte}`);
  };
  const num = (): number | undefined => {
    const c = peek();
    if (c === undefined || c < '1' || c > '9') return undefined;
    let n = 0;
    while (peek() !== undefined && peek()! >= '0' && peek()! <= '9') {
      n = n * 10 + Number(peek());
      advance();
    }
    return n;
  };

  while (i < chars.length) {
    const c = chars[i]!;
    if (c !== '%') {
      out += c;
      advance();
      continue;
    }
    const start = i;
    const startByte = byte;
    advance();
    if (peek() === '%') {
      out += '%';
      advance();
      continue;
    }
    const verb: Verb = {
      raw: '',
      offset: startByte,
      argNum: nextArg,
      mode: '',
      zero: false,
      sharp: false,
      plus: false,
      minus: false,
      space: false,
      width: -1,
      prec: -1,
    };
    for (;;) {
      const f = peek();
      if (f === '0') verb.zero = true;
      else if (f === '#') verb.sharp = true;
      else if (f === '-') verb.minus = true;
      else if (f === '+') verb.plus = true;
      else if (f === ' ') verb.space = true;
      else break;
      advance();
    }
    if (peek() === '[') {
      advance();
      const n = num();
      if (n === undefined) unrecognized();
      if (peek() !== ']') unrecognized();
      advance();
      verb.argNum = n!;
    }
    const w = num();
    if (w !== undefined) verb.width = w;
    if (peek() === '.') {
      advance();
      let p = 0;
      while (peek() !== undefined && peek()! >= '0' && peek()! <= '9') {
        p = p * 10 + Number(peek());
        advance();
      }
      verb.prec = p;
    }
    const m = peek();
    if (m === undefined || !/^[a-zA-Z]$/.test(m)) unrecognized();
    advance();
    verb.mode = m!;
    verb.raw = chars.slice(start, i).join('');
    out += formatAppend(verb, args);
    used = Math.max(used, verb.argNum);
    nextArg = verb.argNum + 1;
  }
  return { out, used };
}

function formatAppend(verb: Verb, args: Value[]): string {
  if (verb.argNum > args.length) {
    throw new FormatError(
      `not enough arguments for "${verb.raw}" at ${verb.offset}: need index ${verb.argNum} but have ${args.length} total`,
    );
  }
  const arg = args[verb.argNum - 1]!;
  const unsupported = (why: string) => new FormatError(`unsupported value for "${verb.raw}" at ${verb.offset}: ${why}`);
  if (verb.mode !== 'v' && arg === null) throw unsupported('null value cannot be formatted');
  switch (verb.mode) {
    case 'v':
      if (!verb.sharp && typeof arg === 'string') return padWidth(verb, arg);
      if (!verb.sharp && isNum(arg)) return padWidth(verb, floatText(arg, 'g', -1));
      return padWidth(verb, goJson(arg));
    case 't': {
      if (typeof arg === 'boolean') return String(arg);
      if (arg === 'true' || arg === 'false') return arg;
      throw unsupported(typeof arg === 'string' ? 'a bool is required' : 'bool required');
    }
    case 'b':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'e':
    case 'E':
    case 'f':
    case 'g':
    case 'G': {
      let n: Num | undefined;
      if (isNum(arg)) n = arg;
      else if (typeof arg === 'string') {
        n = stringToNumber(arg);
        if (n === undefined) throw unsupported('a number is required');
      } else throw unsupported('number required');
      if ('bdoxX'.includes(verb.mode)) {
        const t = truncate(n);
        if (t === undefined || !t.exact) throw unsupported('an integer is required');
        return formatInteger(verb, t.int);
      }
      return formatFloat(verb, n);
    }
    case 's':
    case 'q': {
      let s = primitiveToString(arg);
      if (s === undefined) throw unsupported('string required');
      if (verb.prec > 0) s = graphemes(s).slice(0, verb.prec).join('');
      return padWidth(verb, verb.mode === 'q' ? jsonString(s) : s);
    }
    default:
      throw new FormatError(`unsupported format verb ${quoteChar(verb.mode)} in "${verb.raw}" at offset ${verb.offset}`);
  }
}

/** Width in grapheme clusters; the 0 flag pads with zeros even in front of a sign (cty's own padding). */
function padWidth(verb: Verb, s: string): string {
  if (verb.width < 0) return s;
  const len = graphemes(s).length;
  if (len >= verb.width) return s;
  const pad = (verb.zero ? '0' : ' ').repeat(verb.width - len);
  return verb.minus ? s + pad : pad + s;
}

/** Go's big.Int Format. */
function formatInteger(verb: Verb, n: bigint): string {
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const base = verb.mode === 'b' ? 2 : verb.mode === 'o' ? 8 : verb.mode === 'd' ? 10 : 16;
  let digits = abs.toString(base);
  if (verb.mode === 'X') digits = digits.toUpperCase();
  const sign = neg ? '-' : verb.plus ? '+' : verb.space ? ' ' : '';
  let prefix = '';
  if (verb.sharp) prefix = { b: '0b', o: '0', x: '0x', X: '0X', d: '' }[verb.mode as 'b' | 'o' | 'x' | 'X' | 'd'];
  let zeros = 0;
  if (verb.prec >= 0) {
    if (digits.length < verb.prec) zeros = verb.prec - digits.length;
    else if (digits === '0' && verb.prec === 0) return '';
  }
  let left = 0;
  let right = 0;
  const length = sign.length + prefix.length + zeros + digits.length;
  if (verb.width >= 0 && length < verb.width) {
    const d = verb.width - length;
    if (verb.minus) right = d;
    else if (verb.zero && verb.prec < 0) zeros = d;
    else left = d;
  }
  return ' '.repeat(left) + sign + prefix + '0'.repeat(zeros) + digits + ' '.repeat(right);
}

/** Go's big.Float Format: default precision 6 for %e/%f, shortest for %g. */
function formatFloat(verb: Verb, n: Num): string {
  const mode = verb.mode as 'e' | 'E' | 'f' | 'g' | 'G';
  let prec = verb.prec;
  if (prec < 0) prec = mode === 'g' || mode === 'G' ? -1 : 6;
  let buf = floatText(n, mode, prec);
  let sign = '';
  if (buf.startsWith('-')) {
    sign = '-';
    buf = buf.slice(1);
  } else if (verb.plus) sign = '+';
  else if (verb.space) sign = ' ';
  const padding = verb.width > sign.length + buf.length ? verb.width - sign.length - buf.length : 0;
  if (verb.zero) return sign + '0'.repeat(padding) + buf;
  if (verb.minus) return sign + buf + ' '.repeat(padding);
  return ' '.repeat(padding) + sign + buf;
}

export function format(fmt: string, args: Value[]): string {
  try {
    const { out, used } = formatFSM(fmt, args);
    if (used < args.length) {
      const why = used === 0 ? 'no verbs in format string' : `only ${used} used by format string`;
      fail(`too many arguments; ${why}`, used + 1);
    }
    return out;
  } catch (e) {
    if (e instanceof FormatError) fail(e.message);
    throw e;
  }
}

export function formatList(fmt: string, args: Value[]): Value {
  let iterLen = -1;
  let chooser = -1;
  args.forEach((a, i) => {
    if (!Array.isArray(a)) return;
    if (iterLen === -1) {
      iterLen = a.length;
      chooser = i;
    } else if (a.length !== iterLen) {
      fail(
        `argument ${i + 1} has length ${a.length}, which is inconsistent with argument ${chooser + 1} of length ${iterLen}`,
        i + 1,
      );
    }
  });
  if (iterLen === 0) return [];
  if (iterLen === -1) iterLen = 1;
  const out: Value[] = [];
  for (let it = 0; it < iterLen; it++) {
    const row = args.map((a) => (Array.isArray(a) ? a[it]! : a));
    try {
      const { out: s, used } = formatFSM(fmt, row);
      if (used < row.length) {
        throw new FormatError(
          `too many arguments; ${used === 0 ? 'no verbs in format string' : `only ${used} used by format string`}`,
        );
      }
      out.push(s);
    } catch (e) {
      if (e instanceof FormatError) fail(`error on format iteration ${it}: ${e.message}`);
      throw e;
    }
  }
  return out;
}
