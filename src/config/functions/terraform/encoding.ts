// Encoding functions. jsonencode is cty's JSON (sorted keys, <>& escaped, no exponents); jsondecode reports
// Go's decoder messages; yamlencode reproduces go-cty-yaml's libyaml emitter byte for byte for the shapes
// configs produce (every string double-quoted, keys too, multi-line strings as literal blocks, long strings
// folded at column 80, "..." after a bare root scalar); yamldecode resolves scalars with YAML 1.1 rules as
// cty-yaml does (yes/no/on/off are booleans, timestamps become RFC 3339 strings).

import { createRequire } from 'node:module';
import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';
import type { Document, Node } from 'yaml';
import type { FunctionTable } from '../../hcl/functions.js';
import { parseJson } from '../../hcl/json.js';
import { bigIntVal, parseNumber, type Num } from '../../hcl/numbers.js';
import {
  compareStrings,
  primitiveToString,
  def,
  fail,
  goJson,
  isNumber,
  isObject,
  numToStr,
  sortedObject,
  toStr,
  type Value,
} from './util.js';

/** The yaml package takes ~40 ms to load and only yamldecode needs it: load it on first use, not at start-up. */
let yamlModule: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

// ---------------------------------------------------------------------------------------------------------
// yamlencode: libyaml's emitter, reduced to the block styles and scalars cty-yaml uses.

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

/** libyaml's is_printable (go-yaml v2): no tabs, no C1 controls, nothing beyond the BMP. */
function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

const isBreak = (c: string) => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';

/** Whether libyaml would allow a literal block for this string. */
function blockAllowed(s: string): boolean {
  const cps = Array.from(s);
  if (cps.length > 0 && cps[cps.length - 1] === ' ') return false;
  for (let k = 0; k < cps.length; k++) {
    const c = cps[k]!;
    if (!isPrintable(c.codePointAt(0)!) || (isBreak(c) && c !== '\n')) return false;
    if (c === ' ' && cps[k + 1] !== undefined && isBreak(cps[k + 1]!)) return false;
  }
  return true;
}

const ESCAPES: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0x2028: 'L',
  0x2029: 'P',
};

class YamlEmitter {
  out = '';
  private column = 0;
  private whitespace = true;
  private indention = true;

  private put(s: string): void {
    this.out += s;
    this.column += Array.from(s).length;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
    this.indention = true;
  }

  private writeIndent(indent: number): void {
    const ind = Math.max(indent, 0);
    if (!this.indention || this.column > ind || (this.column === ind && !this.whitespace)) this.putBreak();
    while (this.column < ind) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(ind: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(ind);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** Emits a document; returns true when its root was a plain scalar (which libyaml ends with "..."). */
  document(v: Value): void {
    const plainRoot = v === null || (typeof v !== 'string' && !Array.isArray(v) && !isObject(v));
    this.node(v, -1, { mapping: false, simpleKey: false });
    this.writeIndent(-1);
    if (plainRoot) {
      this.put('...');
      this.putBreak();
    }
  }

  private node(v: Value, indent: number, ctx: { mapping: boolean; simpleKey: boolean }): void {
    if (Array.isArray(v)) {
      if (v.length === 0) return this.flowEmpty('[', ']');
      return this.sequence(v, indent, ctx.mapping && !this.indention);
    }
    if (isObject(v)) {
      const keys = Object.keys(v).sort(compareStrings);
      if (keys.length === 0) return this.flowEmpty('{', '}');
      return this.mapping(v, keys, indent);
    }
    const scalarIndent = indent < 0 ? BEST_INDENT : indent + BEST_INDENT;
    if (typeof v === 'string') {
      if (!ctx.simpleKey && v.includes('\n') && blockAllowed(v)) return this.literal(v, scalarIndent);
      return this.doubleQuoted(v, scalarIndent, !ctx.simpleKey);
    }
    this.plain(v === null ? 'null' : isNumber(v) ? numToStr(v) : String(v));
  }

  private flowEmpty(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private sequence(items: Value[], indent: number, indentless: boolean): void {
    const seqIndent = indent < 0 ? 0 : indentless ? indent : indent + BEST_INDENT;
    for (const item of items) {
      this.writeIndent(seqIndent);
      this.writeIndicator('-', true, false, true);
      this.node(item, seqIndent, { mapping: false, simpleKey: false });
    }
  }

  private mapping(obj: Record<string, Value>, keys: string[], indent: number): void {
    const mapIndent = indent < 0 ? 0 : indent + BEST_INDENT;
    for (const k of keys) {
      this.writeIndent(mapIndent);
      // libyaml's check_simple_key: at most 128 bytes and on one line.
      const simple = Buffer.byteLength(k) <= 128 && !Array.from(k).some(isBreak);
      if (simple) {
        this.node(k, mapIndent, { mapping: true, simpleKey: true });
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.node(k, mapIndent, { mapping: true, simpleKey: false });
        this.writeIndent(mapIndent);
        this.writeIndicator(':', true, false, true);
      }
      this.node(obj[k]!, mapIndent, { mapping: true, simpleKey: false });
    }
  }

  private plain(text: string): void {
    if (!this.whitespace) this.put(' ');
    this.put(text);
    this.whitespace = false;
    this.indention = false;
  }

  private doubleQuoted(s: string, indent: number, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const cps = Array.from(s);
    let spaces = false;
    for (let k = 0; k < cps.length; k++) {
      const c = cps[k]!;
      const cp = c.codePointAt(0)!;
      if (!isPrintable(cp) || isBreak(c) || c === '"' || c === '\\') {
        const short = ESCAPES[cp];
        if (short) this.put(`\\${short}`);
        else if (cp <= 0xff) this.put(`\\x${cp.toString(16).toUpperCase().padStart(2, '0')}`);
        else if (cp <= 0xffff) this.put(`\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`);
        else this.put(`\\U${cp.toString(16).toUpperCase().padStart(8, '0')}`);
        spaces = false;
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && k > 0 && k < cps.length - 1) {
          this.writeIndent(indent);
          if (cps[k + 1] === ' ') this.put('\\');
        } else {
          this.put(c);
        }
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
  }

  private literal(s: string, indent: number): void {
    this.writeIndicator('|', true, false, false);
    const cps = Array.from(s);
    let hints = '';
    if (cps[0] === ' ' || isBreak(cps[0]!)) hints += String(BEST_INDENT);
    const last = cps.length - 1;
    if (!isBreak(cps[last]!)) hints += '-';
    else if (last === 0 || isBreak(cps[last - 1]!)) hints += '+';
    if (hints) this.writeIndicator(hints, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of cps) {
      if (isBreak(c)) {
        this.putBreak();
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        breaks = false;
        this.put(c);
        this.indention = false;
      }
    }
  }
}

export function yamlEncode(v: Value): string {
  const e = new YamlEmitter();
  e.document(v);
  return e.out;
}

// ---------------------------------------------------------------------------------------------------------
// yamldecode: parse with the yaml package (failsafe schema: every scalar a string) and resolve scalars the
// way go-cty-yaml does.

const TAG = 'tag:yaml.org,2002:';

const RESOLVE: Record<string, Value> = {};
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) RESOLVE[s] = true;
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) RESOLVE[s] = false;
for (const s of ['', '~', 'null', 'Null', 'NULL']) RESOLVE[s] = null;
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) RESOLVE[s] = Infinity;
for (const s of ['-.inf', '-.Inf', '-.INF']) RESOLVE[s] = -Infinity;

/** cty.ParseNumberVal: Go's big.Float parsing with base prefixes (0x, 0o, 0b) but no leading-zero octal. */
function parseYamlNumber(s: string): Num | undefined {
  const m = /^([-+]?)(?:0([xXoObB])([0-9a-fA-F_]+)|((?:\d[\d_]*)?\.?[\d_]*(?:[eE][-+]?\d+)?))$/.exec(s);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  if (m[2]) {
    const base = { x: 16, o: 8, b: 2 }[m[2].toLowerCase() as 'x' | 'o' | 'b'];
    const digits = m[3]!.replace(/_/g, '');
    if (digits === '' || ![...digits].every((d) => parseInt(d, base) < base)) return undefined;
    return bigIntVal(BigInt(sign) * BigInt(`0${m[2].toLowerCase()}${digits}`));
  }
  const body = m[4]!;
  if (!/\d/.test(body) || body.includes('_')) return undefined;
  return parseNumber(`${m[1]}${body}`);
}

const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]| )(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(Z|[-+]\d{2}:\d{2})?)?$/;

/** YAML 1.1 timestamps as RFC 3339 strings (cty has no time type); undefined when not a timestamp. */
function parseYamlTimestamp(s: string): string | undefined {
  const m = TIMESTAMP.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', se = '0', zone] = m;
  // A space-separated time carries no zone; "T" forms require one (Go's layouts).
  if (m[4] !== undefined && /T|t/.test(s) !== (zone !== undefined)) return undefined;
  const pad = (x: string) => x.padStart(2, '0');
  const z = zone === undefined || zone === 'Z' || zone === '+00:00' ? 'Z' : zone;
  if (Number(mo) > 12 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(se) > 59) return undefined;
  return `${y}-${pad(mo!)}-${pad(d!)}T${pad(h)}:${pad(mi)}:${pad(se)}${z}`;
}

function resolveScalar(src: string, tag: string | undefined, plain: boolean): Value {
  if (tag === undefined && !plain) return src;
  if (tag !== undefined && !tag.startsWith(TAG)) fail(`unsupported tag "${tag}"`);
  const t = tag?.slice(TAG.length);
  if (t === 'str' || t === 'binary') {
    if (t === 'binary' && !/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(src)) fail(`cannot parse "${src}" as !!binary: not valid base64`);
    return src;
  }
  if (t === undefined) {
    if (Object.prototype.hasOwnProperty.call(RESOLVE, src)) return RESOLVE[src]!;
    if (/^\.(nan|NaN|NAN)$/.test(src)) fail('floating point NaN is not supported');
    const first = src[0] ?? '';
    if (/[-+0-9.]/.test(first)) {
      if (first !== '.') {
        const ts = parseYamlTimestamp(src);
        if (ts) return ts;
      }
      // Unlike tagged numbers, untagged ones keep underscores (so 1_000 stays a string), as Terraform 1.11 does.
      const n = parseYamlNumber(src);
      if (n !== undefined) return n;
    }
    return src;
  }
  switch (t) {
    case 'bool':
      if (typeof RESOLVE[src] === 'boolean') return RESOLVE[src]!;
      break;
    case 'int':
    case 'float': {
      const n = parseYamlNumber(src.replace(/_/g, ''));
      if (n !== undefined) return n;
      break;
    }
    case 'null':
      return null;
    case 'timestamp': {
      const ts = parseYamlTimestamp(src);
      if (ts) return ts;
      break;
    }
    default:
      fail(`unsupported tag "!!${t}"`);
  }
  return fail(`cannot parse ${JSON.stringify(src)} as ${tag}`);
}

function yamlNode(node: Node | null | undefined, doc: Document, src: string): Value {
  if (node === null || node === undefined) return null;
  const { isAlias, isMap, isScalar, isSeq } = yaml();
  if (isAlias(node)) return yamlNode(node.resolve(doc) as Node | undefined, doc, src);
  if (isScalar(node)) return resolveScalar(String(node.value ?? ''), node.tag, node.type === 'PLAIN');
  if (isSeq(node)) return node.items.map((n) => yamlNode(n as Node, doc, src));
  if (isMap(node)) {
    const entries = new Map<string, Value>();
    for (const pair of node.items) {
      const at = (pair.key as Node | null)?.range;
      if (at && at[0] === at[1] && src[at[0]] === ':') {
        // A ':' with no key before it: libyaml's parser error, placed as go-cty-yaml places it (the 0-based
        // line of the ':', and no position at all on the first line).
        const { line, col } = lineCol(src, at[0]);
        fail(`${line > 1 ? `on line ${line - 1}, column ${col}: ` : ''}did not find expected key`);
      }
      const k = yamlNode(pair.key as Node, doc, src);
      if (k === null) fail('mapping key cannot be null');
      const key = primitiveToString(k);
      if (key === undefined) fail('only strings are allowed as mapping keys');
      entries.set(key, yamlNode(pair.value as Node, doc, src));
    }
    return sortedObject(entries);
  }
  return fail('unsupported YAML node');
}

function yamlDecode(src: string): Value {
  const docs = yaml().parseAllDocuments(src, { schema: 'failsafe', uniqueKeys: false, prettyErrors: false });
  if (!Array.isArray(docs) || docs.length === 0) fail('on line 1, column 1: missing start of document');
  const doc = docs[0]!;
  const err = doc.errors[0];
  if (err) {
    const pos = err.linePos?.[0];
    const msg = err.message.replace(/ at line \d+, column \d+.*$/s, '');
    fail(`on line ${pos?.line ?? 1}, column ${pos?.col ?? 1}: ${msg}`);
  }
  if (docs.length > 1) {
    const pos = doc.contents?.range ? lineCol(src, doc.contents.range[0]) : { line: 1, col: 1 };
    fail(`on line ${pos.line}, column ${pos.col}: unexpected extra content after value`);
  }
  return yamlNode(doc.contents as Node | null, doc, src);
}

function lineCol(src: string, offset: number): { line: number; col: number } {
  const before = src.slice(0, offset).split('\n');
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

// ---------------------------------------------------------------------------------------------------------
// csvdecode: Go's encoding/csv with the first record as the header.

function parseCsv(src: string): { records: string[][]; lines: number[] } {
  const records: string[][] = [];
  const lines: number[] = [];
  const s = src.replace(/\r\n/g, '\n');
  let i = 0;
  let line = 1;
  while (i < s.length) {
    if (s[i] === '\n') {
      // Blank lines are skipped.
      i++;
      line++;
      continue;
    }
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (s[i] === '"') {
        i++;
        for (;;) {
          if (i >= s.length) fail(`CSV parse error on line ${startLine}: extraneous or missing " in quoted-field`);
          const c = s[i]!;
          if (c === '"') {
            if (s[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        if (i < s.length && s[i] !== ',' && s[i] !== '\n') {
          fail(`CSV parse error on line ${line}: extraneous or missing " in quoted-field`);
        }
      } else {
        while (i < s.length && s[i] !== ',' && s[i] !== '\n') {
          if (s[i] === '"') fail(`CSV parse error on line ${line}: bare " in non-quoted-field`);
          field += s[i];
          i++;
        }
      }
      fields.push(field);
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === '\n') {
        i++;
        line++;
      }
      break;
    }
    records.push(fields);
    lines.push(startLine);
  }
  return { records, lines };
}

function csvDecode(src: string): Value {
  const { records, lines } = parseCsv(src);
  if (records.length === 0) fail('missing header line');
  const header = records[0]!;
  return records.slice(1).map((r, k) => {
    if (r.length !== header.length) fail(`CSV parse error on line ${lines[k + 1]}: wrong number of fields`);
    return sortedObject(header.map((h, j): [string, Value] => [h, r[j]!]));
  });
}

// ---------------------------------------------------------------------------------------------------------

function base64Decode(s: string): Buffer {
  // Go's StdEncoding: padding required, newlines ignored, nothing else.
  const t = s.replace(/[\r\n]/g, '');
  if (t.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(t)) {
    fail(`failed to decode base64 data "${s}"`);
  }
  return Buffer.from(t, 'base64');
}

function utf8(bytes: Buffer, message: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(message);
  }
}

/** Go's url.QueryEscape: unreserved characters stay, space becomes "+", the rest %XX of their UTF-8 bytes. */
function queryEscape(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'latin1' | 'ascii';

const ENCODINGS: Record<string, TextEncoding> = {
  'utf-8': 'utf8',
  utf8: 'utf8',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  'iso-8859-1': 'latin1',
  'iso_8859-1': 'latin1',
  latin1: 'latin1',
  'us-ascii': 'ascii',
  ascii: 'ascii',
};

function encodingArg(v: Value): TextEncoding {
  const name = toStr(v, 1);
  const enc = ENCODINGS[name.toLowerCase()];
  if (!enc) fail(`"${name}" is not a supported IANA encoding name or alias in this Terraform version`, 1);
  return enc;
}

function encodeText(s: string, enc: TextEncoding): Buffer {
  if (enc === 'utf16be') return Buffer.from(s, 'utf16le').swap16();
  if (enc === 'latin1' || enc === 'ascii') {
    const max = enc === 'latin1' ? 0xff : 0x7f;
    for (const c of s) {
      if (c.codePointAt(0)! > max) fail(`the given string contains characters that cannot be represented in ${enc === 'latin1' ? 'ISO-8859-1' : 'US-ASCII'}`);
    }
    return Buffer.from(s, 'latin1');
  }
  return Buffer.from(s, enc);
}

function decodeText(b: Buffer, enc: TextEncoding): string {
  if (enc === 'utf16be') return Buffer.from(b).swap16().toString('utf16le');
  return b.toString(enc);
}

/**
 * gzip as Go's gzip.Writer writes it after Write, Flush and Close (what base64gzip does): a header with no
 * name or time and OS 255, the data deflated up to a sync flush, then an empty final stored block. zlib and
 * Go's compress/flate find the same matches for short inputs, so those come out byte for byte as Terraform's;
 * longer ones may be compressed differently but decompress to the same text.
 */
function goGzip(data: Buffer): Buffer {
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  const body = deflateRawSync(data, { level: 6, finishFlush: zlibConstants.Z_SYNC_FLUSH });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data), 0);
  trailer.writeUInt32LE(data.length >>> 0, 4);
  return Buffer.concat([header, body, Buffer.from([1, 0, 0, 0xff, 0xff]), trailer]);
}

export const encodingFunctions: FunctionTable = {
  jsonencode: def({ params: ['val'], allowNull: ['val'], impl: (args) => goJson(args[0]!) }),
  jsondecode: def({ params: ['str'], impl: (args) => parseJson(toStr(args[0]!, 0)) }),
  yamlencode: def({ params: ['value'], allowNull: ['value'], impl: (args) => yamlEncode(args[0]!) }),
  yamldecode: def({ params: ['src'], impl: (args) => yamlDecode(toStr(args[0]!, 0)) }),
  base64gzip: def({ params: ['str'], impl: (args) => goGzip(Buffer.from(toStr(args[0]!, 0), 'utf8')).toString('base64') }),
  base64encode: def({ params: ['str'], impl: (args) => Buffer.from(toStr(args[0]!, 0), 'utf8').toString('base64') }),
  base64decode: def({
    params: ['str'],
    impl: (args) => utf8(base64Decode(toStr(args[0]!, 0)), 'the result of decoding the provided string is not valid UTF-8'),
  }),
  urlencode: def({ params: ['str'], impl: (args) => queryEscape(toStr(args[0]!, 0)) }),
  csvdecode: def({ params: ['str'], impl: (args) => csvDecode(toStr(args[0]!, 0)) }),
  textencodebase64: def({
    params: ['string', 'encoding'],
    impl: (args) => encodeText(toStr(args[0]!, 0), encodingArg(args[1]!)).toString('base64'),
  }),
  textdecodebase64: def({
    params: ['source', 'encoding'],
    impl: (args) => decodeText(base64Decode(toStr(args[0]!, 0)), encodingArg(args[1]!)),
  }),
};
