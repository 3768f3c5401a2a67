/**
 * Running the real tgo CLI (bin/run.js over dist/, built by `npm test`) as a subprocess, the way a user does,
 * and copying fixture stacks into temp dirs so runs never dirty the repo.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TGO = path.join(REPO, 'bin', 'run.js');
export const WHOAMI = path.join(REPO, 'fixtures', 'bin', 'whoami.mjs');

export interface TgoResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  pid: number;
}

export interface TgoRun {
  pid: number;
  done: Promise<TgoResult>;
  kill(signal: NodeJS.Signals): void;
}

/** Environment for tgo in tests: no real AWS, no profile, no colour; caller adds what it needs. */
export function baseEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) {
    if (k.startsWith('AWS_') || k.startsWith('TG_') || k.startsWith('TERRAGRUNT_') || k.startsWith('TF_VAR_') || k.startsWith('TGO_')) delete env[k];
  }
  Object.assign(env, {
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_REGION: 'us-east-1',
    CHECKPOINT_DISABLE: '1',
    NO_COLOR: '1',
    NODE_ENV: 'production',
  });
  // FORCE_COLOR outranks NO_COLOR (Node's rule, which tgo follows): a developer's must not colour test output.
  delete env.FORCE_COLOR;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** tgo processes started by this test file that have not exited yet. */
const running = new Set<ChildProcess>();

export function startTgo(args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }): TgoRun {
  const child = spawn(process.execPath, [TGO, ...args], { cwd: opts.cwd, env: opts.env ?? baseEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  child.once('close', () => running.delete(child));
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  if (opts.input !== undefined) child.stdin.end(opts.input);
  else child.stdin.end();
  const done = new Promise<TgoResult>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, pid: child.pid! }));
  });
  return { pid: child.pid!, done, kill: (s) => child.kill(s) };
}

/**
 * Stops every tgo still running when a test ends (one that timed out: vitest does not stop what it awaited).
 * Left alone, such a run goes on beside the next tests, holding their CPU and the state locks its terraform
 * took, which the next terraform then waits for (-lock-timeout). One SIGTERM first: tgo forwards it to its
 * terraform, which releases its lock; SIGKILL only if tgo is still there after `graceMs`. Returns how many it
 * stopped.
 */
export async function stopLeftoverTgo(graceMs = 30_000): Promise<number> {
  const left = [...running];
  await Promise.all(left.map((child) => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  })));
  return left.length;
}

export function tgo(args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }): Promise<TgoResult> {
  return startTgo(args, opts).done;
}

/** Copy fixtures/<name> into a fresh temp dir; returns the copy's path. */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `tgo-${name.replace(/\W/g, '-')}-`));
  cpSync(path.join(REPO, 'fixtures', name), dir, { recursive: true });
  return dir;
}

/** Whether a process still exists (to prove nothing outlives tgo). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A small seeded PRNG (LCG) for generated stacks: the same seed, the same stack. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
