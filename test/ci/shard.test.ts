/**
 * --shard k/n (with --shard-level L): for a CI matrix without a DAG. The n shards of each group partition it,
 * balanced by count; a shard of group L holds only modules whose dependencies are all in earlier groups; the
 * fake terraform shows exactly the shard's modules ran; malformed values are refused before anything runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { baseEnv, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';
import { STACK } from './shape.js';
import { runOptions } from '../../src/cli/options.js';
import { createLoader, loadStack } from '../../src/run/stack.js';
import { selectForRun } from '../../src/run/selection.js';

let root: string;
let tf: FakeTerraform;

/** Group of each module, computed here: 1 + the deepest dependency's group. */
const level = (m: string): number => (STACK[m]!.length === 0 ? 1 : 1 + Math.max(...STACK[m]!.map(level)));

beforeAll(async () => {
  tf = await makeFakeTerraform();
  root = writeStack(Object.fromEntries(Object.entries(STACK).map(([m, deps]) => [
    `${m}/terragrunt.hcl`, deps.map((d) => `dependency "${d}" {\n  config_path = "../${d}"\n}\n`).join(''),
  ])));
});

async function shard(argv: string[]): Promise<string[]> {
  const opts = runOptions([...argv, 'plan'], baseEnv(), root, true);
  const sel = await selectForRun(opts, loadStack(opts, createLoader(opts)), async () => false);
  return sel.ids.map((d) => path.relative(root, d)).sort();
}

describe('--shard', () => {
  it('the n shards of every group partition it, balanced by count', async () => {
    const groups = Math.max(...Object.keys(STACK).map(level));
    for (const n of [1, 2, 3, 5]) {
      for (let L = 1; L <= groups; L++) {
        const members = Object.keys(STACK).filter((m) => level(m) === L);
        const parts = await Promise.all(Array.from({ length: n }, (_, k) => shard(['--shard', `${k + 1}/${n}`, '--shard-level', String(L)])));
        expect(parts.flat().sort()).toEqual(members.sort()); // all of the group, each module once
        const sizes = parts.map((p) => p.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
      // Without a level: the k-th part of every group.
      const whole = await Promise.all(Array.from({ length: n }, (_, k) => shard(['--shard', `${k + 1}/${n}`])));
      expect(whole.flat().sort()).toEqual(Object.keys(STACK).sort());
    }
  });

  it('runs exactly its part through the CLI; bad values are refused before anything runs', async () => {
    const expected = await shard(['--shard', '2/2', '--shard-level', '2']);
    expect(expected.every((m) => level(m) === 2)).toBe(true);
    const before = new Set(tf.records().map((r) => r.pid));
    const r = await tgo(['run', '--all', '--shard', '2/2', '--shard-level', '2', '--terragrunt-tfpath', tf.path, '--', 'plan'], { cwd: root, env: baseEnv() });
    expect(r.code, r.stderr).toBe(0);
    const ran = tf.records().filter((x) => !before.has(x.pid) && x.argv[0] === 'plan').map((x) => path.relative(root, x.cwd)).sort();
    expect(ran).toEqual(expected);
    expect(r.stderr).toMatch(/not in shard 2\/2 of group 2/);

    const afterGood = tf.records().length;
    for (const [args, error] of [
      [['--shard', '3/2'], /--shard expects k\/n with 1 <= k <= n/],
      [['--shard', 'half'], /--shard expects k\/n/],
      [['--shard-level', '1'], /--shard-level needs --shard k\/n/],
    ] as const) {
      const bad = await tgo(['run', '--all', ...args, '--terragrunt-tfpath', tf.path, '--', 'plan'], { cwd: root, env: baseEnv() });
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(error);
    }
    expect(tf.records().length).toBe(afterGood);
  }, 60_000);
});
