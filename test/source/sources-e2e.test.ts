/**
 * Module sources through the CLI: a tree sharing one git source (one clone per run), get_working_dir(), bad
 * sources stopping the run before any terraform starts, and --source/--source-map pointing a remote-sourced
 * tree at local code (with the real terraform too).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { makeFakeTerraform, type FakeTerraform, type FakeTfRecord } from '../support/fake-terraform.js';
import { baseEnv, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';
import { gitSpy, makeBareRepo, tmp, type BareRepo } from './fixtures.js';

let tf: FakeTerraform;
let repo: BareRepo;
beforeAll(async () => {
  tf = await makeFakeTerraform();
  repo = makeBareRepo(tmp());
});

const runs = (root: string, command: string): FakeTfRecord[] =>
  tf.records().filter((r) => r.cwd.startsWith(root) && r.argv[0] === command);
const sourced = (source: string, extra = '') => `terraform {\n  source = "${source}"\n}\n${extra}`;

describe('a tree of modules sharing a git source', { timeout: 120_000 }, () => {
  it('is cloned once per run, each module runs in its own copy, and get_working_dir() is that copy', async () => {
    const spy = gitSpy();
    const files: Record<string, string> = {};
    for (let i = 0; i < 8; i++) {
      files[`m${i}/terragrunt.hcl`] = sourced(`git::file://${repo.bare}//modules/${i % 2 ? 'app' : 'db'}?ref=v1`, 'inputs = { wd = get_working_dir() }\n');
    }
    const root = writeStack(files);
    const env = baseEnv({ PATH: `${spy.bin}:${process.env.PATH}` });
    const r = await tgo(['run-all', 'plan', '--terragrunt-tfpath', tf.path], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    const plans = runs(root, 'plan');
    expect(plans).toHaveLength(8);
    for (const p of plans) {
      expect(p.cwd).toMatch(/\/\.terragrunt-cache\/[^/]+\/[^/]+\/modules\/(app|db)$/);
      expect(p.env.TF_VAR_wd).toBe(p.cwd);
    }
    expect(spy.calls().filter((c) => c[0] === 'clone')).toHaveLength(1);

    // Next run: every cache already holds ?ref=v1, nothing is cloned.
    const again = await tgo(['run-all', 'plan', '--terragrunt-tfpath', tf.path], { cwd: root, env });
    expect(again.code, again.stderr).toBe(0);
    expect(spy.calls().filter((c) => c[0] === 'clone')).toHaveLength(1);
  });
});

describe('a bad source stops the run before any terraform starts', { timeout: 120_000 }, () => {
  it.each([
    ['gcs::https://www.googleapis.com/storage/v1/b/m.zip', /bad\/terragrunt\.hcl: terraform\.source: Google Cloud Storage \(gcs::\) sources are not supported/],
    ['ftp://example.com/m.zip', /bad\/terragrunt\.hcl: terraform\.source: "ftp:\/\/example\.com\/m\.zip" is not a source form tgo knows/],
    ['GIT?ref=v9', /module bad: terraform\.source: cannot download git::file:\/\/.*\?ref=v9: \?ref=v9 does not exist/],
    ['GIT?ref=v1//nope', /module bad: terraform\.source: "nope" does not exist in git::file:/],
    ['../missing//app', /module bad: terraform\.source: .*\/missing does not exist/],
  ])('%s', async (source, message) => {
    const src = source.startsWith('GIT') ? source.replace('GIT', `git::file://${repo.bare}//modules/app`).replace('?ref=v1//nope', '') : source;
    const written = source === 'GIT?ref=v1//nope' ? `git::file://${repo.bare}//nope?ref=v1` : src;
    const root = writeStack({
      'good/terragrunt.hcl': '',
      'bad/terragrunt.hcl': sourced(written),
    });
    const r = await tgo(['run-all', 'apply', '--terragrunt-non-interactive', '--terragrunt-tfpath', tf.path], { cwd: root, env: baseEnv() });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(tf.records().filter((x) => x.cwd.startsWith(root))).toEqual([]);
  });

  it('--source-map without = is a usage error', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': '' });
    const r = await tgo(['run-all', 'plan', '--source-map', '/just/a/path', '--terragrunt-tfpath', tf.path], { cwd: root, env: baseEnv() });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--source-map expects ORIGINAL=LOCAL'); // as typed
    expect(tf.records().filter((x) => x.cwd.startsWith(root))).toEqual([]);
  });
});

describe('--source and --source-map point a remote-sourced tree at local code', { timeout: 120_000 }, () => {
  const REMOTE = 'git::https://git.example.invalid/acme/modules.git';
  const tree = () => writeStack({
    'local-modules/net/vpc/main.tf': 'output "from" { value = "local vpc" }\n',
    'local-modules/data/db/main.tf': 'output "from" { value = "local db" }\n',
    'live/vpc/terragrunt.hcl': sourced(`${REMOTE}//net/vpc?ref=v1`),
    'live/db/terragrunt.hcl': sourced(`${REMOTE}//data/db?ref=v1`),
  });

  it('run-all --source appends each module\'s //path to the local root (nothing is cloned)', async () => {
    const root = tree();
    const r = await tgo(['run-all', 'plan', '--terragrunt-source', '../local-modules', '--terragrunt-tfpath', tf.path], { cwd: path.join(root, 'live'), env: baseEnv() });
    expect(r.code, r.stderr).toBe(0);
    const dirs = runs(root, 'plan').map((p) => readdirSync(p.cwd).filter((f) => f.endsWith('.tf'))[0] && path.relative(root, p.cwd).split('/').slice(-2).join('/'));
    expect(dirs.sort()).toEqual(['data/db', 'net/vpc']);
  });

  it('TG_SOURCE_MAP with the real terraform: apply and outputs come from the local checkout', async () => {
    const root = tree();
    const env = baseEnv({ TG_SOURCE_MAP: `${REMOTE}=${path.join(root, 'local-modules')}` });
    const r = await tgo(['run-all', 'apply', '--terragrunt-non-interactive'], { cwd: path.join(root, 'live'), env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('from = "local vpc"');
    expect(r.stdout).toContain('from = "local db"');
  });
});
