// Generated HCL files in non-canonical layout: a random but valid document whose every token gap (and line
// start and end) gets random spaces and tabs, with comments, blank lines, heredocs, multi-line collections,
// unicode and optional CRLF line endings. Gap markers are placed while generating and filled afterwards.
import fc from 'fast-check';

/** Optional whitespace between tokens. */
const G = '\u0001';
/** Required whitespace (e.g. between `for`, the variable and `in`). */
const R = '\u0002';
const NL = `${G}\n${G}`;

const ident = fc.constantFrom('a', 'name', 'vpc_id', 'x-y', 'café', 'long_attribute_name', 'b2', '名前');
const literalText = fc.constantFrom('x', 'hello world', 'a-b', 'é', '🚀', 'e\u0301', '値', 'path/to', '$ 5', '% x', ' sp ');
const comment = fc.constantFrom('# note', '// other', '/* block */', '# ünïcode 🚀', '#', '# trailing   ');

function listOf(item: fc.Arbitrary<string>, max: number): fc.Arbitrary<string[]> {
  return fc.array(item, { minLength: 0, maxLength: max });
}

const { expr } = fc.letrec<{ expr: string; leaf: string; quoted: string }>((tie) => ({
  leaf: fc.oneof(
    fc.integer({ min: 0, max: 99999 }).map(String),
    fc.constantFrom('1.5', '0.25', '1e3', 'true', 'false', 'null'),
    fc.tuple(ident, ident).map(([a, b]) => `local${G}.${G}${a}${G}.${G}${b}`),
    tie('quoted') as fc.Arbitrary<string>,
  ),
  // Always some literal text, so terraform has no "${x}" to unwrap.
  quoted: fc.tuple(literalText, fc.option(tie('expr') as fc.Arbitrary<string>, { nil: undefined }), literalText, fc.boolean()).map(
    ([pre, inner, post, directive]) => {
      if (inner === undefined) return `"${pre}"`;
      return directive
        ? `"${pre}%{${G}if${R}${inner}${G}}${post}%{${G}else${G}}${pre}%{${G}endif${G}}"`
        : `"${pre}\${${G}${inner}${G}}${post}"`;
    },
  ),
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf') as fc.Arbitrary<string>,
    fc.tuple(tie('expr') as fc.Arbitrary<string>, fc.constantFrom('+', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', '&&', '||', '-'),
      tie('expr') as fc.Arbitrary<string>)
      // `a-b` would be one identifier: a minus always gets space before it.
      .map(([l, op, r]) => `(${G}${l}${op === '-' ? R : G}${op}${G}${r}${G})`),
    fc.tuple(fc.constantFrom('-', '!'), tie('leaf') as fc.Arbitrary<string>).map(([op, e]) => `${op}${G}${e}`),
    fc.tuple(tie('expr') as fc.Arbitrary<string>, tie('expr') as fc.Arbitrary<string>, tie('expr') as fc.Arbitrary<string>)
      .map(([c, a, b]) => `(${G}${c}${G}?${G}${a}${G}:${G}${b}${G})`),
    fc.tuple(fc.constantFrom('max', 'concat', 'merge', 'f'), listOf(tie('expr') as fc.Arbitrary<string>, 3), fc.boolean(), fc.boolean())
      .map(([f, args, multi, spread]) => {
        if (multi && args.length) return `${f}${G}(${NL}${args.join(`${G},${NL}`)}${G},${NL})`;
        return `${f}${G}(${G}${args.join(`${G},${G}`)}${spread && args.length ? `${G}...` : ''}${G})`;
      }),
    fc.tuple(listOf(tie('expr') as fc.Arbitrary<string>, 4), fc.boolean(), fc.boolean()).map(([items, multi, trailing]) =>
      multi
        ? `[${G}${items.length ? NL : ''}${items.map((i) => `${i}${G},`).join(NL)}${NL}]`
        : `[${G}${items.join(`${G},${G}`)}${trailing && items.length ? `${G},` : ''}${G}]`),
    fc.tuple(listOf(fc.tuple(ident, tie('expr') as fc.Arbitrary<string>, fc.option(comment, { nil: undefined })), 4), fc.boolean())
      .map(([items, multi]) =>
        multi
          ? `{${G}${NL}${items.map(([k, v, c], n) => `${k}${n}${G}=${G}${v}${c && !c.startsWith('/*') ? `${G}${c}` : ''}`).join(NL)}${NL}}`
          : `{${G}${items.map(([k, v], n) => `${k}${n}${G}=${G}${v}`).join(`${G},${G}`)}${G}}`),
    fc.tuple(tie('expr') as fc.Arbitrary<string>, fc.constantFrom('[0]', '["k"]', '[*].id', '.*.id'))
      .map(([e, suffix]) => `(${e})${G}${suffix.replace(/\./g, `${G}.${G}`)}`),
    fc.tuple(tie('expr') as fc.Arbitrary<string>, tie('expr') as fc.Arbitrary<string>, fc.boolean()).map(([coll, body, obj]) =>
      obj
        ? `{${G}for${R}k${G},${G}v${R}in${R}${coll}${G}:${G}k${G}=>${G}${body}${G}}`
        : `[${G}for${R}v${R}in${R}${coll}${G}:${G}${body}${G}]`),
  ),
}));

const heredoc = fc.tuple(fc.boolean(), listOf(fc.constantFrom('  spaced   text  ', '\tTabbed', 'plain', '${ local.x }', '%{ if true }y%{ endif }', '', '🚀 ünicode'), 4))
  .map(([indented, lines]) => {
    const marker = indented ? '<<-EOT' : '<<EOT';
    return `${marker}\n${lines.map((l) => `${l}\n`).join('')}${indented ? '  ' : ''}EOT`;
  });

type Item = (n: number, depth: number) => string;

const attribute: fc.Arbitrary<Item> = fc.tuple(ident, fc.oneof({ weight: 6, arbitrary: expr }, { weight: 1, arbitrary: heredoc }),
  fc.option(comment, { nil: undefined }))
  .map(([name, value, c]) => (n) => {
    // A heredoc's closing marker ends the line: no gap or comment may follow it on that line.
    if (value.startsWith('<<')) return `${G}${name}${n}${G}=${G}${value}\n`;
    return `${G}${name}${n}${G}=${G}${value}${c ? `${G}${c}` : ''}${NL}`;
  });

const misc: fc.Arbitrary<Item> = fc.oneof(
  comment.map((c) => () => `${G}${c}${NL}`),
  fc.constant(() => NL),
);

const { body } = fc.letrec<{ body: Item; block: Item }>((tie) => ({
  block: fc.tuple(fc.constantFrom('locals', 'terraform', 'dependency', 'inputs_block', 'remote_state'), fc.option(ident, { nil: undefined }),
    tie('body') as fc.Arbitrary<Item>, fc.boolean(), fc.option(comment, { nil: undefined }))
    .map(([type, label, inner, oneLine, c]) => (n, depth) => {
      const labels = label === undefined ? '' : `${R}"${label}"`;
      if (oneLine) return `${G}${type}${labels}${G}{${G}attr${n}${G}=${G}${n}${G}}${NL}`;
      return `${G}${type}${labels}${G}{${c && !c.startsWith('/*') ? `${G}${c}` : ''}${NL}${inner(0, depth + 1)}${G}}${NL}`;
    }),
  body: fc.array(fc.oneof({ maxDepth: 3, depthIdentifier: 'body' },
    { weight: 5, arbitrary: attribute }, { weight: 2, arbitrary: misc }, { weight: 2, arbitrary: tie('block') as fc.Arbitrary<Item> }),
  { maxLength: 6, depthIdentifier: 'body' })
    .map((items) => (_n, depth) => items.map((item, i) => item(i, depth)).join('')),
}));

const GAPS = ['', ' ', '  ', '\t', '    ', ' \t', ''];
const REQUIRED = [' ', '  ', '\t', '   '];

export const hclFile: fc.Arbitrary<string> = fc.tuple(
  body,
  fc.array(fc.integer({ min: 0, max: GAPS.length - 1 }), { minLength: 97, maxLength: 97 }),
  fc.boolean(),
  fc.boolean(),
).map(([doc, gaps, crlf, finalNewline]) => {
  let k = 0;
  let text = doc(0, 0).replace(/[\u0001\u0002]/g, (m) => {
    const g = gaps[k++ % gaps.length]!;
    return m === G ? GAPS[g]! : REQUIRED[g % REQUIRED.length]!;
  });
  // (A heredoc's closing marker must be followed by a newline.)
  if (!finalNewline && !text.endsWith('EOT\n')) text = text.replace(/\n$/, '');
  if (text.trim() === '') text = `a=1${text}`; // an empty body formats to itself
  return crlf ? text.replace(/\n/g, '\r\n') : text;
});
