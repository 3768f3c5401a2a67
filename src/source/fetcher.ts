// The one fetcher of a run. A remote source root (URL + ref) is downloaded once per run into a shared download
// cache — concurrent modules wait for that one download — and copied from there into each module's
// .terragrunt-cache; a local root is hashed once per run. A module's cache that already holds the same
// version (Terragrunt's .terragrunt-source-version) is left as it is.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { copyFilter, copyTree, LOCK_FILE, type CopyRules } from './copy.js';
import { detectSource, redactUrl, sha1Name, type SourceSpec } from './detect.js';
import type { S3Access } from './s3.js';

/** Terragrunt's record of which version of a source a cache folder holds. */
export const VERSION_FILE = '.terragrunt-source-version';
/** Terragrunt's marker asking for `init` after the source changed under an initialised working dir. */
export const INIT_REQUIRED_FILE = '.terragrunt-init-required';
/** What survives a re-copy of a changed source: terraform's init and any local state. */
const KEEP_ON_UPDATE = new Set(['.terraform', LOCK_FILE, 'terraform.tfstate', 'terraform.tfstate.backup', VERSION_FILE]);

/** A download failed: names the (redacted) URL; the caller adds the modules. */
export class SourceDownloadError extends Error {
  override name = 'SourceDownloadError';
  constructor(readonly url: string, detail: string) {
    super(`cannot download ${redactUrl(url)}: ${detail}`);
  }
}

export interface FetcherOptions {
  env: NodeJS.ProcessEnv;
  /** The terraform binary (`tofu` changes the default module registry). */
  tfPath?: string;
  /** --source-update: each module's cache folder is emptied (once per run) before the source goes in. */
  sourceUpdate?: boolean;
  log?: (message: string) => void;
  /**
   * S3 access for s3:: sources, per module (its own role): `partition` groups modules one download may serve
   * (same role), `access` signs that download. Without it, s3:: sources cannot be fetched.
   */
  s3?: { partition(module?: string): string; access(module?: string): S3Access };
}

export type Materialized = 'copied' | 'unchanged';

export class SourceFetcher {
  private readonly downloads = new Map<string, Promise<string>>();
  private readonly versions = new Map<string, string>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly wiped = new Set<string>();
  private cacheRoot?: Promise<string>;
  /** Downloads started in this run (cache misses), for tests and debug output. */
  downloadCount = 0;

  constructor(private readonly o: FetcherOptions) {}

  /** Which download of a root serves `module`: one per root, and for s3:: one per root and role. */
  downloadKey(spec: SourceSpec, module?: string): string {
    return spec.kind === 's3' ? `${spec.root}\0${this.o.s3?.partition(module) ?? ''}` : spec.root;
  }

  /**
   * The directory holding the source's root: the local directory itself, or the run's one download of it
   * (`module`: whose credentials an s3:: download is made with).
   */
  root(spec: SourceSpec, module?: string): Promise<string> {
    if (spec.kind === 'local') {
      const dir = spec.dir!;
      if (!existsSync(dir)) return Promise.reject(new Error(`${dir} does not exist`));
      if (!statSync(dir).isDirectory()) return Promise.reject(new Error(`${dir} is not a directory`));
      return Promise.resolve(dir);
    }
    const key = this.downloadKey(spec, module);
    let p = this.downloads.get(key);
    if (!p) {
      p = this.download(spec, key, module);
      this.downloads.set(key, p);
    }
    return p;
  }

  private async download(spec: SourceSpec, key: string, module?: string): Promise<string> {
    this.cacheRoot ??= mkdtemp(path.join(os.tmpdir(), 'tgo-sources-'));
    const dst = path.join(await this.cacheRoot, sha1Name(key));
    this.downloadCount++;
    this.o.log?.(`downloading ${redactUrl(spec.root)}`);
    try {
      await this.fetchRoot(spec, dst, 0, module);
    } catch (e) {
      await rm(dst, { recursive: true, force: true });
      throw new SourceDownloadError(spec.root, (e as Error).message);
    }
    return dst;
  }

  /** Fetch a root into dst (which must not exist) with the getter its kind names. */
  private async fetchRoot(spec: SourceSpec, dst: string, hops: number, module?: string): Promise<void> {
    // What a registry or an X-Terraform-Get answer names is fetched the same way, subdir and all.
    const follow = (source: string, into: string) => this.fetchFollowed(source, into, hops + 1, module);
    // The getters load only when a run has a remote source (start-up stays lean).
    switch (spec.kind) {
      case 'git':
        return (await import('./git.js')).gitFetch(spec.root, dst, this.o.env);
      case 'http':
        return (await import('./http.js')).httpFetch(spec.root, dst, { follow });
      case 'tfr':
        return (await import('./registry.js')).registryFetch(spec.root, dst, { env: this.o.env, tfPath: this.o.tfPath, follow });
      case 's3':
        return (await import('./s3.js')).s3Fetch(spec.root, dst, this.o.s3?.access(module));
      case 'local':
        return copyTree(spec.dir!, dst, {});
      default:
        throw new Error(`${spec.kind} sources cannot be downloaded yet`);
    }
  }

  private async fetchFollowed(source: string, dst: string, hops: number, module?: string): Promise<void> {
    if (hops > 5) throw new Error(`too many redirections (X-Terraform-Get) ending at ${redactUrl(source)}`);
    const spec = detectSource(source, os.tmpdir());
    if (!spec.subdir) return this.fetchRoot(spec, dst, hops, module);
    const whole = `${dst}.whole`;
    try {
      await this.fetchRoot(spec, whole, hops, module);
      await rename(await subdirGlob(whole, spec.subdir), dst);
    } finally {
      await rm(whole, { recursive: true, force: true });
    }
  }

  /** Terragrunt's version of a source: a hash of a local tree's delivered files, or of a remote URL's query. */
  private version(spec: SourceSpec, rules: CopyRules): string {
    if (spec.kind !== 'local') return sha1Name(spec.query);
    const key = `${spec.dir}\0${JSON.stringify(rules)}`;
    let v = this.versions.get(key);
    if (v === undefined) {
      v = localVersion(spec.dir!, rules);
      this.versions.set(key, v);
    }
    return v;
  }

  /** Whether a module's cache folder already holds this version of a remote source (nothing to download). */
  holds(spec: SourceSpec, target: string): boolean {
    if (spec.kind === 'local' || this.o.sourceUpdate) return false;
    const workDir = path.join(target, spec.subdir);
    try {
      return readFileSync(path.join(target, VERSION_FILE), 'utf8') === this.version(spec, { include: [], exclude: [] }) && hasTerraformFiles(workDir);
    } catch {
      return false;
    }
  }

  /**
   * Put the source's root into `target` (a module's cache folder) unless it already holds this version. A changed
   * source replaces the old copy, keeping init and local state, and asks for a new init.
   */
  materialize(spec: SourceSpec, target: string, rules: CopyRules, module?: string): Promise<Materialized> {
    // One module's cache folder is filled by one caller at a time (a run and a dependency's output read may meet).
    const prev = this.locks.get(target) ?? Promise.resolve();
    const next = prev.catch(() => {}).then(() => this.fill(spec, target, rules, module));
    this.locks.set(target, next);
    return next;
  }

  private async fill(spec: SourceSpec, target: string, rules: CopyRules, module?: string): Promise<Materialized> {
    const local = spec.kind === 'local';
    if (local) await this.root(spec); // a missing local directory is an error before anything else
    const version = this.version(spec, local ? rules : { include: [], exclude: [] });
    if (this.o.sourceUpdate && !this.wiped.has(target)) {
      this.wiped.add(target);
      await rm(target, { recursive: true, force: true });
    }
    const versionFile = path.join(target, VERSION_FILE);
    const previous = await readFile(versionFile, 'utf8').catch(() => undefined);
    const workDir = path.join(target, spec.subdir);
    if (previous === version && existsSync(workDir) && hasTerraformFiles(workDir)) return 'unchanged';
    const root = await this.root(spec, module);
    if (existsSync(target)) clearExcept(target, KEEP_ON_UPDATE);
    await copyTree(root, target, local ? { rules, avoid: target } : {});
    await writeFile(versionFile, version);
    if (previous !== undefined && previous !== version && existsSync(workDir)) await writeFile(path.join(workDir, INIT_REQUIRED_FILE), '');
    this.o.log?.(`copied ${local ? root : redactUrl(spec.root)} into ${target}`);
    return 'copied';
  }

  /** Remove the run's download cache. */
  async close(): Promise<void> {
    if (this.cacheRoot) await rm(await this.cacheRoot, { recursive: true, force: true });
  }
}

/** go-getter's SubdirGlob: `sub` may hold `*` (an archive's single top folder); it must name exactly one folder. */
async function subdirGlob(root: string, sub: string): Promise<string> {
  let dirs = [root];
  for (const part of sub.split('/').filter(Boolean)) {
    const re = new RegExp(`^${part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    const next: string[] = [];
    for (const d of dirs) {
      for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) if (e.isDirectory() && re.test(e.name)) next.push(path.join(d, e.name));
    }
    dirs = next;
  }
  if (dirs.length !== 1) throw new Error(`"${sub}" ${dirs.length === 0 ? 'matches nothing' : 'matches several folders'} in the download`);
  return dirs[0]!;
}

function hasTerraformFiles(dir: string): boolean {
  try {
    return readdirSync(dir).some((f) => /\.(tf|tofu|tf\.json|tofu\.json)$/.test(f));
  } catch {
    return false;
  }
}

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

/** A hash of the names and contents of the files a copy of `root` would deliver (the lock file aside). */
export function localVersion(root: string, rules: CopyRules): string {
  const filter = copyFilter(rules);
  const h = createHash('sha256');
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name === '.terragrunt-cache' || e.name === LOCK_FILE) continue;
      const p = path.join(dir, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      const keep = filter.keep(r);
      if (e.isDirectory()) {
        if (keep) h.update(`d ${r}\0`);
        if (keep || filter.mayHoldIncluded) walk(p, r);
      } else if (!keep) {
        continue;
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
