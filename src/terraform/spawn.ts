// The one place tgo starts processes: environment, stdin policy, line-buffered output, signal forwarding and
// AbortSignal. Every child is tracked so none outlives tgo. Under run --all (own process group, no stdin) the
// children are started by small spawner processes (spawner.ts); everything else here is the same for both.

import { spawn, type ChildProcess } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import { Spawner } from './spawner.js';

export interface SpawnOptions {
  cwd: string;
  env: Record<string, string>;
  /** Called once per complete line (without the newline) of each stream. */
  onLine?(stream: 'stdout' | 'stderr', line: string): void;
  /**
   * 'inherit' for an interactive single-module run (terraform may prompt); 'ignore' under run-all, where
   * children must never share the terminal's input.
   */
  stdin: 'inherit' | 'ignore';
  /**
   * Own process group: the terminal's Ctrl-C then reaches only tgo, which forwards exactly one SIGINT
   * (terraform treats a second one as "exit immediately", which can strand a state lock).
   */
  detached: boolean;
  /** Abort = forward SIGINT once (graceful stop). */
  interrupt?: AbortSignal;
  /** Abort = SIGKILL (second Ctrl-C). */
  kill?: AbortSignal;
}

export interface ProcessResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** The process could not be started (e.g. terraform not found). */
  spawnError?: Error;
}

/** A started process, however it was started. */
interface Running {
  signal(sig: NodeJS.Signals): void;
  result: Promise<ProcessResult>;
}

const live = new Set<Running>();

function signalChild(child: ChildProcess, sig: NodeJS.Signals, group: boolean): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (group) process.kill(-child.pid, sig);
    else child.kill(sig);
  } catch {
    // already gone
  }
}

/** Kill every child still running (used when tgo itself exits). */
export function killAllChildren(sig: NodeJS.Signals = 'SIGKILL'): void {
  for (const c of live) c.signal(sig);
}

let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => killAllChildren('SIGKILL'));
}

let spawners: Spawner[] | undefined;
/**
 * The least busy of the run's spawners (one per core, at most 4, started on first use); undefined when none can be
 * used. A spawner waits for each child's exec, so several of them start children in parallel.
 * Opt-in (TGO_SPAWNER=spawner) until a defect is understood: on a loaded machine, 50 concurrent inits through
 * the spawners lost all terraform output of some modules (every other one from some point: one spawner's
 * children) while their exits arrived — about 1 run in 10 of test/e2e/provider-cache.test.ts. Output that
 * vanishes is worse than 12 ms per module (BENCHMARKS.md, figure 2).
 */
function aSpawner(): Spawner | undefined {
  spawners ??= process.env.TGO_SPAWNER !== 'spawner' ? [] : Array.from({ length: Math.min(4, availableParallelism()) }, () => Spawner.start()).filter((s) => s !== undefined);
  let best: Spawner | undefined;
  for (const s of spawners) if (s.usable && (!best || s.running < best.running)) best = s;
  return best;
}

function direct(command: string, args: string[], opts: SpawnOptions, data: (stream: 'stdout' | 'stderr', chunk: string) => void): Running {
  let child: ChildProcess;
  try {
    child = spawn(command, args, { cwd: opts.cwd, env: opts.env, stdio: [opts.stdin, 'pipe', 'pipe'], detached: opts.detached });
  } catch (e) {
    return { signal: () => {}, result: Promise.resolve({ exitCode: null, signal: null, spawnError: e as Error }) };
  }
  child.stdout!.setEncoding('utf8').on('data', (c: string) => data('stdout', c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => data('stderr', c));
  let spawnError: Error | undefined;
  child.on('error', (e) => {
    spawnError = e;
  });
  return {
    signal: (sig) => signalChild(child, sig, opts.detached),
    result: new Promise((resolve) => child.on('close', (exitCode, signal) => resolve({ exitCode, signal, spawnError }))),
  };
}

function viaSpawner(s: Spawner, command: string, args: string[], opts: SpawnOptions, data: (stream: 'stdout' | 'stderr', chunk: string) => void): Running {
  let pid: number | undefined;
  let exited = false;
  let pending: NodeJS.Signals | undefined;
  const send = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid!, sig);
    } catch {
      // already gone
    }
  };
  const result = new Promise<ProcessResult>((resolve) => {
    s.run(command, args, opts.cwd, opts.env, {
      onPid: (p) => {
        pid = p;
        // A signal asked for before the pid was known goes out now (SIGKILL wins over SIGINT).
        if (pending) send(pending);
      },
      onData: data,
      onExit: (exitCode, signal, spawnError) => {
        exited = true;
        resolve({ exitCode, signal, spawnError });
      },
    });
  });
  return {
    signal: (sig) => {
      if (exited) return;
      if (pid === undefined) pending = pending === 'SIGKILL' ? pending : sig;
      else send(sig);
    },
    result,
  };
}

export function runProcess(command: string, args: string[], opts: SpawnOptions): Promise<ProcessResult> {
  installExitHook();
  const buffers = { stdout: '', stderr: '' };
  const feed = (stream: 'stdout' | 'stderr', chunk: string) => {
    const text = buffers[stream] + chunk;
    const lines = text.split('\n');
    buffers[stream] = lines.pop()!;
    for (const l of lines) opts.onLine?.(stream, l.endsWith('\r') ? l.slice(0, -1) : l);
  };
  // Only children that need nothing from tgo's terminal (run --all) can be started elsewhere.
  const s = opts.detached && opts.stdin === 'ignore' ? aSpawner() : undefined;
  const child = s ? viaSpawner(s, command, args, opts, feed) : direct(command, args, opts, feed);
  live.add(child);

  // Every running child listens on the run's two signals: no listener limit (Node warns past 10 by default).
  for (const sig of [opts.interrupt, opts.kill]) if (sig) setMaxListeners(0, sig);
  const onInterrupt = () => child.signal('SIGINT');
  const onKill = () => child.signal('SIGKILL');
  if (opts.interrupt?.aborted) queueMicrotask(onInterrupt);
  else opts.interrupt?.addEventListener('abort', onInterrupt, { once: true });
  if (opts.kill?.aborted) queueMicrotask(onKill);
  else opts.kill?.addEventListener('abort', onKill, { once: true });

  return child.result.then((r) => {
    live.delete(child);
    opts.interrupt?.removeEventListener('abort', onInterrupt);
    opts.kill?.removeEventListener('abort', onKill);
    for (const st of ['stdout', 'stderr'] as const) if (buffers[st]) opts.onLine?.(st, buffers[st]);
    return r;
  });
}
