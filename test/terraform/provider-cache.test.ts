/**
 * The provider cache's rule without terraform: which inits are proven to only link (they may run side by side),
 * which may install (they run alone), and the lock file the first module of a requirement set hands to the
 * others. terraform's side of it (real installs, real lock files) is in test/e2e/provider-cache.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultProviderCacheDir, ProviderCache } from '../../src/terraform/provider-cache.js';
import { packageHash, providerRequirements } from '../../src/terraform/provider-packages.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tmp(files: Record<string, string> = {}): string {
  const d = mkdtempSync(path.join(tmpdir(), 'tgo-pcache-'));
  dirs.push(d);
  for (const [f, c] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(d, f)), { recursive: true });
    writeFileSync(path.join(d, f), c);
  }
  return d;
}

const FAKE = 'terraform {\n  required_providers {\n    fake = { source = "tgotest/fake", version = ">= 1.0" }\n  }\n}\n';
// The package terraform itself hashed (terraform init from a filesystem mirror, lock file written by terraform 1.11).
const BINARY = '#!/bin/sh\necho fake\n';
const TERRAFORM_H1 = 'h1:nJ66rZ2wAuobZWDZEQUVcUnqxKJVWg/PnHvSFCcxovA=';
const PLATFORM = `${process.platform}_${process.arch === 'x64' ? 'amd64' : process.arch}`;
const lockText = (hash: string) => `provider "registry.terraform.io/tgotest/fake" {\n  version     = "1.0.0"\n  constraints = ">= 1.0.0"\n  hashes = [\n    "${hash}",\n  ]\n}\n`;

describe('what terraform would install, read without terraform', () => {
  it('computes the h1: hash terraform records for an unpacked package', async () => {
    const pkg = tmp({ 'terraform-provider-fake_v1.0.0': BINARY });
    expect(await packageHash(pkg)).toBe(TERRAFORM_H1);
    expect(await packageHash(path.join(pkg, 'missing'))).toBeUndefined();
  });

  it('reads required_providers exactly, and says so only when nothing else names a provider', () => {
    const exact = providerRequirements(tmp({
      'main.tf': `${FAKE}resource "fake_thing" "x" {}\n# module "commented" {}\n`,
      'versions.tf': 'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n    null = "3.2.1"\n  }\n}\n',
    }));
    expect(exact.exact).toBe(true);
    expect([...exact.providers]).toEqual([
      ['registry.terraform.io/tgotest/fake', '>= 1.0'],
      ['registry.terraform.io/hashicorp/aws', '~> 5.0'],
      ['registry.terraform.io/hashicorp/null', '3.2.1'],
    ]);
    expect(providerRequirements(tmp({ 'main.tf': `${FAKE}module "m" {\n  source = "./m"\n}\n` })).exact).toBe(false);
    expect(providerRequirements(tmp({ 'main.tf': `${FAKE}resource "random_id" "x" {}\n` })).exact).toBe(false);
    expect(providerRequirements(tmp({ 'main.tf': FAKE, 'extra.tf.json': '{}' })).exact).toBe(false);
    expect(providerRequirements(tmp({ 'main.tf': 'resource "terraform_data" "x" {}\n' }))).toEqual({ exact: true, providers: new Map() });
  });

  it('defaults to terragrunt/providers in the user cache dir', () => {
    expect(defaultProviderCacheDir({ HOME: '/home/u' }, 'linux')).toBe('/home/u/.cache/terragrunt/providers');
    expect(defaultProviderCacheDir({ HOME: '/home/u', XDG_CACHE_HOME: '/c' }, 'linux')).toBe('/c/terragrunt/providers');
    expect(defaultProviderCacheDir({ HOME: '/Users/u' }, 'darwin')).toBe('/Users/u/Library/Caches/terragrunt/providers');
  });
});

/** A fake init: records how many inits ran beside it, and installs like terraform (cache entry and lock file). */
function harness(cache: ProviderCache) {
  let running = 0;
  const seen: { dir: string; beside: number; log: string[] }[] = [];
  const release = new Map<string, () => void>();
  const run = (dir: string, opts: { install?: boolean; args?: string[]; env?: NodeJS.ProcessEnv } = {}) => {
    const log: string[] = [];
    const entry = { dir, beside: -1, log };
    seen.push(entry);
    const done = cache.init(dir, opts.args ?? ['init'], opts.env ?? {}, (m) => log.push(m), async () => {
      entry.beside = running++;
      await new Promise<void>((r) => release.set(dir, r));
      if (opts.install) {
        writeFileSync(path.join(dir, '.terraform.lock.hcl'), lockText(TERRAFORM_H1));
        mkdirSync(path.join(cache.dir, 'registry.terraform.io/tgotest/fake/1.0.0', PLATFORM), { recursive: true });
        writeFileSync(path.join(cache.dir, 'registry.terraform.io/tgotest/fake/1.0.0', PLATFORM, 'terraform-provider-fake_v1.0.0'), BINARY);
      }
      running--;
      return { ok: true };
    });
    return done;
  };
  /** Resolves once `dir`'s init is running (the gate let it in). */
  const started = async (dir: string) => {
    while (!release.has(dir)) await new Promise((r) => setImmediate(r));
  };
  const finish = async (dir: string) => {
    await started(dir);
    release.get(dir)!();
  };
  /** Finishes each of `dirs` as the gate lets it in, whatever the order. */
  const finishAll = async (dirs: string[]) => {
    const left = new Set(dirs);
    while (left.size > 0) {
      const next = [...left].find((d) => release.has(d));
      if (!next) {
        await new Promise((r) => setImmediate(r));
        continue;
      }
      left.delete(next);
      release.get(next)!();
    }
  };
  return { run, started, finish, finishAll, seen, isRunning: (dir: string) => release.has(dir) };
}

describe('ProviderCache.init', () => {
  it('runs the first install of a requirement set alone, then hands its lock file on and links the others side by side', async () => {
    const cache = new ProviderCache(path.join(tmp(), 'cache'));
    const [a, b, c] = [tmp({ 'main.tf': FAKE }), tmp({ 'main.tf': FAKE }), tmp({ 'main.tf': FAKE })];
    const h = harness(cache);
    const pa = h.run(a, { install: true });
    const pb = h.run(b);
    const pc = h.run(c);
    await h.started(a);
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(h.isRunning(b) || h.isRunning(c)).toBe(false);
    await h.finish(a);
    await pa;
    // Both followers are let in before either finishes: they run side by side.
    await h.started(b);
    await h.started(c);
    await h.finish(b);
    await h.finish(c);
    await Promise.all([pb, pc]);
    const byDir = new Map(h.seen.map((s) => [s.dir, s]));
    expect(byDir.get(a)!.beside).toBe(0);
    expect(byDir.get(a)!.log[0]).toMatch(/install, alone \(no readable \.terraform\.lock\.hcl\)/);
    expect(byDir.get(b)!.log).toEqual([expect.stringMatching(/seeded/), expect.stringMatching(/link only/)]);
    expect(byDir.get(b)!.beside + byDir.get(c)!.beside).toBe(1);
    expect(readFileSync(path.join(c, '.terraform.lock.hcl'), 'utf8')).toBe(lockText(TERRAFORM_H1));

    // -lockfile=readonly (here through TF_CLI_ARGS_init): terraform must see the module's own lock file, or none.
    const d = tmp({ 'main.tf': FAKE });
    const pd = h.run(d, { env: { TF_CLI_ARGS_init: '-input=false -lockfile=readonly' } });
    await h.started(d);
    expect(existsSync(path.join(d, '.terraform.lock.hcl'))).toBe(false);
    await h.finish(d);
    await pd;
    expect(h.seen.find((s) => s.dir === d)!.log[0]).toMatch(/install, alone \(no readable/);
  });

  it('makes an init alone when the lock file does not match the cache, lacks a provider, or -upgrade is asked for', async () => {
    const cacheDir = path.join(tmp(), 'cache');
    const entry = path.join(cacheDir, 'registry.terraform.io/tgotest/fake/1.0.0', PLATFORM);
    mkdirSync(entry, { recursive: true });
    writeFileSync(path.join(entry, 'terraform-provider-fake_v1.0.0'), BINARY);
    const cache = new ProviderCache(cacheDir);
    const h = harness(cache);
    const linked = tmp({ 'main.tf': FAKE, '.terraform.lock.hcl': lockText(TERRAFORM_H1) });
    const stale = tmp({ 'main.tf': FAKE, '.terraform.lock.hcl': lockText('h1:AAAA') });
    const missing = tmp({ 'main.tf': `${FAKE.replace('}\n  }', '}\n    other = { source = "tgotest/other" }\n  }')}`, '.terraform.lock.hcl': lockText(TERRAFORM_H1) });
    const upgrade = tmp({ 'main.tf': FAKE, '.terraform.lock.hcl': lockText(TERRAFORM_H1) });
    const runs = [h.run(linked), h.run(stale), h.run(missing), h.run(upgrade, { args: ['init', '-upgrade'] })];
    await h.finishAll([linked, stale, missing, upgrade]);
    await Promise.all(runs);
    const logOf = (d: string) => h.seen.find((s) => s.dir === d)!.log[0];
    expect(logOf(linked)).toMatch(/link only/);
    expect(logOf(stale)).toMatch(/alone \(the cached registry.terraform.io\/tgotest\/fake 1.0.0 matches no hash/);
    expect(logOf(missing)).toMatch(/alone \(registry.terraform.io\/tgotest\/other is not in \.terraform\.lock\.hcl\)/);
    expect(logOf(upgrade)).toMatch(/alone \(init -upgrade\)/);
    // Each install ran with nothing beside it.
    for (const d of [stale, missing, upgrade]) expect(h.seen.find((s) => s.dir === d)!.beside).toBe(0);
  });
});
