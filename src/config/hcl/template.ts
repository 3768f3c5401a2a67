// The second half of template parsing, as in hclsyntax's parser_template.go: the parser first turns the
// token stream of a quoted string, heredoc or bare template into a flat list of template parts (literals
// with strip markers already applied, interpolations, directive markers); this module applies the flush
// heredoc indentation rule, merges adjacent literals and builds the if/for directive tree.
import type { Expr, LiteralExpr, Range, TemplateExpr, TemplateForExpr, TemplateIfExpr } from './ast.js';
import { formatRange } from './errors.js';
import { nfc } from './values.js';

export const enum Part {
  Literal,
  Interp,
  If,
  For,
  Else,
  EndIf,
  EndFor,
  End,
}

export interface LiteralPart {
  k: Part.Literal;
  val: string;
  start: number; // source offsets (after any flush adjustment)
  end: number;
}
export interface InterpPart {
  k: Part.Interp;
  expr: Expr;
  start: number;
  end: number;
}
export interface IfPart {
  k: Part.If;
  cond: Expr;
  start: number;
  end: number;
}
export interface ForPart {
  k: Part.For;
  keyVar?: string;
  valVar: string;
  coll: Expr;
  start: number;
  end: number;
}
export interface MarkerPart {
  k: Part.Else | Part.EndIf | Part.EndFor | Part.End;
  start: number;
  end: number;
}
export type TemplatePart = LiteralPart | InterpPart | IfPart | ForPart | MarkerPart;

/** What template building needs from the parser: ranges from offsets, and a way to report errors. */
export interface TemplateHost {
  range(start: number, end: number): Range;
  fail(start: number, end: number, summary: string, detail: string): never;
}

/** Unicode whitespace as Go's unicode.IsSpace sees it (close enough to JS's \s for trimming). */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

export function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i === 0 ? s : s.slice(i);
}

export function trimRightSpace(s: string): string {
  let i = s.length;
  while (i > 0 && isSpace(s.charCodeAt(i - 1))) i--;
  return i === s.length ? s : s.slice(0, i);
}

/**
 * `<<-` heredocs: find the smallest leading-whitespace width over lines that start with a literal (lines that
 * are entirely whitespace don't count; a line starting with an interpolation counts as zero) and remove that
 * many characters from each such line. It works on the literal parts, so interpolated values can't affect it.
 */
export function flushHeredoc(parts: TemplatePart[]): void {
  let min = Number.MAX_SAFE_INTEGER;
  let newline = true;
  const adjust: LiteralPart[] = [];
  for (const p of parts) {
    if (newline) {
      newline = false;
      if (p.k === Part.Literal) {
        const v = p.val;
        let sp = 0;
        while (sp < v.length && isSpace(v.charCodeAt(sp))) sp++;
        if (sp === v.length && v.endsWith('\n')) {
          // blank line: ignored for the minimum
        } else {
          // Count characters rather than UTF-16 units (whitespace is BMP, so they're equal here).
          if (sp < min) min = sp;
          adjust.push(p);
        }
      } else if (p.k === Part.End) {
        break;
      } else {
        min = 0;
      }
    }
    if (p.k === Part.Literal && p.val.endsWith('\n')) newline = true;
  }
  if (min === Number.MAX_SAFE_INTEGER || min === 0) return;
  for (const lit of adjust) {
    lit.val = lit.val.slice(min);
    lit.start += min;
  }
}

/** Merges runs of adjacent literal parts into one, after whitespace trimming has been applied. */
export function meldLiterals(parts: TemplatePart[]): TemplatePart[] {
  let adjacent = false;
  for (let i = 1; i < parts.length; i++) {
    if (parts[i]!.k === Part.Literal && parts[i - 1]!.k === Part.Literal) {
      adjacent = true;
      break;
    }
  }
  if (!adjacent) return parts;
  const out: TemplatePart[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (p.k === Part.Literal && prev !== undefined && prev.k === Part.Literal) {
      prev.val += p.val;
      prev.end = p.end;
    } else out.push(p);
  }
  return out;
}

const DIRECTIVE_NAMES: Record<number, string> = {
  [Part.Else]: 'else',
  [Part.EndIf]: 'endif',
  [Part.EndFor]: 'endfor',
};

/** Builds the expression list of a template from its parts (the last part must be Part.End). */
export function buildTemplate(parts: TemplatePart[], host: TemplateHost): Expr[] {
  let pos = 0;

  // Literal text in NFC, as cty holds every string.
  const literal = (p: LiteralPart): LiteralExpr => ({ kind: 'literal', value: nfc(p.val), range: host.range(p.start, p.end) });
  const emptyAt = (off: number): LiteralExpr => ({ kind: 'literal', value: '', range: host.range(off, off) });
  const templateOf = (exprs: Expr[]): TemplateExpr => ({
    kind: 'template',
    parts: exprs,
    range: {
      filename: exprs[0]!.range.filename,
      start: exprs[0]!.range.start,
      end: exprs[exprs.length - 1]!.range.end,
    },
  });

  const parseExpr = (): Expr => {
    const p = parts[pos]!;
    switch (p.k) {
      case Part.Literal:
        pos++;
        return literal(p);
      case Part.Interp:
        pos++;
        return p.expr;
      case Part.If:
        return parseIf();
      case Part.For:
        return parseFor();
      case Part.End:
        return host.fail(p.start, p.end, 'Unexpected end of template', 'The control directives within this template are unbalanced.');
      default:
        return host.fail(
          p.start,
          p.end,
          `Unexpected ${DIRECTIVE_NAMES[p.k]} directive`,
          'The control directives within this template are unbalanced.',
        );
    }
  };

  const parseIf = (): Expr => {
    const open = parts[pos++] as IfPart;
    const openRange = formatRange(host.range(open.start, open.end));
    const thenExprs: Expr[] = [];
    let elseExprs: Expr[] | undefined;
    let cur = thenExprs;
    let endifStart = open.end;
    let endifEnd = open.end;
    for (;;) {
      const p = parts[pos]!;
      if (p.k === Part.End) {
        return host.fail(
          p.start,
          p.end,
          'Unexpected end of template',
          `The if directive at ${openRange} is missing its corresponding endif directive.`,
        );
      }
      if (p.k === Part.Else) {
        pos++;
        if (elseExprs === undefined) {
          elseExprs = [];
          cur = elseExprs;
          continue;
        }
        return host.fail(p.start, p.end, 'Unexpected else directive', `Already in the else clause for the if started at ${openRange}.`);
      }
      if (p.k === Part.EndIf) {
        pos++;
        endifStart = p.start;
        endifEnd = p.end;
        break;
      }
      if (p.k === Part.EndFor) {
        return host.fail(p.start, p.end, 'Unexpected endfor directive', `Expecting an endif directive for the if started at ${openRange}.`);
      }
      cur.push(parseExpr());
    }
    if (thenExprs.length === 0) thenExprs.push(emptyAt(open.end));
    if (elseExprs !== undefined && elseExprs.length === 0) elseExprs.push(emptyAt(endifStart));
    const node: TemplateIfExpr = {
      kind: 'templateIf',
      condition: open.cond,
      then: templateOf(thenExprs),
      range: host.range(open.start, endifEnd),
    };
    if (elseExprs !== undefined) node.else = templateOf(elseExprs);
    return node;
  };

  const parseFor = (): Expr => {
    const open = parts[pos++] as ForPart;
    const openRange = formatRange(host.range(open.start, open.end));
    const body: Expr[] = [];
    let endEnd = open.end;
    for (;;) {
      const p = parts[pos]!;
      if (p.k === Part.End) {
        return host.fail(
          p.start,
          p.end,
          'Unexpected end of template',
          `The for directive at ${openRange} is missing its corresponding endfor directive.`,
        );
      }
      if (p.k === Part.Else) {
        return host.fail(p.start, p.end, 'Unexpected else directive', 'An else clause is not expected for a for directive.');
      }
      if (p.k === Part.EndIf) {
        return host.fail(
          p.start,
          p.end,
          'Unexpected endif directive',
          `Expecting an endfor directive corresponding to the for directive at ${openRange}.`,
        );
      }
      if (p.k === Part.EndFor) {
        pos++;
        endEnd = p.end;
        break;
      }
      body.push(parseExpr());
    }
    if (body.length === 0) body.push(emptyAt(open.end));
    const node: TemplateForExpr = {
      kind: 'templateFor',
      valVar: open.valVar,
      collection: open.coll,
      body: templateOf(body),
      range: host.range(open.start, endEnd),
    };
    if (open.keyVar !== undefined) node.keyVar = open.keyVar;
    return node;
  };

  const exprs: Expr[] = [];
  while (parts[pos]!.k !== Part.End) exprs.push(parseExpr());
  return exprs;
}
