// Canonical HCL layout, as `terragrunt hcl fmt` produces it (hclwrite's Format: whitespace between tokens is
// the only thing that changes). The rules, in hclwrite's order:
//   1. split the token stream into lines; a line is cut into cells: "lead", then "assign" (from the first `=`
//      when the rest of the line is bracket-balanced) and a trailing line "comment";
//   2. indent each line by two spaces per open bracket level, counted per line (a line that opens several
//      brackets indents the following lines once);
//   3. set the spaces between tokens inside a cell by the token pair (no space before `,` `.` `)` `:`, one
//      after `,`, braces padded, unary minus heuristics, nothing inside template literals…);
//   4. align the `=` of consecutive assignment lines, then the trailing comments of consecutive lines.
// Heredoc bodies and block comments are single tokens here, so their insides are never touched; CRLF line
// endings and a missing final newline are kept.
//
// Tokens come from tgo's own lexer (src/config/hcl/lexer.ts), which skips comments: they are recovered from
// the gaps between tokens, which can only hold spaces, tabs and comments.

import { lex, Source, T } from '../config/hcl/lexer.js';

/** A comment token (not produced by the lexer). `#`/`//` comments include their line ending, as in hclsyntax. */
const COMMENT = -1;
/** The placeholder before the first / after the last token of a cell. */
const NIL = -2;

interface Tok {
  type: number;
  text: string;
  /** Spaces written before the token; starts as the width of the original gap. */
  spaces: number;
}

const NIL_TOKEN: Tok = { type: NIL, text: '', spaces: 0 };

/** Formats HCL source text. The text must parse (callers check first); formatting never changes anything but spacing. */
export function formatHcl(text: string): string {
  const tokens = tokenize(text);
  const lines = splitLines(tokens);
  indent(lines);
  space(lines);
  align(lines);
  let out = '';
  for (const t of tokens) out += t.spaces > 0 ? ' '.repeat(t.spaces) + t.text : t.text;
  return out;
}

function tokenize(text: string): Tok[] {
  const src = new Source(text, 'fmt.hcl');
  const lexed = lex(src);
  const out: Tok[] = [];
  // hclwrite counts the gap in bytes; the byte-order mark (dropped from the output) is 3 bytes of it.
  let last = src.contentStart;
  let extra = src.contentStart === 1 ? 3 : 0;
  for (let k = 0; k < lexed.count; k++) {
    const type = lexed.type[k]!;
    const start = lexed.start[k]!;
    const end = lexed.end[k]!;
    // Comments in the gap before this token.
    let lineComment: Tok | undefined;
    let i = last;
    while (i < start) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) {
        i++;
        continue;
      }
      // `/* */`, or `#` / `//` to the end of the line (the lexer reports the newline as the next token).
      const block = c === 47 /* / */ && text.charCodeAt(i + 1) === 42; /* * */
      const j = block ? text.indexOf('*/', i + 2) + 2 : start;
      const comment = { type: COMMENT, text: text.slice(i, j), spaces: i - last + extra };
      out.push(comment);
      if (!block) lineComment = comment;
      extra = 0;
      last = i = j;
    }
    if (lineComment && type === T.Newline) {
      // As in hclsyntax, a line comment's newline is part of the comment token.
      lineComment.text += text.slice(start, end);
      last = end;
      continue;
    }
    out.push({ type, text: text.slice(start, end), spaces: start - last + extra });
    extra = 0;
    last = end;
  }
  return out;
}

interface Line {
  lead: Tok[];
  assign?: Tok[];
  comment?: Tok[];
}

function endsLine(t: Tok): boolean {
  return t.type === T.Newline || (t.type === COMMENT && t.text.endsWith('\n'));
}

function bracketChange(t: Tok): number {
  switch (t.type) {
    case T.OBrace:
    case T.OBrack:
    case T.OParen:
    case T.TemplateControl:
    case T.TemplateInterp:
      return 1;
    case T.CBrace:
    case T.CBrack:
    case T.CParen:
    case T.TemplateSeqEnd:
      return -1;
    default:
      return 0;
  }
}

function splitLines(tokens: Tok[]): Line[] {
  const lines: Line[] = [];
  let lead: Tok[] = [];
  for (const t of tokens) {
    if (t.type === T.EOF) break; // the end-of-file token (holding trailing spaces) belongs to no line
    lead.push(t);
    if (endsLine(t)) {
      lines.push({ lead });
      lead = [];
    }
  }
  lines.push({ lead });
  for (const line of lines) {
    const lead = line.lead;
    if (lead.length > 1 && lead[lead.length - 1]!.type === COMMENT) line.comment = [lead.pop()!];
    for (let i = 1; i < lead.length; i++) {
      if (lead[i]!.type !== T.Equal) continue;
      // Only a whole expression after `=` makes an alignable assignment; `x = {` opens a multi-line one.
      let net = 0;
      for (let k = i; k < lead.length; k++) net += bracketChange(lead[k]!);
      if (net === 0) {
        line.assign = lead.slice(i);
        line.lead = lead.slice(0, i);
      }
      break;
    }
  }
  return lines;
}

function indent(lines: Line[]): void {
  // A stack of "how many brackets this level opened", so lines with unbalanced brackets move one level.
  const levels: number[] = [];
  for (const line of lines) {
    const first = line.lead[0];
    if (!first) continue;
    if (first.type === T.Newline) {
      first.spaces = 0;
      continue;
    }
    let net = 0;
    for (const t of line.lead) {
      net += bracketChange(t);
      if (t.type === T.OHeredoc) break; // the heredoc's interpolations are not brackets of this line
    }
    for (const t of line.assign ?? []) net += bracketChange(t);
    if (net > 0) {
      first.spaces = 2 * levels.length;
      levels.push(net);
    } else {
      let closed = -net;
      while (closed > 0 && levels.length > 0) {
        const top = levels[levels.length - 1]!;
        if (closed >= top) {
          closed -= top;
          levels.pop();
        } else {
          levels[levels.length - 1] = top - closed;
          closed = 0;
        }
      }
      first.spaces = 2 * levels.length;
    }
  }
}

function space(lines: Line[]): void {
  for (const line of lines) {
    spaceCell(line.lead);
    if (line.assign) {
      line.assign[0]!.spaces = 1;
      spaceCell(line.assign);
    }
  }
}

function spaceCell(cell: Tok[]): void {
  for (let i = 0; i + 1 < cell.length; i++) {
    cell[i + 1]!.spaces = spaceAfter(cell[i]!, i > 0 ? cell[i - 1]! : NIL_TOKEN, cell[i + 1]!) ? 1 : 0;
  }
}

const TEMPLATE_TEXT = new Set<number>([T.QuotedLit, T.StringLit, T.OQuote, T.OHeredoc]);
const TEMPLATE_TEXT_AFTER = new Set<number>([T.QuotedLit, T.StringLit, T.CQuote, T.CHeredoc]);
/** After these, a `-` is a negation (no space after it). */
const NEGATION_CONTEXT = new Set<number>([
  NIL, T.OParen, T.OBrace, T.OBrack, T.Equal, T.Colon, T.Comma, T.Question,
  T.Plus, T.Star, T.Slash, T.Percent, T.Minus,
  T.EqualOp, T.NotEqual, T.Gt, T.Ge, T.Lt, T.Le,
  T.And, T.Or, T.Bang,
]);

/** Whether `subject` is followed by one space (else none), given its neighbours; hclwrite's rules in order. */
function spaceAfter(subject: Tok, before: Tok, after: Tok): boolean {
  const s = subject.type;
  const a = after.type;
  if (a === T.Newline || a === NIL) return false;
  if (s === T.Ident && a === T.OParen) return false; // f(
  if ((s === T.Ident && a === T.DoubleColon) || (s === T.DoubleColon && a === T.Ident)) return false; // provider::x::f
  if (s === T.Dot || a === T.Dot) return false;
  if (a === T.Comma || a === T.Ellipsis) return false;
  if (s === T.Comma) return true;
  if (TEMPLATE_TEXT.has(s) || TEMPLATE_TEXT_AFTER.has(a)) return false;
  if (s === T.Ident && subject.text === 'in' && before.type === T.Ident) return true; // [for x in [a]: x]
  if (a === T.OBrack && (s === T.Ident || s === T.Number || bracketChange(subject) < 0)) return false; // a[0], f()[0]
  if (s === T.Bang) return false;
  if (s === T.Minus) return !NEGATION_CONTEXT.has(before.type);
  if (s === T.OBrace || a === T.CBrace) return !(s === T.OBrace && a === T.CBrace); // { a = 1 }, but {}
  if ((s === T.TemplateInterp || s === T.TemplateControl) && a === T.OBrace) return true; // ${ {a = 1} }
  if (s === T.CBrace && a === T.TemplateSeqEnd) return true;
  if (s === T.TemplateSeqEnd && (a === T.TemplateInterp || a === T.TemplateControl)) return false;
  if (bracketChange(subject) > 0) return false;
  if (bracketChange(after) < 0) return false;
  return true;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Display width as hclwrite counts it: spaces plus grapheme clusters. */
function columns(cell: Tok[] | undefined): number {
  let n = 0;
  for (const t of cell ?? []) {
    n += t.spaces;
    // eslint-disable-next-line no-control-regex
    if (/^[\x00-\x7f]*$/.test(t.text)) n += t.text.length;
    else for (const _ of graphemes.segment(t.text)) n++;
  }
  return n;
}

function align(lines: Line[]): void {
  // `=` of consecutive assignment lines line up one space after the longest lead; then trailing comments.
  alignRuns(lines, (l) => l.assign, (l) => columns(l.lead));
  alignRuns(lines, (l) => l.comment, (l) => columns(l.lead) + columns(l.assign));
}

function alignRuns(lines: Line[], cell: (l: Line) => Tok[] | undefined, width: (l: Line) => number): void {
  let run: Line[] = [];
  const close = () => {
    let max = 0;
    for (const l of run) max = Math.max(max, width(l));
    for (const l of run) cell(l)![0]!.spaces = max - width(l) + 1;
    run = [];
  };
  for (const line of lines) {
    if (cell(line)) run.push(line);
    else if (run.length) close();
  }
  if (run.length) close();
}
