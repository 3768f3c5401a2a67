import { describe, expect, it } from 'vitest';
import type { Body, Expr, Traverser } from '../../../src/config/hcl/ast.js';
import { HclSyntaxError } from '../../../src/config/hcl/errors.js';
import { evaluate } from '../../../src/config/hcl/eval.js';
import { parseConfigWithOracle } from './hcl2json-oracle.js';
import { parseConfig, parseExpression, parseTemplate } from '../../../src/config/hcl/parser.js';
import { printBody, printExpr } from '../../../src/config/hcl/print.js';
import type { Value } from '../../../src/config/hcl/values.js';
import { testScope } from './helpers.js';

/** A compact rendering of an expression tree, to assert shapes (precedence, traversal forms…). */
function sx(e: Expr): string {
  const steps = (ts: Traverser[]): string =>
    ts.map((t) => (t.kind === 'attr' ? `.${t.name}` : t.kind === 'legacyIndex' ? `.${t.index}` : `[${sx(t.key)}]`)).join('');
  switch (e.kind) {
    case 'literal':
      return JSON.stringify(e.value);
    case 'scopeTraversal':
      return e.root + steps(e.traversal);
    case 'relativeTraversal':
      return `rel(${sx(e.source)})${steps(e.traversal)}`;
    case 'index':
      return `index(${sx(e.collection)}, ${sx(e.key)})`;
    case 'splat':
      return `splat(${sx(e.source)}, ${sx(e.each)})`;
    case 'splatItem':
      return '*';
    case 'call':
      return `${e.name}(${e.args.map(sx).join(', ')}${e.expandFinal ? '...' : ''})`;
    case 'binary':
      return `(${sx(e.left)} ${e.op} ${sx(e.right)})`;
    case 'unary':
      return `(${e.op}${sx(e.operand)})`;
    case 'conditional':
      return `(${sx(e.condition)} ? ${sx(e.trueResult)} : ${sx(e.falseResult)})`;
    case 'paren':
      return `paren(${sx(e.inner)})`;
    case 'template':
      return `tpl(${e.parts.map(sx).join(', ')})`;
    case 'templateWrap':
      return `wrap(${sx(e.wrapped)})`;
    case 'tuple':
      return `[${e.items.map(sx).join(', ')}]`;
    case 'object':
      return `{${e.items.map((i) => `${i.keyIsBareName ? 'name:' : ''}${sx(i.key)}=${sx(i.value)}`).join(', ')}}`;
    case 'for':
      return `for(${e.keyVar ?? ''},${e.valVar} in ${sx(e.collection)}: ${e.keyExpr ? sx(e.keyExpr) + ' => ' : ''}${sx(e.valExpr)}${e.grouping ? '...' : ''}${e.condition ? ' if ' + sx(e.condition) : ''})`;
    case 'templateIf':
      return `if(${sx(e.condition)}; ${sx(e.then)}${e.else ? '; ' + sx(e.else) : ''})`;
    case 'templateFor':
      return `tfor(${e.keyVar ?? ''},${e.valVar} in ${sx(e.collection)}; ${sx(e.body)})`;
  }
}

const x = (src: string): string => sx(parseExpression(src, 'e.hcl'));
const value = (src: string): Value => evaluate(parseExpression(src, 'e.hcl'), testScope());
const attrValue = (body: Body, name: string): Value => evaluate(body.attributes.find((a) => a.name === name)!.expr, testScope());

function syntaxError(src: string, filename = 'f.hcl'): HclSyntaxError {
  try {
    parseConfig(src, filename);
  } catch (e) {
    if (e instanceof HclSyntaxError) return e;
    throw e;
  }
  throw new Error('expected a syntax error');
}

const SAMPLE = `# leading comment
include "root" {
  path = find_in_parent_folders("root.hcl")
}

locals {
  env    = "prod" // trailing comment
  region = "eu-west-1" # another
  /* a block
     comment */
  count = 3
}

terraform { source = "git::https://example.com/modules.git//vpc?ref=v1.2.3" }

dependency "vpc" {
  config_path = "../vpc"
  mock_outputs = {
    vpc_id = "mock"
  }
}

generate provider {
  path      = "provider.tf"
  if_exists = "overwrite_terragrunt"
  contents  = <<EOF
provider "aws" {
  region = "\${local.region}"
}
EOF
}

inputs = {
  name = "x"
}
`;

describe('bodies and blocks', () => {
  const body = parseConfig(SAMPLE, '/repo/terragrunt.hcl');

  it('separates attributes from blocks, keeping block order, types and labels', () => {
    expect(body.attributes.map((a) => a.name)).toEqual(['inputs']);
    expect(body.blocks.map((b) => [b.type, b.labels])).toEqual([
      ['include', ['root']],
      ['locals', []],
      ['terraform', []],
      ['dependency', ['vpc']],
      ['generate', ['provider']],
    ]);
    expect(body.blocks[1]!.body.attributes.map((a) => a.name)).toEqual(['env', 'region', 'count']);
  });

  it('records the lines of attributes and blocks', () => {
    const [include, locals, terraform, dependency, generate] = body.blocks;
    expect(include!.range.start).toMatchObject({ line: 2, column: 1 });
    expect(include!.range.end).toMatchObject({ line: 4, column: 2 });
    expect(include!.typeRange).toMatchObject({ start: { line: 2, column: 1 }, end: { line: 2, column: 8 } });
    expect(locals!.body.attributes.map((a) => a.range.start.line)).toEqual([7, 8, 11]);
    expect(terraform!.range.start.line).toBe(14);
    expect(dependency!.body.attributes[1]!.range).toMatchObject({ start: { line: 18, column: 3 }, end: { line: 20, column: 4 } });
    expect(generate!.body.attributes[2]!.range).toMatchObject({ start: { line: 26, column: 3 }, end: { line: 30, column: 4 } });
    const inputs = body.attributes[0]!;
    expect(inputs.nameRange).toMatchObject({ filename: '/repo/terragrunt.hcl', start: { line: 33, column: 1, offset: SAMPLE.indexOf('inputs =') } });
    expect(body.range.end.line).toBe(36);
  });

  it('evaluates a heredoc with interpolation, and positions the interpolated expression', () => {
    const contents = body.blocks[4]!.body.attributes[2]!;
    expect(evaluate(contents.expr, testScope())).toBe('provider "aws" {\n  region = "eu-west-1"\n}\n');
    const tpl = contents.expr;
    if (tpl.kind !== 'template') throw new Error('expected a template');
    const interp = tpl.parts.find((p) => p.kind !== 'literal')!;
    expect(interp.range.start).toMatchObject({ line: 28, column: 15 });
  });

  it('parses one-line blocks, empty blocks and identifier labels', () => {
    const b = parseConfig('a { x = 1 }\nb "l1" l2 {}\nc {\n}\n', 'f.hcl');
    expect(b.blocks.map((bl) => [bl.type, bl.labels, bl.body.attributes.map((a) => a.name)])).toEqual([
      ['a', [], ['x']],
      ['b', ['l1', 'l2'], []],
      ['c', [], []],
    ]);
  });

  it('nests blocks with labels to any depth', () => {
    const b = parseConfig('terraform {\n  before_hook "fmt" {\n    commands = ["plan"]\n    x "y" "z" {\n      deep = true\n    }\n  }\n}\n', 'f.hcl');
    const hook = b.blocks[0]!.body.blocks[0]!;
    expect([hook.type, hook.labels]).toEqual(['before_hook', ['fmt']]);
    expect(hook.body.blocks[0]!.labels).toEqual(['y', 'z']);
    expect(hook.body.blocks[0]!.body.attributes[0]!.range.start.line).toBe(5);
  });

  it('keeps repeated blocks (deduplication belongs to the config layer)', () => {
    const b = parseConfig('locals {\n  a = 1\n}\nlocals {\n  b = 2\n}\n', 'f.hcl');
    expect(b.blocks).toHaveLength(2);
  });

  it('handles comments in every position, including a last line without newline', () => {
    const b = parseConfig('// c1\n# c2\n/* c3 */ a = 1 # c4\nb = [ # c5\n  1, // c6\n  /* c7 */ 2,\n] // c8', 'f.hcl');
    expect(attrValue(b, 'a')).toBe(1);
    expect(attrValue(b, 'b')).toEqual([1, 2]);
  });

  it('accepts CRLF line endings and a byte-order mark', () => {
    const b = parseConfig('\uFEFFa = 1\r\nb = <<EOT\r\nx\r\nEOT\r\nc = "z"\r\n', 'f.hcl');
    expect(b.attributes.map((a) => [a.name, a.range.start.line, a.range.start.column])).toEqual([
      ['a', 1, 1],
      ['b', 2, 1],
      ['c', 5, 1],
    ]);
    expect(attrValue(b, 'b')).toBe('x\r\n');
  });

  it('counts columns in characters, not UTF-16 units', () => {
    const b = parseConfig('a = "😀😀" \nb = 1 + "😀".x\n', 'f.hcl');
    expect(b.attributes[0]!.expr.range.end.column).toBe(9);
    const e = (() => {
      try {
        evaluate(b.attributes[1]!.expr, testScope());
      } catch (err) {
        return err as { range: { start: { column: number } } };
      }
    })();
    expect(e!.range.start.column).toBe(12);
  });
});

describe('templates', () => {
  it('decodes escapes in quoted strings but not in heredocs', () => {
    expect(value('"a\\nb\\t\\"c\\"\\\\ \\u00e9 \\U0001F600"')).toBe('a\nb\t"c"\\ é 😀');
    expect(value('"$${not} %%{interp} $ % $x"')).toBe('${not} %{interp} $ % $x');
    expect(attrValue(parseConfig('a = <<EOT\n\\n $${x} %%{y}\nEOT\n', 'f.hcl'), 'a')).toBe('\\n ${x} %{y}\n');
  });

  it('yields the value of a lone interpolation unconverted', () => {
    expect(x('"${local.azs}"')).toBe('wrap(local.azs)');
    expect(value('"${local.azs}"')).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    expect(value('"${local.count}"')).toBe(3);
    expect(value('"x${local.count}"')).toBe('x3');
  });

  it('parses if/else and for directives into a tree', () => {
    expect(x('"a%{ if c }b%{ else }d%{ endif }e"')).toBe('tpl("a", if(c; tpl("b"); tpl("d")), "e")');
    expect(x('"%{ for k, v in m }${k}%{ endfor }"')).toBe('tpl(tfor(k,v in m; tpl(k)))');
    expect(value('"%{ for i, az in local.azs }${i}:${az} %{ endfor }"')).toBe('0:eu-west-1a 1:eu-west-1b 2:eu-west-1c ');
    expect(value('"%{ if local.enabled }on%{ else }off%{ endif }"')).toBe('on');
  });

  it('applies strip markers to the neighbouring literal whitespace, newlines included', () => {
    const b = parseConfig(
      'a = <<EOT\nitems:\n%{ for s in local.azs ~}\n  - ${s}\n%{ endfor ~}\nend\nEOT\nb = "x  ${~ "y" ~}  z"\n',
      'f.hcl',
    );
    expect(attrValue(b, 'a')).toBe('items:\n  - eu-west-1a\n  - eu-west-1b\n  - eu-west-1c\nend\n');
    expect(attrValue(b, 'b')).toBe('xyz');
  });

  it('strips the common indentation of <<- heredocs, ignoring blank lines', () => {
    const b = parseConfig('x = {\n  a = <<-EOT\n    one\n      two\n\n    three ${local.env}\n    EOT\n}\n', 'f.hcl');
    expect(attrValue(b, 'x')).toEqual({ a: 'one\n  two\n\nthree prod\n' });
  });

  it('keeps indentation in plain <<EOT heredocs and accepts an indented closing marker', () => {
    const b = parseConfig('a = <<EOT\n  keep\n    this\n  EOT\n', 'f.hcl');
    expect(attrValue(b, 'a')).toBe('  keep\n    this\n');
  });

  it('positions parts of multi-line heredocs on their own lines', () => {
    const b = parseConfig('a = <<-EOT\n  first\n    ${upper(local.env)}\n  EOT\n', 'f.hcl');
    const tpl = b.attributes[0]!.expr;
    if (tpl.kind !== 'template') throw new Error('expected a template');
    expect(tpl.parts.map((p) => [p.kind, p.range.start.line, p.range.start.column])).toEqual([
      ['literal', 2, 3],
      ['call', 3, 7],
      ['literal', 3, 24],
    ]);
  });

  it('parses bare templates for templatefile', () => {
    const t = parseTemplate('Hello ${name}!\n%{ if admin }(admin)%{ endif }\n', 'greeting.tpl');
    expect(sx(t)).toBe('tpl("Hello ", name, "!\\n", if(admin; tpl("(admin)")), "\\n")');
    expect(t.range.start).toMatchObject({ line: 1, column: 1 });
    expect(sx(parseTemplate('${x}', 't'))).toBe('wrap(x)');
    expect(sx(parseTemplate('', 't'))).toBe('tpl("")');
    expect(sx(parseTemplate('cost: 5$ or 5%', 't'))).toBe('tpl("cost: 5$ or 5%")');
  });
});

describe('expressions', () => {
  it('follows HCL operator precedence and left associativity', () => {
    expect(x('a || b && c')).toBe('(a || (b && c))');
    expect(x('a && b == c')).toBe('(a && (b == c))');
    expect(x('a == b < c')).toBe('(a == (b < c))');
    expect(x('a < b + c')).toBe('(a < (b + c))');
    expect(x('a + b * c')).toBe('(a + (b * c))');
    expect(x('a - b - c')).toBe('((a - b) - c)');
    expect(x('a / b % c')).toBe('((a / b) % c)');
    expect(x('!a && -b * c')).toBe('((!a) && ((-b) * c))');
    expect(x('-a.b[0]')).toBe('(-a.b[0])');
    expect(x('a ? b : c ? d : e')).toBe('(a ? b : (c ? d : e))');
    expect(x('a || b ? c + 1 : d')).toBe('((a || b) ? (c + 1) : d)');
    expect(x('(a + b) * c')).toBe('(paren((a + b)) * c)');
    expect(value('1 + 2 * 3 - 4 / 2 % 3')).toBe(5);
  });

  it('parses literals', () => {
    expect(x('[1, 1.5, 1e3, 2E-2, 0.5, true, false, null, "s"]')).toBe('[1, 1.5, 1000, 0.02, 0.5, true, false, null, tpl("s")]');
  });

  it('parses traversals: attributes, literal and dynamic indexes, legacy indexes', () => {
    expect(x('a.b["c"][0].d')).toBe('a.b["c"][0].d');
    expect(x('a.0.b')).toBe('a.0.b');
    expect(x('a[local.k].b')).toBe('rel(index(a, local.k)).b');
    expect(x('f(1).x[2]')).toBe('rel(f(1)).x[2]');
    expect(x('[1, 2][0]')).toBe('rel([1, 2])[0]');
  });

  it('parses full and attribute-only splats', () => {
    expect(x('a[*]')).toBe('splat(a, *)');
    expect(x('a[*].b[0].c')).toBe('splat(a, rel(*).b[0].c)');
    expect(x('a.*.b.c')).toBe('splat(a, rel(*).b.c)');
    expect(x('a.*.b[0]')).toBe('rel(splat(a, rel(*).b))[0]'); // an attribute-only splat stops before [0]
    expect(x('a[*].b[*].c')).toBe('splat(a, splat(rel(*).b, rel(*).c))');
  });

  it('parses function calls, namespaced names, trailing commas and expansion', () => {
    expect(x('f()')).toBe('f()');
    expect(x('f(a, b,)')).toBe('f(a, b)');
    expect(x('f(a, list...)')).toBe('f(a, list...)');
    expect(x('provider::aws::arn_parse(x)')).toBe('provider::aws::arn_parse(x)');
    expect(x('f(\n  a,\n  b\n)')).toBe('f(a, b)');
  });

  it('parses tuples and objects with newline or comma separators', () => {
    expect(x('[\n  1,\n  2,\n]')).toBe('[1, 2]');
    expect(x('{ a = 1, "b" = 2, (k) = 3, c: 4, d.e = 5 }')).toBe('{name:"a"=1, tpl("b")=2, paren(k)=3, name:"c"=4, d.e=5}');
    expect(x('{\n  a = 1\n  b = 2,\n  true = 3\n}')).toBe('{name:"a"=1, name:"b"=2, name:"true"=3}');
  });

  it('parses for expressions in tuple and object form', () => {
    expect(x('[for v in xs : v]')).toBe('for(,v in xs: v)');
    expect(x('[for i, v in xs : v if i > 0]')).toBe('for(i,v in xs: v if (i > 0))');
    expect(x('{for k, v in m : k => v...}')).toBe('for(k,v in m: k => v...)');
    expect(x('{\n  for k, v in m :\n  k => v\n  if v != null\n}')).toBe('for(k,v in m: k => v if (v != null))');
  });

  it('offsets positions of a standalone expression by a start position', () => {
    const e = parseExpression('a +\n  b', 'vars.tf', { line: 3, column: 10, offset: 40 });
    expect(e.range.start).toEqual({ line: 3, column: 10, offset: 40 });
    expect(e.range.end).toEqual({ line: 4, column: 4, offset: 47 });
  });

  it('allows newlines inside brackets but not inside a body attribute', () => {
    expect(attrValue(parseConfig('a = (1 +\n 2)\n', 'f.hcl'), 'a')).toBe(3);
    expect(syntaxError('a = 1 +\n2\n').summary).toBe('Invalid expression');
  });
});

describe('syntax errors', () => {
  // [description, source, summary, line, column]; line/column agree with hashicorp/hcl (checked below).
  const CASES: Array<[string, string, string, number, number]> = [
    ['unclosed block brace', 'locals {\n  a = 1\n', 'Unclosed configuration block', 1, 8],
    ['unclosed quoted string at end of file', 'a = "abc', 'Unterminated template string', 1, 9],
    ['string broken by a newline', 'a = "abc\nb = 1\n', 'Invalid multi-line string', 1, 9],
    ['missing equals sign', 'a 1\n', 'Argument or block definition required', 1, 1],
    ['unsupported operator', 'a = 1 ^ 2\n', 'Unsupported operator', 1, 7],
    ['single-quoted string', "a = 'x'\n", 'Invalid character', 1, 5],
    ['semicolon', 'a = 1;\n', 'Invalid character', 1, 6],
    ['unterminated heredoc', 'a = <<EOT\nhello\n', 'Unterminated template string', 3, 1],
    ['heredoc marker without newline at EOF', 'a = <<-EOT\n  x\n  EOT', 'Unterminated template string', 3, 6],
    ['unclosed interpolation', 'a = "${x"\n', 'Invalid multi-line string', 1, 10],
    ['unclosed interpolation at end of file', 'a = "${x', 'Unclosed template interpolation sequence', 1, 6],
    ['if directive without endif', 'a = "%{ if true }x"\n', 'Unexpected end of template', 1, 19],
    ['for directive without endfor', 'a = "%{ for x in y }"\n', 'Unexpected end of template', 1, 21],
    ['stray endif', 'a = "%{ endif }"\n', 'Unexpected endif directive', 1, 6],
    ['unknown directive', 'a = "%{ bogus }"\n', 'Invalid template control keyword', 1, 9],
    ['duplicate attribute', 'a = 1\nb = 2\na = 3\n', 'Attribute redefined', 3, 1],
    ['two attributes on a line', 'a = 1 b = 2\n', 'Missing newline after argument', 1, 7],
    ['unbalanced parentheses', 'a = (1 + 2\n', 'Unbalanced parentheses', 2, 1],
    ['tuple without comma', 'a = [1 2]\n', 'Missing item separator', 1, 8],
    ['object without separator', 'a = {x = 1 y = 2}\n', 'Missing attribute separator', 1, 12],
    ['object key without value', 'a = {\n  b = 1,\n  c = 2\n  d\n}\n', 'Missing attribute value', 4, 4],
    ['invalid escape', 'a = "\\q"\n', 'Invalid escape sequence', 1, 6],
    ['for without in', 'a = [for x y: x]\n', "Invalid 'for' expression", 1, 12],
    ['object for without key', 'a = {for x in y: x}\n', "Invalid 'for' expression", 1, 18],
    ['interpolated block label', 'b "${x}" {}\n', 'Invalid string literal', 1, 4],
    ['two arguments in a one-line block', 'b { x = 1, y = 2 }\n', 'Invalid single-argument block definition', 1, 10],
    ['malformed number', 'a = 1..2\n', 'Invalid number literal', 1, 5],
    ['chained legacy index', 'a = x.0.1\n', 'Invalid legacy index syntax', 1, 7],
    ['expansion not last', 'a = f(x..., y)\n', 'Missing closing parenthesis', 1, 8],
    ['quoted argument name', '"a" = 1\n', 'Invalid argument name', 1, 1],
    ['stray closing brace', '}\n', 'Argument or block definition required', 1, 1],
    ['missing expression at end of file', 'a = ', 'Missing expression', 1, 5],
    ['missing argument separator', 'x = foo(1 2)\n', 'Missing argument separator', 1, 11],
    ['block followed by an attribute on its line', 'b {\n  c = 1\n} d = 2\n', 'Missing newline after block definition', 3, 3],
    ['conditional without false branch', 'a = true ? 1\n', 'Missing false expression in conditional', 1, 13],
    ['unclosed splat bracket', 'a = x[*\n', 'Missing close bracket on splat index', 2, 1],
    ['dot without attribute name', 'a = x.\n', 'Invalid attribute name', 1, 7],
    ['missing expression in nested block', 'a = 1\n  b {\n   c = [\n', 'Missing expression', 4, 1],
  ];

  it.each(CASES)('%s', (_name, src, summary, line, column) => {
    const e = syntaxError(src);
    expect({ summary: e.summary, line: e.line, column: e.column }).toEqual({ summary, line, column });
    expect(e.message).toBe(`f.hcl:${line},${column}: ${summary}; ${e.detail}`);
    expect(e.detail.length).toBeGreaterThan(10);
  });

  it('agrees with hashicorp/hcl (via hcl2json) on every case', async () => {
    for (const [, src, summary, line, column] of CASES) {
      let oracle: unknown;
      try {
        await parseConfigWithOracle(src, 'f.hcl');
      } catch (e) {
        oracle = e;
      }
      expect(oracle, src).toBeInstanceOf(HclSyntaxError);
      const o = oracle as HclSyntaxError;
      expect({ src, summary: o.summary, line: o.line, column: o.column }).toEqual({ src, summary, line, column });
    }
  });

  it('reports the first definition of a redefined attribute', () => {
    expect(syntaxError('a = 1\nb = 2\na = 3\n').detail).toBe('The argument "a" was already set at f.hcl:1,1-2. Each argument may be set only once.');
  });

  it('names the heredoc marker when it is missing', () => {
    expect(syntaxError('a = <<END\nhello\nEN\n').detail).toContain('"END"');
  });

  it('reports an unterminated block comment', () => {
    expect(syntaxError('a = 1\n/* never closed\n').summary).toBe('Unterminated comment');
  });

  it('reports trailing garbage after a standalone expression', () => {
    expect(() => parseExpression('1 2', 'e.hcl')).toThrow('e.hcl:1,3: Extra characters after expression');
  });

  it('does not overflow the stack on deeply nested input', () => {
    const deep = 'a = ' + '['.repeat(20000) + ']'.repeat(20000) + '\n';
    let r: unknown;
    try {
      r = parseConfig(deep, 'f.hcl');
    } catch (e) {
      r = e;
    }
    expect(r instanceof HclSyntaxError || (r as Body).attributes?.length === 1).toBe(true);
  });
});

describe('printing', () => {
  it('prints expressions that parse back to the same tree', () => {
    const srcs = [
      'a || b && !c',
      '(a + b) * -c % 2',
      'x ? [for i, v in y : v * 2 if i > 0] : {for k, v in z : upper(k) => v...}',
      '"tpl ${a} $${esc} %{ if b }yes%{ else }no%{ endif } %{ for v in c }${v}%{ endfor }"',
      'a.b[0]["k"].c[*].d',
      'f(x, [1, 2]...)',
      '{ a = 1, "b c" = 2, (k) = 3, true = 4 }',
      '"${x}"',
    ];
    for (const src of srcs) {
      const once = parseExpression(src, 'p.hcl');
      const printed = printExpr(once);
      expect(sx(parseExpression(printed, 'p.hcl')), `${src} -> ${printed}`).toBe(sx(once));
    }
  });

  it('adds the parentheses precedence needs when a tree was built by hand', () => {
    const r = parseExpression('0', 'p.hcl').range;
    const v = (root: string): Expr => ({ kind: 'scopeTraversal', root, rootRange: r, traversal: [], range: r });
    const bin = (op: '-' | '*' | '||', left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right, range: r });
    const tree = bin('*', bin('-', v('a'), bin('-', v('b'), v('c'))), bin('||', v('d'), v('e')));
    expect(printExpr(tree)).toBe('(a - (b - c)) * (d || e)');
    expect(value(printExpr({ kind: 'unary', op: '-', operand: bin('-', { kind: 'literal', value: 1, range: r }, { kind: 'literal', value: 3, range: r }), range: r }))).toBe(2);
  });

  it('prints bodies', () => {
    const b = parseConfig(SAMPLE, 'f.hcl');
    const again = parseConfig(printBody(b), 'f.hcl');
    expect(again.blocks.map((bl) => bl.type)).toEqual(b.blocks.map((bl) => bl.type));
    expect(evaluate(again.blocks[4]!.body.attributes[2]!.expr, testScope())).toBe(evaluate(b.blocks[4]!.body.attributes[2]!.expr, testScope()));
  });
});
