// http(s) sources as go-getter's http getter reads them: an archive (by extension — .zip, .tar.gz, .tgz, .tar,
// .tar.bz2, .tbz2, .tar.xz, .txz — or `?archive=zip|tar.gz|…`) is downloaded, checked against `?checksum=` and
// unpacked; any other URL is asked for `X-Terraform-Get` (header or `<meta name="terraform-get">`), which
// names the real source.

import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { exec, tail } from './exec.js';
import { redactUrl } from './detect.js';

/** Archive kinds by longest matching extension, as go-getter's decompressor table. */
const ARCHIVES = ['tar.gz', 'tar.bz2', 'tar.xz', 'tgz', 'tbz2', 'txz', 'tar', 'zip'];
const SINGLE_FILE = ['gz', 'bz2', 'xz', 'zst', 'tar.zst', 'tzst'];

export interface HttpGetOptions {
  /** Extra request headers (a registry token is only for the registry's own API, never here). */
  headers?: Record<string, string>;
  /** Fetch the source an X-Terraform-Get names (it may be git, another archive, s3…). */
  follow(source: string, dst: string): Promise<void>;
}

/** The archive a URL names (`?archive=`, else its extension), or undefined; a lone compressed file is an error. */
export function archiveKind(u: URL): string | undefined {
  const archiveParam = u.searchParams.get('archive');
  const file = u.pathname.toLowerCase();
  let kind = archiveParam && !['false', '0', 'f'].includes(archiveParam.toLowerCase()) ? archiveParam.toLowerCase() : undefined;
  if (!archiveParam) kind = [...ARCHIVES, ...SINGLE_FILE].filter((k) => file.endsWith(`.${k}`)).sort((a, b) => b.length - a.length)[0];
  if (kind && SINGLE_FILE.includes(kind)) throw new Error(`a .${kind} file is a single compressed file, not a module directory (use .tar.${kind.replace(/^t/, '')} or .zip)`);
  if (kind && !ARCHIVES.includes(kind)) throw new Error(`?archive=${kind} is not an archive type tgo unpacks (${ARCHIVES.join(', ')})`);
  return kind;
}

export async function httpFetch(url: string, dst: string, o: HttpGetOptions): Promise<void> {
  const u = new URL(url);
  const kind = archiveKind(u);
  const checksum = u.searchParams.get('checksum');
  u.searchParams.delete('archive');
  u.searchParams.delete('checksum');
  if (!kind) {
    if (checksum) throw new Error('?checksum= applies to archives only');
    await followTerraformGet(u, dst, o);
    return;
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'tgo-archive-'));
  try {
    const archive = path.join(tmp, `download.${kind}`);
    await download(u, archive, o.headers);
    if (checksum) await verifyChecksum(archive, checksum, u, o.headers);
    await mkdir(dst, { recursive: true });
    await extract(archive, kind, dst);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function get(u: URL, headers?: Record<string, string>): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(withoutUserinfo(u), { headers: { ...basicAuth(u), ...headers }, redirect: 'follow' });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`${redactUrl(u.href)} is unreachable${cause?.code ? ` (${cause.code})` : cause?.message ? ` (${cause.message})` : ''}`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(`GET ${redactUrl(u.href)} answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  }
  return res;
}

/** fetch refuses URLs carrying credentials: they travel as a header instead. */
function withoutUserinfo(u: URL): URL {
  if (!u.username && !u.password) return u;
  const bare = new URL(u);
  bare.username = '';
  bare.password = '';
  return bare;
}

/**
 * Basic auth as go-getter's http getter sends it: the URL's own user:password, else the host's entry in the
 * netrc file (NETRC, or ~/.netrc).
 */
function basicAuth(u: URL): Record<string, string> {
  const basic = (user: string, pass: string) => ({ Authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` });
  if (u.username || u.password) return basic(decodeURIComponent(u.username), decodeURIComponent(u.password));
  const file = process.env.NETRC || path.join(os.homedir(), '.netrc');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const words = text.split(/\s+/).filter(Boolean);
  let machine: string | undefined;
  const entries = new Map<string, { login?: string; password?: string }>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === 'machine') entries.set((machine = words[++i]!), {});
    else if (w === 'default') entries.set((machine = ''), {});
    else if ((w === 'login' || w === 'password') && machine !== undefined) entries.get(machine)![w] = words[++i];
  }
  const e = entries.get(u.hostname) ?? entries.get('');
  return e?.login !== undefined ? basic(e.login, e.password ?? '') : {};
}

async function download(u: URL, file: string, headers?: Record<string, string>): Promise<void> {
  const res = await get(u, headers);
  if (!res.body) throw new Error(`GET ${redactUrl(u.href)} returned no body`);
  await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), createWriteStream(file));
}

/** go-getter's non-archive http source: `?terraform-get=1`, then the header or the HTML meta tag. */
async function followTerraformGet(u: URL, dst: string, o: HttpGetOptions): Promise<void> {
  const ask = new URL(u);
  ask.searchParams.set('terraform-get', '1');
  const res = await get(ask, o.headers);
  let target = res.headers.get('x-terraform-get');
  const body = await res.text();
  target ??= /<meta\s+name="terraform-get"\s+content="([^"]+)"/i.exec(body)?.[1] ?? null;
  if (!target) {
    throw new Error(`${redactUrl(u.href)} is not an archive (${ARCHIVES.map((a) => `.${a}`).join(', ')}) and gave no X-Terraform-Get; `
      + 'if it serves an archive, say which with ?archive=zip (or tar.gz, …)');
  }
  // A relative answer is relative to the URL asked.
  const next = /^(\.{0,2}\/)/.test(target) ? new URL(target, u).href : target;
  await o.follow(next, dst);
}

/** `?checksum=[type:]hex` (md5, sha1, sha256, sha512; the type guessed from the length when absent) or `file:URL`. */
async function verifyChecksum(file: string, spec: string, source: URL, headers?: Record<string, string>): Promise<void> {
  let [type, value] = spec.includes(':') ? [spec.slice(0, spec.indexOf(':')), spec.slice(spec.indexOf(':') + 1)] : ['', spec];
  if (type === 'file') {
    // A checksums file (as sha256sum writes it): the line naming this archive's file name.
    const list = await (await get(new URL(value!, source), headers)).text();
    const name = path.posix.basename(source.pathname);
    const line = list.split('\n').map((l) => l.trim().split(/\s+/)).find((p) => p.length >= 2 && p[1]!.replace(/^\*/, '').replace(/^\.\//, '') === name);
    if (!line) throw new Error(`the checksum file ${redactUrl(value!)} has no line for ${name}`);
    [type, value] = ['', line[0]!];
  }
  const byLength: Record<number, string> = { 32: 'md5', 40: 'sha1', 64: 'sha256', 128: 'sha512' };
  const algo = (type || byLength[value!.length] || '').toLowerCase();
  if (!['md5', 'sha1', 'sha256', 'sha512'].includes(algo)) throw new Error(`?checksum=${spec}: unknown checksum type (md5, sha1, sha256, sha512)`);
  const h = createHash(algo);
  await pipeline(createReadStream(file), h);
  const got = h.digest('hex');
  if (got !== value!.toLowerCase()) throw new Error(`checksum mismatch: ${algo} of the download is ${got}, ?checksum= says ${value}`);
}

/** Unpack: zip with yauzl (entries escaping the directory refused), tars with the system tar. */
export async function extract(archive: string, kind: string, dst: string): Promise<void> {
  if (kind === 'zip') {
    await unzip(archive, dst);
    return;
  }
  // GNU tar finds the compression itself, drops leading `/` and refuses `..` members.
  const r = await exec('tar', ['-xf', archive, '-C', dst, '--no-same-owner'], { env: process.env });
  if (r.code !== 0) throw new Error(`the archive is not a valid .${kind}: ${tail(r.stderr)}`);
}

async function unzip(archive: string, dst: string): Promise<void> {
  const yauzl = await import('yauzl');
  const zip = await new Promise<import('yauzl').ZipFile>((resolve, reject) => {
    yauzl.open(archive, { lazyEntries: true, strictFileNames: false }, (err, z) => (err ? reject(new Error(`the archive is not a valid .zip: ${err.message}`)) : resolve(z)));
  });
  await new Promise<void>((resolve, reject) => {
    const fail = (e: Error) => {
      zip.close();
      reject(e);
    };
    zip.on('error', (e: Error) => fail(new Error(`the archive is not a valid .zip: ${e.message}`)));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: import('yauzl').Entry) => {
      const out = path.join(dst, entry.fileName);
      if (!out.startsWith(dst + path.sep)) return fail(new Error(`the archive's entry ${entry.fileName} would land outside the module directory`));
      if (entry.fileName.endsWith('/')) {
        mkdir(out, { recursive: true }).then(() => zip.readEntry(), fail);
        return;
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err) return fail(new Error(`the archive is not a valid .zip: ${err.message}`));
        const mode = (entry.externalFileAttributes >>> 16) & 0o777;
        mkdir(path.dirname(out), { recursive: true })
          .then(() => pipeline(stream, createWriteStream(out, { mode: mode || 0o644 })))
          .then(() => zip.readEntry(), (e: Error) => fail(new Error(`the archive is not a valid .zip: ${e.message}`)));
      });
    });
    zip.readEntry();
  });
}
