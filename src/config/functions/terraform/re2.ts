// Go's RE2 regular expressions translated to JavaScript ones with the same meaning for what configs use.
// Differences handled: (?P<name>…) groups, scoped flags (?i) (?s) (?m) (?U) anywhere in the pattern, \A \z,
// \Q…\E, POSIX classes [[:alpha:]], \pN / \p{Greek}, \x{…}, \s being ASCII-only, `.` excluding only \n,
// a lone `{` being literal, and RE2's refusal of lookaround and backreferences. Every capture group becomes
// an unnamed JS group; names are kept on the side. Matching with `all` follows Go's rule that an empty
// match right after a previous match is skipped (regexall("a*", "baaac") has three matches, not four).

export class Re2Error extends Error {
  constructor(
    readonly code: string,
    readonly expr: string,
  ) {
    super(`${code}: \`${expr}\``);
  }
}

export interface Re2 {
  re: RegExp; // global + unicode
  /** One entry per capture group: its name, or null when unnamed. */
  names: (string | null)[];
}

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
}

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

const GENERAL_CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);

const SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));

/** A literal code point as JS source (outside a class). */
function lit(c: string): string {
  return SYNTAX.has(c) ? `\\${c}` : c;
}

/** A literal code point inside a class. */
function classLit(c: string): string {
  return c === '\\' || c === ']' || c === '[' || c === '^' || c === '-' ? `\\${c}` : c;
}

function caseVariants(c: string): string[] {
  const out = new Set([c]);
  for (const v of [c.toLowerCase(), c.toUpperCase()]) if (Array.from(v).length === 1) out.add(v);
  return [...out];
}

export function compileRe2(pattern: string): Re2 {
  const cps = Array.from(pattern);
  let i = 0;
  const names: (string | null)[] = [];
  // Flags in force, one entry per open group; (?flags) changes the top entry.
  const stack: Flags[] = [{ i: false, m: false, s: false, U: false }];
  const flags = () => stack[stack.length - 1]!;
  let out = '';
  // Whether the last thing emitted can take a repetition operator, and the operator it already has.
  let canRepeat = false;
  let lastOp = '';

  const rest = (from: number) => cps.slice(from).join('');

  const escape = (inClass: boolean): string => {
    // At cps[i] === '\\'
    const start = i;
    i++;
    const c = cps[i];
    if (c === undefined) throw new Re2Error('trailing backslash at end of expression', '');
    i++;
    switch (c) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
        return `\\${c}`;
      case 's':
        return inClass ? '\\t\\n\\f\\r ' : '[\\t\\n\\f\\r ]';
      case 'S':
        return inClass ? '\\S' : '[^\\t\\n\\f\\r ]';
      case 'b':
      case 'B':
        if (inClass) break;
        return `\\${c}`;
      case 'A':
        if (inClass) break;
        return '(?<![\\s\\S])';
      case 'z':
        if (inClass) break;
        return '(?![\\s\\S])';
      case 'a':
        return '\\x07';
      case 'f':
        return '\\f';
      case 't':
        return '\\t';
      case 'n':
        return '\\n';
      case 'r':
        return '\\r';
      case 'v':
        return '\\v';
      case 'x': {
        if (cps[i] === '{') {
          const end = cps.indexOf('}', i);
          const hex = end < 0 ? '' : cps.slice(i + 1, end).join('');
          if (!/^[0-9A-Fa-f]{1,6}$/.test(hex)) throw new Re2Error('invalid escape sequence', cps.slice(start, end + 1).join(''));
          i = end + 1;
          return `\\u{${hex}}`;
        }
        const hex = cps.slice(i, i + 2).join('');
        if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw new Re2Error('invalid escape sequence', cps.slice(start, i + 2).join(''));
        i += 2;
        return `\\x${hex}`;
      }
      case 'p':
      case 'P': {
        let name: string;
        if (cps[i] === '{') {
          const end = cps.indexOf('}', i);
          if (end < 0) throw new Re2Error('invalid character class range', rest(start));
          name = cps.slice(i + 1, end).join('');
          i = end + 1;
        } else {
          name = cps[i] ?? '';
          i++;
        }
        let neg = c === 'P';
        if (name.startsWith('^')) {
          neg = !neg;
          name = name.slice(1);
        }
        const prop = name === 'Any' ? null : GENERAL_CATEGORIES.has(name) ? name : `Script=${name}`;
        if (prop === null) return neg ? '[]' : '[\\s\\S]';
        try {
          new RegExp(`\\p{${prop}}`, 'u');
        } catch {
          throw new Re2Error('invalid character class range', cps.slice(start, i).join(''));
        }
        return `\\${neg ? 'P' : 'p'}{${prop}}`;
      }
      case '0': {
        // Octal: \0 and up to two more octal digits.
        let oct = '';
        while (oct.length < 2 && cps[i] !== undefined && /[0-7]/.test(cps[i]!)) oct += cps[i++];
        return `\\u{${parseInt(oct || '0', 8).toString(16)}}`;
      }
      default:
        if (/^[\p{L}\p{N}_]$/u.test(c)) break;
        return inClass ? classLit(c) : lit(c);
    }
    throw new Re2Error('invalid escape sequence', cps.slice(start, i).join(''));
  };

  const parseClass = (): string => {
    // At cps[i] === '['
    const start = i;
    i++;
    let neg = false;
    if (cps[i] === '^') {
      neg = true;
      i++;
    }
    let body = '';
    let first = true;
    const caseFold = flags().i;
    for (;;) {
      const c = cps[i];
      if (c === undefined) throw new Re2Error('missing closing ]', rest(start));
      if (c === ']' && !first) {
        i++;
        break;
      }
      first = false;
      if (c === '[' && cps[i + 1] === ':') {
        const end = cps.findIndex((x, k) => k > i + 1 && x === ':' && cps[k + 1] === ']');
        if (end > 0) {
          const name = cps.slice(i + 2, end).join('');
          const cls = POSIX[name];
          if (!cls) throw new Re2Error('invalid character class range', cps.slice(i, end + 2).join(''));
          body += cls;
          i = end + 2;
          continue;
        }
      }
      // One atom: a literal character (possibly escaped) or a shorthand class such as \d.
      let lo: string;
      if (c === '\\') {
        lo = escape(true);
        if (/^\\[dDwWsSpP]/.test(lo) || decodeClassAtom(lo) === undefined) {
          body += lo;
          continue;
        }
      } else {
        lo = c;
        i++;
      }
      const loCp = decodeClassAtom(lo)!;
      if (cps[i] === '-' && cps[i + 1] !== ']' && cps[i + 1] !== undefined) {
        i++;
        const hi = cps[i] === '\\' ? escape(true) : cps[i++]!;
        const hiCp = decodeClassAtom(hi);
        if (hiCp === undefined || /^\\[dDwWsSpP]/.test(hi) || hiCp < loCp) {
          throw new Re2Error('invalid character class range', `${lo}-${hi}`);
        }
        body += `${lo.length === 1 ? classLit(lo) : lo}-${hi.length === 1 ? classLit(hi) : hi}`;
        if (caseFold) {
          // ASCII letters only: enough for (?i:[a-z]).
          for (let cp = Math.max(loCp, 0x41); cp <= Math.min(hiCp, 0x7a); cp++) {
            const ch = String.fromCharCode(cp);
            if (/[A-Za-z]/.test(ch)) body += ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase();
          }
        }
      } else {
        const ch = String.fromCodePoint(loCp);
        if (caseFold && /\p{L}/u.test(ch)) for (const v of caseVariants(ch)) body += classLit(v);
        else body += lo.length === 1 ? classLit(lo) : lo;
      }
    }
    return `[${neg ? '^' : ''}${body}]`;
  };

  const emitAtom = (src: string) => {
    out += src;
    canRepeat = true;
    lastOp = '';
  };
  const emitAssertion = (src: string) => {
    out += src;
    canRepeat = false;
    lastOp = '';
  };

  while (i < cps.length) {
    const c = cps[i]!;
    const f = flags();
    switch (c) {
      case '\\': {
        if (cps[i + 1] === 'Q') {
          i += 2;
          let end = cps.findIndex((x, k) => k >= i && x === '\\' && cps[k + 1] === 'E');
          if (end < 0) end = cps.length;
          for (const ch of cps.slice(i, end)) {
            emitAtom(f.i ? `[${caseVariants(ch).map(classLit).join('')}]` : lit(ch));
          }
          i = Math.min(end + 2, cps.length);
          break;
        }
        const e = escape(false);
        if (/^\\[bB]$|^\(\?<?!/.test(e)) emitAssertion(e);
        else if (f.i && Array.from(e).length === 1 && /\p{L}/u.test(e)) emitAtom(`[${caseVariants(e).map(classLit).join('')}]`);
        else emitAtom(e);
        break;
      }
      case '.':
        i++;
        emitAtom(f.s ? '[\\s\\S]' : '[^\\n]');
        break;
      case '^':
        i++;
        emitAssertion(f.m ? '(?<![^\\n])' : '(?<![\\s\\S])');
        break;
      case '$':
        i++;
        emitAssertion(f.m ? '(?![^\\n])' : '(?![\\s\\S])');
        break;
      case '[':
        emitAtom(parseClass());
        break;
      case '(': {
        const start = i;
        if (cps[i + 1] === '?') {
          const look = cps.slice(i, i + 4).join('');
          if (/^\(\?(=|!|<=|<!)/.test(look)) {
            const m = /^\(\?(=|!|<=|<!)/.exec(look)![0];
            throw new Re2Error('invalid or unsupported Perl syntax', m);
          }
          const named = /^\(\?P?<([^>]*)>/.exec(rest(i));
          if (named) {
            const name = named[1]!;
            if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Re2Error('invalid named capture', named[0]);
            if (names.includes(name)) throw new Re2Error('duplicate capture group name', name);
            names.push(name);
            i += Array.from(named[0]).length;
            stack.push({ ...f });
            out += '(';
            canRepeat = false;
            lastOp = '';
            break;
          }
          // Flag groups: (?flags) or (?flags:re)
          const m = /^\(\?([imsU]*)(?:-([imsU]*))?([:)])/.exec(rest(i));
          if (!m || m[2] === '' || (m[1] === '' && m[2] === undefined && m[3] === ')')) {
            throw new Re2Error('invalid or unsupported Perl syntax', cps.slice(start, start + 3).join(''));
          }
          const nf = { ...f };
          for (const x of m[1]!) nf[x as keyof Flags] = true;
          for (const x of m[2] ?? '') nf[x as keyof Flags] = false;
          i += m[0].length;
          if (m[3] === ')') {
            stack[stack.length - 1] = nf;
          } else {
            stack.push(nf);
            out += '(?:';
            canRepeat = false;
            lastOp = '';
          }
          break;
        }
        i++;
        names.push(null);
        stack.push({ ...f });
        out += '(';
        canRepeat = false;
        lastOp = '';
        break;
      }
      case ')': {
        if (stack.length === 1) throw new Re2Error('unexpected )', pattern);
        i++;
        stack.pop();
        out += ')';
        canRepeat = true;
        lastOp = '';
        break;
      }
      case '|':
        i++;
        // A (?flags) inside a group lasts to the group's end, across alternatives, as in RE2.
        out += '|';
        canRepeat = false;
        lastOp = '';
        break;
      case '*':
      case '+':
      case '?':
      case '{': {
        let op: string;
        if (c === '{') {
          const m = /^\{(\d+)(,(\d*))?\}/.exec(rest(i));
          if (!m) {
            i++;
            emitAtom('\\{');
            break;
          }
          const lo = Number(m[1]);
          const hi = m[3] ? Number(m[3]) : m[2] ? -1 : lo;
          if (lo > 1000 || hi > 1000 || (hi >= 0 && hi < lo)) throw new Re2Error('invalid repeat count', m[0]);
          op = m[0];
          i += m[0].length;
        } else {
          op = c;
          i++;
        }
        let lazy = false;
        if (cps[i] === '?') {
          lazy = true;
          i++;
        }
        const raw = op + (lazy ? '?' : '');
        if (lastOp !== '') throw new Re2Error('invalid nested repetition operator', lastOp + raw);
        if (!canRepeat) throw new Re2Error('missing argument to repetition operator', raw);
        // (?U) swaps greedy and lazy.
        out += op + (lazy !== f.U ? '?' : '');
        lastOp = raw;
        break;
      }
      case ']':
      case '}':
        i++;
        emitAtom(`\\${c}`);
        break;
      default:
        i++;
        emitAtom(f.i && /\p{L}/u.test(c) ? `[${caseVariants(c).map(classLit).join('')}]` : lit(c));
    }
  }
  if (stack.length > 1) throw new Re2Error('missing closing )', pattern);
  let re: RegExp;
  try {
    re = new RegExp(out, 'gu');
  } catch (e) {
    throw new Re2Error((e as Error).message.replace(/^Invalid regular expression: /, ''), pattern);
  }
  return { re, names };
}

/** The code point a single class atom stands for, if it is one. */
function decodeClassAtom(s: string): number | undefined {
  if (Array.from(s).length === 1) return s.codePointAt(0);
  let m = /^\\u\{([0-9a-fA-F]+)\}$/.exec(s);
  if (m) return parseInt(m[1]!, 16);
  m = /^\\x([0-9a-fA-F]{2})$/.exec(s);
  if (m) return parseInt(m[1]!, 16);
  m = /^\\(.)$/u.exec(s);
  if (m) return { t: 9, n: 10, r: 13, f: 12, v: 11 }[m[1]!] ?? m[1]!.codePointAt(0);
  return undefined;
}

export type Match = RegExpExecArray;

/** All matches as Go's FindAll finds them. */
export function findAll(re: RegExp, s: string): Match[] {
  const out: Match[] = [];
  let pos = 0;
  let prevEnd = -1;
  while (pos <= s.length) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    let accept = true;
    if (end === start) {
      if (start === prevEnd) accept = false;
      pos = end + (end < s.length ? (s.codePointAt(end)! > 0xffff ? 2 : 1) : 1);
    } else {
      pos = end;
    }
    prevEnd = end;
    if (accept) out.push(m);
  }
  return out;
}

export function findFirst(re: RegExp, s: string): Match | null {
  re.lastIndex = 0;
  return re.exec(s);
}

/** Go's Regexp.ReplaceAllString, including its template syntax ($1, ${1}, $name, ${name}, $$). */
export function replaceAll(compiled: Re2, s: string, template: string): string {
  const { re } = compiled;
  let out = '';
  let lastEnd = 0;
  let searchPos = 0;
  while (searchPos <= s.length) {
    re.lastIndex = searchPos;
    const m = re.exec(s);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    out += s.slice(lastEnd, start);
    if (end > lastEnd || start === 0) out += expand(compiled, m, template);
    lastEnd = end;
    const width = searchPos < s.length ? (s.codePointAt(searchPos)! > 0xffff ? 2 : 1) : 0;
    if (searchPos + width > end) searchPos += width;
    else if (searchPos + 1 > end) searchPos++;
    else searchPos = end;
  }
  return out + s.slice(lastEnd);
}

function expand(compiled: Re2, m: Match, template: string): string {
  let out = '';
  let t = template;
  for (;;) {
    const d = t.indexOf('$');
    if (d < 0) break;
    out += t.slice(0, d);
    t = t.slice(d + 1);
    if (t.startsWith('$')) {
      out += '$';
      t = t.slice(1);
      continue;
    }
    const brace = t.startsWith('{');
    const body = brace ? t.slice(1) : t;
    const nm = /^[\p{L}\p{Nd}_]+/u.exec(body);
    if (!nm || (brace && body[nm[0].length] !== '}')) {
      out += '$';
      continue;
    }
    const name = nm[0];
    t = body.slice(name.length + (brace ? 1 : 0));
    let num = /^\d+$/.test(name) && name.length < 9 ? Number(name) : -1;
    if (name[0] === '0' && name.length > 1) num = -1;
    if (num >= 0) {
      out += m[num] ?? '';
    } else {
      const idx = compiled.names.indexOf(name);
      if (idx >= 0) out += m[idx + 1] ?? '';
    }
  }
  return out + t;
}
