// What terraform's provider installer looks at, read without terraform: the providers a root module's own
// code requires, the dependency lock file, the h1: hash of an unpacked provider package and the platform
// directory name. The provider cache (provider-cache.ts) uses them to prove that an init will only link from
// the shared cache; whatever these readers cannot pin down exactly counts as "may install".

import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, realpathSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import path from 'node:path';
import { LOCK_FILE } from '../source/copy.js';
import { blocksNamed, isCode, stripComments } from './code-scan.js';

const DEFAULT_HOST = 'registry.terraform.io';
const BUILTIN = 'terraform';

export interface Requirements {
  /**
   * True when the code names its providers completely in required_providers of its top-level .tf files: no
   * module calls (their providers are not visible here), no JSON, no resource, data source or provider block of
   * a local name required_providers does not declare, no local name declared twice.
   */
  exact: boolean;
  /** Provider address (host/namespace/type, lower case) → its version constraint as written ('' for none). */
  providers: Map<string, string>;
}

/** terraform's provider source address in full: `aws` → registry.terraform.io/hashicorp/aws. */
export function providerAddress(source: string): string {
  const parts = source.toLowerCase().split('/');
  if (parts.length === 1) return `${DEFAULT_HOST}/hashicorp/${parts[0]}`;
  if (parts.length === 2) return `${DEFAULT_HOST}/${parts.join('/')}`;
  return parts.join('/');
}

/** The providers a root module's own top-level files require (see Requirements.exact for what is left out). */
export function providerRequirements(dir: string): Requirements {
  const out: Requirements = { exact: true, providers: new Map() };
  const declared = new Set<string>();
  const used = new Set<string>();
  let names: string[];
  try {
    names = readdirSync(dir).filter(isCode).sort();
  } catch {
    return { exact: false, providers: out.providers };
  }
  for (const name of names) {
    let text: string;
    try {
      text = readFileSync(path.join(dir, name), 'utf8');
    } catch {
      out.exact = false;
      continue;
    }
    if (name.endsWith('.json')) {
      out.exact = false;
      continue;
    }
    text = stripComments(text);
    if (/^\s*module\s+"/m.test(text)) out.exact = false;
    for (const m of text.matchAll(/^\s*provider\s+"([^"]+)"/gm)) used.add(m[1]!);
    for (const m of text.matchAll(/^\s*(?:resource|data|ephemeral)\s+"([A-Za-z0-9-]+?)(?:_[^"]*)?"/gm)) used.add(m[1]!);
    for (const block of blocksNamed(text, 'required_providers')) {
      for (const m of block.matchAll(/([A-Za-z][\w-]*)\s*=\s*(\{[^}]*\}|"[^"]*")/g)) {
        const local = m[1]!;
        if (local === BUILTIN) continue;
        if (declared.has(local)) out.exact = false;
        declared.add(local);
        const body = m[2]!;
        const source = body.startsWith('"') ? local : /\bsource\s*=\s*"([^"]*)"/.exec(body)?.[1] ?? local;
        const version = body.startsWith('"') ? body.slice(1, -1) : /\bversion\s*=\s*"([^"]*)"/.exec(body)?.[1] ?? '';
        out.providers.set(providerAddress(source), version);
      }
    }
  }
  for (const local of used) if (local !== BUILTIN && !declared.has(local)) out.exact = false;
  return out;
}

export interface LockedProvider {
  version: string;
  hashes: string[];
}

/** `.terraform.lock.hcl` as terraform writes it: address → version and hashes; undefined when absent or unreadable. */
export function readLockFile(dir: string): Map<string, LockedProvider> | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(dir, LOCK_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const locks = new Map<string, LockedProvider>();
  for (const m of text.matchAll(/^provider\s+"([^"]+)"\s*\{([\s\S]*?)^\}/gm)) {
    const body = m[2]!;
    const version = /^\s*version\s*=\s*"([^"]+)"/m.exec(body)?.[1];
    const list = /^\s*hashes\s*=\s*\[([\s\S]*?)\]/m.exec(body)?.[1] ?? '';
    if (!version) return undefined;
    locks.set(m[1]!.toLowerCase(), { version, hashes: [...list.matchAll(/"([^"]+)"/g)].map((h) => h[1]!) });
  }
  return locks;
}

/** terraform's platform directory name for this machine (linux_amd64, darwin_arm64, …). */
export function targetPlatform(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  const os = platform === 'win32' ? 'windows' : platform;
  const cpu = ({ x64: 'amd64', ia32: '386' } as Record<string, string>)[arch] ?? arch;
  return `${os}_${cpu}`;
}

/**
 * The h1: hash terraform records for an unpacked package (Go's dirhash Hash1): SHA-256 over the sorted lines
 * "<sha256 hex of file>  <path relative to the package, with />\n". undefined when the directory is missing or
 * holds anything but regular files and directories.
 */
export async function packageHash(dir: string): Promise<string | undefined> {
  let root: string;
  try {
    root = realpathSync(dir);
  } catch {
    return undefined;
  }
  const files: string[] = [];
  const walk = (rel: string): boolean => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return false;
    }
    for (const e of entries) {
      const name = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!walk(name)) return false;
      } else if (e.isFile()) files.push(name);
      else return false;
    }
    return true;
  };
  if (!walk('')) return undefined;
  const summary = createHash('sha256');
  for (const name of files.sort()) {
    const file = createHash('sha256');
    try {
      for await (const chunk of createReadStream(path.join(root, name))) file.update(chunk as Buffer);
    } catch {
      return undefined;
    }
    summary.update(`${file.digest('hex')}  ${name}\n`);
  }
  return `h1:${summary.digest('base64')}`;
}
