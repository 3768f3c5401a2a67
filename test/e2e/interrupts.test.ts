/**
 * Interrupts at random points of a 50-module run (random DAG, random durations, fixed seed), alternating
 * SIGINT and SIGTERM: every terraform that was running gets exactly one SIGINT, nothing starts afterwards,
 * tgo exits 130 within a bounded time, and no process is left behind.
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
  it.each([['SIGINT', 0], ['SIGTERM', 1], ['SIGINT', 2]] as const)('%s, trial %i', async (sig) => {
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
    // Somewhere between the first starts and the middle of the run.
    await new Promise((r) => setTimeout(r, 800 + rand() * 1500));
    const sentAt = Date.now() * 1000;
    run.kill(sig);
    const r = await run.done;
    const tookMs = Date.now() - sentAt / 1000;
    expect(r.code, r.stderr).toBe(130);
    expect(tookMs).toBeLessThan(10_000);

    const lines = readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split(' '));
    const starts = lines.filter((l) => l[0] === 'start');
    const ended = new Set(lines.filter((l) => l[0] === 'end').map((l) => l[2]));
    const signals = lines.filter((l) => l[0] === 'signal');
    expect(starts.length).toBeGreaterThan(0);
    // Nothing started after tgo got the signal (allowing for delivery: 300 ms).
    for (const s of starts) expect(Number(s[3]), `${s[1]} started after the signal`).toBeLessThan(sentAt + 300_000);
    // Every terraform that had not finished got exactly one SIGINT (a SIGTERM to tgo is forwarded as SIGINT, gracefully).
    for (const s of starts) {
      const pid = s[2]!;
      const got = signals.filter((x) => x[2] === pid).map((x) => x[3]);
      if (ended.has(pid)) expect(got).toEqual([]);
      else expect(got, `${s[1]}`).toEqual(['INT']);
      expect(alive(Number(pid))).toBe(false);
    }
    expect(r.stderr).toMatch(/Interrupted\s+\d+/);
  }, 60_000);
});
