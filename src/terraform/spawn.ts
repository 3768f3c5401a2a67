// The one place tgo starts processes: environment, stdin policy, line-buffered output, signal forwarding and
// AbortSignal. Every child is tracked so none outlives tgo.

import { spawn, type ChildProcess } from 'node:child_process';

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

const live = new Set<ChildProcess>();

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
  for (const c of live) signalChild(c, sig, (c as ChildProcess & { tgoGroup?: boolean }).tgoGroup === true);
}

let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => killAllChildren('SIGKILL'));
}

export function runProcess(command: string, args: string[], opts: SpawnOptions): Promise<ProcessResult> {
  installExitHook();
  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      child = spawn(command, args, {
        cwd: opts.cwd,
        env: opts.env,
        stdio: [opts.stdin, 'pipe', 'pipe'],
        detached: opts.detached,
      });
    } catch (e) {
      resolve({ exitCode: null, signal: null, spawnError: e as Error });
      return;
    }
    (child as ChildProcess & { tgoGroup?: boolean }).tgoGroup = opts.detached;
    live.add(child);
    const buffers = { stdout: '', stderr: '' };
    const feed = (stream: 'stdout' | 'stderr', chunk: string) => {
      const text = buffers[stream] + chunk;
      const lines = text.split('\n');
      buffers[stream] = lines.pop()!;
      for (const l of lines) opts.onLine?.(stream, l.endsWith('\r') ? l.slice(0, -1) : l);
    };
    child.stdout!.setEncoding('utf8').on('data', (c: string) => feed('stdout', c));
    child.stderr!.setEncoding('utf8').on('data', (c: string) => feed('stderr', c));

    const onInterrupt = () => signalChild(child, 'SIGINT', opts.detached);
    const onKill = () => signalChild(child, 'SIGKILL', opts.detached);
    if (opts.interrupt?.aborted) queueMicrotask(onInterrupt);
    else opts.interrupt?.addEventListener('abort', onInterrupt, { once: true });
    if (opts.kill?.aborted) queueMicrotask(onKill);
    else opts.kill?.addEventListener('abort', onKill, { once: true });

    let spawnError: Error | undefined;
    child.on('error', (e) => {
      spawnError = e;
    });
    child.on('close', (code, signal) => {
      live.delete(child);
      opts.interrupt?.removeEventListener('abort', onInterrupt);
      opts.kill?.removeEventListener('abort', onKill);
      for (const s of ['stdout', 'stderr'] as const) if (buffers[s]) opts.onLine?.(s, buffers[s]);
      resolve({ exitCode: code, signal, spawnError });
    });
  });
}
