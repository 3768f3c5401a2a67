/**
 * Ctrl-C during run-all, with a fake terraform that traps signals and records them: the first SIGINT (or
 * SIGTERM) reaches every running terraform exactly once, nothing new starts, tgo exits 130 with the summary
 * marking interrupted modules; a second SIGINT kills what still runs. No process outlives tgo.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { makeFakeTerraform, type FakeTerraform, type FakeTfRecord } from '../support/fake-terraform.js';
import { alive, baseEnv, startTgo } from '../support/tgo.js';
import { moduleHcl, writeStack } from '../support/stack.js';

let tf: FakeTerraform;
beforeAll(async () => {
  tf = await makeFakeTerraform();
});

const recordsOf = (root: string): FakeTfRecord[] => tf.records().filter((r) => r.cwd.startsWith(root));
async function until(cond: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Three slow independent modules, each with a dependent that must never start after the interrupt. */
function slowStack(behaviour: object) {
  const files: Record<string, string | object> = {};
  for (const m of ['a', 'b', 'c']) {
    files[`${m}/terragrunt.hcl`] = '';
    files[`${m}/fake-tf.json`] = { sleepMs: 20_000, ...behaviour };
    files[`${m}/.terraform/keep`] = '';
    files[`${m}-app/terragrunt.hcl`] = moduleHcl([`../${m}`]);
    files[`${m}-app/.terraform/keep`] = '';
  }
  return writeStack(files);
}

describe.each([['SIGINT'], ['SIGTERM']] as const)('%s during run-all', (sig) => {
  it('is forwarded once to every running terraform; nothing new starts; exit 130 with interrupted modules in the summary', async () => {
    const root = slowStack({ sleepAfterSigintMs: 300 });
    const run = startTgo(['run-all', 'apply', '--terragrunt-non-interactive', '--terragrunt-tfpath', tf.path], { cwd: root, env: baseEnv() });
    await until(() => recordsOf(root).length === 3);
    run.kill(sig);
    const r = await run.done;
    expect(r.code).toBe(130);
    const recs = recordsOf(root);
    expect(recs.map((x) => path.relative(root, x.cwd)).sort()).toEqual(['a', 'b', 'c']); // no dependent started
    for (const x of recs) {
      expect(x.signals).toEqual(['SIGINT']); // exactly one, graceful
      expect(x.exitCode).toBe(130); // ended by the signal, long before its 20 s of work: tgo did not wait it out
      expect(alive(x.pid)).toBe(false);
    }
    expect(r.stderr).toMatch(/Interrupted\s+6/);
    expect(r.stderr).toMatch(/^ {2}a-app\s+interrupted/m);
  });
});

describe('a second SIGINT', () => {
  it('kills terraform processes that ignore the first', async () => {
    const root = slowStack({ ignoreSigint: true });
    const run = startTgo(['run-all', 'apply', '--terragrunt-non-interactive', '--terragrunt-tfpath', tf.path], { cwd: root, env: baseEnv() });
    await until(() => recordsOf(root).length === 3);
    run.kill('SIGINT');
    // Each terraform logs a signal as it arrives: wait for delivery rather than sleep.
    await until(() => recordsOf(root).every((x) => x.signals?.length === 1));
    expect(recordsOf(root).every((x) => alive(x.pid) && x.endSeq === undefined)).toBe(true); // still running: they ignored it
    run.kill('SIGINT');
    const r = await run.done;
    expect(r.code).toBe(130);
    await until(() => recordsOf(root).every((x) => !alive(x.pid)));
    expect(r.stderr).toMatch(/Second interrupt: killing terraform processes/);
  });
});
