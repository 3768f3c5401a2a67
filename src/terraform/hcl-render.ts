// Rendering values as HCL for generated backend files.

import { isObject, formatNumber, type Value } from '../config/hcl/values.js';

export function renderHclValue(v: Value, indent = 0): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatNumber(v);
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

function quote(s: string): string {
  // Escape HCL template sequences too, so a literal "${" in a value stays literal.
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/\$\{/g, '$${').replace(/%\{/g, '%%{')}"`;
}
