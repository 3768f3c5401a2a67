// Running processes and timing them as a user would: the built CLI through `node bin/run.js`, output
// discarded, wall time from spawn to exit. Peak RSS and tgo's own CPU time come from a tiny preload
// (proc-hook.mjs) that writes process.resourceUsage() when the process exits, so no /usr/bin/time is needed.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TGO = path.join(REPO, 'bin', 'run.js');
const HOOK = pathToFileURL(path.join(REPO, 'bench', 'lib', 'proc-hook.mjs')).href;
const scratch = mkdtempSync(path.join(tmpdir(), 'tgo-bench-proc-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let seq = 0;

/**
 * Run a command; resolves { ms, code, stderrTail }. stdio goes to /dev/null unless `capture` is set, in which
 * case stderr's last 4 KB are kept (for error messages).
 */
export function run(cmd, args, { cwd, env, capture = false } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'ignore', capture ? 'pipe' : 'ignore'] });
    let tail = '';
    child.stderr?.setEncoding('utf8').on('data', (c) => {
      tail = (tail + c).slice(-4096);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      resolve({ ms, code: code ?? (signal ? 128 : 1), stderrTail: tail });
    });
  });
}

/**
 * Run tgo (`node bin/run.js …`, or another checkout's `bin`); resolves { ms, rssMB, cpuMs } where cpuMs is tgo's own CPU time (children
 * excluded). Throws with the end of stderr when the exit code is not `expectCode`.
 */
export async function tgo(args, { cwd, env, expectCode = 0, bin = TGO } = {}) {
  const file = path.join(scratch, `p${seq++}.json`);
  const r = await run(process.execPath, ['--import', HOOK, bin, ...args], { cwd, env: { ...env, BENCH_PROC_FILE: file } });
  let proc = {};
  try {
    proc = JSON.parse(readFileSync(file, 'utf8'));
    rmSync(file, { force: true });
  } catch {
    // reported as n/a
  }
  if (r.code !== expectCode) {
    const again = await run(process.execPath, [bin, ...args], { cwd, env, capture: true });
    throw new Error(`tgo ${args.join(' ')} (in ${cwd}) exited with ${r.code}:\n${again.stderrTail}`);
  }
  return { ms: r.ms, rssMB: proc.maxRssKiB === undefined ? undefined : proc.maxRssKiB / 1024, cpuMs: proc.cpuMs };
}

export function stats(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v[v.length - 1], n: v.length };
}

/** The q-quantile (0..1) of the values, nearest rank. */
export function quantile(values, q) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil(q * v.length) - 1))];
}
