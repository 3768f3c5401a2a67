/**
 * Interrupts at random points of a 50-module run (random DAG, random durations, fixed seed), alternating
 * SIGINT and SIGTERM: every terraform that was running gets exactly one SIGINT, nothing starts afterwards,
 * tgo exits 130, and no process is left behind. The signal comes after a random number of starts, not after
 * a random time, so the test means the same on a loaded machine.
 */
import { describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { alive, baseEnv, rng, startTgo } from '../support/tgo.js';

const N = 50;



/** A bash fake: logs start, every signal, and end; `sleep & wait` so a trapped signal is handled at once. */
function fakeTerraform(dir: string, log: string): string {
  const fake = path.join(dir, 'fake-terraform.sh');
  writeFileSync(fake, `#!/bin/bash
read s < "$PWD/behaviour"
trap 'echo "signal $PWD $$ INT" >> ${log}; exit 130' INT
trap 'echo "signal $PWD $$ TERM" >> ${log}; exit 143' TERM
echo "start $PWD $$ \${EPOCHREALTIME/./}" >> ${log}
sleep "$s" & wait $!
echo "end $PWD $$ \${EPOCHREALTIME/./}" >> ${log}
`);
  chmodSync(fake, 0o755);
  return fake;
}

describe('interrupts at random points of a 50-module run', () => {
  const rand = rng(424242);
  it.each([['SIGINT', 0], ['SIGTERM', 1], ['SIGINT', 2]] as const)('%s, trial %i', async (sig, _trial) => {
    const root = mkdtempSync(path.join(tmpdir(), 'tgo-interrupt-'));
    const log = path.join(root, 'fake.log');
    writeFileSync(log, '');
    const fake = fakeTerraform(root, log);
    for (let i = 0; i < N; i++) {
      const deps = new Set<number>();
      if (i >= 10) for (let j = 0; j < 2; j++) deps.add(Math.floor(rand() * Math.min(i, 40)));
      const dir = path.join(root, 'stack', `m${String(i).padStart(2, '0')}`);
      mkdirSync(path.join(dir, '.terraform'), { recursive: true });
      writeFileSync(path.join(dir, 'terragrunt.hcl'), deps.size ? `dependencies {\n  paths = [${[...deps].map((d) => `"../m${String(d).padStart(2, '0')}"`).join(', ')}]\n}\n` : '');
      writeFileSync(path.join(dir, 'behaviour'), `${(0.3 + rand() * 1.2).toFixed(2)}\n`);
    }
    const run = startTgo(['run-all', 'apply', '--terragrunt-non-interactive', '--terragrunt-parallelism', '12', '--terragrunt-tfpath', fake], {
      cwd: path.join(root, 'stack'),
      env: baseEnv(),
    });
    // Somewhere between the first starts and the middle of the run: after a random number of starts, counted
    // in the fake's log (a point in the run, not a moment on the clock).
    const startsBeforeSignal = 1 + Math.floor(rand() * 20);
    const deadline = Date.now() + 60_000;
    while (readFileSync(log, 'utf8').split('\n').filter((l) => l.startsWith('start ')).length < startsBeforeSignal) {
      if (Date.now() > deadline) throw new Error(`fewer than ${startsBeforeSignal} terraforms started:\n${readFileSync(log, 'utf8')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    run.kill(sig);
    const r = await run.done;
    expect(r.code, r.stderr).toBe(130);

    const lines = readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split(' '));
    // tgo forwards the interrupt to all its terraforms at once; the first one logged marks that moment.
    const forwarded = lines.findIndex((l) => l[0] === 'signal');
    const starts = lines.filter((l) => l[0] === 'start');
    const ended = new Set(lines.filter((l) => l[0] === 'end').map((l) => l[2]));
    const signals = lines.filter((l) => l[0] === 'signal');
    expect(starts.length).toBeGreaterThanOrEqual(startsBeforeSignal);
    // Nothing new started after that: a terraform whose start is logged later can only be one tgo had already
    // spawned, so it must have been interrupted too, not run to its end.
    for (const s of forwarded < 0 ? [] : lines.slice(forwarded + 1).filter((l) => l[0] === 'start')) {
      expect(signals.filter((x) => x[2] === s[2]).map((x) => x[3]), `${s[1]} started after the signal and was not interrupted`).toEqual(['INT']);
    }
    // Every terraform that had not finished got exactly one SIGINT (a SIGTERM to tgo is forwarded as SIGINT,
    // gracefully); one that had just logged its end may still get it on its way out, but never more than one.
    for (const s of starts) {
      const pid = s[2]!;
      const got = signals.filter((x) => x[2] === pid).map((x) => x[3]);
      if (ended.has(pid)) expect(got.filter((x) => x !== 'INT'), `${s[1]}`).toEqual([]);
      else expect(got, `${s[1]}`).toEqual(['INT']);
      expect(got.length, `${s[1]}`).toBeLessThanOrEqual(1);
      expect(alive(Number(pid))).toBe(false);
    }
    expect(r.stderr).toMatch(/Interrupted\s+\d+/);
  });
});
