// JSON text as HCL values, shared by jsondecode and by everything that reads terraform's JSON (output -json,
// state outputs): numbers stay exact as cty keeps them, and errors are worded as Go's encoding/json words them.

import { FunctionError } from './functions.js';
import { parseNumber, type Num } from './numbers.js';
import { sortedObject, type Value } from './values.js';

const fail = (message: string): never => {
  throw new FunctionError(message);
};

function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return `'"'`;
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\x07': '\\a' };
  if (named[c]) return `'${named[c]}'`;
  const cp = c.codePointAt(0)!;
  if (cp < 0x20 || cp === 0x7f) return `'\\x${cp.toString(16).padStart(2, '0')}'`;
  return `'${c}'`;
}

/**
 * JSON text as HCL values, numbers exact as cty keeps them (jsondecode; terraform's `output -json` and state
 * outputs, so 12345678901234567890 read from a dependency stays that number). Errors as Go's encoding/json.
 */
export function parseJson(text: string): Value {
  return new JsonParser(text).parse();
}

class JsonParser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Value {
    this.ws();
    if (this.i >= this.s.length) fail('EOF');
    const v = this.value('');
    this.ws();
    if (this.i < this.s.length) fail('extraneous data after JSON object');
    return v;
  }

  private ws(): void {
    while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i]!)) this.i++;
  }

  /** The next character. Running out between tokens is "EOF", inside one "unexpected EOF" (Go's Decoder.Token). */
  private ch(betweenTokens = false): string {
    if (this.i >= this.s.length) fail(betweenTokens ? 'EOF' : 'unexpected EOF');
    return String.fromCodePoint(this.s.codePointAt(this.i)!);
  }

  private bad(context: string): never {
    return fail(`invalid character ${quoteChar(this.ch())}${context}`);
  }

  private value(context: string): Value {
    const c = this.ch(true);
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    if (c === 't') return this.literal('true', true);
    if (c === 'f') return this.literal('false', false);
    if (c === 'n') return this.literal('null', null);
    return this.bad(context || ' looking for beginning of value');
  }

  private object(): Value {
    this.i++;
    const entries: [string, Value][] = [];
    this.ws();
    if (this.ch(true) === '}') {
      this.i++;
      return {};
    }
    // Go's Decoder.Token gives no context for a bad first key, and "looking for…" after a comma.
    let keyContext = '';
    for (;;) {
      if (this.ch(true) !== '"') this.bad(keyContext);
      const key = this.string();
      this.ws();
      if (this.ch(true) !== ':') this.bad(' after object key');
      this.i++;
      this.ws();
      entries.push([key, this.value(' looking for beginning of value')]);
      this.ws();
      const c = this.ch(true);
      this.i++;
      if (c === '}') break;
      if (c !== ',') {
        this.i--;
        this.bad(' after object key:value pair');
      }
      this.ws();
      keyContext = ' looking for beginning of object key string';
    }
    // Duplicate keys: the last one wins.
    return sortedObject(new Map(entries));
  }

  private array(): Value {
    this.i++;
    const out: Value[] = [];
    this.ws();
    if (this.ch(true) === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      out.push(this.value(' looking for beginning of value'));
      this.ws();
      const c = this.ch(true);
      this.i++;
      if (c === ']') return out;
      if (c !== ',') {
        this.i--;
        this.bad(' after array element');
      }
    }
  }

  private string(): string {
    const start = this.i;
    this.i++;
    for (;;) {
      const c = this.ch();
      if (c === '"') break;
      if (c === '\\') {
        this.i++;
        const e = this.ch();
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) {
            this.i++;
            if (!/[0-9a-fA-F]/.test(this.ch())) this.bad(' in \\u hexadecimal character escape');
          }
        } else if (!'"\\/bfnrt'.includes(e)) this.bad(' in string escape code');
        this.i++;
        continue;
      }
      if (c < ' ') this.bad(' in string literal');
      this.i += c.length;
    }
    this.i++;
    return JSON.parse(this.s.slice(start, this.i)) as string;
  }

  private number(): Num {
    const start = this.i;
    const digits = () => {
      while (this.i < this.s.length && this.s[this.i]! >= '0' && this.s[this.i]! <= '9') this.i++;
    };
    const digit = (context: string) => {
      const c = this.ch();
      if (c < '0' || c > '9') this.bad(context);
    };
    if (this.s[this.i] === '-') {
      this.i++;
      digit(' in numeric literal');
    }
    if (this.s[this.i] === '0') this.i++;
    else digits();
    if (this.s[this.i] === '.') {
      this.i++;
      digit(' after decimal point in numeric literal');
      digits();
    }
    if (this.s[this.i] === 'e' || this.s[this.i] === 'E') {
      this.i++;
      if (this.s[this.i] === '+' || this.s[this.i] === '-') this.i++;
      digit(' in exponent of numeric literal');
      digits();
    }
    // cty.ParseNumberVal: every digit kept (12345678901234567890, 0.1 as 512 bits).
    return parseNumber(this.s.slice(start, this.i))!;
  }

  private literal(word: string, v: Value): Value {
    for (let k = 0; k < word.length; k++) {
      const c = this.ch();
      if (c !== word[k]) this.bad(` in literal ${word} (expecting ${quoteChar(word[k]!)})`);
      this.i++;
    }
    return v;
  }
}
