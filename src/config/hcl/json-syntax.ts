// HCL's JSON syntax (terragrunt.hcl.json; hashicorp/hcl json/spec.md) read into the same syntax tree as native
// HCL, so decoding, evaluation and errors are shared. JSON has no syntax for blocks: which property is a block is
// decided by the schema (a `dependency` property holds an object keyed by label, whose values are block bodies,
// or arrays of them); everything else is an attribute. Strings are templates (`"${local.x}"`), numbers keep
// their digits (arbitrary precision as in native HCL), a property named "//" is a comment.

import type { Attribute, Block, Body, Expr, ObjectItem, Pos, Range } from './ast.js';
import { HclSyntaxError } from './errors.js';
import { parseNumber } from './numbers.js';
import { parseTemplate } from './parser.js';

/** The part of a body schema that decides block or attribute. */
export interface JsonBodySchema {
  blocks?: Record<string, { labels: string[]; optionalLabel?: boolean; body: JsonBodySchema }>;
}

type JsonValue =
  | { t: 'object'; props: { key: string; keyRange: Range; value: JsonValue }[]; range: Range }
  | { t: 'array'; items: JsonValue[]; range: Range }
  | { t: 'string'; value: string; range: Range }
  | { t: 'number'; text: string; range: Range }
  | { t: 'literal'; value: boolean | null; range: Range };

/** Parses a terragrunt.hcl.json (or any HCL JSON file) into a Body, with `schema` deciding which names are blocks. */
export function parseJsonConfig(text: string, filename: string, schema: JsonBodySchema): Body {
  const root = readJson(text, filename);
  if (root.t !== 'object') throw new HclSyntaxError(root.range, 'Incorrect JSON value type', 'The root of a JSON configuration must be an object.');
  return body(root, schema, filename);
}

function body(obj: JsonValue & { t: 'object' }, schema: JsonBodySchema, filename: string): Body {
  const attributes: Attribute[] = [];
  const blocks: Block[] = [];
  for (const { key, keyRange, value } of obj.props) {
    if (key === '//') continue;
    const block = schema.blocks?.[key];
    if (!block) {
      attributes.push({ name: key, expr: expression(value, filename), range: span(keyRange, value.range), nameRange: keyRange });
      continue;
    }
    // A label-less include written as its body ({"path": …}) rather than under an empty label ({"": {…}}).
    const labelled = block.labels.length > 0 && !(block.optionalLabel && value.t === 'object' && value.props.some((p) => p.value.t !== 'object'));
    const start = blocks.length;
    collectBlocks(key, keyRange, value, labelled ? block.labels.length : 0, [], block.body, filename, blocks);
    // `"include": {"": {…}}` is the bare include of native HCL (`include {…}`).
    if (block.optionalLabel) for (const b of blocks.slice(start)) if (b.labels.length === 1 && b.labels[0] === '') b.labels = [];
  }
  return { attributes, blocks, range: obj.range };
}

function collectBlocks(type: string, typeRange: Range, value: JsonValue, labelsLeft: number, labels: string[], schema: JsonBodySchema,
  filename: string, out: Block[]): void {
  if (labelsLeft > 0) {
    if (value.t !== 'object') {
      throw new HclSyntaxError(value.range, 'Incorrect JSON value type', `A JSON object is required here, whose property names are the labels of the "${type}" block.`);
    }
    for (const p of value.props) collectBlocks(type, typeRange, p.value, labelsLeft - 1, [...labels, p.key], schema, filename, out);
    return;
  }
  for (const item of value.t === 'array' ? value.items : [value]) {
    if (item.t !== 'object') throw new HclSyntaxError(item.range, 'Incorrect JSON value type', `A JSON object is required here, the body of a "${type}" block.`);
    out.push({ type, labels, body: body(item, schema, filename), range: span(typeRange, item.range), typeRange });
  }
}

/** A JSON value as an HCL expression (the spec's expression mode): strings are templates, the rest literal. */
function expression(v: JsonValue, filename: string): Expr {
  switch (v.t) {
    case 'string': return template(v.value, v.range, filename);
    case 'number': return { kind: 'literal', value: parseNumber(v.text)!, range: v.range };
    case 'literal': return { kind: 'literal', value: v.value, range: v.range };
    case 'array': return { kind: 'tuple', items: v.items.map((i) => expression(i, filename)), range: v.range };
    case 'object': {
      const items: ObjectItem[] = v.props.map((p) => ({ key: template(p.key, p.keyRange, filename), keyIsBareName: false, value: expression(p.value, filename) }));
      return { kind: 'object', items, range: v.range };
    }
  }
}

function template(s: string, range: Range, filename: string): Expr {
  if (!s.includes('${') && !s.includes('%{')) return { kind: 'literal', value: s, range };
  // Positions inside count from just after the opening quote (exact unless the string holds escapes).
  const at: Pos = { line: range.start.line, column: range.start.column + 1, offset: range.start.offset + 1 };
  return parseTemplate(s, filename, at);
}

const span = (a: Range, b: Range): Range => ({ filename: a.filename, start: a.start, end: b.end });

/** A small JSON reader that keeps positions and the digits of numbers. */
function readJson(text: string, filename: string): JsonValue {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = 0;
  const pos = (): Pos => ({ line, column: i - lineStart + 1, offset: i });
  const fail = (summary: string, detail: string): never => {
    const p = pos();
    throw new HclSyntaxError({ filename, start: p, end: p }, summary, detail);
  };
  const ws = () => {
    while (i < text.length) {
      const c = text[i]!;
      if (c === '\n') {
        line++;
        lineStart = i + 1;
      } else if (c !== ' ' && c !== '\t' && c !== '\r') break;
      i++;
    }
  };
  const str = (): string => {
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= text.length || text[i] === '\n') fail('Unterminated string', 'A JSON string must end with a " on the same line.');
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail('Invalid escape sequence', `"\\${e ?? ''}" is not a JSON escape.`);
        continue;
      }
      out += c;
      i++;
    }
  };
  const value = (): JsonValue => {
    ws();
    const start = pos();
    const range = (): Range => ({ filename, start, end: pos() });
    const c = text[i];
    if (c === '{') {
      i++;
      const props: { key: string; keyRange: Range; value: JsonValue }[] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { t: 'object', props, range: range() };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('Invalid JSON object', 'A property name in double quotes is expected here.');
        const ks = pos();
        const key = str();
        const keyRange: Range = { filename, start: ks, end: pos() };
        ws();
        if (text[i] !== ':') fail('Missing property value colon', 'A colon must follow a JSON property name.');
        i++;
        props.push({ key, keyRange, value: value() });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { t: 'object', props, range: range() };
        }
        fail('Invalid JSON object', 'A comma or a closing brace is expected here.');
      }
    }
    if (c === '[') {
      i++;
      const items: JsonValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { t: 'array', items, range: range() };
      }
      for (;;) {
        items.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { t: 'array', items, range: range() };
        }
        fail('Invalid JSON array', 'A comma or a closing bracket is expected here.');
      }
    }
    if (c === '"') {
      const s = str();
      return { t: 'string', value: s, range: range() };
    }
    const num = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (num) {
      i += num[0].length;
      return { t: 'number', text: num[0], range: range() };
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { t: 'literal', value: v, range: range() };
      }
    }
    return fail('Invalid JSON value', i >= text.length ? 'The file ends where a value is expected.' : `Unexpected character ${JSON.stringify(c)}.`);
  };
  const root = value();
  ws();
  if (i < text.length) fail('Extraneous data after value', 'A JSON configuration holds one object and nothing after it.');
  return root;
}
