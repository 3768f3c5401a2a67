// Recursive-descent parser for HCL native syntax over the lexer's token arrays, following hclsyntax's
// parser.go: same precedence, same newline rules (significant in bodies and object constructors, ignored
// inside parentheses, brackets, function calls, for expressions and interpolations) and the same error
// wording. Unlike hclsyntax it stops at the first error, throwing an HclSyntaxError with its location.
import type {
  Attribute,
  BinaryOperator,
  Block,
  Body,
  Expr,
  ForExpr,
  LiteralExpr,
  ObjectItem,
  Pos,
  Range,
  TemplateExpr,
  TemplateWrapExpr,
  Traverser,
} from './ast.js';
import { formatRange, HclSyntaxError, nameSuggestion } from './errors.js';
import { lex, Source, T, type Tokens } from './lexer.js';
import { parseNumber, type Num } from './numbers.js';
import {
  buildTemplate,
  flushHeredoc,
  meldLiterals,
  Part,
  trimLeftSpace,
  trimRightSpace,
  type ForPart,
  type TemplateHost,
  type TemplatePart,
} from './template.js';

/** Parses a whole configuration file (terragrunt.hcl, *.hcl). */
export function parseConfig(text: string, filename: string): Body {
  const src = new Source(text, filename);
  const p = new Parser(src, lex(src));
  return guardDepth(p, () => p.parseFile());
}

/** Parses a standalone expression; positions are offset by `start` when given (1-based line/column). */
export function parseExpression(text: string, filename: string, start?: Pos): Expr {
  const src = new Source(text, filename, start);
  const p = new Parser(src, lex(src));
  return guardDepth(p, () => {
    p.pushNL(false); // bare expressions ignore newlines, as if in parentheses
    const expr = p.parseExpression();
    const next = p.peekIdx();
    if (p.ty[next] !== T.EOF) {
      p.failTok(next, 'Extra characters after expression', 'An expression was successfully parsed, but extra characters were found after it.');
    }
    return expr;
  });
}

/** Parses a bare template (e.g. the contents of a templatefile), with no surrounding quotes. */
export function parseTemplate(text: string, filename: string, start?: Pos): Expr {
  const src = new Source(text, filename, start);
  const p = new Parser(src, lex(src, true));
  return guardDepth(p, () => p.parseTemplateBody(T.EOF, false, src.contentStart));
}

/** Nesting deeper than any real configuration is reported as a syntax error rather than a stack overflow. */
const MAX_DEPTH = 500;

function guardDepth<R>(p: Parser, parse: () => R): R {
  try {
    return parse();
  } catch (e) {
    if (e instanceof RangeError) p.tooDeep();
    throw e;
  }
}

/** Binary operator precedence by token type (undefined: not a binary operator); higher binds tighter. */
const BINARY_PREC: number[] = [];
const BINARY_OP: BinaryOperator[] = [];
for (const [t, op, prec] of [
  [T.Or, '||', 1],
  [T.And, '&&', 2],
  [T.EqualOp, '==', 3],
  [T.NotEqual, '!=', 3],
  [T.Gt, '>', 4],
  [T.Ge, '>=', 4],
  [T.Lt, '<', 4],
  [T.Le, '<=', 4],
  [T.Plus, '+', 5],
  [T.Minus, '-', 5],
  [T.Star, '*', 6],
  [T.Slash, '/', 6],
  [T.Percent, '%', 6],
] as Array<[T, BinaryOperator, number]>) {
  BINARY_PREC[t] = prec;
  BINARY_OP[t] = op;
}

const TEMPLATE_KEYWORDS = ['if', 'for', 'else', 'endif', 'endfor'];

class Parser implements TemplateHost {
  readonly src: Source;
  readonly text: string;
  readonly ty: Int32Array;
  readonly st: Int32Array;
  readonly en: Int32Array;
  /** Index of the next unread token. */
  private p = 0;
  /** Whether newline tokens are significant at this point (hclsyntax's IncludeNewlines stack). */
  private nl = true;
  private readonly nlStack: boolean[] = [];
  /** The marker of the heredoc being parsed, for the unterminated-heredoc message. */
  private heredocMarker: string | undefined;
  private depth = 0;

  constructor(src: Source, toks: Tokens) {
    this.src = src;
    this.text = src.text;
    this.ty = toks.type;
    this.st = toks.start;
    this.en = toks.end;
  }

  // --- token access -------------------------------------------------------------------------------------

  pushNL(include: boolean): void {
    this.nlStack.push(this.nl);
    this.nl = include;
  }

  popNL(): void {
    this.nl = this.nlStack.pop()!;
  }

  peekIdx(): number {
    let i = this.p;
    if (!this.nl) {
      const ty = this.ty;
      while (ty[i] === T.Newline) i++;
    }
    return i;
  }

  peek(): number {
    return this.ty[this.peekIdx()]!;
  }

  /** Consumes and returns the index of the next token (EOF is never consumed). */
  read(): number {
    const i = this.peekIdx();
    this.p = this.ty[i] === T.EOF ? i : i + 1;
    return i;
  }

  /** The index of the last consumed token. */
  private prevIdx(): number {
    return this.p > 0 ? this.p - 1 : 0;
  }

  private tokText(i: number): string {
    return this.text.slice(this.st[i], this.en[i]);
  }

  private isKeyword(i: number, kw: string): boolean {
    return this.ty[i] === T.Ident && this.en[i]! - this.st[i]! === kw.length && this.text.startsWith(kw, this.st[i]!);
  }

  range(start: number, end: number): Range {
    return this.src.range(start, end);
  }

  fail(start: number, end: number, summary: string, detail: string): never {
    return this.src.fail(start, end, summary, detail);
  }

  failRange(range: Range, summary: string, detail: string): never {
    throw new HclSyntaxError(range, summary, detail);
  }

  failTok(i: number, summary: string, detail: string): never {
    return this.src.fail(this.st[i]!, this.en[i]!, summary, detail);
  }

  // --- bodies -------------------------------------------------------------------------------------------

  parseFile(): Body {
    const start = this.src.contentStart;
    const { attributes, blocks } = this.parseBodyItems(T.EOF, -1);
    return { attributes, blocks, range: this.range(start, this.text.length) };
  }

  /** Parses body items up to (and consuming) the `end` token; `openIdx` is the `{` of an enclosing block. */
  private parseBodyItems(end: T, openIdx: number): { attributes: Attribute[]; blocks: Block[] } {
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    const seen = new Map<string, Attribute>();
    const ty = this.ty;
    for (;;) {
      const i = this.peekIdx();
      const t = ty[i]!;
      if (t === end) {
        this.read();
        break;
      }
      if (t === T.Newline) {
        this.read();
        continue;
      }
      if (t === T.Ident) {
        const item = this.parseBodyItem();
        if ('name' in item) {
          const existing = seen.get(item.name);
          if (existing !== undefined) {
            this.failRange(
              item.nameRange,
              'Attribute redefined',
              `The argument "${item.name}" was already set at ${formatRange(existing.nameRange)}. Each argument may be set only once.`,
            );
          }
          seen.set(item.name, item);
          attributes.push(item);
        } else blocks.push(item);
        continue;
      }
      if (t === T.OQuote) this.failTok(i, 'Invalid argument name', 'Argument names must not be quoted.');
      if (t === T.EOF && end === T.CBrace) {
        this.failTok(
          openIdx,
          'Unclosed configuration block',
          'There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.',
        );
      }
      this.failTok(i, 'Argument or block definition required', 'An argument or block definition is required here.');
    }
    return { attributes, blocks };
  }

  private parseBodyItem(): Attribute | Block {
    const ident = this.read();
    const next = this.peekIdx();
    switch (this.ty[next]) {
      case T.Equal:
        return this.finishAttribute(ident, false);
      case T.OQuote:
      case T.OBrace:
      case T.Ident:
        return this.finishBlock(ident);
      default:
        return this.failTok(
          ident,
          'Argument or block definition required',
          'An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value.',
        );
    }
  }

  private finishAttribute(ident: number, singleLine: boolean): Attribute {
    this.read(); // =
    const expr = this.parseExpression();
    if (!singleLine) {
      const end = this.peekIdx();
      const t = this.ty[end];
      if (t !== T.Newline && t !== T.EOF) {
        if (t === T.Comma) {
          this.failTok(
            end,
            'Unexpected comma after argument',
            'Argument definitions must be separated by newlines, not commas. An argument definition must end with a newline.',
          );
        }
        this.failTok(end, 'Missing newline after argument', 'An argument definition must end with a newline.');
      }
      this.read();
    }
    const nameRange = this.range(this.st[ident]!, this.en[ident]!);
    return {
      name: this.tokText(ident),
      expr,
      range: { filename: nameRange.filename, start: nameRange.start, end: expr.range.end },
      nameRange,
    };
  }

  private finishBlock(ident: number): Block {
    const labels: string[] = [];
    let oBrace = -1;
    for (;;) {
      const i = this.peekIdx();
      const t = this.ty[i];
      if (t === T.OBrace) {
        oBrace = this.read();
        break;
      }
      if (t === T.OQuote) {
        labels.push(this.parseQuotedStringLiteral());
        continue;
      }
      if (t === T.Ident) {
        labels.push(this.tokText(this.read()));
        continue;
      }
      if (t === T.Equal) {
        this.failTok(i, 'Invalid block definition', 'The equals sign "=" indicates an argument definition, and must not be used when defining a block.');
      }
      if (t === T.Newline) {
        this.failTok(
          i,
          'Invalid block definition',
          'A block definition must have block content delimited by "{" and "}", starting on the same line as the block header.',
        );
      }
      this.failTok(i, 'Invalid block definition', 'Either a quoted string block label or an opening brace ("{") is expected here.');
    }

    let body: Body;
    const first = this.peekIdx();
    const ft = this.ty[first];
    if (ft === T.Newline || ft === T.EOF || ft === T.CBrace) {
      const items = this.parseBodyItems(T.CBrace, oBrace);
      body = { ...items, range: this.range(this.st[oBrace]!, this.en[this.prevIdx()]!) };
    } else {
      // One-line block: exactly one argument, closed on the same line.
      const name = this.read();
      if (this.ty[name] !== T.Ident) {
        this.failTok(name, 'Argument or block definition required', 'An argument or block definition is required here.');
      }
      const nt = this.peek();
      if (nt === T.OQuote || nt === T.OBrace || nt === T.Ident) {
        this.failTok(
          name,
          'Argument definition required',
          `A single-line block definition can contain only a single argument. If you meant to define argument "${this.tokText(name)}", use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.`,
        );
      }
      if (nt !== T.Equal) {
        this.failTok(
          name,
          'Argument or block definition required',
          'An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value.',
        );
      }
      const attr = this.finishAttribute(name, true);
      const close = this.peekIdx();
      switch (this.ty[close]) {
        case T.CBrace:
          this.read();
          break;
        case T.Comma:
          this.failTok(
            close,
            'Invalid single-argument block definition',
            'Single-line block syntax can include only one argument definition. To define multiple arguments, use the multi-line block syntax with one argument definition per line.',
          );
          break;
        case T.Newline:
          this.failTok(
            close,
            'Invalid single-argument block definition',
            "An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.",
          );
          break;
        case T.EOF:
          this.failTok(
            oBrace,
            'Unclosed configuration block',
            'There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.',
          );
          break;
        default:
          this.failTok(
            close,
            'Invalid single-argument block definition',
            'A single-line block definition must end with a closing brace immediately after its single argument definition.',
          );
      }
      body = { attributes: [attr], blocks: [], range: this.range(this.st[oBrace]!, this.en[close]!) };
    }
    const cBrace = this.prevIdx();
    const eol = this.peekIdx();
    if (this.ty[eol] !== T.Newline && this.ty[eol] !== T.EOF) {
      this.failTok(eol, 'Missing newline after block definition', 'A block definition must end with a newline.');
    }
    this.read();
    const typeRange = this.range(this.st[ident]!, this.en[ident]!);
    return {
      type: this.tokText(ident),
      labels,
      body,
      range: { filename: typeRange.filename, start: typeRange.start, end: this.src.pos(this.en[cBrace]!) },
      typeRange,
    };
  }

  /** A quoted string with no template sequences (block labels). */
  private parseQuotedStringLiteral(): string {
    const open = this.read();
    let out = '';
    for (;;) {
      const i = this.read();
      const t = this.ty[i];
      if (t === T.CQuote) return out;
      if (t === T.QuotedLit) {
        out += this.decodeQuoted(this.st[i]!, this.en[i]!);
        continue;
      }
      if (t === T.TemplateInterp || t === T.TemplateControl) {
        const which = t === T.TemplateInterp ? '$' : '%';
        this.failTok(
          i,
          'Invalid string literal',
          `Template sequences are not allowed in this string. To include a literal "${which}", double it (as "${which}${which}") to escape it.`,
        );
      }
      if (t === T.EOF) {
        this.failTok(i, 'Unterminated string literal', 'Unable to find the closing quote mark before the end of the file.');
      }
      this.fail(this.st[open]!, this.en[i]!, 'Invalid string literal', 'This item is not valid in a string literal.');
    }
  }

  // --- expressions ----------------------------------------------------------------------------------------

  tooDeep(): never {
    const i = this.peekIdx();
    return this.failTok(i, 'Nesting too deep', `Expressions may be nested at most ${MAX_DEPTH} levels deep.`);
  }

  parseExpression(): Expr {
    if (++this.depth > MAX_DEPTH) this.tooDeep();
    const e = this.parseConditional();
    this.depth--;
    return e;
  }

  private parseConditional(): Expr {
    const cond = this.parseBinary(1);
    if (this.peek() !== T.Question) return cond;
    this.read();
    const trueResult = this.parseExpression();
    const colon = this.peekIdx();
    if (this.ty[colon] !== T.Colon) {
      this.failTok(
        colon,
        'Missing false expression in conditional',
        'The conditional operator (...?...:...) requires a false expression, delimited by a colon.',
      );
    }
    this.read();
    const falseResult = this.parseExpression();
    return {
      kind: 'conditional',
      condition: cond,
      trueResult,
      falseResult,
      range: spanRanges(cond.range, falseResult.range),
    };
  }

  /** Precedence climbing over HCL's six binary levels; operators of equal precedence associate left. */
  private parseBinary(minPrec: number): Expr {
    let lhs = this.parseExpressionTraversals(this.parseTerm());
    for (;;) {
      const t = this.peek();
      const prec = BINARY_PREC[t];
      if (prec === undefined || prec < minPrec) return lhs;
      this.read();
      const rhs = this.parseBinary(prec + 1);
      lhs = { kind: 'binary', op: BINARY_OP[t]!, left: lhs, right: rhs, range: spanRanges(lhs.range, rhs.range) };
    }
  }

  private parseExpressionTraversals(from: Expr): Expr {
    let ret = from;
    for (;;) {
      const t = this.peek();
      if (t === T.Dot) {
        const dot = this.read();
        const attr = this.peekIdx();
        const at = this.ty[attr];
        if (at === T.Ident) {
          this.read();
          const rng = this.range(this.st[dot]!, this.en[attr]!);
          ret = makeRelativeTraversal(ret, { kind: 'attr', name: this.tokText(attr), range: rng }, rng);
        } else if (at === T.Number) {
          this.read();
          const rng = this.range(this.st[dot]!, this.en[attr]!);
          ret = makeRelativeTraversal(ret, this.legacyIndexStep(attr, rng, false), rng);
        } else if (at === T.Star) {
          ret = this.finishAttrSplat(ret, dot);
        } else {
          this.failTok(attr, 'Invalid attribute name', 'An attribute name is required after a dot.');
        }
        continue;
      }
      if (t === T.OBrack) {
        const open = this.read();
        if (this.peek() === T.Star) {
          this.read();
          this.pushNL(false);
          const close = this.peekIdx();
          this.popNL();
          if (this.ty[close] !== T.CBrack) {
            this.failTok(
              close,
              'Missing close bracket on splat index',
              'The star for a full splat operator must be immediately followed by a closing bracket ("]").',
            );
          }
          this.read();
          const item: Expr = { kind: 'splatItem', range: this.range(this.st[open]!, this.en[close]!) };
          const each = this.parseExpressionTraversals(item);
          ret = { kind: 'splat', source: ret, each, range: spanRanges(from.range, each.range) };
          continue;
        }
        this.pushNL(false);
        const key = this.parseExpression();
        const close = this.peekIdx();
        if (this.ty[close] !== T.CBrack) {
          this.failTok(close, 'Missing close bracket on index', 'The index operator must end with a closing bracket ("]").');
        }
        this.read();
        this.popNL();
        const rng = this.range(this.st[open]!, this.en[close]!);
        const lit = literalKey(key);
        if (lit !== undefined) {
          ret = makeRelativeTraversal(ret, { kind: 'index', key: lit, range: rng }, rng);
        } else {
          ret = { kind: 'index', collection: ret, key, range: spanRanges(ret.range, rng) };
        }
        continue;
      }
      return ret;
    }
  }

  /** `.0` (legacy index syntax); `.0.1` lexes as the number 0.1 and is rejected as hclsyntax does. */
  private legacyIndexStep(num: number, rng: Range, inSplat: boolean): Traverser {
    const raw = this.tokText(num);
    const dotAt = raw.indexOf('.');
    if (dotAt >= 0) {
      const how = inSplat ? 'the proper index syntax with a full splat expression [*] instead' : 'the proper index syntax instead';
      this.failTok(
        num,
        'Invalid legacy index syntax',
        `When using the legacy index syntax, chaining two indexes together is not permitted. Use ${how}, like [${raw.slice(0, dotAt)}][${raw.slice(dotAt + 1)}].`,
      );
    }
    return { kind: 'legacyIndex', index: Number(raw), range: rng };
  }

  /** `source.*.a.b`: an attribute-only splat, which takes only attribute (and legacy index) steps. */
  private finishAttrSplat(source: Expr, dot: number): Expr {
    const star = this.read();
    const item: Expr = { kind: 'splatItem', range: this.range(this.st[dot]!, this.en[star]!) };
    const steps: Traverser[] = [];
    let firstStart = -1;
    let lastEnd = this.en[star]!;
    while (this.peek() === T.Dot) {
      const d = this.read();
      if (firstStart < 0) firstStart = this.st[d]!;
      const next = this.peekIdx();
      const nt = this.ty[next];
      if (nt === T.Number) {
        this.read();
        const rng = this.range(this.st[d]!, this.en[next]!);
        steps.push(this.legacyIndexStep(next, rng, true));
        lastEnd = this.en[next]!;
        continue;
      }
      if (nt !== T.Ident) {
        if (nt === T.Star) {
          this.failTok(
            next,
            'Nested splat expression not allowed',
            'A splat expression (*) cannot be used inside another attribute-only splat expression.',
          );
        }
        this.failTok(next, 'Invalid attribute name', 'An attribute name is required after a dot.');
      }
      this.read();
      steps.push({ kind: 'attr', name: this.tokText(next), range: this.range(this.st[d]!, this.en[next]!) });
      lastEnd = this.en[next]!;
    }
    const each: Expr =
      steps.length === 0
        ? item
        : { kind: 'relativeTraversal', source: item, traversal: steps, range: this.range(firstStart, lastEnd) };
    return { kind: 'splat', source, each, range: spanRanges(source.range, this.range(lastEnd, lastEnd)) };
  }

  /** A number literal's value, exact as cty parses it (12345678901234567890 and 0.1 included). */
  private numberValue(i: number): Num {
    const v = parseNumber(this.tokText(i));
    if (v === undefined) this.failTok(i, 'Invalid number literal', 'Failed to recognize the value of this number literal.');
    return v;
  }

  private parseTerm(): Expr {
    const i = this.peekIdx();
    const t = this.ty[i];
    switch (t) {
      case T.OParen: {
        this.read();
        this.pushNL(false);
        const inner = this.parseExpression();
        const close = this.peekIdx();
        if (this.ty[close] !== T.CParen) {
          this.failTok(close, 'Unbalanced parentheses', 'Expected a closing parenthesis to terminate the expression.');
        }
        this.read();
        this.popNL();
        return { kind: 'paren', inner, range: this.range(this.st[i]!, this.en[close]!) };
      }
      case T.Number: {
        this.read();
        return { kind: 'literal', value: this.numberValue(i), range: this.range(this.st[i]!, this.en[i]!) };
      }
      case T.Ident: {
        this.read();
        const nt = this.peek();
        if (nt === T.OParen || nt === T.DoubleColon) return this.finishFunctionCall(i);
        const name = this.tokText(i);
        const range = this.range(this.st[i]!, this.en[i]!);
        if (name === 'true') return { kind: 'literal', value: true, range };
        if (name === 'false') return { kind: 'literal', value: false, range };
        if (name === 'null') return { kind: 'literal', value: null, range };
        return { kind: 'scopeTraversal', root: name, rootRange: range, traversal: [], range };
      }
      case T.OQuote:
      case T.OHeredoc: {
        this.read();
        const flush = t === T.OHeredoc && this.text.charCodeAt(this.st[i]! + 2) === 45;
        const outerMarker = this.heredocMarker;
        if (t === T.OHeredoc) this.heredocMarker = this.tokText(i).slice(flush ? 3 : 2).trim();
        const tpl = this.parseTemplateBody(t === T.OQuote ? T.CQuote : T.CHeredoc, flush, this.st[i]!);
        this.heredocMarker = outerMarker;
        return tpl;
      }
      case T.Minus:
      case T.Bang: {
        this.read();
        // Only a term with traversals: -46+5 is (-46)+5.
        const operand = this.parseExpressionTraversals(this.parseTerm());
        return {
          kind: 'unary',
          op: t === T.Minus ? '-' : '!',
          operand,
          range: { filename: this.src.filename, start: this.src.pos(this.st[i]!), end: operand.range.end },
        };
      }
      case T.OBrack:
        return this.parseTuple();
      case T.OBrace:
        return this.parseObject();
      case T.EOF:
        return this.failTok(i, 'Missing expression', 'Expected the start of an expression, but found the end of the file.');
      default:
        return this.failTok(i, 'Invalid expression', 'Expected the start of an expression, but found an invalid expression token.');
    }
  }

  private finishFunctionCall(nameTok: number): Expr {
    let name = this.tokText(nameTok);
    let nameEnd = this.en[nameTok]!;
    let open = this.read();
    while (this.ty[open] === T.DoubleColon) {
      const next = this.read();
      if (this.ty[next] !== T.Ident) {
        this.failTok(next, 'Missing function name', 'Function scope resolution symbol :: must be followed by a function name in this scope.');
      }
      name += '::' + this.tokText(next);
      nameEnd = this.en[next]!;
      open = this.read();
    }
    if (this.ty[open] !== T.OParen) {
      this.failTok(open, 'Missing open parenthesis', 'Function selector must be followed by an open parenthesis to begin the function call.');
    }
    const args: Expr[] = [];
    let expandFinal = false;
    let close: number;
    this.pushNL(false);
    for (;;) {
      if (this.peek() === T.CParen) {
        close = this.read();
        break;
      }
      args.push(this.parseExpression());
      const sep = this.read();
      const st = this.ty[sep];
      if (st === T.CParen) {
        close = sep;
        break;
      }
      if (st === T.Ellipsis) {
        expandFinal = true;
        if (this.peek() !== T.CParen) {
          this.failTok(
            sep,
            'Missing closing parenthesis',
            'An expanded function argument (with ...) must be immediately followed by closing parentheses.',
          );
        }
        close = this.read();
        break;
      }
      if (st !== T.Comma) {
        if (st === T.EOF) {
          this.fail(
            this.st[nameTok]!,
            this.en[open]!,
            'Unterminated function call',
            'There is no closing parenthesis for this function call before the end of the file. This may be caused by incorrect parenthesis nesting elsewhere in this file.',
          );
        }
        this.failTok(sep, 'Missing argument separator', 'A comma is required to separate each function argument from the next.');
      }
      if (this.peek() === T.CParen) {
        close = this.read();
        break;
      }
    }
    this.popNL();
    return {
      kind: 'call',
      name,
      nameRange: this.range(this.st[nameTok]!, nameEnd),
      startRange: this.range(this.st[nameTok]!, this.en[open]!),
      args,
      expandFinal,
      range: this.range(this.st[nameTok]!, this.en[close]!),
    };
  }

  private parseTuple(): Expr {
    const open = this.read();
    this.pushNL(false);
    if (this.isKeyword(this.peekIdx(), 'for')) {
      const e = this.finishFor(open, false);
      this.popNL();
      return e;
    }
    const items: Expr[] = [];
    let close: number;
    for (;;) {
      if (this.peek() === T.CBrack) {
        close = this.read();
        break;
      }
      items.push(this.parseExpression());
      const next = this.peekIdx();
      const nt = this.ty[next];
      if (nt === T.CBrack) {
        close = this.read();
        break;
      }
      if (nt !== T.Comma) {
        if (nt === T.EOF) {
          this.failTok(
            open,
            'Unterminated tuple constructor expression',
            'There is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.',
          );
        }
        this.failTok(next, 'Missing item separator', 'Expected a comma to mark the beginning of the next item.');
      }
      this.read();
    }
    this.popNL();
    return { kind: 'tuple', items, range: this.range(this.st[open]!, this.en[close]!) };
  }

  private parseObject(): Expr {
    const open = this.read();
    // `for` is looked for ignoring newlines: for expressions aren't newline-sensitive, objects are.
    this.pushNL(false);
    const isFor = this.isKeyword(this.peekIdx(), 'for');
    if (isFor) {
      const e = this.finishFor(open, true);
      this.popNL();
      return e;
    }
    this.popNL();
    this.pushNL(true);
    const items: ObjectItem[] = [];
    let close: number;
    for (;;) {
      const nt0 = this.peek();
      if (nt0 === T.Newline) {
        this.read();
        continue;
      }
      if (nt0 === T.CBrace) {
        close = this.read();
        break;
      }
      const forceNonLiteral = nt0 === T.OParen;
      const rawKey = this.parseExpression();
      const sepIdx = this.peekIdx();
      const sep = this.ty[sepIdx];
      if (sep !== T.Equal && sep !== T.Colon) {
        if (sep === T.Newline || sep === T.Comma) {
          this.failTok(sepIdx, 'Missing attribute value', 'Expected an attribute value, introduced by an equals sign ("=").');
        }
        if (sep === T.Ident) {
          this.failTok(
            sepIdx,
            'Missing key/value separator',
            'Expected an equals sign ("=") to mark the beginning of the attribute value. If you intended to given an attribute name containing periods or spaces, write the name in quotes to create a string literal.',
          );
        }
        if (sep === T.EOF) {
          this.failTok(
            open,
            'Unterminated object constructor expression',
            'There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.',
          );
        }
        this.failTok(sepIdx, 'Missing key/value separator', 'Expected an equals sign ("=") to mark the beginning of the attribute value.');
      }
      this.read();
      const value = this.parseExpression();
      items.push(objectItem(rawKey, forceNonLiteral, value));
      const next = this.peekIdx();
      const nt = this.ty[next];
      if (nt === T.CBrace) {
        close = this.read();
        break;
      }
      if (nt !== T.Comma && nt !== T.Newline) {
        if (nt === T.EOF) {
          this.failTok(
            open,
            'Unterminated object constructor expression',
            'There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.',
          );
        }
        this.failTok(next, 'Missing attribute separator', 'Expected a newline or comma to mark the beginning of the next attribute.');
      }
      this.read();
    }
    this.popNL();
    return { kind: 'object', items, range: this.range(this.st[open]!, this.en[close]!) };
  }

  /** After `[` or `{` with the `for` keyword next; newlines are already being ignored. */
  private finishFor(open: number, makeObj: boolean): Expr {
    this.read(); // for
    const closeType = makeObj ? T.CBrace : T.CBrack;
    const expectIdent = (detail: string): string => {
      const i = this.peekIdx();
      if (this.ty[i] !== T.Ident) this.failTok(i, "Invalid 'for' expression", detail);
      this.read();
      return this.tokText(i);
    };
    let valVar = expectIdent("For expression requires variable name after 'for'.");
    let keyVar: string | undefined;
    if (this.peek() === T.Comma) {
      this.read();
      keyVar = valVar;
      valVar = expectIdent('For expression requires value variable name after comma.');
    }
    const inTok = this.peekIdx();
    if (!this.isKeyword(inTok, 'in')) {
      this.failTok(inTok, "Invalid 'for' expression", "For expression requires the 'in' keyword after its name declarations.");
    }
    this.read();
    const collection = this.parseExpression();
    const colon = this.peekIdx();
    if (this.ty[colon] !== T.Colon) {
      this.failTok(colon, "Invalid 'for' expression", 'For expression requires a colon after the collection expression.');
    }
    this.read();
    let valExpr = this.parseExpression();
    let keyExpr: Expr | undefined;
    if (this.peek() === T.FatArrow) {
      this.read();
      keyExpr = valExpr;
      valExpr = this.parseExpression();
    }
    let grouping = false;
    let ellipsis = -1;
    if (this.peek() === T.Ellipsis) {
      ellipsis = this.read();
      grouping = true;
    }
    let condition: Expr | undefined;
    if (this.isKeyword(this.peekIdx(), 'if')) {
      this.read();
      condition = this.parseExpression();
    }
    const close = this.peekIdx();
    if (this.ty[close] !== closeType) {
      this.failTok(close, "Invalid 'for' expression", "Extra characters after the end of the 'for' expression.");
    }
    this.read();
    if (!makeObj) {
      if (keyExpr !== undefined) {
        this.failRange(
          keyExpr.range,
          "Invalid 'for' expression",
          'Key expression is not valid when building a tuple.',
        );
      }
      if (grouping) this.failTok(ellipsis, "Invalid 'for' expression", 'Grouping ellipsis (...) cannot be used when building a tuple.');
    } else if (keyExpr === undefined) {
      this.failRange(
        valExpr.range,
        "Invalid 'for' expression",
        'Key expression is required when building an object.',
      );
    }
    const node: ForExpr = {
      kind: 'for',
      valVar,
      collection,
      valExpr,
      grouping,
      range: this.range(this.st[open]!, this.en[close]!),
    };
    if (keyVar !== undefined) node.keyVar = keyVar;
    if (keyExpr !== undefined) node.keyExpr = keyExpr;
    if (condition !== undefined) node.condition = condition;
    return node;
  }

  // --- templates ------------------------------------------------------------------------------------------

  /**
   * Parses template content up to the `end` token (CQuote, CHeredoc or EOF), `openStart` being the offset of
   * the opening quote/heredoc marker (for the range). Returns a TemplateWrapExpr for a lone interpolation.
   */
  parseTemplateBody(end: T, flush: boolean, openStart: number): TemplateExpr | TemplateWrapExpr {
    const parts = this.parseTemplateParts(end);
    const endPart = parts[parts.length - 1]!;
    if (flush) flushHeredoc(parts);
    const melded = meldLiterals(parts);
    const range = this.range(openStart, endPart.end);
    if (melded.length === 2 && melded[0]!.k === Part.Interp) {
      return { kind: 'templateWrap', wrapped: melded[0]!.expr, range };
    }
    return { kind: 'template', parts: buildTemplate(melded, this), range };
  }

  private parseTemplateParts(end: T): TemplatePart[] {
    const parts: TemplatePart[] = [];
    const startIdx = this.peekIdx();
    let ltrimNext = false;
    let nextCanTrimPrev = false;
    let endStart: number;
    let endEnd: number;
    for (;;) {
      const i = this.read();
      const t = this.ty[i];
      if (t === end) {
        endStart = this.st[i]!;
        endEnd = this.en[i]!;
        break;
      }
      const ltrim = ltrimNext;
      ltrimNext = false;
      const canTrimPrev = nextCanTrimPrev;
      nextCanTrimPrev = false;
      if (t === T.QuotedLit || t === T.StringLit) {
        let val = t === T.QuotedLit ? this.decodeQuoted(this.st[i]!, this.en[i]!) : this.decodeHeredoc(this.st[i]!, this.en[i]!);
        if (ltrim) val = trimLeftSpace(val);
        parts.push({ k: Part.Literal, val, start: this.st[i]!, end: this.en[i]! });
        nextCanTrimPrev = true;
        continue;
      }
      if (t === T.TemplateInterp || t === T.TemplateControl) {
        if (canTrimPrev && this.en[i]! - this.st[i]! === 3) {
          const prev = parts[parts.length - 1];
          if (prev !== undefined && prev.k === Part.Literal) prev.val = trimRightSpace(prev.val);
        }
        this.pushNL(false);
        if (t === T.TemplateInterp) {
          const expr = this.parseExpression();
          const close = this.peekIdx();
          const ct = this.ty[close];
          if (ct !== T.TemplateSeqEnd) {
            if (ct === T.EOF) {
              this.failTok(
                i,
                'Unclosed template interpolation sequence',
                'There is no closing brace for this interpolation sequence before the end of the file. This might be caused by incorrect nesting inside the given expression.',
              );
            }
            if (ct === T.Colon) {
              this.failTok(
                close,
                'Extra characters after interpolation expression',
                'Template interpolation doesn\'t expect a colon at this location. Did you intend this to be a literal sequence to be processed as part of another language? If so, you can escape it by starting with "$${" instead of just "${".',
              );
            }
            if ((ct === T.CQuote || ct === T.OQuote) && end === T.CQuote) {
              this.failTok(
                i,
                'Unclosed template interpolation sequence',
                'There is no closing brace for this interpolation sequence before the end of the quoted template. This might be caused by incorrect nesting inside the given expression.',
              );
            }
            this.failTok(
              close,
              'Extra characters after interpolation expression',
              'Expected a closing brace to end the interpolation expression, but found extra characters.\n\nThis can happen when you include interpolation syntax for another language, such as shell scripting, but forget to escape the interpolation start token. If this is an embedded sequence for another language, escape it by starting with "$${" instead of just "${".',
            );
          }
          this.read();
          if (this.en[close]! - this.st[close]! === 2) ltrimNext = true;
          this.popNL();
          parts.push({ k: Part.Interp, expr, start: this.st[i]!, end: this.en[close]! });
          continue;
        }
        // %{ directive }
        const kw = this.peekIdx();
        if (this.ty[kw] !== T.Ident) {
          this.failTok(kw, 'Invalid template directive', 'A template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.');
        }
        this.read();
        const word = this.tokText(kw);
        let part: TemplatePart;
        switch (word) {
          case 'if': {
            const cond = this.parseExpression();
            part = { k: Part.If, cond, start: this.st[i]!, end: 0 };
            break;
          }
          case 'else':
            part = { k: Part.Else, start: this.st[i]!, end: 0 };
            break;
          case 'endif':
            part = { k: Part.EndIf, start: this.st[i]!, end: 0 };
            break;
          case 'endfor':
            part = { k: Part.EndFor, start: this.st[i]!, end: 0 };
            break;
          case 'for': {
            const name1 = this.peekIdx();
            if (this.ty[name1] !== T.Ident) this.failTok(name1, "Invalid 'for' directive", "For directive requires variable name after 'for'.");
            this.read();
            let valVar = this.tokText(name1);
            let keyVar: string | undefined;
            if (this.peek() === T.Comma) {
              this.read();
              keyVar = valVar;
              const name2 = this.peekIdx();
              if (this.ty[name2] !== T.Ident) this.failTok(name2, "Invalid 'for' directive", 'For directive requires value variable name after comma.');
              this.read();
              valVar = this.tokText(name2);
            }
            const inTok = this.peekIdx();
            if (!this.isKeyword(inTok, 'in')) this.failTok(inTok, "Invalid 'for' directive", "For directive requires 'in' keyword after names.");
            this.read();
            const coll = this.parseExpression();
            const fp: ForPart = { k: Part.For, valVar, coll, start: this.st[i]!, end: 0 };
            if (keyVar !== undefined) fp.keyVar = keyVar;
            part = fp;
            break;
          }
          default: {
            const suggestion = nameSuggestion(word, TEMPLATE_KEYWORDS);
            this.failTok(
              kw,
              'Invalid template control keyword',
              `"${word}" is not a valid template control keyword.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
            );
          }
        }
        const close = this.peekIdx();
        if (this.ty[close] !== T.TemplateSeqEnd) {
          if (this.ty[close] === T.EOF) {
            this.failTok(
              i,
              'Unclosed template directive',
              `There is no closing brace for this ${word} directive before the end of the file.`,
            );
          }
          this.failTok(close, `Extra characters in ${word} marker`, 'Expected a closing brace to end the sequence, but found extra characters.');
        }
        this.read();
        if (this.en[close]! - this.st[close]! === 2) ltrimNext = true;
        this.popNL();
        part.end = this.en[close]!;
        parts.push(part);
        continue;
      }
      if (end === T.CHeredoc && t === T.EOF) {
        const marker = this.heredocMarker ?? 'EOT';
        this.failTok(
          i,
          'Unterminated template string',
          `No closing marker was found for the string. A heredoc ends with a line containing only "${marker}", followed by a newline.`,
        );
      }
      this.failTok(i, 'Unterminated template string', 'No closing marker was found for the string.');
    }
    if (parts.length === 0) {
      // "" is an empty literal, positioned just after the opening quote.
      const at = this.st[startIdx]!;
      parts.push({ k: Part.Literal, val: '', start: at, end: at });
    }
    parts.push({ k: Part.End, start: endStart, end: endEnd });
    return parts;
  }

  /** Resolves backslash escapes and `$${`/`%%{` in quoted-string literal text. */
  private decodeQuoted(s: number, e: number): string {
    const text = this.text;
    const raw = text.slice(s, e);
    if (raw.indexOf('\\') === -1 && raw.indexOf('$${') === -1 && raw.indexOf('%%{') === -1) return raw;
    const out: string[] = [];
    let chunk = s;
    let i = s;
    while (i < e) {
      const c = text.charCodeAt(i);
      if (c === 92) {
        if (i > chunk) out.push(text.slice(chunk, i));
        const sel = text.charCodeAt(i + 1);
        let len = 2;
        switch (sel) {
          case 110:
            out.push('\n');
            break;
          case 114:
            out.push('\r');
            break;
          case 116:
            out.push('\t');
            break;
          case 34:
            out.push('"');
            break;
          case 92:
            out.push('\\');
            break;
          case 117: // \uNNNN
          case 85: {
            // \UNNNNNNNN
            const digits = sel === 117 ? 4 : 8;
            const hex = text.slice(i + 2, i + 2 + digits);
            if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex) || i + 2 + digits > e) {
              this.fail(
                i,
                Math.min(e, i + 2),
                'Invalid escape sequence',
                sel === 117
                  ? 'The \\u escape sequence must be followed by four hexadecimal digits.'
                  : 'The \\U escape sequence must be followed by eight hexadecimal digits.',
              );
            }
            const cp = parseInt(hex, 16);
            if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
              this.fail(i, i + 2 + digits, 'Invalid escape sequence', `Cannot encode character U+${cp.toString(16).padStart(4, '0')} in UTF-8.`);
            }
            out.push(String.fromCodePoint(cp));
            len = 2 + digits;
            break;
          }
          default: {
            const selCh = String.fromCodePoint(text.codePointAt(i + 1) ?? 0);
            this.fail(i, i + 1 + selCh.length, 'Invalid escape sequence', `The symbol "${selCh}" is not a valid escape sequence selector.`);
          }
        }
        i += len;
        chunk = i;
        continue;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) {
        if (i > chunk) out.push(text.slice(chunk, i));
        out.push(c === 36 ? '${' : '%{');
        i += 3;
        chunk = i;
        continue;
      }
      i++;
    }
    if (chunk < e) out.push(text.slice(chunk, e));
    return out.join('');
  }

  /** Heredoc and bare-template literals: only `$${` and `%%{` are escapes. */
  private decodeHeredoc(s: number, e: number): string {
    const raw = this.text.slice(s, e);
    if (raw.indexOf('$${') === -1 && raw.indexOf('%%{') === -1) return raw;
    return raw.replace(/([$%])\1\{/g, '$1{');
  }
}

// --- helpers -----------------------------------------------------------------------------------------------

function spanRanges(a: Range, b: Range): Range {
  return { filename: a.filename, start: a.start, end: b.end };
}

/** Appends a step to a traversal expression, or starts a relative traversal on any other expression. */
function makeRelativeTraversal(expr: Expr, step: Traverser, rng: Range): Expr {
  if (expr.kind === 'scopeTraversal' || expr.kind === 'relativeTraversal') {
    expr.traversal.push(step);
    expr.range = spanRanges(expr.range, rng);
    return expr;
  }
  return { kind: 'relativeTraversal', source: expr, traversal: [step], range: spanRanges(expr.range, rng) };
}

/** An index key that is a literal (number, bool, null or plain string) makes a static traversal step. */
function literalKey(key: Expr): LiteralExpr | undefined {
  if (key.kind === 'literal') return key;
  if (key.kind === 'template' && key.parts.length === 1 && key.parts[0]!.kind === 'literal') {
    return { kind: 'literal', value: key.parts[0]!.value, range: key.range };
  }
  return undefined;
}

/**
 * Object keys: a bare identifier (or the keywords true/false/null) is a literal string; anything else,
 * including a parenthesised name, is an expression.
 */
function objectItem(key: Expr, forceNonLiteral: boolean, value: Expr): ObjectItem {
  if (!forceNonLiteral) {
    if (key.kind === 'scopeTraversal' && key.traversal.length === 0) {
      return { key: { kind: 'literal', value: key.root, range: key.range }, keyIsBareName: true, value };
    }
    if (key.kind === 'literal' && (key.value === null || typeof key.value === 'boolean')) {
      return { key: { kind: 'literal', value: String(key.value), range: key.range }, keyIsBareName: true, value };
    }
  }
  return { key, keyIsBareName: false, value };
}
