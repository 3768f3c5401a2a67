/**
 * tfr:// registry modules and http(s) archives through the CLI, against loopback servers: a module registry over
 * TLS (service discovery, version list, download with X-Terraform-Get; a test CA trusted via NODE_EXTRA_CA_CERTS)
 * and plain http serving .zip/.tar.gz. A fake terraform records where each module ran.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeFakeTerraform, type FakeTerraform, type FakeTfRecord } from '../support/fake-terraform.js';
import { baseEnv, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';
import { makeArchives, makeCa, startServer, type TestCa, type TestServer } from './servers.js';

let tf: FakeTerraform;
let ca: TestCa;
let registry: TestServer;
let web: TestServer;
const v = (version: string) => makeArchives({ 'main.tf': `# vpc ${version}\n`, 'modules/subnet/main.tf': `# subnet ${version}\n` });
const archives = { '1.0.0': v('1.0.0'), '1.2.0': v('1.2.0') };

beforeAll(async () => {
  tf = await makeFakeTerraform();
  ca = makeCa();
  registry = await startServer(ca);
  web = await startServer();
  const json = (o: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(o) });
  registry.routes.set('/.well-known/terraform.json', json({ 'modules.v1': '/api/modules/v1/' }));
  registry.routes.set('/api/modules/v1/acme/vpc/aws/versions', json({ modules: [{ versions: [{ version: '1.0.0' }, { version: '1.2.0' }, { version: '2.0.0-beta1' }] }] }));
  // 1.0.0 answers with a path relative to the registry; 1.2.0 sends the archive elsewhere, with a //subdir glob.
  registry.routes.set('/api/modules/v1/acme/vpc/aws/1.0.0/download', { status: 204, headers: { 'X-Terraform-Get': '/archives/vpc-1.0.0.tar.gz//pkg' } });
  registry.routes.set('/api/modules/v1/acme/vpc/aws/1.2.0/download', { status: 204, headers: { 'X-Terraform-Get': `${web.url}/vpc-1.2.0.zip//*` } });
  registry.routes.set('/archives/vpc-1.0.0.tar.gz', { body: archives['1.0.0'].tgz });
  registry.routes.set('/api/modules/v1/acme/private/aws/versions', { ...json({ modules: [{ versions: [{ version: '0.1.0' }] }] }), auth: 'Bearer s3cret-token' });
  registry.routes.set('/api/modules/v1/acme/private/aws/0.1.0/download', { status: 200, ...json({ location: '/archives/vpc-1.0.0.tar.gz//pkg' }), auth: 'Bearer s3cret-token' });
  web.routes.set('/vpc-1.2.0.zip', { body: archives['1.2.0'].zip });
  web.routes.set('/vpc.tgz', { body: archives['1.2.0'].tgz });
  web.routes.set('/download/latest', { body: archives['1.0.0'].zip });
  web.routes.set('/private.tgz', { body: archives['1.0.0'].tgz, auth: `Basic ${Buffer.from('deploy:pa55word').toString('base64')}` });
  web.routes.set('/corrupt.tar.gz', { body: Buffer.from('this is not gzip at all') });
});
afterAll(async () => {
  await registry?.close();
  await web?.close();
});

const runs = (root: string): FakeTfRecord[] => tf.records().filter((r) => r.cwd.startsWith(root) && r.argv[0] === 'plan');
const firstLine = (r: FakeTfRecord) => readFileSync(path.join(r.cwd, 'main.tf'), 'utf8').split('\n')[0];
const env = (extra: Record<string, string> = {}) => baseEnv({ NODE_EXTRA_CA_CERTS: ca.caFile, ...extra });
const plan = (root: string, e = env()) => tgo(['run-all', 'plan', '--terragrunt-tfpath', tf.path], { cwd: root, env: e });
const sourced = (source: string) => `terraform {\n  source = "${source}"\n}\n`;

describe('tfr:// registry modules', { timeout: 120_000 }, () => {
  it('?version= downloads through the registry\'s X-Terraform-Get; several modules share one download', async () => {
    const host = registry.url.replace('https://', '');
    const root = writeStack({
      'a/terragrunt.hcl': sourced(`tfr://${host}/acme/vpc/aws?version=1.0.0`),
      'b/terragrunt.hcl': sourced(`tfr://${host}/acme/vpc/aws?version=1.0.0`),
      'c/terragrunt.hcl': sourced(`tfr://${host}/acme/vpc/aws//modules/subnet?version=1.0.0`),
    });
    const before = registry.hits.get('/archives/vpc-1.0.0.tar.gz') ?? 0;
    const r = await plan(root);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.fromEntries(runs(root).map((x) => [path.relative(root, x.cwd).split('/')[0], firstLine(x)]))).toEqual({
      a: '# vpc 1.0.0', b: '# vpc 1.0.0', c: '# subnet 1.0.0',
    });
    expect((registry.hits.get('/archives/vpc-1.0.0.tar.gz') ?? 0) - before).toBe(1);
  });

  it('tfr:/// uses the default registry (TG_TF_DEFAULT_REGISTRY_HOST) and, without ?version=, its newest stable version', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': sourced('tfr:///acme/vpc/aws') });
    const r = await plan(root, env({ TG_TF_DEFAULT_REGISTRY_HOST: registry.url.replace('https://', '') }));
    expect(r.code, r.stderr).toBe(0);
    expect(runs(root).map(firstLine)).toEqual(['# vpc 1.2.0']);
  });

  it('a private module gets TG_TF_REGISTRY_TOKEN as a bearer token; without it, one clear error', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': sourced(`tfr://${registry.url.replace('https://', '')}/acme/private/aws`) });
    const denied = await plan(root);
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toMatch(/module a: terraform\.source: cannot download tfr:\/\/.*\/acme\/private\/aws: the module registry answered 401 to the version list/);
    expect(runs(root)).toEqual([]);
    const ok = await plan(root, env({ TG_TF_REGISTRY_TOKEN: 's3cret-token' }));
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr + ok.stdout).not.toContain('s3cret-token');
    expect(runs(root).map(firstLine)).toEqual(['# vpc 1.0.0']);
  });

  it('an unreachable registry is one clear error and no terraform starts', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': sourced('tfr://127.0.0.1:9/acme/vpc/aws?version=1.0.0'), 'b/terragrunt.hcl': '' });
    const r = await plan(root);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/module a: terraform\.source: cannot download tfr:\/\/127\.0\.0\.1:9\/acme\/vpc\/aws\?version=1\.0\.0: the module registry 127\.0\.0\.1:9 is unreachable/);
    expect(tf.records().filter((x) => x.cwd.startsWith(root))).toEqual([]);
  });
});

describe('http(s) archives', { timeout: 120_000 }, () => {
  it('.zip with //subdir and a matching ?checksum=, .tgz, and ?archive=zip on a URL without extension', async () => {
    const sha = createHash('sha256').update(archives['1.2.0'].zip).digest('hex');
    const root = writeStack({
      'zip/terragrunt.hcl': sourced(`${web.url}/vpc-1.2.0.zip//pkg/modules/subnet?checksum=sha256:${sha}`),
      'tgz/terragrunt.hcl': sourced(`${web.url}/vpc.tgz//pkg`),
      'param/terragrunt.hcl': sourced(`${web.url}/download/latest//pkg?archive=zip`),
    });
    const r = await plan(root);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.fromEntries(runs(root).map((x) => [path.relative(root, x.cwd).split('/')[0], firstLine(x)]))).toEqual({
      zip: '# subnet 1.2.0', tgz: '# vpc 1.2.0', param: '# vpc 1.0.0',
    });
  });

  it('basic auth from the URL\'s user:password or from the netrc file; the password is never shown', async () => {
    const inUrl = writeStack({ 'a/terragrunt.hcl': sourced(`${web.url.replace('//', '//deploy:pa55word@')}/private.tgz//pkg`) });
    const r = await plan(inUrl, env({ TG_LOG_LEVEL: 'debug' }));
    expect(r.code, r.stderr).toBe(0);
    expect(runs(inUrl).map(firstLine)).toEqual(['# vpc 1.0.0']);
    expect(r.stdout + r.stderr).not.toContain('pa55word');

    const netrc = path.join(writeStack({ netrc: `machine 127.0.0.1\n  login deploy\n  password pa55word\n` }), 'netrc');
    const viaNetrc = writeStack({ 'a/terragrunt.hcl': sourced(`${web.url}/private.tgz//pkg`) });
    expect((await plan(viaNetrc)).code).not.toBe(0); // 401 without credentials
    const ok = await plan(viaNetrc, env({ NETRC: netrc }));
    expect(ok.code, ok.stderr).toBe(0);
  });

  it.each([
    ['a 404', () => `${web.url}/missing.zip//pkg`, /cannot download http:\/\/127\.0\.0\.1:\d+\/missing\.zip: GET .*\/missing\.zip answered 404/],
    ['a corrupt archive', () => `${web.url}/corrupt.tar.gz//pkg`, /cannot download .*corrupt\.tar\.gz: the archive is not a valid \.tar\.gz/],
    ['a wrong checksum', () => `${web.url}/vpc.tgz//pkg?checksum=sha256:${'0'.repeat(64)}`, /checksum mismatch: sha256 of the download is [0-9a-f]{64}, \?checksum= says 0{64}/],
    ['a page that is no archive', () => `${web.url}/download/latest//pkg`, /is not an archive .* and gave no X-Terraform-Get/],
  ])('%s is one clear error naming the URL and the module, and no terraform starts', async (_what, source, message) => {
    const root = writeStack({ 'broken/terragrunt.hcl': sourced(source()), 'fine/terragrunt.hcl': '' });
    const r = await plan(root);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/module broken: terraform\.source: /);
    expect(r.stderr).toMatch(message);
    expect(tf.records().filter((x) => x.cwd.startsWith(root))).toEqual([]);
  });
});
