/**
 * terraform { source } for local paths as Terragrunt copies them (internal/runner/run/download_source.go,
 * util.CopyFolderContents): into .terragrunt-cache, never copying the cache into itself (`source = "."`), hidden
 * files left behind unless include_in_copy names them, exclude_from_copy leaving files out, a `//` subdirectory
 * run with its siblings copied along, and a changed source used on the next run. Real terraform.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixture, outputs, run } from './support.js';

/** Outputs telling which files terraform saw beside its code. */
const seesFiles = (files: string[]) => files.map((f, i) => `output "f${i}" {\n  value = fileexists("\${path.module}/${f}")\n}\n`).join('');

describe('source copying', () => {
  // Terragrunt: TestTFLocalDownload / TestTFLocalDownloadWithHiddenFolder (fixtures/download/local,
  // local-with-hidden-folder): applied twice, the cache is reused without errors.
  it('`source = "."`: the module is copied into its own cache, twice without error', async () => {
    const dir = fixture({
      'main.tf': 'output "where" {\n  value = strcontains(abspath(path.module), ".terragrunt-cache")\n}\n',
      '.hidden/file.txt': 'hidden folder',
      'terragrunt.hcl': 'terraform {\n  source = "."\n}\n',
    });
    for (let i = 0; i < 2; i++) {
      const r = await run(['apply', '-auto-approve', '--terragrunt-non-interactive'], dir);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(await outputs(dir)).toEqual({ where: true });
  });

  // Terragrunt: TestTFLocalDownloadWithAllowedHiddenFiles (fixtures/download/local-with-allowed-hidden) and the
  // include_in_copy / exclude_from_copy attributes (docs …/blocks terraform).
  it('hidden files stay behind unless include_in_copy names them; exclude_from_copy leaves files out', async () => {
    const root = fixture({
      'modules/main.tf': `${seesFiles(['.nonce', '.other-hidden', 'excluded.txt', 'kept.txt', '.terraform.lock.hcl'])}output "nonce" {\n  value = trimspace(file("\${path.module}/.nonce"))\n}\n`,
      'modules/.nonce': 'Hello world\n',
      'modules/.other-hidden': 'x',
      'modules/excluded.txt': 'x',
      'modules/kept.txt': 'x',
      'modules/.terraform.lock.hcl': '# This file is maintained automatically by "terraform init".\n',
      'live/terragrunt.hcl': 'terraform {\n  source            = "../modules"\n  include_in_copy   = [".nonce"]\n  exclude_from_copy = ["excluded.txt"]\n}\n',
    });
    const live = path.join(root, 'live');
    const r = await run(['apply', '-auto-approve', '--terragrunt-non-interactive'], live);
    expect(r.code, r.stderr).toBe(0);
    // .terraform.lock.hcl is the one hidden file Terragrunt copies by default.
    expect(await outputs(live)).toEqual({ f0: true, f1: false, f2: false, f3: true, f4: true, nonce: 'Hello world' });
  });

  // Terragrunt: TestTFLocalDownloadWithRelativePath (fixtures/download/local-relative): `//` selects the
  // subdirectory terraform runs in; the rest of the tree is copied so relative module paths work.
  it('a `//` subdirectory runs with its siblings copied along; a changed source is used on the next run', async () => {
    const root = fixture({
      'modules/shared/main.tf': 'output "greeting" {\n  value = "from shared"\n}\n',
      'modules/app/main.tf': 'module "shared" {\n  source = "../shared"\n}\noutput "greeting" {\n  value = module.shared.greeting\n}\n',
      'live/terragrunt.hcl': 'terraform {\n  source = "../modules//app"\n}\n',
    });
    const live = path.join(root, 'live');
    let r = await run(['apply', '-auto-approve', '--terragrunt-non-interactive'], live);
    expect(r.code, r.stderr).toBe(0);
    expect(await outputs(live)).toEqual({ greeting: 'from shared' });
    writeFileSync(path.join(root, 'modules/shared/main.tf'), 'output "greeting" {\n  value = "changed"\n}\n');
    r = await run(['apply', '-auto-approve', '--terragrunt-non-interactive'], live);
    expect(r.code, r.stderr).toBe(0);
    expect(await outputs(live)).toEqual({ greeting: 'changed' });
  });
});
