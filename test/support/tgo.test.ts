/**
 * stopLeftoverTgo (run after every test by test/support/setup.ts): a tgo that a test left running — one that
 * timed out — is stopped the way a user's Ctrl-C stops it, so its terraform lets go of its state lock before
 * the next test starts.
 */
import { expect, it } from 'vitest';
import { makeFakeTerraform } from './fake-terraform.js';
import { alive, baseEnv, startTgo, stopLeftoverTgo } from './tgo.js';
import { writeStack } from './stack.js';

it('stops a tgo left running: its terraform gets one SIGINT, and both are gone when it returns', async () => {
  const tf = await makeFakeTerraform();
  // terraform waits for a file that never comes, as a run stuck on a lock would.
  const root = writeStack({ 'a/terragrunt.hcl': '', 'a/.terraform/keep': '', 'a/fake-tf.json': { waitForFile: 'never', waitTimeoutMs: 600_000 } });
  const run = startTgo(['run-all', 'apply', '--terragrunt-non-interactive', '--terragrunt-tfpath', tf.path], { cwd: root, env: baseEnv() });
  while (tf.records().length === 0) await new Promise((r) => setTimeout(r, 25));

  expect(await stopLeftoverTgo()).toBe(1);
  expect(alive(run.pid)).toBe(false);
  expect((await run.done).code).toBe(130);
  const [record] = tf.records();
  expect(record!.signals).toEqual(['SIGINT']);
  expect(record!.exitCode).toBe(130);
  expect(alive(record!.pid)).toBe(false);
  // Nothing is left for the next test.
  expect(await stopLeftoverTgo()).toBe(0);
});
