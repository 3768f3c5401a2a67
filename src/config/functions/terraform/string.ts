// String functions. Lengths and offsets are in grapheme clusters, case mapping is per code point (Go's
// ToUpper leaves "ß" alone), and regex-based functions use RE2 syntax via re2.ts.

import type { Expr } from '../../hcl/ast.js';
import type { FunctionTable } from '../../hcl/functions.js';
import { format, formatList } from './format.js';
import { compileRe2, findAll, findFirst, Re2SyntaxError, replaceAll, type Match, type Re2 } from './re2.js';
import { primitiveToString, def, fail, graphemes, renderOrExplain, sortedObject, templateVars, toInt, toList, toStr, type Value } from './util.js';

/** Per-code-point case mapping: a mapping that would change the length (ß → SS) is skipped, as Go does. */
function mapCase(s: string, f: (c: string) => string): string {
  let out = '';
  for (const c of s) {
    const m = f(c);
    out += Array.from(m).length === 1 ? m : c;
  }
  return out;
}

/** Go's unicode.IsSpace (no BOM, unlike String.prototype.trim). */
const SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_SPACE = new RegExp(`^[${SPACE}]+`);
const TRAILING_SPACE = new RegExp(`[${SPACE}]+$`);

/** strings.Title: a letter starts a word after an ASCII non-alphanumeric (apostrophes too) or a space. */
function title(s: string): string {
  let out = '';
  let prev = ' ';
  for (const c of s) {
    const sep =
      prev.charCodeAt(0) < 0x80 ? !/^[A-Za-z0-9_]$/.test(prev) : !/[\p{L}\p{Nd}]/u.test(prev) && /\s/u.test(prev);
    out += sep ? mapCase(c, (x) => x.toUpperCase()) : c;
    prev = c;
  }
  return out;
}

function regexFor(pattern: string, argIndex: number): Re2 {
  try {
    return compileRe2(pattern);
  } catch (e) {
    if (e instanceof Re2SyntaxError) fail(`invalid regexp pattern: ${e.code} in ${e.expr}`, argIndex);
    throw e;
  }
}

/** regex()'s result shape: the match, a list of captures, or an object of named captures. */
function captures(compiled: Re2, m: Match): Value {
  const { names } = compiled;
  if (names.length === 0) return m.groups[0]!;
  if (names.every((n) => n === null)) return m.groups.slice(1);
  return sortedObject(names.map((n, i) => [n!, m.groups[i + 1]!]));
}

function checkCaptureNames(compiled: Re2): void {
  const named = compiled.names.filter((n) => n !== null).length;
  if (named > 0 && named < compiled.names.length) {
    fail('invalid regexp pattern: cannot mix both named and unnamed capture groups', 0);
  }
}

export const stringFunctions: FunctionTable = {
  format: def({
    params: ['format'],
    variadic: 'args',
    allowNull: ['args'],
    impl: (args) => format(toStr(args[0]!, 0), args.slice(1)),
  }),

  formatlist: def({
    params: ['format'],
    variadic: 'args',
    allowNull: ['args'],
    impl: (args) => formatList(toStr(args[0]!, 0), args.slice(1)),
  }),

  join: def({
    params: ['separator'],
    variadic: 'lists',
    impl(args) {
      const sep = toStr(args[0]!, 0);
      const parts: string[] = [];
      for (let i = 1; i < args.length; i++) {
        toList(args[i]!, i, 'list of string required').forEach((v, j) => {
          if (v === null) fail(`element ${j} is null; cannot concatenate null values`, i);
          parts.push(primitiveToString(v) ?? fail(`element ${j}: string required`, i));
        });
      }
      return parts.join(sep);
    },
  }),

  split: def({
    params: ['separator', 'str'],
    impl(args) {
      const sep = toStr(args[0]!, 0);
      const str = toStr(args[1]!, 1);
      // Go splits "" into code points.
      return sep === '' ? Array.from(str) : str.split(sep);
    },
  }),

  lower: def({ params: ['str'], impl: (args) => mapCase(toStr(args[0]!, 0), (c) => c.toLowerCase()) }),
  upper: def({ params: ['str'], impl: (args) => mapCase(toStr(args[0]!, 0), (c) => c.toUpperCase()) }),
  title: def({ params: ['str'], impl: (args) => title(toStr(args[0]!, 0)) }),

  trim: def({
    params: ['str', 'cutset'],
    impl(args) {
      const s = Array.from(toStr(args[0]!, 0));
      const cut = new Set(Array.from(toStr(args[1]!, 1)));
      let a = 0;
      let b = s.length;
      while (a < b && cut.has(s[a]!)) a++;
      while (b > a && cut.has(s[b - 1]!)) b--;
      return s.slice(a, b).join('');
    },
  }),

  trimprefix: def({
    params: ['str', 'prefix'],
    impl(args) {
      const s = toStr(args[0]!, 0);
      const p = toStr(args[1]!, 1);
      return s.startsWith(p) ? s.slice(p.length) : s;
    },
  }),

  trimsuffix: def({
    params: ['str', 'suffix'],
    impl(args) {
      const s = toStr(args[0]!, 0);
      const p = toStr(args[1]!, 1);
      return p !== '' && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
    },
  }),

  trimspace: def({
    params: ['str'],
    impl: (args) => toStr(args[0]!, 0).replace(LEADING_SPACE, '').replace(TRAILING_SPACE, ''),
  }),

  // Removes every trailing newline, not just one (and \r\n or a bare \r counts as one).
  chomp: def({ params: ['str'], impl: (args) => toStr(args[0]!, 0).replace(/(?:\r\n?|\n)*$/, '') }),

  // Every line but the first gets the indent, including an empty last line after a trailing newline.
  indent: def({
    params: ['spaces', 'str'],
    impl(args) {
      const n = toInt(args[0]!, 0);
      return toStr(args[1]!, 1).replace(/\n/g, `\n${' '.repeat(Math.max(0, n))}`);
    },
  }),

  // A search string wrapped in slashes is an RE2 regex; the replacement may use $1, ${1}, $name, ${name}.
  replace: def({
    params: ['str', 'substr', 'replace'],
    impl(args) {
      const str = toStr(args[0]!, 0);
      const substr = toStr(args[1]!, 1);
      const repl = toStr(args[2]!, 2);
      if (substr.length > 1 && substr.startsWith('/') && substr.endsWith('/')) {
        let compiled: Re2;
        try {
          compiled = compileRe2(substr.slice(1, -1));
        } catch (e) {
          if (e instanceof Re2SyntaxError) fail(e.message);
          throw e;
        }
        return replaceAll(compiled, str, repl);
      }
      // Go's strings.Replace with an empty search inserts between every code point.
      if (substr === '') return repl + Array.from(str).join(repl) + (str === '' ? '' : repl);
      return str.split(substr).join(repl);
    },
  }),

  substr: def({
    params: ['str', 'offset', 'length'],
    impl(args) {
      const chars = graphemes(toStr(args[0]!, 0));
      let offset = toInt(args[1]!, 1);
      const length = toInt(args[2]!, 2);
      if (offset < 0) offset = Math.max(0, chars.length + offset);
      if (offset > chars.length) return '';
      // Any negative length means "to the end".
      return chars.slice(offset, length < 0 ? undefined : offset + length).join('');
    },
  }),

  regex: def({
    params: ['pattern', 'string'],
    impl(args) {
      const compiled = regexFor(toStr(args[0]!, 0), 0);
      checkCaptureNames(compiled);
      const m = findFirst(compiled, toStr(args[1]!, 1));
      if (!m) fail('pattern did not match any part of the given string');
      return captures(compiled, m);
    },
  }),

  regexall: def({
    params: ['pattern', 'string'],
    impl(args) {
      const compiled = regexFor(toStr(args[0]!, 0), 0);
      checkCaptureNames(compiled);
      return findAll(compiled, toStr(args[1]!, 1)).map((m) => captures(compiled, m));
    },
  }),

  startswith: def({
    params: ['str', 'prefix'],
    impl: (args) => toStr(args[0]!, 0).startsWith(toStr(args[1]!, 1)),
  }),
  endswith: def({
    params: ['str', 'suffix'],
    impl: (args) => toStr(args[0]!, 0).endsWith(toStr(args[1]!, 1)),
  }),
  strcontains: def({
    params: ['str', 'substr'],
    impl: (args) => toStr(args[0]!, 0).includes(toStr(args[1]!, 1)),
  }),
  strrev: def({ params: ['str'], impl: (args) => graphemes(toStr(args[0]!, 0)).reverse().join('') }),

  templatestring: def({
    params: ['template', 'vars'],
    checkExprs: (args) => checkTemplateReference(args[0]),
    impl(args, ctx) {
      const template = args[0]!;
      // Stricter than a string parameter: a number or bool cannot be a useful template.
      if (typeof template !== 'string') fail('invalid template value: a string is required', 0);
      return renderOrExplain(ctx, template, '<templatestring argument>', templateVars(args[1]!), (diag) => fail(`invalid template: ${diag}`, 0));
    },
  }),
};

/**
 * templatestring renders templates fetched from elsewhere, so its template must be a reference (Terraform's
 * speed bump against writing an inline template there, with the same messages).
 */
function checkTemplateReference(e: Expr | undefined): void {
  if (e === undefined) return;
  const prefix = 'invalid template expression: templatestring is only for rendering templates retrieved dynamically from elsewhere';
  if (e.kind === 'templateWrap') {
    fail(`${prefix}; to treat the inner expression as template syntax, write the reference expression directly without any template interpolation syntax`, 0);
  }
  if (e.kind === 'template') {
    if (e.parts.length === 1 && e.parts[0]!.kind === 'literal') {
      fail(`${prefix}, and so does not support providing a literal template; consider using a template string expression instead`, 0);
    }
    fail(`${prefix}; to render an inline template, consider using a plain template string expression`, 0);
  }
  if (!isReference(e)) fail('invalid template expression: must be a direct reference to a single string from elsewhere, containing valid Terraform template syntax', 0);
}

function isReference(e: Expr): boolean {
  switch (e.kind) {
    case 'scopeTraversal':
      return true;
    case 'relativeTraversal':
    case 'splat':
      return isReference(e.source);
    case 'index':
      return isReference(e.collection);
    default:
      return false;
  }
}
