// `terraform { source }`: local paths (with `//subdir`) are copied; `git::` URLs (file:// repos included,
// `?ref=` honoured) are cloned once and reused while the source string is unchanged.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ParsedSource {
  /** What to fetch: an absolute local directory or a git URL (with ?ref kept). */
  root: string;
  /** Directory inside it where terraform runs ('' for the root). */
  subdir: string;
}

/** Split `…//subdir` (Terragrunt/go-getter's convention) and resolve local paths against the module dir. */
export function parseSource(source: string, moduleDir: string): ParsedSource {
  let s = source.trim();
  let query = '';
  const q = s.indexOf('?');
  if (q >= 0) {
    query = s.slice(q);
    s = s.slice(0, q);
  }
  const schemeEnd = s.indexOf('://');
  const searchFrom = schemeEnd >= 0 ? schemeEnd + 3 : 0;
  const sep = s.indexOf('//', searchFrom);
  let root = sep >= 0 ? s.slice(0, sep) : s;
  const subdir = sep >= 0 ? s.slice(sep + 2).replace(/^\/+|\/+$/g, '') : '';
  if (!isRemote(root)) root = path.resolve(moduleDir, root);
  return { root: root + query, subdir };
}

export function isRemote(source: string): boolean {
  return /^(git::|git@|https?:\/\/|s3::|gcs::|github\.com\/|tfr:\/\/)/.test(source);
}

const SKIP = new Set(['.terragrunt-cache', '.terraform', '.git']);

/** Put the source into `target`. Local sources are copied on every run (they change under you); git is cached. */
export function fetchSource(root: string, target: string, log: (m: string) => void): void {
  mkdirSync(target, { recursive: true });
  if (!isRemote(root)) {
    if (!existsSync(root)) throw new Error(`terraform.source: ${root} does not exist`);
    cpSync(root, target, {
      recursive: true,
      force: true,
      filter: (src) => !SKIP.has(path.basename(src)) || src === root,
    });
    log(`copied ${root} into ${target}`);
    return;
  }
  const marker = path.join(target, '.tgo-source');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === root) return;
  if (!root.startsWith('git::') && !root.startsWith('git@')) {
    throw new Error(`terraform.source: ${root}: only local paths and git:: sources are supported`);
  }
  let url = root.replace(/^git::/, '');
  let ref: string | undefined;
  const q = url.indexOf('?');
  if (q >= 0) {
    const params = new URLSearchParams(url.slice(q + 1));
    ref = params.get('ref') ?? undefined;
    url = url.slice(0, q);
  }
  const tmp = `${target}.clone`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    execFileSync('git', ['clone', '--quiet', ...(ref ? [] : ['--depth', '1']), url, tmp], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (ref) execFileSync('git', ['-C', tmp, 'checkout', '--quiet', ref], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`terraform.source: git clone of ${url}${ref ? ` at ${ref}` : ''} failed${stderr ? `: ${stderr}` : ''}`);
  }
  cpSync(tmp, target, { recursive: true, force: true, filter: (src) => path.basename(src) !== '.git' });
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(marker, root);
  log(`cloned ${url}${ref ? ` at ${ref}` : ''} into ${target}`);
}
