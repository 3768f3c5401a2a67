// Go's regexp (RE2) for regex(), regexall(), replace() and for anything else in tgo that takes a Terraform- or
// Terragrunt-style pattern (error_hook's on_errors, retryable_errors …): re2js is a port of RE2 that matches
// in time linear in the input, so `^(a+)+$` cannot hang a run, and it parses RE2's syntax with Go's own error
// wording. What Go's regexp package adds on top — FindAll's rule for empty matches and ReplaceAllString's
// template expansion — is here.
//
// Use from other modules: `compileRe2(pattern)` (throws Re2SyntaxError, whose message is Go's
// `error parsing regexp: <code>: `<expr>``) and `re2Test(compiled, text)` (Go's MatchString).
import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';

type Re2js = typeof import('re2js');

/** re2js is ~260 KB of JavaScript: loaded on the first pattern, not by every command that reads a config. */
let engine: Re2js | undefined;
function re2js(): Re2js {
  engine ??= createRequire(import.meta.url)('re2js') as Re2js;
  return engine;
}

/** A pattern RE2 refuses; `code` and `expr` are Go's syntax.Error fields. */
export class Re2SyntaxError extends Error {
  constructor(
    readonly code: string,
    readonly expr: string,
  ) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
    this.name = 'Re2SyntaxError';
  }
}

export interface Re2 {
  re: RE2JS;
  /** One entry per capture group: its name, or null when unnamed (Go's SubexpNames()[1:]). */
  names: (string | null)[];
}

/** A match: groups[0] is the whole match, groups[i] the i-th capture (null when it did not take part). */
export interface Match {
  start: number;
  end: number;
  groups: (string | null)[];
}

/** Compiled patterns, by source: configs use a handful, often in a loop over many values. */
const cache = new Map<string, Re2>();

/** Go's regexp.Compile. */
export function compileRe2(pattern: string): Re2 {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const { RE2JS: R, RE2JSSyntaxException } = re2js();
  let re: RE2JS;
  let renamed = new Map<string, string>();
  try {
    try {
      re = R.compile(pattern);
    } catch (e) {
      // Go's regexp accepts a name used by several groups (SubexpNames repeats it); re2js refuses it. Each
      // repeat gets a unique name to compile, mapped back to the name it had.
      if (!(e instanceof RE2JSSyntaxException) || e.error !== 'duplicate capture group name') throw e;
      const unique = uniqueGroupNames(pattern);
      renamed = unique.renamed;
      re = R.compile(unique.pattern);
    }
  } catch (e) {
    if (e instanceof RE2JSSyntaxException) throw new Re2SyntaxError(e.error, e.input ?? pattern);
    throw e;
  }
  const names: (string | null)[] = new Array<string | null>(re.groupCount()).fill(null);
  for (const [name, index] of Object.entries(re.namedGroups())) names[index - 1] = renamed.get(name) ?? name;
  const compiled = { re, names };
  if (cache.size >= 256) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

/**
 * The pattern with every repeated group name (`(?P<n>…)` or `(?<n>…)`) replaced by a fresh one, and the fresh
 * names mapped to the originals. Escapes, `\Q…\E` and character classes are skipped: a `(` there is literal.
 */
function uniqueGroupNames(pattern: string): { pattern: string; renamed: Map<string, string> } {
  const all = new Set([...pattern.matchAll(/\(\?P?<(\w+)>/g)].map((m) => m[1]!));
  const seen = new Set<string>();
  const renamed = new Map<string, string>();
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      const end = pattern[i + 1] === 'Q' ? (pattern.indexOf('\\E', i + 2) + 1 || pattern.length - 1) + 1 : i + 2;
      out += pattern.slice(i, end);
      i = end;
    } else if (c === '[') {
      // A class: a ']' right after '[' or '[^' is literal; '[:name:]' is a POSIX class inside it.
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') {
        if (pattern[j] === '\\') j += 2;
        else if (pattern.startsWith('[:', j) && pattern.indexOf(':]', j + 2) > 0) j = pattern.indexOf(':]', j + 2) + 2;
        else j++;
      }
      out += pattern.slice(i, j + 1);
      i = j + 1;
    } else {
      const g = /^\(\?P?<(\w+)>/.exec(pattern.slice(i, i + 200));
      if (g) {
        let name = g[1]!;
        if (seen.has(name)) {
          let n = 2;
          while (all.has(`${name}_${n}`)) n++;
          const fresh = `${name}_${n}`;
          all.add(fresh);
          renamed.set(fresh, name);
          name = fresh;
        }
        seen.add(g[1]!);
        out += g[0].replace(/<\w+>$/, `<${name}>`);
        i += g[0].length;
      } else {
        out += c;
        i++;
      }
    }
  }
  return { pattern: out, renamed };
}

/** Go's MatchString: whether the pattern matches anywhere in the text. */
export function re2Test(compiled: Re2, text: string): boolean {
  return compiled.re.matcher(text).find();
}

function matchAt(compiled: Re2, text: string, pos: number): Match | null {
  const m = compiled.re.matcher(text);
  if (!m.find(pos)) return null;
  const groups: (string | null)[] = [m.group(0)];
  for (let i = 1; i <= compiled.names.length; i++) groups.push(m.group(i));
  return { start: m.start(), end: m.end(), groups };
}

/** The width of the code point at pos in UTF-16 units (1 past the end, as Go steps past the input). */
function width(s: string, pos: number): number {
  return pos < s.length && s.codePointAt(pos)! > 0xffff ? 2 : 1;
}

export function findFirst(compiled: Re2, s: string): Match | null {
  return matchAt(compiled, s, 0);
}

/** Go's FindAll: an empty match right after the previous match is skipped (regexall("a*", "baaac") has three). */
export function findAll(compiled: Re2, s: string): Match[] {
  const out: Match[] = [];
  let pos = 0;
  let prevEnd = -1;
  while (pos <= s.length) {
    const m = matchAt(compiled, s, pos);
    if (!m) break;
    let accept = true;
    if (m.end === pos) {
      if (m.start === prevEnd) accept = false;
      pos += width(s, pos);
    } else {
      pos = m.end;
    }
    prevEnd = m.end;
    if (accept) out.push(m);
  }
  return out;
}

/** Go's Regexp.ReplaceAllString, including its template syntax ($1, ${1}, $name, ${name}, $$). */
export function replaceAll(compiled: Re2, s: string, template: string): string {
  let out = '';
  let lastEnd = 0;
  let searchPos = 0;
  while (searchPos <= s.length) {
    const m = matchAt(compiled, s, searchPos);
    if (!m) break;
    out += s.slice(lastEnd, m.start);
    // No replacement for an empty match right after another match (it would replace twice).
    if (m.end > lastEnd || m.start === 0) out += expand(compiled, m, template);
    lastEnd = m.end;
    const w = width(s, searchPos);
    if (searchPos + w > m.end) searchPos += w;
    else if (searchPos + 1 > m.end) searchPos++;
    else searchPos = m.end;
  }
  return out + s.slice(lastEnd);
}

/** Go's Regexp.Expand: `$name` takes the longest run of letters, digits and underscores. */
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
      out += m.groups[num] ?? '';
    } else {
      // Go takes the first group with that name.
      const idx = compiled.names.indexOf(name);
      if (idx >= 0) out += m.groups[idx + 1] ?? '';
    }
  }
  return out + t;
}
