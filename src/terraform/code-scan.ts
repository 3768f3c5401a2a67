// What a root module's own terraform code asks of `init`, read from its top-level files without terraform:
// a backend or cloud block, module calls, providers other than the built-in `terraform` one. Used to decide
// whether a working dir needs `.terraform` at all, and whether its state can only be local. The reading is
// deliberately simple (Terragrunt's is a regex over the files too); whatever it cannot read counts as "needs init".

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface CodeNeeds {
  /** No .tf / .tf.json / .tofu file at all: nothing is known. */
  empty: boolean;
  /** `backend "TYPE"` in a terraform block ('cloud' for a cloud block). */
  backend?: string;
  modules: boolean;
  /** A provider that init must install (any but terraform.io/builtin/terraform). */
  providers: boolean;
  /** A file tgo could not read (bad JSON): treat as needing everything. */
  unreadable: boolean;
}

const BUILTIN = 'terraform';
export const isCode = (name: string) => /\.(tf|tofu|tf\.json|tofu\.json)$/.test(name) && !name.startsWith('.');

export function scanCode(dir: string): CodeNeeds {
  const needs: CodeNeeds = { empty: true, modules: false, providers: false, unreadable: false };
  let names: string[];
  try {
    names = readdirSync(dir).filter(isCode).sort();
  } catch {
    return { ...needs, unreadable: true };
  }
  for (const name of names) {
    needs.empty = false;
    let text: string;
    try {
      text = readFileSync(path.join(dir, name), 'utf8');
    } catch {
      needs.unreadable = true;
      continue;
    }
    if (name.endsWith('.json')) scanJson(text, needs);
    else scanHcl(stripComments(text), needs);
  }
  return needs;
}

/** True when `init` has something to do for this code: a backend, modules or providers to install. */
export function codeNeedsInit(n: CodeNeeds): boolean {
  return n.empty || n.unreadable || n.backend !== undefined || n.modules || n.providers;
}

function scanHcl(text: string, needs: CodeNeeds): void {
  const backend = /^\s*backend\s+"([^"]+)"/m.exec(text);
  if (backend) needs.backend ??= backend[1]!;
  if (/^\s*cloud\s*\{/m.test(text)) needs.backend ??= 'cloud';
  if (/^\s*module\s+"[^"]+"/m.test(text)) needs.modules = true;
  for (const m of text.matchAll(/^\s*provider\s+"([^"]+)"/gm)) if (m[1] !== BUILTIN) needs.providers = true;
  // Resources and data sources name their provider by prefix (aws_s3_bucket → aws); terraform_data is built in.
  for (const m of text.matchAll(/^\s*(?:resource|data|ephemeral)\s+"([A-Za-z0-9-]+?)(?:_[^"]*)?"/gm)) if (m[1] !== BUILTIN) needs.providers = true;
  for (const block of blocksNamed(text, 'required_providers')) {
    for (const m of block.matchAll(/^\s*([A-Za-z][\w-]*)\s*=/gm)) if (m[1] !== BUILTIN && m[1] !== 'source' && m[1] !== 'version') needs.providers = true;
  }
}

function scanJson(text: string, needs: CodeNeeds): void {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch {
    needs.unreadable = true;
    return;
  }
  const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v : v && typeof v === 'object' ? [v] : []) as Record<string, unknown>[];
  for (const tf of list(doc.terraform)) {
    for (const b of list(tf.backend)) needs.backend ??= Object.keys(b)[0];
    if (tf.cloud) needs.backend ??= 'cloud';
    for (const rp of list(tf.required_providers)) if (Object.keys(rp).some((k) => k !== BUILTIN)) needs.providers = true;
  }
  if (list(doc.module).some((m) => Object.keys(m).length > 0)) needs.modules = true;
  for (const p of list(doc.provider)) if (Object.keys(p).some((k) => k !== BUILTIN)) needs.providers = true;
  for (const kind of ['resource', 'data', 'ephemeral']) {
    for (const r of list(doc[kind])) if (Object.keys(r).some((t) => t.split('_')[0] !== BUILTIN)) needs.providers = true;
  }
}

/** The bodies of every `NAME {…}` block (braces balanced; strings are not special, which is fine for these blocks). */
export function blocksNamed(text: string, name: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(new RegExp(`\\b${name}\\s*\\{`, 'g'))) {
    let depth = 1;
    let i = m.index! + m[0].length;
    const start = i;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}') depth--;
    }
    out.push(text.slice(start, i - 1));
  }
  return out;
}

/** Line (#, //) and block comments out, so a commented-out module or backend does not count. */
export function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*(#|\/\/).*$/gm, '');
}
