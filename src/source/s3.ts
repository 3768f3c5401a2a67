// s3:: sources as go-getter's S3 getter reads them: the bucket, key and region from an amazonaws.com URL
// (path style `s3[-region].amazonaws.com/bucket/key`, virtual-hosted `bucket.s3[-.]region.amazonaws.com/key`) or,
// for any other host (an S3-compatible store), the first path segment as the bucket, `?region=` and path-style
// requests to that host. An archive key is downloaded and unpacked; any other key is a prefix whose objects are
// downloaded as a directory. Requests are signed with what the run gives for the module (its assumed role), or the
// URL's own aws_access_key_id / aws_access_key_secret / aws_access_token.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { archiveKind, extract } from './http.js';

export interface S3Object {
  bucket: string;
  key: string;
  region: string;
  /** Scheme and host of an S3-compatible store (path-style requests); undefined for AWS. */
  endpoint?: string;
  pathStyle: boolean;
  version?: string;
  /** Keys written in the URL itself (go-getter's aws_access_key_id & co.). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/** What the run lends the getter: reads signed for the module that needs the source. */
export interface S3Access {
  get(o: S3Object): Promise<Uint8Array>;
  /** Keys under a prefix (every page). */
  list(o: S3Object): Promise<string[]>;
}

export function parseS3Url(url: string): S3Object {
  const u = new URL(url.replace(/^s3::/, ''));
  const q = u.searchParams;
  const segments = u.pathname.split('/').slice(1);
  const fail = () => new Error(`${url.replace(/\?.*$/s, '')} is not a valid S3 URL`);
  let bucket: string;
  let key: string;
  let region: string;
  let endpoint: string | undefined;
  let pathStyle = false;
  if (u.hostname.includes('amazonaws.com')) {
    const host = u.hostname.split('.');
    const regionOf = (part: string) => part.replace(/^s3-/, '').replace(/^s3/, '');
    if (host.length === 3) {
      region = regionOf(host[0]!) || 'us-east-1';
      [bucket, key] = [segments[0] ?? '', segments.slice(1).join('/')];
      pathStyle = true;
    } else if (host.length === 4) {
      region = regionOf(host[1]!);
      if (!region) throw fail();
      [bucket, key] = [host[0]!, segments.join('/')];
    } else if (host.length === 5) {
      region = host[2]!;
      [bucket, key] = [host[0]!, segments.join('/')];
    } else {
      throw fail();
    }
  } else {
    if (segments.length < 2) throw fail();
    [bucket, key] = [segments[0]!, segments.slice(1).join('/')];
    region = q.get('region') || 'us-east-1';
    endpoint = `${u.protocol}//${u.host}`;
    pathStyle = true;
  }
  if (!bucket || !key) throw fail();
  const id = q.get('aws_access_key_id');
  const secret = q.get('aws_access_key_secret');
  const credentials = id !== null || secret !== null
    ? { accessKeyId: id ?? '', secretAccessKey: secret ?? '', sessionToken: q.get('aws_access_token') ?? undefined }
    : undefined;
  return { bucket, key: decodeURIComponent(key), region, endpoint, pathStyle, version: q.get('version') ?? undefined, credentials };
}

export async function s3Fetch(url: string, dst: string, access: S3Access | undefined): Promise<void> {
  if (!access) throw new Error('s3:: sources need AWS access, which this command does not set up');
  const o = parseS3Url(url);
  const kind = archiveKind(new URL(url.replace(/^s3::/, '')));
  if (kind) {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'tgo-s3-'));
    try {
      const archive = path.join(tmp, `download.${kind}`);
      await writeFile(archive, await access.get(o));
      await mkdir(dst, { recursive: true });
      await extract(archive, kind, dst);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
    return;
  }
  // A prefix: every object under it, at its path relative to the prefix (go-getter's directory mode).
  const prefix = o.key.endsWith('/') ? o.key : `${o.key}/`;
  const keys = (await access.list({ ...o, key: prefix })).filter((k) => !k.endsWith('/'));
  if (keys.length === 0) throw new Error(`no objects under s3://${o.bucket}/${prefix}`);
  await mkdir(dst, { recursive: true });
  for (const k of keys) {
    const rel = k.slice(prefix.length);
    if (rel.split('/').some((p) => p === '..')) throw new Error(`object key ${k} leaves the module directory`);
    const file = path.join(dst, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, await access.get({ ...o, key: k }));
  }
}
