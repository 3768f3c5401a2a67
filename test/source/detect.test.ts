import { describe, expect, it } from 'vitest';
import { detectSource, redactUrl, SourceFormError } from '../../src/source/detect.js';
import { effectiveSource, parseSourceMap } from '../../src/source/overrides.js';

const MOD = '/live/prod/app';

describe('source forms, read as Terragrunt (go-getter detectors) reads them', () => {
  it.each([
    // [written, kind, root (what is downloaded), subdir]
    ['../../modules//app', 'local', 'file:///live/modules', 'app'],
    ['/repo//modules/vpc', 'local', 'file:///repo', 'modules/vpc'],
    ['.', 'local', 'file:///live/prod/app', ''],
    ['git::https://example.com/acme/modules.git//app?ref=v1.2.0', 'git', 'git::https://example.com/acme/modules.git?ref=v1.2.0', 'app'],
    ['git::ssh://git@example.com/acme/modules.git//a/b?ref=main&depth=1', 'git', 'git::ssh://git@example.com/acme/modules.git?ref=main&depth=1', 'a/b'],
    ['git::file:///srv/repos/modules.git//app', 'git', 'git::file:///srv/repos/modules.git', 'app'],
    ['github.com/acme/modules//vpc?ref=v0.7.0', 'git', 'git::https://github.com/acme/modules.git?ref=v0.7.0', 'vpc'],
    ['github.com/acme/modules/vpc', 'git', 'git::https://github.com/acme/modules.git', 'vpc'],
    ['https://github.com/acme/modules.git//vpc?ref=v1', 'git', 'git::https://github.com/acme/modules.git?ref=v1', 'vpc'],
    ['gitlab.com/acme/modules//db?ref=v2', 'git', 'git::https://gitlab.com/acme/modules.git?ref=v2', 'db'],
    ['bitbucket.org/acme/modules//db', 'git', 'git::https://bitbucket.org/acme/modules.git', 'db'],
    ['git@github.com:acme/modules.git//vpc?ref=v1', 'git', 'git::ssh://git@github.com/acme/modules.git?ref=v1', 'vpc'],
    ['git::git@github.com:acme/modules.git//vpc?ref=v1', 'git', 'git::ssh://git@github.com/acme/modules.git?ref=v1', 'vpc'],
    ['tfr:///terraform-aws-modules/vpc/aws?version=5.1.0', 'tfr', 'tfr:///terraform-aws-modules/vpc/aws?version=5.1.0', ''],
    ['tfr://registry.example.com/acme/vpc/aws//modules/x?version=1.0.0', 'tfr', 'tfr://registry.example.com/acme/vpc/aws?version=1.0.0', 'modules/x'],
    ['https://example.com/m/vpc.zip//sub?checksum=sha256:ab', 'http', 'https://example.com/m/vpc.zip?checksum=sha256:ab', 'sub'],
    ['http://localhost:8080/m.tgz', 'http', 'http://localhost:8080/m.tgz', ''],
    ['s3::https://s3.amazonaws.com/bucket/modules/vpc.zip', 's3', 's3::https://s3.amazonaws.com/bucket/modules/vpc.zip', ''],
    ['acme-modules.s3.amazonaws.com/vpc.zip', 's3', 's3::https://s3.amazonaws.com/acme-modules/vpc.zip', ''],
    ['acme-modules.s3.eu-west-1.amazonaws.com/vpc.zip//x', 's3', 's3::https://s3.eu-west-1.amazonaws.com/acme-modules/vpc.zip', 'x'],
  ])('%s', (written, kind, root, subdir) => {
    const s = detectSource(written, MOD);
    expect({ kind: s.kind, root: s.root, subdir: s.subdir }).toEqual({ kind, root, subdir });
  });

  it('names the cache folder after the root without its query, and versions remote roots by the query', () => {
    const a = detectSource('git::https://example.com/m.git//app?ref=v1', MOD);
    const b = detectSource('git::https://example.com/m.git//db?ref=v2', MOD);
    expect(a.name).toBe(b.name);
    expect(a.query).toBe('ref=v1');
    expect(detectSource('git::https://example.com/m.git?depth=1&ref=a%20b', MOD).query).toBe('depth=1&ref=a+b');
  });

  it.each([
    ['gcs::https://www.googleapis.com/storage/v1/bucket/m.zip', /Google Cloud Storage \(gcs::\) sources are not supported/],
    ['www.googleapis.com/storage/v1/bucket/m.zip', /Google Cloud Storage/],
    ['hg::https://example.com/repo', /Mercurial/],
    ['ftp://example.com/m.zip', /not a source form tgo knows \(scheme "ftp:"\)/],
    ['github.com/acme', /github\.com shorthand sources are github\.com\/owner\/repo/],
  ])('refuses %s with a clear message', (written, message) => {
    expect(() => detectSource(written, MOD)).toThrow(SourceFormError);
    expect(() => detectSource(written, MOD)).toThrow(message);
  });

  it('redacts passwords, tokens and signatures in URLs', () => {
    expect(redactUrl('git::https://oauth2:glpat-SECRET@gitlab.com/a/b.git')).toBe('git::https://oauth2:***@gitlab.com/a/b.git');
    expect(redactUrl('https://ghp_0123456789abcdefghijkl@github.com/a/b')).toBe('https://***@github.com/a/b');
    expect(redactUrl('git::ssh://git@github.com/a/b.git?sshkey=QUJD&ref=v1')).toBe('git::ssh://git@github.com/a/b.git?sshkey=***&ref=v1');
    expect(redactUrl('https://b.s3.amazonaws.com/m.zip?X-Amz-Signature=abc&X-Amz-Credential=k')).toBe('https://b.s3.amazonaws.com/m.zip?X-Amz-Signature=***&X-Amz-Credential=***');
  });
});

describe('--source and --source-map', () => {
  const ctx = (o: object, all = false) => ({ sources: o, all, base: '/checkout' });
  it('--source replaces the source of a single module, relative to where tgo runs', () => {
    expect(effectiveSource('git::https://x/m.git//app?ref=v1', ctx({ source: '../local//app' }))).toBe('/local//app');
    expect(effectiveSource(undefined, ctx({ source: '/m//app' }))).toBe('/m//app');
  });
  it('in a single-module run, the module\'s dependencies take the root of --source plus their own path', () => {
    const single = { sources: { source: '/src/modules//app' }, all: false, base: '/checkout', primary: '/live/app' };
    expect(effectiveSource('git::https://x/m.git//app?ref=v1', single, '/live/app')).toBe('/src/modules//app');
    expect(effectiveSource('git::https://x/m.git//net/vpc?ref=v1', single, '/live/vpc')).toBe('/src/modules//net/vpc');
    expect(effectiveSource(undefined, single, '/live/plain')).toBeUndefined();
  });
  it('under run-all, --source is the root and each module keeps its //path (or its repository name)', () => {
    expect(effectiveSource('git::https://x/m.git//net/vpc?ref=v1', ctx({ source: '/src/modules' }, true))).toBe('/src/modules//net/vpc');
    expect(effectiveSource('git::ssh://git@ghe.example.com/Org/module-name.git?ref=v1', ctx({ source: '/src' }, true))).toBe('/src//module-name');
    expect(effectiveSource(undefined, ctx({ source: '/src' }, true))).toBeUndefined();
  });
  it('--source-map replaces a matching root (query dropped) and keeps the //path', () => {
    const map = parseSourceMap(['git::ssh://git@github.com/acme/modules.git=../modules'], '--source-map');
    expect(effectiveSource('git::ssh://git@github.com/acme/modules.git//vpc?ref=v1', ctx({ sourceMap: map }))).toBe('/modules//vpc');
    expect(effectiveSource('git::ssh://git@github.com/other.git//vpc?ref=v1', ctx({ sourceMap: map }))).toBe('git::ssh://git@github.com/other.git//vpc?ref=v1');
  });
  it('a map entry keeps the = of ?ref= and refuses an entry without =', () => {
    expect(parseSourceMap(['git::https://x/m.git?ref=v1=/l'], 'm')).toEqual({ 'git::https://x/m.git?ref=v1': '/l' });
    expect(() => parseSourceMap(['/no/equals/sign'], '--source-map')).toThrow(/--source-map expects ORIGINAL=LOCAL.*got "\/no\/equals\/sign"/);
  });
});
