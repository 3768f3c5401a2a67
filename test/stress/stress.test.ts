/**
 * Stress: 500 modules in a random DAG, parallelism 64, random durations and failures (fixed seed). Every
 * module ends in exactly one state, exactly the modules whose dependencies all succeeded ran, the bound held,
 * and tgo's memory stayed bounded. A shell fake terraform keeps 500 starts cheap; a barrier in it proves the
 * slots really fill (the first 64 wait for each other), with no timing assumptions.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { baseEnv, rng, startTgo } from '../support/tgo.js';

const N = 500;
const PARALLELISM = 64;


describe('stress', () => {
  it(`${N} modules at parallelism ${PARALLELISM} with random failures`, async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tgo-stress-'));
    const log = path.join(root, 'fake.log');
    const fake = path.join(root, 'fake-terraform.sh');
    const barrier = path.join(root, 'barrier');
    const fifo = path.join(root, 'never-written');
    mkdirSync(barrier);
    execFileSync('mkfifo', [fifo]);
    // One line at start and one at end, each a single small append (atomic for O_APPEND writes).
    // bash's $EPOCHREALTIME avoids forking `date`: process creation is the expensive part on these machines.
    // The barrier: each terraform leaves its pid in barrier/ and waits (read -t on a fifo nobody writes: a
    // sleep without a fork) until PARALLELISM have arrived, so the first wave proves PARALLELISM ran at once.
    // A terraform that gives up (60 s) says so in the log and opens the barrier for all, so a broken bound
    // fails the test quickly instead of stalling every module.
    writeFileSync(fake, `#!/bin/bash
read s code < "$PWD/behaviour"
echo "start $PWD \${EPOCHREALTIME/./}" >> ${log}
: > "${barrier}/$$"
waited=0
shopt -s nullglob
while :; do
  arrived=("${barrier}"/*)
  [ \${#arrived[@]} -ge ${PARALLELISM} ] && break
  [ -e "${barrier}.open" ] && break
  if [ $waited -ge 600 ]; then echo "gave-up $PWD \${#arrived[@]}" >> ${log}; : > "${barrier}.open"; break; fi
  read -t 0.1 <> "${fifo}"
  waited=$((waited + 1))
done
sleep "$s"
echo "end $PWD \${EPOCHREALTIME/./} $code" >> ${log}
exit "$code"
`);
    chmodSync(fake, 0o755);
    const rand = rng(20261129);
    const deps: number[][] = [];
    const exit: number[] = [];
    // Five layers of 100; each module depends on 0-3 modules of earlier layers: wide enough to fill 64 slots.
    for (let i = 0; i < N; i++) {
      const d = new Set<number>();
      const layerStart = Math.floor(i / 100) * 100;
      const k = layerStart === 0 ? 0 : Math.floor(rand() * 4);
      for (let j = 0; j < k; j++) d.add(Math.floor(rand() * layerStart));
      deps.push([...d]);
      exit.push(rand() < 0.04 ? 1 + Math.floor(rand() * 3) : 0);
      const dir = path.join(root, 'stack', `m${String(i).padStart(3, '0')}`);
      mkdirSync(path.join(dir, '.terraform'), { recursive: true });
      writeFileSync(path.join(dir, 'terragrunt.hcl'), deps[i]!.length ? `dependencies {\n  paths = [${deps[i]!.map((x) => `"../m${String(x).padStart(3, '0')}"`).join(', ')}]\n}\n` : '');
      writeFileSync(path.join(dir, 'behaviour'), `${(0.5 + rand()).toFixed(3)} ${exit[i]}\n`);
    }
    // Expected: a module runs iff every dependency ran and succeeded.
    const ran: boolean[] = [];
    const ok: boolean[] = [];
    for (let i = 0; i < N; i++) {
      ran[i] = deps[i]!.every((d) => ok[d]);
      ok[i] = ran[i]! && exit[i] === 0;
    }

    const report = path.join(root, 'run.json');
    const run = startTgo(['run-all', 'plan', '--terragrunt-parallelism', String(PARALLELISM), '--terragrunt-no-auto-init', '--terragrunt-tfpath', fake, '--report-file', report],
      { cwd: path.join(root, 'stack'), env: baseEnv() });
    let peakKb = 0;
    const sampler = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${run.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // exited
      }
    }, 50);
    const r = await run.done;
    clearInterval(sampler);

    // Exit code: several modules failed → 1.
    expect(r.code).toBe(1);
    const lines = readFileSync(log, 'utf8').trim().split('\n').map((l) => l.split(' '));
    expect(lines.filter((l) => l[0] === 'gave-up'), 'terraforms that gave up waiting at the barrier').toEqual([]);
    const starts = lines.filter((l) => l[0] === 'start');
    const ends = lines.filter((l) => l[0] === 'end');
    const startedIdx = starts.map((l) => Number(path.basename(l[1]!).slice(1))).sort((a, b) => a - b);
    expect(startedIdx).toEqual(ran.flatMap((x, i) => (x ? [i] : [])));
    expect(ends).toHaveLength(starts.length);

    // The parallelism bound, counted along the log (one append per line: a total order without clocks): the
    // barrier held the first PARALLELISM until all had started, so the count must reach it, and never pass it.
    let cur = 0;
    let max = 0;
    for (const l of lines) if (l[0] === 'start' || l[0] === 'end') max = Math.max(max, (cur += l[0] === 'start' ? 1 : -1));
    expect(max).toBe(PARALLELISM);

    // Every module is in the summary exactly once, with the state the DAG implies.
    const summary = new Map<string, string>();
    for (const m of r.stderr.matchAll(/^ {2}(m\d{3})\s+(succeeded|failed|early exit|excluded|interrupted)\s/gm)) {
      expect(summary.has(m[1]!), `${m[1]} twice in the summary`).toBe(false);
      summary.set(m[1]!, m[2]!);
    }
    expect(summary.size).toBe(N);
    for (let i = 0; i < N; i++) {
      const want = !ran[i] ? 'early exit' : exit[i] === 0 ? 'succeeded' : 'failed';
      expect(summary.get(`m${String(i).padStart(3, '0')}`), `m${i}`).toBe(want);
    }
    // The JSON report agrees with the summary and with what the fake terraform recorded.
    const rows = JSON.parse(readFileSync(report, 'utf8')) as { Name: string; Result: string; Started: string; Ended: string; Reason?: string; Cause?: string }[];
    expect(rows).toHaveLength(N);
    const fakeStart = new Map(starts.map((l) => [path.basename(l[1]!), Number(l[2]) / 1000]));
    for (const row of rows) {
      const want = summary.get(row.Name);
      expect(row.Result, row.Name).toBe(want);
      if (want === 'early exit') {
        expect(row.Reason).toBe('ancestor error');
        expect(fakeStart.has(row.Name)).toBe(false);
      } else {
        // tgo starts the clock just before it spawns terraform, which records its own start a little later.
        const started = Date.parse(row.Started);
        expect(fakeStart.get(row.Name)! - started, row.Name).toBeGreaterThanOrEqual(-5);
        expect(Date.parse(row.Ended)).toBeGreaterThanOrEqual(started);
      }
    }
    expect(peakKb).toBeGreaterThan(0);
    expect(peakKb / 1024).toBeLessThan(400);
  }, 480_000);
});
