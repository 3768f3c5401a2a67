// Hand-written scanner for HCL native syntax, modelled on hclsyntax's scan_tokens.rl: one pass over the text
// with charCodeAt, a mode stack for quoted templates, heredocs and `${ }` interpolations, and tokens stored as
// parallel number arrays (type, start, end offsets) so scanning allocates almost nothing per token.
import type { Pos, Range } from './ast.js';
import { HclSyntaxError } from './errors.js';

export const enum T {
  EOF,
  Newline,
  Ident,
  Number,
  OQuote,
  CQuote,
  QuotedLit, // literal text of a quoted template; may contain backslash escapes
  StringLit, // literal text of a heredoc or bare template (one token per line)
  OHeredoc,
  CHeredoc,
  TemplateInterp, // ${ or ${~
  TemplateControl, // %{ or %{~
  TemplateSeqEnd, // } or ~} closing an interpolation/directive
  OBrace,
  CBrace,
  OBrack,
  CBrack,
  OParen,
  CParen,
  Dot,
  Comma,
  Star,
  Slash,
  Percent,
  Plus,
  Minus,
  Equal,
  EqualOp,
  NotEqual,
  Lt,
  Le,
  Gt,
  Ge,
  And,
  Or,
  Bang,
  Question,
  Colon,
  DoubleColon,
  Ellipsis,
  FatArrow,
}

/** Human-readable token names for messages and debugging. */
export const TOKEN_NAMES: readonly string[] = [
  'end of file', 'newline', 'identifier', 'number', 'opening quote', 'closing quote', 'string', 'string',
  'heredoc', 'heredoc end', '${', '%{', '}', '{', '}', '[', ']', '(', ')', '.', ',', '*', '/', '%', '+', '-',
  '=', '==', '!=', '<', '<=', '>', '>=', '&&', '||', '!', '?', ':', '::', '...', '=>',
];

/**
 * The text being parsed plus what is needed to turn offsets into 1-based line/column positions. Lines are
 * found once with indexOf; a position lookup is a cached binary search (parsing asks in nearly ascending
 * order). Columns count code points, so they only differ from UTF-16 offsets when astral characters occur.
 */
export class Source {
  readonly text: string;
  readonly filename: string;
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];
  /** Offset where content starts (1 when a byte-order mark is skipped). */
  readonly contentStart: number;
  private readonly astral: boolean;
  private readonly baseLine: number;
  private readonly baseColumn: number;
  private readonly baseOffset: number;
  private lastLine = 0;

  constructor(text: string, filename: string, start?: Pos) {
    this.text = text;
    this.filename = filename;
    this.contentStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const starts = [this.contentStart];
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.lineStarts = starts;
    this.astral = /[\uD800-\uDBFF]/.test(text);
    this.baseLine = start?.line ?? 1;
    this.baseColumn = start?.column ?? 1;
    this.baseOffset = start?.offset ?? 0;
  }

  lineIndexOf(offset: number): number {
    const starts = this.lineStarts;
    let li = this.lastLine;
    if (offset >= starts[li]! && (li + 1 >= starts.length || offset < starts[li + 1]!)) return li;
    if (li + 1 < starts.length && offset >= starts[li + 1]! && (li + 2 >= starts.length || offset < starts[li + 2]!)) {
      this.lastLine = li + 1;
      return li + 1;
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    li = lo;
    this.lastLine = li;
    return li;
  }

  pos(offset: number): Pos {
    const li = this.lineIndexOf(offset);
    const ls = this.lineStarts[li]!;
    let col = offset - ls + 1;
    if (col < 1) col = 1;
    if (this.astral && col > 1) {
      // Low surrogates don't start a character: discount them.
      const text = this.text;
      for (let k = ls; k < offset; k++) {
        const c = text.charCodeAt(k);
        if (c >= 0xdc00 && c <= 0xdfff) col--;
      }
    }
    if (li === 0) col += this.baseColumn - 1;
    return { line: li + this.baseLine, column: col, offset: offset + this.baseOffset };
  }

  range(start: number, end: number): Range {
    return { filename: this.filename, start: this.pos(start), end: this.pos(end) };
  }

  fail(start: number, end: number, summary: string, detail: string): never {
    throw new HclSyntaxError(this.range(start, end), summary, detail);
  }
}

export interface Tokens {
  type: Int32Array;
  start: Int32Array;
  end: Int32Array;
  count: number;
}

// Token buffers are reused across calls (a parse never starts inside another, and no token array outlives
// its parse), so lexing allocates nothing per token. There are at most text.length + 2 tokens.
let bufType = new Int32Array(1024);
let bufStart = new Int32Array(1024);
let bufEnd = new Int32Array(1024);

function ensureCapacity(n: number): void {
  if (bufType.length >= n) return;
  let size = bufType.length;
  while (size < n) size *= 2;
  bufType = new Int32Array(size);
  bufStart = new Int32Array(size);
  bufEnd = new Int32Array(size);
}

const enum Mode {
  Main,
  Quoted,
  Heredoc,
  Bare,
}

interface Heredoc {
  marker: string;
  startOfLine: boolean;
}

const CH_TAB = 9;
const CH_LF = 10;
const CH_CR = 13;
const CH_SPACE = 32;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isAsciiIdentContinue(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

const ID_START = /^\p{ID_Start}$/u;
const ID_CONTINUE = /^\p{ID_Continue}$/u;

/** Length in UTF-16 units of the identifier starting at i, or 0 if none starts there. */
export function identLength(text: string, i: number): number {
  const n = text.length;
  let j = i;
  const c = text.charCodeAt(j);
  if (isAsciiIdentStart(c)) j++;
  else if (c >= 128) {
    const cp = text.codePointAt(j)!;
    const ch = String.fromCodePoint(cp);
    if (!ID_START.test(ch)) return 0;
    j += ch.length;
  } else return 0;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (isAsciiIdentContinue(d)) j++;
    else if (d >= 128) {
      const ch = String.fromCodePoint(text.codePointAt(j)!);
      if (!ID_CONTINUE.test(ch)) break;
      j += ch.length;
    } else break;
  }
  return j - i;
}

/**
 * Scans `src` into tokens. `bare` scans a bare template (templatefile contents) rather than config/expression
 * syntax. Comments are dropped, except that a line comment's newline is kept as a Newline token because
 * newlines end attributes. Characters that can never be valid raise an HclSyntaxError straight away, as
 * hclsyntax reports those before any parse error. The returned arrays are reused by the next call.
 */
export function lex(src: Source, bare = false): Tokens {
  const text = src.text;
  const n = text.length;
  ensureCapacity(n + 2);
  const type = bufType;
  const start = bufStart;
  const end = bufEnd;
  let count = 0;
  const emit = (t: number, s: number, e: number): void => {
    type[count] = t;
    start[count] = s;
    end[count] = e;
    count++;
  };
  /** `#` and `//` comments run to the end of the line; the newline itself still ends an attribute. */
  const skipLineComment = (at: number): number => {
    const nl = text.indexOf('\n', at);
    if (nl === -1) return n;
    emit(T.Newline, nl, nl + 1);
    return nl + 1;
  };

  const modes: Mode[] = [];
  const heredocs: Heredoc[] = [];
  let mode: Mode = bare ? Mode.Bare : Mode.Main;
  let braces = 0;
  const retBraces: number[] = [];
  let i = src.contentStart;

  // Enter a `${`/`%{` sequence at offset j (in template text); returns the offset after the opener.
  const openSequence = (j: number, t: T): number => {
    const len = text.charCodeAt(j + 2) === 126 /* ~ */ ? 3 : 2;
    emit(t, j, j + len);
    braces++;
    retBraces.push(braces);
    if (heredocs.length > 0 && mode === Mode.Heredoc) heredocs[heredocs.length - 1]!.startOfLine = false;
    modes.push(mode);
    mode = Mode.Main;
    return j + len;
  };

  // Scans template literal text from i in a heredoc or bare template, stopping after a newline, before an
  // unescaped `${`/`%{`, or at the end. `$${` and `%%{` are escapes and stay part of the literal.
  const scanTemplateLine = (from: number): number => {
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === CH_LF) return j + 1;
      if (c === 36 /* $ */ || c === 37 /* % */) {
        const d = text.charCodeAt(j + 1);
        if (d === 123 /* { */) return j;
        if (d === c && text.charCodeAt(j + 2) === 123) {
          j += 3;
          continue;
        }
      }
      j++;
    }
    return j;
  };

  while (true) {
    if (mode === Mode.Main) {
      if (i >= n) break;
      const c = text.charCodeAt(i);
      switch (c) {
        case CH_SPACE:
        case CH_TAB:
          i++;
          continue;
        case CH_LF:
          emit(T.Newline, i, i + 1);
          i++;
          continue;
        case CH_CR:
          if (text.charCodeAt(i + 1) === CH_LF) {
            emit(T.Newline, i, i + 2);
            i += 2;
            continue;
          }
          return src.fail(i, i + 1, 'Invalid character', 'This character is not used within the language.');
        case 35 /* # */:
          i = skipLineComment(i);
          continue;
        case 47 /* / */: {
          const d = text.charCodeAt(i + 1);
          if (d === 47) {
            i = skipLineComment(i);
            continue;
          }
          if (d === 42 /* * */) {
            const close = text.indexOf('*/', i + 2);
            if (close === -1) {
              return src.fail(
                i,
                i + 2,
                'Unterminated comment',
                'There is no closing "*/" for this comment before the end of the file.',
              );
            }
            i = close + 2;
            continue;
          }
          emit(T.Slash, i, i + 1);
          i++;
          continue;
        }
        case 34 /* " */:
          emit(T.OQuote, i, i + 1);
          i++;
          modes.push(mode);
          mode = Mode.Quoted;
          continue;
        case 60 /* < */: {
          const d = text.charCodeAt(i + 1);
          if (d === 61) {
            emit(T.Le, i, i + 2);
            i += 2;
            continue;
          }
          if (d === 60) {
            // Heredoc introducer: <<ID or <<-ID followed immediately by a newline.
            let j = i + 2;
            if (text.charCodeAt(j) === 45) j++;
            const idLen = identLength(text, j);
            if (idLen > 0) {
              let k = j + idLen;
              if (text.charCodeAt(k) === CH_CR) k++;
              if (text.charCodeAt(k) === CH_LF) {
                emit(T.OHeredoc, i, k + 1);
                heredocs.push({ marker: text.slice(j, j + idLen), startOfLine: true });
                modes.push(mode);
                mode = Mode.Heredoc;
                i = k + 1;
                continue;
              }
            }
          }
          emit(T.Lt, i, i + 1);
          i++;
          continue;
        }
        case 62 /* > */:
          if (text.charCodeAt(i + 1) === 61) {
            emit(T.Ge, i, i + 2);
            i += 2;
          } else {
            emit(T.Gt, i, i + 1);
            i++;
          }
          continue;
        case 61 /* = */: {
          const d = text.charCodeAt(i + 1);
          if (d === 61) {
            emit(T.EqualOp, i, i + 2);
            i += 2;
          } else if (d === 62) {
            emit(T.FatArrow, i, i + 2);
            i += 2;
          } else {
            emit(T.Equal, i, i + 1);
            i++;
          }
          continue;
        }
        case 33 /* ! */:
          if (text.charCodeAt(i + 1) === 61) {
            emit(T.NotEqual, i, i + 2);
            i += 2;
          } else {
            emit(T.Bang, i, i + 1);
            i++;
          }
          continue;
        case 38 /* & */:
          if (text.charCodeAt(i + 1) === 38) {
            emit(T.And, i, i + 2);
            i += 2;
            continue;
          }
          return src.fail(i, i + 1, 'Unsupported operator', 'Bitwise operators are not supported. Did you mean boolean AND ("&&")?');
        case 124 /* | */:
          if (text.charCodeAt(i + 1) === 124) {
            emit(T.Or, i, i + 2);
            i += 2;
            continue;
          }
          return src.fail(i, i + 1, 'Unsupported operator', 'Bitwise operators are not supported. Did you mean boolean OR ("||")?');
        case 58 /* : */:
          if (text.charCodeAt(i + 1) === 58) {
            emit(T.DoubleColon, i, i + 2);
            i += 2;
          } else {
            emit(T.Colon, i, i + 1);
            i++;
          }
          continue;
        case 46 /* . */:
          if (text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) {
            emit(T.Ellipsis, i, i + 3);
            i += 3;
          } else {
            emit(T.Dot, i, i + 1);
            i++;
          }
          continue;
        case 123 /* { */:
          emit(T.OBrace, i, i + 1);
          braces++;
          i++;
          continue;
        case 125 /* } */:
          if (retBraces.length > 0 && retBraces[retBraces.length - 1] === braces) {
            emit(T.TemplateSeqEnd, i, i + 1);
            retBraces.pop();
            braces--;
            mode = modes.pop()!;
          } else {
            emit(T.CBrace, i, i + 1);
            braces--;
          }
          i++;
          continue;
        case 126 /* ~ */:
          if (text.charCodeAt(i + 1) === 125) {
            // `~}` always ends a sequence; if it doesn't match one the parser reports the misuse.
            emit(T.TemplateSeqEnd, i, i + 2);
            if (retBraces.length > 0 && retBraces[retBraces.length - 1] === braces) {
              retBraces.pop();
              mode = modes.pop()!;
            }
            braces--;
            i += 2;
            continue;
          }
          return src.fail(i, i + 1, 'Unsupported operator', 'Bitwise operators are not supported. Did you mean boolean NOT ("!")?');
        case 91 /* [ */:
          emit(T.OBrack, i, i + 1);
          i++;
          continue;
        case 93 /* ] */:
          emit(T.CBrack, i, i + 1);
          i++;
          continue;
        case 40 /* ( */:
          emit(T.OParen, i, i + 1);
          i++;
          continue;
        case 41 /* ) */:
          emit(T.CParen, i, i + 1);
          i++;
          continue;
        case 44 /* , */:
          emit(T.Comma, i, i + 1);
          i++;
          continue;
        case 42 /* * */:
          emit(T.Star, i, i + 1);
          i++;
          continue;
        case 37 /* % */:
          emit(T.Percent, i, i + 1);
          i++;
          continue;
        case 43 /* + */:
          emit(T.Plus, i, i + 1);
          i++;
          continue;
        case 45 /* - */:
          emit(T.Minus, i, i + 1);
          i++;
          continue;
        case 63 /* ? */:
          emit(T.Question, i, i + 1);
          i++;
          continue;
        case 94 /* ^ */:
          return src.fail(i, i + 1, 'Unsupported operator', 'Bitwise operators are not supported.');
        case 59 /* ; */:
          return src.fail(
            i,
            i + 1,
            'Invalid character',
            'The ";" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.',
          );
        case 39 /* ' */:
          return src.fail(i, i + 1, 'Invalid character', 'Single quotes are not valid. Use double quotes (") to enclose strings.');
        case 96 /* ` */:
          return src.fail(
            i,
            i + 1,
            'Invalid character',
            'The "`" character is not valid. To create a multi-line string, use the "heredoc" syntax, like "<<EOT".',
          );
        default:
          break;
      }
      if (isDigit(c)) {
        // Digits, dots and exponents, never ending in a dot (so `1.x` is 1 . x); malformed ones like `1..2`
        // become one token that the parser rejects, as hclsyntax does.
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (isDigit(d) || d === 46) j++;
          else if (d === 101 || d === 69) {
            let k = j + 1;
            const s = text.charCodeAt(k);
            if (s === 43 || s === 45) k++;
            if (isDigit(text.charCodeAt(k))) j = k + 1;
            else break;
          } else break;
        }
        while (text.charCodeAt(j - 1) === 46) j--;
        emit(T.Number, i, j);
        i = j;
        continue;
      }
      const idLen = identLength(text, i);
      if (idLen > 0) {
        emit(T.Ident, i, i + idLen);
        i += idLen;
        continue;
      }
      const cp = text.codePointAt(i)!;
      return src.fail(i, i + (cp > 0xffff ? 2 : 1), 'Invalid character', 'This character is not used within the language.');
    }

    if (mode === Mode.Quoted) {
      let j = i;
      let stop = -1; // 0: quote, 1: ${, 2: %{
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 34) {
          stop = 0;
          break;
        }
        if (c === 92 /* \ */) {
          const d = text.charCodeAt(j + 1);
          if (j + 1 < n && d !== CH_LF && d !== CH_CR) {
            j += 2;
            continue;
          }
          j++;
          continue;
        }
        if (c === CH_LF || c === CH_CR) {
          if (j > i) emit(T.QuotedLit, i, j);
          return src.fail(
            j,
            j + 1,
            'Invalid multi-line string',
            'Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the "heredoc" multi-line template syntax.',
          );
        }
        if (c === 36 || c === 37) {
          const d = text.charCodeAt(j + 1);
          if (d === 123) {
            stop = c === 36 ? 1 : 2;
            break;
          }
          if (d === c && text.charCodeAt(j + 2) === 123) {
            j += 3;
            continue;
          }
        }
        j++;
      }
      if (j > i) emit(T.QuotedLit, i, j);
      if (stop === -1) {
        i = n;
        break; // unterminated: the parser reports it at EOF
      }
      if (stop === 0) {
        emit(T.CQuote, j, j + 1);
        mode = modes.pop()!;
        i = j + 1;
      } else {
        i = openSequence(j, stop === 1 ? T.TemplateInterp : T.TemplateControl);
      }
      continue;
    }

    if (mode === Mode.Heredoc) {
      if (i >= n) break;
      const hd = heredocs[heredocs.length - 1]!;
      const j = scanTemplateLine(i);
      if (j > i && text.charCodeAt(j - 1) === CH_LF) {
        if (hd.startOfLine && isMarkerLine(text, i, j, hd.marker)) {
          // The closing marker, then its newline as a separate token that ends the attribute.
          const nlStart = text.charCodeAt(j - 2) === CH_CR ? j - 2 : j - 1;
          emit(T.CHeredoc, i, nlStart);
          emit(T.Newline, nlStart, j);
          heredocs.pop();
          mode = modes.pop()!;
          i = j;
          continue;
        }
        hd.startOfLine = true;
        emit(T.StringLit, i, j);
        i = j;
        continue;
      }
      if (j > i) {
        hd.startOfLine = false;
        emit(T.StringLit, i, j);
      }
      if (j >= n) {
        i = n;
        break;
      }
      i = openSequence(j, text.charCodeAt(j) === 36 ? T.TemplateInterp : T.TemplateControl);
      continue;
    }

    // Bare template
    if (i >= n) break;
    const j = scanTemplateLine(i);
    if (j > i) emit(T.StringLit, i, j);
    if (j >= n) {
      i = n;
      break;
    }
    if (text.charCodeAt(j - 1) === CH_LF && j > i) {
      i = j;
      continue;
    }
    i = openSequence(j, text.charCodeAt(j) === 36 ? T.TemplateInterp : T.TemplateControl);
  }
  emit(T.EOF, n, n);
  return { type, start, end, count };
}

/** Whether text[s,e) (a line including its newline) is the heredoc marker, ignoring surrounding whitespace. */
function isMarkerLine(text: string, s: number, e: number, marker: string): boolean {
  let a = s;
  while (a < e && isSpaceCode(text.charCodeAt(a))) a++;
  let b = e;
  while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
  return b - a === marker.length && text.startsWith(marker, a);
}

function isSpaceCode(c: number): boolean {
  return c === CH_SPACE || c === CH_TAB || c === CH_LF || c === CH_CR || c === 11 || c === 12;
}
