// fast-check–generated expressions for the terraform differential test: literals (big and fractional
// numbers, unicode and escapes in strings), collections, every operator, conditionals, for expressions,
// splats, indexing, templates and calls of pure functions, nested a few levels. The seed is fixed so a
// run is reproducible; TGO_ORACLE_SEED picks another (TGO_ORACLE_RUNS how many expressions).
import fc from 'fast-check';

// Whole numbers and binary fractions only, for now: tgo's numbers are float64s where terraform's are 512-bit
// big floats (issue 11 item 6), so 0.1 * 3 or 12345678901234567890 would differ in every expression using them.
const NUMBERS = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.constantFrom('0', '1', '2', '3', '0.5', '1.5', '0.25', '1e3', '1e21', '-0.75'),
);

// No combining marks yet: cty normalises strings to NFC, tgo does not yet.
const STRING_BITS = ['a', 'b', 'Z', '0', '9', ' ', 'é', 'ß', '😀', '\\n', '\\t', '\\"', '\\\\', '$${x}', '%%{', ',', '-', '_', '1', 'true', '\\u00e9'];
const STRINGS = fc.array(fc.constantFrom(...STRING_BITS), { maxLength: 5 }).map((p) => `"${p.join('')}"`);

const LEAF = fc.oneof(
  { weight: 4, arbitrary: NUMBERS },
  { weight: 4, arbitrary: STRINGS },
  { weight: 2, arbitrary: fc.constantFrom('true', 'false') },
  { weight: 1, arbitrary: fc.constant('null') },
  { weight: 2, arbitrary: fc.constantFrom('local.n', 'local.list', 'local.map', 'local.objs', 'local.nested.a') },
);

// No && or ||: HCL 2.24 (Terragrunt's, tgo's) short-circuits them, HCL 2.23 (terraform 1.11's) does not. No
// division either, whose fractions need terraform's big floats.
const BINARY = ['+', '-', '*', '%', '==', '!=', '<', '<=', '>', '>='];

/** Functions whose result depends only on their arguments (no time, randomness or files). */
const FUNCTIONS: Array<[name: string, arity: number]> = [
  ['upper', 1], ['lower', 1], ['title', 1], ['length', 1], ['reverse', 1], ['tostring', 1], ['tonumber', 1], ['tobool', 1],
  ['tolist', 1], ['toset', 1], ['tomap', 1], ['jsonencode', 1], ['keys', 1], ['values', 1], ['flatten', 1], ['distinct', 1],
  ['sort', 1], ['abs', 1], ['floor', 1], ['ceil', 1], ['signum', 1], ['sum', 1], ['compact', 1], ['one', 1], ['alltrue', 1],
  ['anytrue', 1], ['strrev', 1], ['trimspace', 1], ['chomp', 1], ['md5', 1], ['base64encode', 1], ['urlencode', 1],
  ['concat', 2], ['merge', 2], ['join', 2], ['split', 2], ['contains', 2], ['index', 2], ['element', 2], ['lookup', 2],
  ['max', 2], ['min', 2], ['coalesce', 2], ['format', 2], ['formatlist', 2], ['setunion', 2], ['setintersection', 2],
  ['setsubtract', 2], ['zipmap', 2], ['chunklist', 2], ['startswith', 2], ['endswith', 2], ['strcontains', 2], ['trim', 2],
  ['trimprefix', 2], ['trimsuffix', 2], ['indent', 2], ['range', 2], ['matchkeys', 3], ['substr', 3],
  ['replace', 3], ['slice', 3], ['lookup', 3],
];

const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: LEAF },
    { weight: 2, arbitrary: fc.array(tie('e'), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.tuple(fc.constantFrom('a', 'b', 'c', '"k"', '"é"'), tie('e')), { maxLength: 3 })
        .map((kv) => `{ ${kv.map(([k, v]) => `${k} = ${v}`).join(', ')} }`),
    },
    { weight: 3, arbitrary: fc.tuple(tie('e'), fc.constantFrom(...BINARY), tie('e')).map(([a, op, b]) => `(${a} ${op} ${b})`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('-', '!'), tie('e')).map(([op, a]) => `${op}(${a})`) },
    { weight: 2, arbitrary: fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(tie('e'), tie('e'), fc.option(tie('e'), { nil: undefined }), fc.boolean())
        .map(([coll, body, cond, obj]) => (obj
          ? `{ for k, v in ${coll} : tostring(k) => ${body.replace(/\bx\b/g, 'v')}${cond ? ` if ${cond}` : ''} }`
          : `[for i, x in ${coll} : ${body}${cond ? ` if ${cond}` : ''}]`)),
    },
    { weight: 1, arbitrary: tie('e').map((a) => `${a}[*]`) },
    { weight: 1, arbitrary: fc.tuple(tie('e'), tie('e')).map(([a, k]) => `${a}[${k}]`) },
    { weight: 2, arbitrary: fc.tuple(tie('e'), tie('e')).map(([a, b]) => `"<\${${a}}|\${${b}}>"`) },
    { weight: 1, arbitrary: fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, a, b]) => `"%{ if ${c} }\${${a}}%{ else }\${${b}}%{ endif }"`) },
    { weight: 1, arbitrary: fc.tuple(tie('e'), tie('e')).map(([c, b]) => `"%{ for x in ${c} }\${${b}};%{ endfor }"`) },
    {
      weight: 4,
      arbitrary: fc
        .constantFrom(...FUNCTIONS)
        .chain(([name, arity]) => fc.array(tie('e'), { minLength: arity, maxLength: arity }).map((args) => `${name}(${args.join(', ')})`)),
    },
  ),
})).e;

export function generatedExpressions(): string[] {
  const seed = Number(process.env.TGO_ORACLE_SEED ?? 20251204);
  const runs = Number(process.env.TGO_ORACLE_RUNS ?? 300);
  return fc.sample(expr, { seed, numRuns: runs });
}
