// Globs as Terragrunt matches them (its internal/glob Compile: gobwas/glob with '/' as the only separator), for
// --queue-include-dir/--queue-exclude-dir and --queue-include-units-reading. The grammar: `*` any run of
// characters but '/', `**` any run including '/', `?` one character but '/', `[abc]`/`[!abc]`/`[a-z]`/`[!a-z]`
// one character (a negated class matches '/' too), `{a,b}` alternatives (nested, empty ones allowed, an
// unclosed `{` closes at the end), `\` makes the next character literal. No special case for dot files or `..`.
//
// Not a bash glob (picomatch, minimatch): there `**/vpc` also matches `vpc`, `foo/**` matches `foo`, `(a|b)` is
// a group and `{1..3}` a range; here they do not (`(`, `|`, `..` are plain characters). One quirk of gobwas's
// optimiser is kept because Terragrunt documents and tests it: a pattern that is exactly literal, `**`, literal
// only checks that the path starts with the first literal and ends with the second, so `foo/**/bar.tf` matches
// `foo/bar.tf` (the two literals may share the '/'); `foo/**/*.tf` does not match `foo/root.tf`.

export class GlobError extends Error {}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'any' } // *
  | { kind: 'super' } // **
  | { kind: 'single' } // ?
  | { kind: 'class'; chars: string; not: boolean }
  | { kind: 'range'; lo: string; hi: string; not: boolean }
  | { kind: 'pattern'; items: Node[] }
  | { kind: 'anyOf'; alts: Node[] } // each alternative a pattern
  | { kind: 'nothing' };

/** The pattern's syntax tree, as gobwas's lexer and parser build it. */
function parse(glob: string): Node {
  const chars = [...glob];
  let i = 0;
  const root: Node & { kind: 'pattern' } = { kind: 'pattern', items: [] };
  // The open patterns: root, then for each open brace the alternative being read.
  const stack: { pattern: Node & { kind: 'pattern' }; anyOf?: Node & { kind: 'anyOf' } }[] = [{ pattern: root }];
  const top = () => stack[stack.length - 1]!;
  const text = (breakers: string): string => {
    let out = '';
    while (i < chars.length) {
      const c = chars[i]!;
      if (c === '\\') {
        i++;
        if (i < chars.length) out += chars[i++]!; // a trailing backslash is dropped, as gobwas does
        continue;
      }
      if (breakers.includes(c)) break;
      out += c;
      i++;
    }
    return out;
  };
  while (i < chars.length) {
    const c = chars[i]!;
    const inTerms = stack.length > 1;
    if (c === '{') {
      i++;
      const alt: Node & { kind: 'pattern' } = { kind: 'pattern', items: [] };
      const anyOf: Node & { kind: 'anyOf' } = { kind: 'anyOf', alts: [alt] };
      top().pattern.items.push(anyOf);
      stack.push({ pattern: alt, anyOf });
    } else if (c === ',' && inTerms) {
      i++;
      const alt: Node & { kind: 'pattern' } = { kind: 'pattern', items: [] };
      top().anyOf!.alts.push(alt);
      top().pattern = alt;
    } else if (c === '}' && inTerms) {
      i++;
      stack.pop();
    } else if (c === '[') {
      i++;
      top().pattern.items.push(parseClass());
    } else if (c === '?') {
      i++;
      top().pattern.items.push({ kind: 'single' });
    } else if (c === '*') {
      i++;
      if (chars[i] === '*') {
        i++;
        top().pattern.items.push({ kind: 'super' });
      } else top().pattern.items.push({ kind: 'any' });
    } else {
      const t = text(inTerms ? '?*[{},' : '?*[{');
      if (t !== '') top().pattern.items.push({ kind: 'text', text: t });
    }
  }
  return root;

  function parseClass(): Node {
    let not = false;
    if (chars[i] === '!') {
      not = true;
      i++;
    }
    if (i >= chars.length) throw new GlobError('unexpected end of input in a character class');
    if (chars[i + 1] === '-') {
      const lo = chars[i]!;
      const hi = chars[i + 2];
      i += 3;
      if (hi === undefined) throw new GlobError('unexpected end of input in a character class');
      if (chars[i] !== ']') throw new GlobError(i >= chars.length ? 'unexpected end of input in a character class' : 'expected "]" after a range such as [a-z]');
      i++;
      if (hi < lo) throw new GlobError(`range [${lo}-${hi}]: '${hi}' comes before '${lo}'`);
      return { kind: 'range', lo, hi, not };
    }
    const list = text(']');
    if (i >= chars.length) throw new GlobError('unexpected end of input in a character class (no closing "]")');
    i++;
    if (list === '') throw new GlobError('empty character class "[]"');
    return { kind: 'class', chars: list, not };
  }
}

function equal(a: Node, b: Node): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * gobwas factors what all alternatives of a brace share at their start and end out of the brace
 * (`{a/**\/b,a/**\/c}` becomes `a/**` then `{/b,/c}`), which decides where the literal-`**`-literal quirk applies.
 */
function factorAnyOf(node: Node & { kind: 'anyOf' }): Node | undefined {
  if (node.alts.length <= 1 || node.alts.some((a) => a.kind !== 'pattern')) return undefined;
  const kids = node.alts.map((a) => (a as Node & { kind: 'pattern' }).items);
  let idx = 0;
  kids.forEach((k, n) => {
    if (k.length < kids[idx]!.length) idx = n;
  });
  const tree = kids[idx]!;
  const n = tree.length;
  const left: Node[] = [];
  const right: (Node | undefined)[] = new Array(n);
  let lastRight = n;
  let breakLeft = false;
  let breakRight = false;
  let total = 0;
  for (let i = 0, j = n - 1; total < n && j >= 0 && !(breakLeft && breakRight); i++, j--) {
    for (let k = 0; k < kids.length && !(breakLeft && breakRight); k++) {
      if (k === idx) continue;
      breakLeft = breakLeft || !equal(tree[i]!, kids[k]![i]!);
      breakRight = breakRight || (!breakLeft && j <= i) || !equal(tree[j]!, kids[k]![j + kids[k]!.length - n]!);
    }
    if (!breakLeft) {
      total++;
      left.push(tree[i]!);
    }
    if (!breakRight) {
      total++;
      lastRight = j;
      right[j] = tree[j]!;
    }
  }
  const common = right.slice(lastRight) as Node[];
  if (left.length === 0 && common.length === 0) return undefined;
  const rest: Node[] = [];
  for (const k of kids) {
    const reuse = k.slice(left.length, k.length - common.length);
    const alt: Node = reuse.length === 0 ? { kind: 'nothing' } : { kind: 'pattern', items: reuse };
    if (!rest.some((r) => equal(r, alt))) rest.push(alt);
  }
  const items: Node[] = [];
  if (left.length > 0) items.push({ kind: 'pattern', items: left });
  if (rest.length === 1 && rest[0]!.kind !== 'nothing') items.push(rest[0]!);
  else if (rest.length > 1) items.push({ kind: 'anyOf', alts: rest });
  if (common.length > 0) items.push({ kind: 'pattern', items: common });
  return { kind: 'pattern', items };
}

/** What a node compiles to: a regular-expression source, and whether it is a bare literal or a bare `**`. */
interface Compiled {
  src: string;
  text?: string;
  super?: boolean;
}

const escapeRe = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
const escapeClass = (s: string) => s.replace(/[\\\]^\-[]/g, '\\$&');
const SUPER: Compiled = { src: '[\\s\\S]*', super: true };

function compile(node: Node): Compiled {
  switch (node.kind) {
    case 'text': return { src: escapeRe(node.text), text: node.text };
    case 'any': return { src: '[^/]*' };
    case 'super': return SUPER;
    case 'single': return { src: '[^/]' };
    case 'class': return { src: `[${node.not ? '^' : ''}${escapeClass(node.chars)}]` };
    case 'range': return { src: `[${node.not ? '^' : ''}${escapeClass(node.lo)}-${escapeClass(node.hi)}]` };
    case 'nothing': return { src: '' };
    case 'anyOf': {
      const factored = factorAnyOf(node);
      if (factored) return compile(factored);
      const alts = node.alts.map(compile);
      return alts.length === 1 ? alts[0]! : { src: `(?:${alts.map((a) => a.src).join('|')})` };
    }
    case 'pattern': {
      const items: Compiled[] = [];
      for (const c of node.items.map(compile)) {
        if (c.super && items[items.length - 1]?.super) continue; // `****` is one `**`
        items.push(c);
      }
      if (items.length === 0) return { src: '' };
      if (items.length === 1) return items[0]!;
      const [a, b, c] = items;
      if (items.length === 3 && a!.text !== undefined && b!.super && c!.text !== undefined) {
        // Starts with one literal and ends with the other, both inside this part (they may overlap).
        const min = Math.max([...a!.text].length, [...c!.text].length);
        return { src: `(?=${a!.src})[\\s\\S]{${min},}(?<=${c!.src})` };
      }
      return { src: items.map((x) => x.src).join('') };
    }
  }
}

export interface Glob {
  match(path: string): boolean;
}

/** Compiles a '/'-separated glob; throws GlobError for a malformed one (an unclosed or empty `[…]`). */
export function compileGlob(glob: string): Glob {
  const re = new RegExp(`^(?:${compile(parse(glob)).src})$`, 'u');
  return { match: (p) => re.test(p) };
}

/**
 * Go's path.Clean (Terragrunt applies it to a path pattern before compiling it; Terraform's file functions to
 * paths): `./a/` → `a`, `a//b/../c` → `a/c`, '' → '.'. Backslashes are left alone (in a glob they escape).
 */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const r = (rooted ? '/' : '') + out.join('/');
  return r === '' ? '.' : r;
}
