/**
 * --filter on real runs: `run --all` (and a terraform command with --filter, which Terragrunt makes an --all
 * run) starts terraform in exactly the units a filter selects, in dependency order, and nowhere when a filter
 * is bad. The fake terraform records every process it ran (argv, cwd, order).
 *
 * Tree: net/vpc ← net/db ← app/api (reads common.hcl) ← app/web; tools/lint stands alone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { baseEnv, tgo } from '../support/tgo.js';
import { fixture } from './support.js';

let tf: FakeTerraform;
const deps = (...p: string[]) => `dependencies {\n  paths = [${p.map((x) => JSON.stringify(x)).join(', ')}]\n}\n`;
const root = fixture({
  'net/vpc/terragrunt.hcl': '# vpc\n',
  'net/db/terragrunt.hcl': deps('../vpc'),
  'app/api/terragrunt.hcl': `locals {\n  common = read_terragrunt_config("../../common.hcl")\n}\n${deps('../../net/db')}`,
  'app/web/terragrunt.hcl': deps('../api'),
  'tools/lint/terragrunt.hcl': '# lint\n',
  'common.hcl': 'locals {\n  owner = "platform"\n}\n',
});

beforeAll(async () => {
  tf = await makeFakeTerraform();
});

/** Runs tgo; returns the units where terraform ran `command`, in start order, with the exit code. */
async function ran(args: string[], command: string): Promise<{ units: string[]; code: number | null; stderr: string }> {
  const before = new Set(tf.records().map((r) => r.pid));
  const r = await tgo([args[0]!, '--non-interactive', '--tf-path', tf.path, ...args.slice(1)], { cwd: root, env: baseEnv() });
  const recs = tf.records().filter((x) => !before.has(x.pid) && x.argv[0] === command).sort((a, b) => a.startSeq - b.startSeq);
  const units = recs.map((x) => path.relative(root, x.cwd).split('/.terragrunt-cache')[0]!);
  return { units: [...new Set(units)], code: r.code, stderr: r.stderr };
}
const terraformCount = () => tf.records().length;

describe('run --all --filter starts terraform in the selected units only', () => {
  it('a path glob with a negation', async () => {
    const r = await ran(['run', '--all', '--filter', './net/**', '--filter', '!name=db', '--', 'plan'], 'plan');
    expect(r.code, r.stderr).toBe(0);
    expect(r.units).toEqual(['net/vpc']);
  });

  it('a graph expression: the target and its dependencies, dependencies first', async () => {
    const r = await ran(['run', '--all', '--filter', './app/api...', '--', 'apply'], 'apply');
    expect(r.code, r.stderr).toBe(0);
    expect(r.units).toEqual(['net/vpc', 'net/db', 'app/api']);
  });

  it('dependents without the target, and reading=', async () => {
    const dependents = await ran(['run', '--all', '--filter', '...^./net/db', '--', 'plan'], 'plan');
    expect(dependents.code, dependents.stderr).toBe(0);
    expect(dependents.units).toEqual(['app/api', 'app/web']);
    const reading = await ran(['run', '--all', '--filter', 'reading=common.hcl', '--', 'plan'], 'plan');
    expect(reading.units).toEqual(['app/api']);
  });

  it('--filter on a terraform command runs every selected unit, as Terragrunt makes it an --all run', async () => {
    const r = await ran(['plan', '--filter', 'name=lint', '--filter', 'vpc'], 'plan');
    expect(r.code, r.stderr).toBe(0);
    expect(r.units.sort()).toEqual(['net/vpc', 'tools/lint']);
  });

  it('a git expression: what changed since the previous commit, and what depends on it', async () => {
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
    const git = (...a: string[]) => execFileSync('git', a, { cwd: root, env, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'base');
    appendFileSync(path.join(root, 'net/db/terragrunt.hcl'), '# resized\n');
    git('commit', '-qam', 'db');
    const changed = await ran(['run', '--all', '--filter', '[HEAD~1]', '--', 'plan'], 'plan');
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.units).toEqual(['net/db']);
    const affected = await ran(['run', '--all', '--filter', '...[HEAD~1...HEAD]', '--', 'apply'], 'apply');
    expect(affected.code, affected.stderr).toBe(0);
    expect(affected.units).toEqual(['net/db', 'app/api', 'app/web']);
    // Terragrunt's rule: a git filter plans or applies; a destroy is refused before anything runs.
    const before = terraformCount();
    const destroy = await ran(['run', '--all', '--filter', '[HEAD~1]', '--', 'destroy'], 'destroy');
    expect(destroy.code).not.toBe(0);
    expect(destroy.stderr).toContain("Git-based filtering is not supported with the command 'destroy'");
    expect(terraformCount()).toBe(before);
  });

  it('a bad filter stops the run before any terraform starts', async () => {
    const before = terraformCount();
    const r = await ran(['run', '--all', '--filter', './net/** | ', '--', 'apply'], 'apply');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Missing right-hand side of '|' operator");
    expect(terraformCount()).toBe(before);
  });
});
