// Tokens of Terragrunt's filter language (internal/filter/lexer.go): a filter is a few operators
// (`!`, `|`, `=`, `{}`, `[]`, `()`, `...`, `^`) around paths, names and attribute values. Whitespace belongs
// to names (a name may hold spaces; the ends are trimmed), a word holding a `/` before the next operator is a
// path, and what follows `=` runs to the next operator, slashes included.

export type TokenType = 'ILLEGAL' | 'EOF' | 'IDENT' | 'PATH' | '!' | '|' | '=' | '{' | '}' | '[' | ']' | '(' | ')' | '...' | '^';

export interface Token {
  type: TokenType;
  literal: string;
  /** Offset of the token's first character in the query. */
  position: number;
}

const END = '';
const SINGLE: Record<string, TokenType> = { '!': '!', '|': '|', '{': '{', '}': '}', '[': '[', ']': ']', '(': '(', ')': ')', '^': '^' };

const isSpecial = (ch: string) => ch === END || '!|={}[]()^'.includes(ch);
const isSpace = (ch: string) => ch !== END && /\s/.test(ch);
/** A name's characters: anything but an operator or a slash (spaces included). */
const isIdentChar = (ch: string) => !isSpecial(ch) && ch !== '/';
/** A path's or attribute value's characters: anything but an operator. */
const isPathChar = (ch: string) => !isSpecial(ch);

export class Lexer {
  private pos = 0;
  /** The previous token was `=`: the next word is an attribute value. */
  private afterEqual = false;

  constructor(readonly input: string) {}

  private at(i: number): string {
    return i < this.input.length ? this.input[i]! : END;
  }

  next(): Token {
    while (isSpace(this.at(this.pos))) this.pos++;
    const start = this.pos;
    const ch = this.at(start);
    const tok = (type: TokenType, literal: string): Token => ({ type, literal, position: start });

    if (ch === END) return this.reset(tok('EOF', ''));
    if (ch === '=') {
      this.pos++;
      this.afterEqual = true;
      return tok('=', '=');
    }
    if (SINGLE[ch]) {
      this.pos++;
      return this.reset(tok(SINGLE[ch]!, ch));
    }
    if (ch === '.') {
      const next = this.at(start + 1);
      if (next === '.' && this.at(start + 2) === '.') {
        this.pos += 3;
        return tok('...', '...');
      }
      if (next === '.' && this.at(start + 2) === '/') return this.read(isPathChar, 'PATH');
      if (next === '/') return this.reset(this.read(isPathChar, 'PATH'));
      if (next === END || isSpace(next) || isSpecial(next)) {
        this.pos++;
        return this.reset(tok('PATH', '.'));
      }
      if (isIdentChar(next)) return this.read(isIdentChar, 'IDENT');
      this.pos++;
      return this.reset(tok('ILLEGAL', ch));
    }
    if (ch === '/') return this.reset(this.read(isPathChar, 'PATH'));
    if (this.afterEqual) {
      this.afterEqual = false;
      return this.read(isPathChar, 'IDENT');
    }
    if (isIdentChar(ch)) return this.slashAhead() ? this.read(isPathChar, 'PATH') : this.read(isIdentChar, 'IDENT');
    this.pos++;
    return this.reset(tok('ILLEGAL', ch));
  }

  private reset(t: Token): Token {
    this.afterEqual = false;
    return t;
  }

  /** Reads while `ok` holds, stopping before a `...`; the literal is trimmed. */
  private read(ok: (ch: string) => boolean, type: TokenType): Token {
    const start = this.pos;
    while (ok(this.at(this.pos))) {
      if (this.input.startsWith('...', this.pos)) break;
      this.pos++;
    }
    return { type, literal: this.input.slice(start, this.pos).trim(), position: start };
  }

  /** Whether a `/` comes before the next operator: then the word is a path (`prod/app`, `a b/c`). */
  private slashAhead(): boolean {
    for (let i = this.pos; i < this.input.length; i++) {
      const ch = this.input[i]!;
      if (ch === '/') return true;
      if (isSpecial(ch)) return false;
    }
    return false;
  }
}
