// `terraform { source }`: local paths (with `//subdir`) are copied; `git::` URLs (file:// repos included,
// `?ref=` honoured) are cloned once and reused while the source string is unchanged.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
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
/** Terragrunt's record of which version of a source a cache dir holds. */
export const VERSION_FILE = '.terragrunt-source-version';
/** What survives a re-copy of a changed source: terraform's init and any local state. */
const KEEP_ON_UPDATE = new Set(['.terraform', '.terraform.lock.hcl', 'terraform.tfstate', 'terraform.tfstate.backup', VERSION_FILE]);

/** Remove everything under `dir` except entries named in `keep` (at any depth); emptied directories go too. */
function clearExcept(dir: string, keep: ReadonlySet<string>): boolean {
  let empty = true;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (keep.has(e.name)) empty = false;
    else if (e.isDirectory() && !e.isSymbolicLink()) {
      if (clearExcept(p, keep)) rmSync(p, { recursive: true, force: true });
      else empty = false;
    } else rmSync(p, { force: true });
  }
  return empty;
}

/** A hash of a local source's files (names and contents), as Terragrunt's source version. */
export function localSourceVersion(root: string): string {
  const h = createHash('sha256');
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (SKIP.has(e.name) || e.name === '.terraform.lock.hcl') continue;
      const p = path.join(dir, e.name);
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) {
        h.update(`d ${r}\0`);
        walk(p, r);
      } else if (e.isSymbolicLink()) {
        h.update(`l ${r} ${readlinkSync(p)}\0`);
      } else if (e.isFile()) {
        h.update(`f ${r}\0`);
        h.update(readFileSync(p));
      }
    }
  };
  walk(root, '');
  return h.digest('hex');
}

/**
 * Put the source into `target`. A local source is copied again only when its contents changed (hashed once per
 * run per source, however many modules share it); git sources are cloned once per source string.
 */
export function fetchSource(root: string, target: string, log: (m: string) => void, versions?: Map<string, string>): void {
  mkdirSync(target, { recursive: true });
  if (!isRemote(root)) {
    if (!existsSync(root)) throw new Error(`terraform.source: ${root} does not exist`);
    let version = versions?.get(root);
    if (version === undefined) {
      version = localSourceVersion(root);
      versions?.set(root, version);
    }
    const versionFile = path.join(target, VERSION_FILE);
    if (existsSync(versionFile) && readFileSync(versionFile, 'utf8') === version) {
      log(`${root} unchanged since it was copied into ${target}`);
      return;
    }
    // A changed source replaces the old copy (files deleted from the source must go), keeping init and state
    // wherever they are (with `//subdir` they live in the subdirectory).
    clearExcept(target, KEEP_ON_UPDATE);
    cpSync(root, target, {
      recursive: true,
      force: true,
      filter: (src) => !SKIP.has(path.basename(src)) || src === root,
    });
    writeFileSync(versionFile, version);
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
