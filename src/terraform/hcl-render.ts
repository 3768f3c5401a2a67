// Rendering values as HCL for generated backend files, the backend configuration terraform gets (Terragrunt-only
// settings removed), and HCL formatting as Terragrunt applies it to generated .tf/.hcl files (hclwrite.Format).

import { isNumber, isObject, formatNumber, type Value, type ValueObject } from '../config/hcl/values.js';

export function renderHclValue(v: Value, indent = 0): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (isNumber(v)) return formatNumber(v); // every digit: 12345678901234567890 and 0.1 stay exact
  if (typeof v === 'string') return quote(v);
  const pad = ' '.repeat(indent + 2);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => pad + renderHclValue(x, indent + 2)).join(',\n')},\n${' '.repeat(indent)}]`;
  }
  if (isObject(v)) {
    const entries = Object.entries(v);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, x]) => `${pad}${/^[A-Za-z_][\w-]*$/.test(k) ? k : quote(k)} = ${renderHclValue(x, indent + 2)}`).join('\n')}\n${' '.repeat(indent)}}`;
  }
  return 'null';
}

/**
 * A value on one line as Terragrunt passes a map or list in -backend-config (hclhelper.WrapMapToSingleLineHcl):
 * `{a="x",b=1}` with keys sorted, `["x",1]`.
 */
export function singleLineHcl(v: Value): string {
  if (Array.isArray(v)) return `[${v.map(singleLineHcl).join(',')}]`;
  if (isObject(v)) return `{${Object.keys(v).sort().map((k) => `${k}=${singleLineHcl(v[k]!)}`).join(',')}}`;
  return renderHclValue(v);
}

function quote(s: string): string {
  // Escape HCL template sequences too, so a literal "${" in a value stays literal.
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/\$\{/g, '$${').replace(/%\{/g, '%%{')}"`;
}

/**
 * A value as hclwrite's TokensForValue writes it (what Terragrunt's generated backend block holds): objects over
 * several lines with their keys sorted, lists on one line.
 */
export function renderCtyStyle(v: Value, indent: number): string {
  if (v === null || typeof v !== 'object' || isNumber(v)) return renderHclValue(v);
  if (Array.isArray(v)) return `[${v.map((x) => renderCtyStyle(x, indent)).join(', ')}]`;
  const keys = Object.keys(v).sort();
  if (keys.length === 0) return '{}';
  const pad = ' '.repeat(indent + 2);
  return `{\n${keys.map((k) => `${pad}${/^[\p{ID_Start}_][\p{ID_Continue}-]*$/u.test(k) ? k : quote(k)} = ${renderCtyStyle(v[k]!, indent + 2)}`).join('\n')}\n${' '.repeat(indent)}}`;
}

/** Settings Terragrunt reads itself (to create and tag the bucket/table) and never passes to terraform. */
const TERRAGRUNT_ONLY: Record<string, readonly string[]> = {
  s3: [
    's3_bucket_tags', 'dynamodb_table_tags', 'accesslogging_bucket_tags', 'skip_bucket_versioning', 'skip_bucket_ssencryption',
    'skip_bucket_accesslogging', 'skip_bucket_root_access', 'skip_bucket_enforced_tls', 'skip_bucket_public_access_blocking',
    'disable_bucket_update', 'enable_lock_table_ssencryption', 'disable_aws_client_checksums', 'accesslogging_bucket_name',
    'accesslogging_target_object_partition_date_source', 'accesslogging_target_prefix', 'skip_accesslogging_bucket_acl',
    'skip_accesslogging_bucket_enforced_tls', 'skip_accesslogging_bucket_public_access_blocking',
    'skip_accesslogging_bucket_ssencryption', 'bucket_sse_algorithm', 'bucket_sse_kms_key_id',
  ],
  gcs: ['project', 'location', 'gcs_bucket_labels', 'skip_bucket_versioning', 'skip_bucket_creation', 'enable_bucket_policy_only'],
};

/** S3 settings Terragrunt reads as bools: a "true"/"false" string (e.g. from a conditional) becomes a bool. */
const S3_BOOLS = new Set(['encrypt', 'force_path_style', 'skip_credentials_validation']);

/**
 * The backend configuration as terraform receives it (Terragrunt's backend GetTFInitArgs): Terragrunt-only keys
 * removed; for s3 the deprecated lock_table becomes dynamodb_table and string bools become bools.
 */
export function terraformBackendConfig(backend: string, config: ValueObject): ValueObject {
  const only = TERRAGRUNT_ONLY[backend] ?? [];
  const out: ValueObject = {};
  for (const [k, v] of Object.entries(config)) {
    if (only.includes(k)) continue;
    if (backend === 's3' && k === 'lock_table') {
      out.dynamodb_table = v;
      continue;
    }
    out[k] = backend === 's3' && S3_BOOLS.has(k) && (v === 'true' || v === 'false') ? v === 'true' : v;
  }
  return out;
}

/** The generated backend file's body (before the signature line), byte for byte as Terragrunt writes it. */
export function renderBackendBlock(backend: string, config: ValueObject, encryption?: ValueObject): string {
  const cfg = terraformBackendConfig(backend, config);
  const lines = Object.keys(cfg).sort().map((k) => `${k} = ${renderCtyStyle(cfg[k]!, 4)}`);
  const enc = encryption && Object.keys(encryption).length > 0 ? renderEncryption(encryption) : '';
  return formatHcl(`terraform {\n  backend ${quote(backend)} {\n${lines.map((l) => `    ${l}`).join('\n')}\n  }\n${enc}}\n`);
}

/**
 * OpenTofu state encryption as Terragrunt's RemoteStateConfigToTerraformCode writes it: one key provider
 * "default" of the key_provider type holding the other settings (sorted, empty strings and zeros left out), the
 * aes_gcm method using it, and state and plan encrypted with that method.
 */
function renderEncryption(encryption: ValueObject): string {
  const provider = String(encryption.key_provider);
  const attrs = Object.keys(encryption).filter((k) => k !== 'key_provider' && encryption[k] !== '' && encryption[k] !== 0 && encryption[k] !== null).sort();
  return [
    '  encryption {',
    `    key_provider ${quote(provider)} "default" {`,
    ...attrs.map((k) => `      ${k} = ${renderCtyStyle(encryption[k]!, 6)}`),
    '    }',
    '    method "aes_gcm" "default" {',
    `      keys = key_provider.${provider}.default`,
    '    }',
    '    state {',
    '      method = method.aes_gcm.default',
    '    }',
    '    plan {',
    '      method = method.aes_gcm.default',
    '    }',
    '  }',
    '',
  ].join('\n');
}

// ---- Formatting (hclwrite.Format): indentation by bracket depth and aligned `=` in runs of attribute lines. ----

interface FormatLine {
  /** Text of the logical line without its leading indentation; may span several physical lines (heredocs). */
  text: string;
  /** Index in `text` of the assignment `=` (a single-line attribute), or -1. */
  eq: number;
  /** Index in `text` of a comment following code on the first line, or -1. */
  comment: number;
  /** Net bracket change of the line up to a heredoc opener, as hclwrite counts it. */
  net: number;
  blank: boolean;
}

const OPEN = new Set(['{', '[', '(']);
const CLOSE = new Set(['}', ']', ')']);

/** Split HCL source into logical lines, tracking strings, templates, comments and heredocs. */
function formatLines(src: string): FormatLine[] {
  const out: FormatLine[] = [];
  let i = 0;
  const n = src.length;
  while (i <= n) {
    // One logical line.
    while (i < n && (src[i] === ' ' || src[i] === '\t')) i++;
    const start = i;
    let net = 0;
    let stopCounting = false;
    let eq = -1;
    let netAtEq = 0;
    let comment = -1;
    let depthAtLine = 0;
    let tokens = 0;
    const heredocs: { marker: string; indented: boolean }[] = [];
    // Template nesting inside quoted strings: each entry is the brace depth at which an interpolation opened.
    const stack: ('str' | 'interp' | 'brace')[] = [];
    let inString = false;
    let end = n;
    while (i < n) {
      const c = src[i]!;
      if (inString) {
        if (c === '\\') {
          i += 2;
          continue;
        }
        if ((c === '$' || c === '%') && src[i + 1] === '{') {
          if (src[i - 1] === c && src[i - 2] !== c) {
            // `$${` / `%%{` escape: literal text.
            i += 2;
            continue;
          }
          stack.push('interp');
          inString = false;
          if (!stopCounting) net++;
          i += 2;
          continue;
        }
        if (c === '"') {
          inString = false;
          stack.pop();
          i++;
          continue;
        }
        if (c === '\n') break; // unterminated string: let the line end
        i++;
        continue;
      }
      if (c === '\n') break;
      if (c === '#' || (c === '/' && src[i + 1] === '/')) {
        if (tokens > 0 && heredocs.length === 0) comment = i - start;
        while (i < n && src[i] !== '\n') i++;
        break;
      }
      if (c === '/' && src[i + 1] === '*') {
        const close = src.indexOf('*/', i + 2);
        i = close < 0 ? n : close + 2;
        tokens++;
        continue;
      }
      if (c === '"') {
        stack.push('str');
        inString = true;
        tokens++;
        i++;
        continue;
      }
      if (c === '<' && src[i + 1] === '<' && /[-A-Za-z_]/.test(src[i + 2] ?? '')) {
        const m = /^<<(-?)([A-Za-z_][\w-]*)[ \t]*(?=\r?\n)/.exec(src.slice(i));
        if (m) {
          heredocs.push({ marker: m[2]!, indented: m[1] === '-' });
          stopCounting = true;
          tokens++;
          i += m[0].length;
          continue;
        }
      }
      if (OPEN.has(c)) {
        if (c === '{' && stack.length > 0) stack.push('brace');
        if (!stopCounting) net++;
        depthAtLine++;
      } else if (CLOSE.has(c)) {
        if (c === '}' && stack.length > 0) {
          const top = stack.pop();
          if (top === 'interp') {
            inString = stack[stack.length - 1] === 'str';
            if (!stopCounting) net--;
            i++;
            continue;
          }
        }
        if (!stopCounting) net--;
        depthAtLine--;
      } else if (c === '=' && eq < 0 && depthAtLine === 0 && tokens > 0 && stack.length === 0) {
        const prev = src[i - 1];
        const next = src[i + 1];
        if (next !== '=' && next !== '>' && prev !== '=' && prev !== '!' && prev !== '<' && prev !== '>') {
          eq = i - start;
          netAtEq = net;
        }
      } else if (c !== ' ' && c !== '\t' && c !== '\r') {
        // Count the start of a token (enough to tell "first token" apart).
        if (i === start || src[i - 1] === ' ' || src[i - 1] === '\t' || OPEN.has(src[i - 1]!) || CLOSE.has(src[i - 1]!)) tokens++;
      }
      i++;
    }
    // Heredoc bodies belong to the line that opened them.
    for (const h of heredocs) {
      if (i >= n) break;
      i++; // the newline after the opener (or the previous body)
      for (;;) {
        const nl = src.indexOf('\n', i);
        const lineEnd = nl < 0 ? n : nl;
        const body = src.slice(i, lineEnd);
        if (body.trim() === h.marker) {
          i = lineEnd;
          break;
        }
        if (nl < 0) {
          i = n;
          break;
        }
        i = nl + 1;
      }
    }
    end = i;
    const text = src.slice(start, end).replace(/[ \t\r]+$/, '');
    // hclwrite only treats `=` as an assignment when what follows it closes every bracket it opens.
    out.push({ text, eq: eq >= 0 && net === netAtEq ? eq : -1, comment, net, blank: text === '' });
    if (i >= n) break;
    i++; // the newline
  }
  return out;
}

/**
 * HCL formatting as Terragrunt applies it to generated files (hclwrite.Format): each line indented two spaces per
 * open bracket, heredoc bodies untouched, trailing blanks dropped, and the `=` of consecutive one-line attributes
 * aligned one space after the longest name. Spacing inside a line is kept as written.
 */
export function formatHcl(src: string): string {
  const lines = formatLines(src);
  const indents: number[] = [];
  const indentOf: number[] = [];
  for (const line of lines) {
    if (line.blank) {
      indentOf.push(0);
      continue;
    }
    if (line.net > 0) {
      indentOf.push(2 * indents.length);
      indents.push(line.net);
    } else if (line.net < 0) {
      let closed = -line.net;
      while (closed > 0 && indents.length > 0) {
        const top = indents[indents.length - 1]!;
        if (closed > top) {
          closed -= top;
          indents.pop();
        } else if (closed < top) {
          indents[indents.length - 1] = top - closed;
          closed = 0;
        } else {
          indents.pop();
          closed = 0;
        }
      }
      indentOf.push(2 * indents.length);
    } else {
      indentOf.push(2 * indents.length);
    }
  }
  // Each line's code (indentation, then `=` aligned in runs of one-line attributes) and its trailing comment.
  const code: string[] = [];
  const comments: (string | undefined)[] = [];
  let k = 0;
  while (k < lines.length) {
    if (lines[k]!.eq < 0) {
      const l = lines[k]!;
      const body = l.comment >= 0 ? l.text.slice(0, l.comment).trimEnd() : l.text;
      code.push(l.blank ? '' : ' '.repeat(indentOf[k]!) + body);
      comments.push(l.comment >= 0 ? l.text.slice(l.comment) : undefined);
      k++;
      continue;
    }
    let j = k;
    let width = 0;
    while (j < lines.length && lines[j]!.eq >= 0) {
      const l = lines[j]!;
      width = Math.max(width, indentOf[j]! + l.text.slice(0, l.eq).trimEnd().length);
      j++;
    }
    for (let m = k; m < j; m++) {
      const l = lines[m]!;
      const lead = ' '.repeat(indentOf[m]!) + l.text.slice(0, l.eq).trimEnd();
      const rest = (l.comment >= 0 ? l.text.slice(l.eq + 1, l.comment) : l.text.slice(l.eq + 1)).trim();
      code.push(`${lead}${' '.repeat(width - lead.length + 1)}=${rest.length > 0 ? ` ${rest}` : ''}`);
      comments.push(l.comment >= 0 ? l.text.slice(l.comment) : undefined);
    }
    k = j;
  }
  // Trailing comments of consecutive lines line up one space after the longest code among them.
  const rendered: string[] = [];
  k = 0;
  while (k < code.length) {
    if (comments[k] === undefined) {
      rendered.push(code[k]!);
      k++;
      continue;
    }
    let j = k;
    let width = 0;
    while (j < code.length && comments[j] !== undefined) width = Math.max(width, code[j++]!.split('\n')[0]!.length);
    for (let m = k; m < j; m++) {
      const [first, ...more] = code[m]!.split('\n');
      rendered.push([`${first}${' '.repeat(width - first!.length + 1)}${comments[m]}`, ...more].join('\n'));
    }
    k = j;
  }
  return rendered.join('\n');
}
