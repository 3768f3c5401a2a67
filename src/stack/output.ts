// `stack output`: the outputs of every unit a stack file declares, as one object keyed the way Terragrunt keys it
// (internal/stacks/output): a unit's key is the names of the stacks it was generated in, outermost first, then its
// own name ("dev.api.url"); the dotted keys nest into objects. Printed as HCL attributes (default), JSON, or one
// raw value.

import { formatHcl, renderCtyStyle } from '../terraform/hcl-render.js';
import { isObject, type Value, type ValueObject } from '../config/hcl/values.js';
import { UsageError } from '../errors.js';
import type { StackFile } from '../config/stack-file.js';

export type OutputFormat = 'hcl' | 'json' | 'raw';

/** Each declared (enabled) unit's directory → its dotted key. */
export function unitKeys(files: StackFile[]): Map<string, string> {
  const stacks = new Map<string, string>();
  for (const f of files) for (const c of f.components) if (c.enabled && c.kind === 'stack') stacks.set(c.dest, c.name);
  const keys = new Map<string, string>();
  for (const f of files) {
    for (const c of f.components) {
      if (!c.enabled || c.kind !== 'unit') continue;
      // The stacks whose generated directory holds the unit, outermost (shortest path) first.
      const outer = [...stacks].filter(([dir]) => c.dest.startsWith(`${dir}/`)).sort((a, b) => a[0].length - b[0].length).map(([, n]) => n);
      keys.set(c.dest, [...outer, c.name].join('.'));
    }
  }
  return keys;
}

/** The flat `a.b.unit` → outputs map as nested objects. */
export function nestOutputs(flat: Map<string, ValueObject>): ValueObject {
  const out: ValueObject = {};
  for (const key of [...flat.keys()].sort()) {
    const parts = key.split('.');
    let cur = out;
    for (const part of parts.slice(0, -1)) {
      const next = cur[part];
      if (next !== undefined && !isObject(next)) throw new Error(`stack output: "${key}" nests under "${part}", which is a unit's outputs`);
      cur = (cur[part] ??= {}) as ValueObject;
    }
    cur[parts[parts.length - 1]!] = flat.get(key)!;
  }
  return out;
}

/** Terragrunt's FilterOutputs: `a.b` keeps only that branch, still nested; undefined when it is not there. */
export function filterOutputs(outputs: ValueObject, index: string | undefined): ValueObject | undefined {
  if (!index) return outputs;
  const parts = index.split('.');
  let cur: Value = outputs;
  for (const p of parts) {
    if (!isObject(cur) || !(p in cur)) return undefined;
    cur = cur[p]!;
  }
  let nested: Value = cur;
  for (const p of [...parts].reverse()) nested = { [p]: nested };
  return nested as ValueObject;
}

export function renderOutputs(outputs: ValueObject | undefined, format: OutputFormat): string {
  if (outputs === undefined) return '';
  if (format === 'json') return `${JSON.stringify(sortKeys(outputs), null, 2)}\n`;
  if (format === 'raw') return rawValue(outputs);
  return formatHcl(Object.keys(outputs).sort().map((k) => `${k} = ${renderCtyStyle(outputs[k]!, 0)}\n`).join(''));
}

/** -raw: one primitive, reached through objects of a single key each (Terragrunt's PrintRawOutputs). */
function rawValue(outputs: ValueObject): string {
  const keys = Object.keys(outputs);
  if (keys.length === 0) return '';
  if (keys.length > 1) {
    throw new UsageError('--raw needs a single output value, but the stack has several: name the one to print (e.g. tgo stack output --raw app.vpc.vpc_id)');
  }
  let key = keys[0]!;
  let v: Value = outputs[key]!;
  while (isObject(v)) {
    const inner = Object.keys(v);
    if (inner.length !== 1) throw new UsageError(`--raw prints strings, numbers and booleans only, but "${key}" is an object: use --format json for it`);
    key = inner[0]!;
    v = v[key]!;
  }
  if (v === null) throw new UsageError(`--raw prints strings, numbers and booleans only, but "${key}" is null`);
  if (Array.isArray(v)) throw new UsageError(`--raw prints strings, numbers and booleans only, but "${key}" is a list: use --format json for it`);
  return String(v);
}

function sortKeys(v: Value): Value {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isObject(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k]!)]));
  return v;
}
