// A `terraform { source }` string → what to fetch, as Terragrunt reads it (internal/tf/source.go on top of
// go-getter's detectors): `getter::` prefixes, the `//subdir` selector, the github.com/gitlab.com/bitbucket.org
// shorthands, scp-like `git@host:owner/repo.git`, `bucket.s3.amazonaws.com/…`, and local paths made absolute.

import path from 'node:path';
import { createHash } from 'node:crypto';

export type SourceKind = 'local' | 'git' | 'tfr' | 'http' | 's3';

export interface SourceSpec {
  /** The source as written (after --source / --source-map), for messages. */
  written: string;
  kind: SourceKind;
  /** The root (before `//`) with its query and getter prefix: what is downloaded, the run's download-cache key. */
  root: string;
  /** The root without its query: names the cache folder (Terragrunt's encodeSourceName). */
  name: string;
  /** The root's query, encoded as Go's url.Values does (sorted): Terragrunt's version of a remote source. */
  query: string;
  /** Directory inside the root where terraform runs ('' for the root itself). */
  subdir: string;
  /** kind 'local': the absolute directory. */
  dir?: string;
}

/** A source tgo cannot fetch, or cannot make sense of. */
export class SourceFormError extends Error {
  override name = 'SourceFormError';
}

/** Getter prefixes go-getter knows but tgo does not fetch, with what they are. */
const UNSUPPORTED: Record<string, string> = {
  gcs: 'Google Cloud Storage (gcs::)',
  hg: 'Mercurial (hg::)',
  smb: 'SMB shares (smb::)',
  oci: 'OCI registries (oci://)',
  cas: 'content-addressed store (cas::)',
};

export const SUPPORTED_FORMS = 'local paths, git (git::…, github.com/…, gitlab.com/…, bitbucket.org/…, git@host:…), '
  + 'tfr:// registry modules, http(s) archives and s3::';

/** Terragrunt's folder names: base64url(sha1(s)) without padding. */
export const sha1Name = (s: string): string => createHash('sha1').update(s).digest('base64url');

/** Parse `source` for the module in `moduleDir` (relative local paths are relative to it). */
export function detectSource(source: string, moduleDir: string): SourceSpec {
  const written = source.trim();
  if (written === '') throw new SourceFormError('the source is empty');
  const detected = detect(normalizeHttp(written), moduleDir);
  const { forced, rest } = splitForced(detected);
  const u = splitUrl(rest);
  const [rootPath, ...sub] = u.path.split('//');
  const subdir = sub.join('//').replace(/^\/+|\/+$/g, '');
  const kind = kindOf(forced, u.scheme, written);
  const query = kind === 'local' ? '' : encodeQuery(u.query);
  if (kind === 'local') {
    const dir = path.resolve(rootPath!);
    return { written, kind, root: `file://${dir}`, name: `file://${dir}`, query: '', subdir, dir };
  }
  const prefix = forced ? `${forced}::` : '';
  const base = `${prefix}${u.scheme}:${u.authority !== undefined ? `//${u.authority}` : ''}${rootPath}`;
  return { written, kind, root: u.query ? `${base}?${u.query}` : base, name: base, query, subdir };
}

function kindOf(forced: string, scheme: string, written: string): SourceKind {
  const what = (forced || scheme).toLowerCase();
  if (forced === 'git' || (!forced && scheme === 'git')) return 'git';
  if (what === 's3') return 's3';
  if (what === 'tfr') return 'tfr';
  if (what === 'file') return 'local';
  if ((what === 'http' || what === 'https') && (!forced || forced === scheme)) return 'http';
  const known = UNSUPPORTED[what];
  throw new SourceFormError(known
    ? `${known} sources are not supported by tgo (it fetches ${SUPPORTED_FORMS})`
    : `"${written}" is not a source form tgo knows (${forced ? `getter "${forced}::"` : `scheme "${scheme}:"`}); it fetches ${SUPPORTED_FORMS}`);
}

/**
 * Terragrunt's normalizeSourceURL: an http(s) URL that a git host shorthand recognises once its scheme is
 * dropped (https://github.com/owner/repo…) is fetched with git, as terraform init does.
 */
function normalizeHttp(source: string): string {
  const stripped = source.replace(/^https?:\/\//i, '');
  if (stripped === source) return source;
  return /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(stripped) ? stripped : source;
}

/** go-getter's Detect with Terragrunt's detector chain. The result always carries a scheme. */
function detect(source: string, pwd: string): string {
  const { forced, rest } = splitForced(source);
  const [src, subdir] = sourceDirSubdir(rest);
  if (hasScheme(src)) return source;
  const found = detectGitHost(src) ?? detectScp(src) ?? detectS3(src) ?? detectGcs(src) ?? fileUrl(src, pwd);
  const inner = splitForced(found);
  const [result, detectedSubdir] = sourceDirSubdir(inner.rest);
  const allSub = [detectedSubdir, subdir].filter(Boolean).join('/');
  let out = result;
  if (allSub) {
    const q = out.indexOf('?');
    out = q >= 0 ? `${out.slice(0, q)}//${allSub}${out.slice(q)}` : `${out}//${allSub}`;
  }
  const getter = forced || inner.forced;
  return getter ? `${getter}::${out}` : out;
}

/** `getter::rest` (go-getter's forced getter: letters and digits only). */
export function splitForced(s: string): { forced: string; rest: string } {
  const m = /^([A-Za-z0-9]+)::(.+)$/s.exec(s);
  return m ? { forced: m[1]!, rest: m[2]! } : { forced: '', rest: s };
}

/** go-getter's SourceDirSubdir: split `url//subdir?query` into `url?query` and `subdir`, ignoring the scheme's `//`. */
export function sourceDirSubdir(src: string): [string, string] {
  const stop = src.includes('?') ? src.indexOf('?') : src.length;
  const schemeAt = src.slice(0, stop).indexOf('://');
  const offset = schemeAt >= 0 ? schemeAt + 3 : 0;
  const at = src.slice(offset, stop).indexOf('//');
  if (at < 0) return [src, ''];
  const idx = at + offset;
  let subdir = src.slice(idx + 2);
  let root = src.slice(0, idx);
  const q = subdir.indexOf('?');
  if (q >= 0) {
    root += subdir.slice(q);
    subdir = subdir.slice(0, q);
  }
  return [root, subdir];
}

/** Go's url.Parse scheme rule: a letter, then letters, digits, `+ - .`, then `:`. */
function hasScheme(s: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s);
}

/** github.com/…, gitlab.com/…, bitbucket.org/… → git over https (`.git` added, extra path parts become the subdir). */
function detectGitHost(src: string): string | undefined {
  const m = /^(github\.com|gitlab\.com|bitbucket\.org)\//.exec(src);
  if (!m) return undefined;
  const q = src.indexOf('?');
  const hostPath = q >= 0 ? src.slice(0, q) : src;
  const parts = hostPath.split('/');
  if (parts.length < 3 || !parts[1] || !parts[2]) {
    throw new SourceFormError(`"${src}": ${m[1]} shorthand sources are ${m[1]}/owner/repo`);
  }
  // Bitbucket's shorthand asked its API whether the repository is git or Mercurial; Mercurial is gone from
  // Bitbucket, so it is git without the lookup.
  let repo = parts.slice(0, 3).join('/');
  if (!repo.endsWith('.git')) repo += '.git';
  const sub = parts.length > 3 ? `//${parts.slice(3).join('/')}` : '';
  return `git::https://${repo}${sub}${q >= 0 ? src.slice(q) : ''}`;
}

/** scp-like `user@host:path` (not valid URL syntax) → git::ssh://user@host/path, as go-getter's GitDetector. */
function detectScp(src: string): string | undefined {
  const firstSegment = src.split(/[/?]/)[0]!;
  if (!firstSegment.includes(':')) return undefined; // a valid URL path: not scp-like
  const m = /^(?:([^@]+)@)?([^:]+):\/?(.+)$/s.exec(src);
  if (!m) return undefined;
  const [, user, host, rest] = m;
  const q = rest!.indexOf('?');
  const p = q >= 0 ? rest!.slice(0, q) : rest!;
  const query = q >= 0 ? `?${encodeQuery(rest!.slice(q + 1))}` : '';
  return `git::ssh://${user ? `${user}@` : ''}${host}/${p.replace(/^\/+/, '')}${query}`;
}

/** go-getter's S3 detector: `bucket.s3.amazonaws.com/key`, `bucket.s3.region.amazonaws.com/key`, `s3.amazonaws.com/bucket/key`. */
function detectS3(src: string): string | undefined {
  if (!src.includes('.amazonaws.com/')) return undefined;
  const [host, ...parts] = src.split('/');
  const h = host!.split('.');
  const rest = parts.join('/');
  if (h.length === 3) return `s3::https://${h[0]}.amazonaws.com/${rest}`;
  if (h.length === 4) return `s3::https://${h[1]}.amazonaws.com/${h[0]}/${rest}`;
  if (h.length === 5 && h[1] === 's3') return `s3::https://s3.${h[2]}.amazonaws.com/${h[0]}/${rest}`;
  throw new SourceFormError(`"${src}" is not a valid S3 URL`);
}

function detectGcs(src: string): string | undefined {
  return /^[^/]*googleapis\.com\//.test(src) ? `gcs::https://${src}` : undefined;
}

function fileUrl(src: string, pwd: string): string {
  return `file://${path.resolve(pwd, src)}`;
}

/** scheme:[//authority]path[?query], split by hand (WHATWG URL would normalise the `//` and `..` we rely on). */
function splitUrl(u: string): { scheme: string; authority?: string; path: string; query: string } {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s.exec(u);
  if (!m) throw new SourceFormError(`"${u}" is not a URL`);
  let rest = m[2]!;
  let query = '';
  const q = rest.indexOf('?');
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (!rest.startsWith('//')) return { scheme: m[1]!.toLowerCase(), path: rest, query };
  const slash = rest.indexOf('/', 2);
  const authority = slash >= 0 ? rest.slice(2, slash) : rest.slice(2);
  return { scheme: m[1]!.toLowerCase(), authority, path: slash >= 0 ? rest.slice(slash) : '', query };
}

/** Go's url.Values.Encode of a raw query: keys sorted, QueryEscape'd. */
export function encodeQuery(raw: string): string {
  if (!raw) return '';
  const params = new URLSearchParams(raw);
  const keys = [...new Set(params.keys())].sort();
  return keys.flatMap((k) => params.getAll(k).map((v) => `${goQueryEscape(k)}=${goQueryEscape(v)}`)).join('&');
}

function goQueryEscape(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
}

/** The URL with passwords, tokens and signatures replaced by `***`, for messages and logs. */
export function redactUrl(url: string): string {
  return url
    .replace(/(:\/\/[^/@:?#]*:)[^/@?#]*@/g, '$1***@')
    // A long user name alone is a token (https://<token>@github.com/…); `git@` and the like stay.
    .replace(/:\/\/[^/@:?#]{20,}@/g, '://***@')
    .replace(/([?&](?:[^=&]*(?:token|secret|password|signature|sshkey|credential|key_id|access_key)[^=&]*)=)[^&#]*/gi, '$1***');
}
