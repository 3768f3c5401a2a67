/**
 * The provider lock file travels back from .terragrunt-cache (Terragrunt's ShouldCopyLockFile and CopyLockFile,
 * internal/runner/run/run.go and internal/runner/runcfg/util.go): after `init` — auto-init included — the
 * .terraform.lock.hcl terraform wrote in the cache copy lands next to terragrunt.hcl, unless
 * copy_terraform_lock_file = false. TestTFLocalDownloadDisableCopyTerraformLockFile and TestTFCustomLockFile
 * (test/integration_download_tf_test.go), with the real terraform installing a provider from a filesystem
 * mirror the test writes (nothing is downloaded; init never starts the provider).
 */
import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixture, run } from './support.js';

const PROVIDER = 'mirror/registry.terraform.io/acme/dummy/1.0.0/linux_amd64/terraform-provider-dummy_v1.0.0_x5';

function stack(unitHcl: string, extra: Record<string, string> = {}) {
  const root = fixture({
    [PROVIDER]: '#!/bin/sh\necho "not a real provider" >&2\nexit 1\n',
    'modules/app/main.tf': 'terraform {\n  required_providers {\n    dummy = {\n      source  = "acme/dummy"\n      version = "1.0.0"\n    }\n  }\n}\n',
    'live/app/terragrunt.hcl': `terraform {\n  source = "../../modules//app"\n${unitHcl}}\n`,
    ...extra,
  });
  chmodSync(path.join(root, PROVIDER), 0o755);
  const cli = path.join(root, 'mirror.tfrc');
  writeFileSync(cli, `provider_installation {\n  filesystem_mirror {\n    path    = "${path.join(root, 'mirror')}"\n    include = ["acme/*"]\n  }\n}\n`);
  return { dir: path.join(root, 'live/app'), env: { TF_CLI_CONFIG_FILE: cli } };
}

/** The lock file terraform wrote in the module's cache copy. */
function cachedLockFile(dir: string): string {
  const cache = path.join(dir, '.terragrunt-cache');
  const [a] = readdirSync(cache);
  const [b] = readdirSync(path.join(cache, a!));
  return readFileSync(path.join(cache, a!, b!, 'app', '.terraform.lock.hcl'), 'utf8');
}

describe('copy_terraform_lock_file', () => {
  it('tgo init copies the lock file terraform wrote in .terragrunt-cache next to terragrunt.hcl', async () => {
    const { dir, env } = stack('');
    const r = await run(['init'], dir, env);
    expect(r.code, r.stderr).toBe(0);
    const copied = readFileSync(path.join(dir, '.terraform.lock.hcl'), 'utf8');
    expect(copied).toContain('provider "registry.terraform.io/acme/dummy"');
    expect(copied).toBe(cachedLockFile(dir));
  });

  it('auto-init copies it too (tgo output in a fresh module)', async () => {
    const { dir, env } = stack('');
    await run(['output', '-json'], dir, env);
    expect(readFileSync(path.join(dir, '.terraform.lock.hcl'), 'utf8')).toContain('provider "registry.terraform.io/acme/dummy"');
  });

  it('copy_terraform_lock_file = false leaves the module directory alone (TestTFLocalDownloadDisableCopyTerraformLockFile)', async () => {
    const { dir, env } = stack('  copy_terraform_lock_file = false\n');
    const r = await run(['init'], dir, env);
    expect(r.code, r.stderr).toBe(0);
    expect(cachedLockFile(dir)).toContain('provider "registry.terraform.io/acme/dummy"');
    expect(existsSync(path.join(dir, '.terraform.lock.hcl'))).toBe(false);
  });

  it('a committed lock file goes into the cache and comes back as terraform left it (TestTFCustomLockFile)', async () => {
    const pinned = '# committed by the team\nprovider "registry.terraform.io/acme/dummy" {\n  version     = "1.0.0"\n  constraints = "1.0.0"\n}\n';
    const { dir, env } = stack('', { 'live/app/.terraform.lock.hcl': pinned });
    const r = await run(['init'], dir, env);
    expect(r.code, r.stderr).toBe(0);
    const back = readFileSync(path.join(dir, '.terraform.lock.hcl'), 'utf8');
    expect(back).toBe(cachedLockFile(dir));
    expect(back).toMatch(/h1:/); // terraform added the mirror's hash to the committed entry
  });
});
