// Terragrunt's filter grammar (internal/filter/parser.go), a Pratt parser with two levels: `|` binds looser
// than the prefix forms, so `!a | b` is `(!a) | b`, and `a | b | c` refines left to right.
//
//   expr    := [dependents] ['^'] primary [dependencies] ('|' expr)*
//   primary := '!'+ expr | PATH | '{' path '}' | '[' ref ['...' ref] ']' | IDENT '=' value | IDENT (a name)
//   dependents := '...' | N '...' | '(' dir ')' '...'      dependencies := '...' [N | '(' dir ')']

import { Lexer, type Token } from './lexer.js';
import { attributeExpr, MAX_DEPTH, noBound, pathExpr, type Expression, type GraphBound } from './ast.js';
import { FilterParseError, type ErrorCode } from './diagnostic.js';
import { GlobError } from '../../shared/glob.js';

const PREFIX = 2;
const INTERSECTION = 1;
const LOWEST = 0;

/** Parses one filter query; throws FilterParseError. */
export function parseFilter(query: string): Expression {
  return new Parser(query).parse();
}

class Parser {
  private readonly lexer: Lexer;
  private cur: Token;
  private peek: Token;
  /** The first error wins, except that a missing operand replaces what the operand's own parse said. */
  private error?: FilterParseError;

  constructor(private readonly query: string) {
    this.lexer = new Lexer(query);
    this.cur = this.lexer.next();
    this.peek = this.lexer.next();
  }

  parse(): Expression {
    const expr = this.expression(LOWEST);
    if (!expr) throw this.error ?? this.fail('unknown', 'Parse error', 'failed to parse expression');
    if (!this.is('EOF')) throw this.fail('unexpected-token', 'Unexpected token', `Unexpected '${this.cur.literal}' after expression`);
    return expr;
  }

  /** The current token's type (a call, so that TypeScript does not narrow it across advance()). */
  private is(type: Token['type']): boolean {
    return this.cur.type === type;
  }

  private advance(): void {
    this.cur = this.peek;
    this.peek = this.lexer.next();
  }

  private fail(code: ErrorCode, title: string, detail: string, at = this.cur.position): FilterParseError {
    return new FilterParseError(title, detail, this.query, this.cur.position, at, this.cur.literal, code);
  }

  private record(code: ErrorCode, title: string, detail: string, at?: number): undefined {
    this.error ??= this.fail(code, title, detail, at);
    return undefined;
  }

  private expression(precedence: number): Expression | undefined {
    const dependents = this.dependentPrefix();
    if (!dependents) return undefined;
    let excludeTarget = false;
    if (this.is('^')) {
      excludeTarget = true;
      this.advance();
    }
    let left = this.primary();
    if (!left) return undefined;
    const dependencies = this.dependencySuffix();
    if (!dependencies) return undefined;
    if (dependents.include || dependencies.include || excludeTarget) {
      left = { kind: 'graph', target: left, dependents, dependencies, excludeTarget };
    }
    while (this.is('|') && precedence < INTERSECTION) {
      this.advance();
      const right = this.expression(INTERSECTION);
      if (!right) {
        this.error = undefined;
        return this.record('missing-operand', 'Unexpected end of input', "Missing right-hand side of '|' operator");
      }
      left = { kind: 'and', left, right };
    }
    return left;
  }

  private primary(): Expression | undefined {
    const t = this.cur;
    switch (t.type) {
      case '!': return this.negation();
      case 'PATH': return this.glob(() => pathExpr(t.literal), `Invalid glob pattern '${t.literal}'`, true);
      case '{': return this.braced();
      case '[': return this.git();
      case 'IDENT':
        if (this.peek.type === '=') return this.attribute();
        return this.glob(() => attributeExpr('name', t.literal), 'Invalid glob pattern in name filter', true);
      case 'ILLEGAL': return this.record('illegal-token', 'Illegal token', `Unrecognized character '${t.literal}'`);
      case 'EOF': return this.record('unexpected-eof', 'Unexpected end of input', 'Expression is incomplete');
      case '|': return this.record('unexpected-token', 'Unexpected token', "Missing left-hand side of '|' operator");
      default: return this.record('unexpected-token', 'Unexpected token', `Unexpected '${t.literal}'`);
    }
  }

  /** Compiles a glob-bearing expression; a malformed glob is an error at the current token. */
  private glob(make: () => Expression, what: string, consume: boolean): Expression | undefined {
    try {
      const e = make();
      if (consume) this.advance();
      return e;
    } catch (err) {
      if (err instanceof GlobError) return this.record('invalid-glob', 'Invalid glob pattern', `${what}: ${err.message}`);
      throw err;
    }
  }

  private negation(): Expression | undefined {
    let count = 0;
    while (this.is('!')) {
      count++;
      this.advance();
    }
    const inner = this.expression(PREFIX);
    if (!inner) {
      this.error = undefined;
      return this.record('missing-operand', 'Unexpected end of input', "Missing target expression for '!' operator");
    }
    return count % 2 === 0 ? inner : { kind: 'not', right: inner };
  }

  private dependentPrefix(): GraphBound | undefined {
    if (this.is('(')) {
      const dir = this.boundary();
      if (dir === undefined) return undefined;
      if (!this.is('...')) return this.record('unexpected-token', 'Invalid boundary operand', "A graph boundary '(dir)' must be followed by '...'");
      this.advance();
      return { include: true, depth: 0, boundary: dir };
    }
    if (/^[0-9]+$/.test(this.cur.literal) && this.peek.type === '...') {
      const depth = toDepth(this.cur.literal);
      this.advance();
      this.advance();
      return { include: true, depth };
    }
    if (this.is('...')) {
      this.advance();
      return { include: true, depth: 0 };
    }
    return noBound();
  }

  private dependencySuffix(): GraphBound | undefined {
    if (!this.is('...')) return noBound();
    this.advance();
    if (this.is('(')) {
      const dir = this.boundary();
      return dir === undefined ? undefined : { include: true, depth: 0, boundary: dir };
    }
    if (/^[0-9]+$/.test(this.cur.literal)) {
      const depth = toDepth(this.cur.literal);
      this.advance();
      return { include: true, depth };
    }
    return { include: true, depth: 0 };
  }

  /** The tokens between `open` and `close`, joined (spaces between them dropped, as Terragrunt does). */
  private enclosed(close: '}' | ')' | ']', stopAtEllipsis = false): string[] {
    const parts: string[] = [];
    while (this.cur.type !== close && !this.is('EOF') && !(stopAtEllipsis && this.is('...'))) {
      parts.push(this.cur.literal);
      this.advance();
    }
    return parts;
  }

  private boundary(): string | undefined {
    const open = this.cur.position;
    this.advance();
    if (this.is(')')) return this.record('empty-expression', 'Empty boundary', "A graph boundary '()' cannot be empty");
    const parts = this.enclosed(')');
    if (!this.is(')')) return this.record('unexpected-token', 'Unclosed boundary', "This graph boundary is missing a closing ')'", open);
    this.advance();
    return parts.join('');
  }

  private braced(): Expression | undefined {
    const open = this.cur.position;
    this.advance();
    if (this.is('}')) return this.record('empty-expression', 'Empty path expression', 'Braced path expression cannot be empty');
    const value = this.enclosed('}').join('');
    if (!this.is('}')) {
      return this.record('missing-closing-brace', 'Unclosed path expression', "This braced path expression is missing a closing '}'", open);
    }
    this.advance();
    return this.glob(() => pathExpr(value), `Invalid glob pattern '${value}'`, false);
  }

  private attribute(): Expression | undefined {
    const key = this.cur.literal;
    this.advance(); // the key
    this.advance(); // '='
    if (!this.is('IDENT') && !this.is('PATH')) {
      return this.record('unexpected-token', 'Attribute expression missing value', "Attribute expressions require a value after '='");
    }
    const value = this.cur.literal;
    this.advance();
    return this.glob(() => attributeExpr(key, value), `Invalid glob pattern in ${key} filter`, false);
  }

  private git(): Expression | undefined {
    const open = this.cur.position;
    this.advance();
    if (this.is(']')) return this.record('empty-git-filter', 'Empty Git filter', 'Git filter expression cannot be empty');
    const from = this.enclosed(']', true);
    if (from.length === 0) return this.record('missing-git-ref', 'Missing Git reference', 'Expected Git reference in filter');
    let to = 'HEAD';
    if (this.is('...')) {
      this.advance();
      const parts = this.enclosed(']');
      if (parts.length === 0) return this.record('missing-git-ref', 'Missing Git reference', "Expected second Git reference after '...'");
      to = parts.join('');
    }
    if (!this.is(']')) {
      return this.record('missing-closing-bracket', 'Unclosed Git filter expression', "This Git-based expression is missing a closing ']'", open);
    }
    this.advance();
    return { kind: 'git', from: from.join(''), to };
  }
}

function toDepth(literal: string): number {
  const n = Number(literal);
  return !Number.isFinite(n) || n < 0 ? 0 : Math.min(n, MAX_DEPTH);
}
