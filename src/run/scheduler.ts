// The DAG scheduler: a module starts the moment everything it waits for has succeeded (not level by level),
// at most `parallelism` run at once (p-limit), a failure marks everything waiting on it "early exit" with the
// cause named while independent modules go on, and an abort (Ctrl-C, --fail-fast) starts nothing new.

import pLimit from 'p-limit';
import type { ModuleResult } from './events.js';

/** A success that came from an errors rule: a retry that worked, or an ignored failure (Terragrunt's report reasons). */
export interface Recovered {
  how: 'retried' | 'ignored';
  /** The retry or ignore block's name ("default" for the default retryable errors). */
  rule: string;
  /** Runs it took. */
  attempts: number;
}

export interface TaskOutcome {
  ok: boolean;
  exitCode?: number;
  reason?: string;
  interrupted?: boolean;
  stderrTail?: string[];
  recovered?: Recovered;
}

export interface Finished {
  result: ModuleResult;
  exitCode?: number;
  reason?: string;
  cause?: string;
  startedAt?: number;
  endedAt: number;
  stderrTail?: string[];
  recovered?: Recovered;
}

export interface ScheduleOptions {
  /** Max tasks at once; Infinity for no bound. */
  parallelism: number;
  /** After the first failure, start nothing new (running tasks finish). */
  failFast?: boolean;
  /** Dependents run even when what they wait for failed. */
  ignoreDependencyErrors?: boolean;
  /** Ignore edges entirely: everything may start at once. */
  ignoreDependencyOrder?: boolean;
  /** Aborting stops new starts; queued tasks end as "interrupted". */
  signal?: AbortSignal;
  onStart?(id: string, at: number): void;
  onFinish?(id: string, f: Finished): void;
  /** Higher runs first when several modules are ready (e.g. the length of the chain waiting on each). */
  priority?(id: string): number;
}

/**
 * Run `task` for every id. `waitsFor(id)` lists ids that must finish first; ids not in the set are treated as
 * already done (excluded modules count as applied, as in Terragrunt).
 */
export async function schedule(
  ids: string[],
  waitsFor: (id: string) => string[],
  task: (id: string) => Promise<TaskOutcome>,
  opts: ScheduleOptions,
): Promise<Map<string, Finished>> {
  const members = new Set(ids);
  const done = new Map<string, Finished>();
  const remaining = new Map<string, number>();
  const waiters = new Map<string, string[]>();
  for (const id of ids) {
    const deps = opts.ignoreDependencyOrder ? [] : [...new Set(waitsFor(id).filter((d) => members.has(d) && d !== id))];
    remaining.set(id, deps.length);
    for (const d of deps) waiters.set(d, [...(waiters.get(d) ?? []), id]);
  }
  const limit = pLimit(Number.isFinite(opts.parallelism) && opts.parallelism > 0 ? opts.parallelism : Number.POSITIVE_INFINITY);
  let stopping = false;
  let settle!: () => void;
  const allDone = new Promise<void>((r) => (settle = r));

  const finish = (id: string, f: Finished) => {
    if (done.has(id)) return;
    done.set(id, f);
    opts.onFinish?.(id, f);
    const failed = f.result !== 'succeeded' && f.result !== 'excluded';
    for (const w of waiters.get(id) ?? []) {
      if (done.has(w)) continue;
      if (failed && !opts.ignoreDependencyErrors) {
        // Early exit propagates down the whole chain, naming the module that actually failed.
        const cause = f.result === 'early exit' && f.cause ? f.cause : id;
        const interrupted = f.result === 'interrupted';
        finish(w, { result: interrupted ? 'interrupted' : 'early exit', cause, reason: interrupted ? 'interrupted before it could start' : undefined, endedAt: Date.now() });
        continue;
      }
      const left = remaining.get(w)! - 1;
      remaining.set(w, left);
      if (left === 0) enqueue(w);
    }
    if (failed && opts.failFast) {
      stopping = true;
      queueMicrotask(pump);
    }
    if (done.size === ids.length) settle();
  };

  /** Run one module (called only when p-limit has a free slot). */
  const start = async (id: string) => {
    if (done.has(id)) return;
    const startedAt = Date.now();
    opts.onStart?.(id, startedAt);
    let outcome: TaskOutcome;
    try {
      outcome = await task(id);
    } catch (e) {
      outcome = { ok: false, reason: e instanceof Error ? e.message : String(e) };
    }
    finish(id, {
      result: outcome.ok ? 'succeeded' : outcome.interrupted ? 'interrupted' : 'failed',
      exitCode: outcome.exitCode,
      reason: outcome.reason,
      startedAt,
      endedAt: Date.now(),
      stderrTail: outcome.stderrTail,
      recovered: outcome.recovered,
    });
  };

  // Ready modules wait here, not in p-limit's FIFO queue: when a slot frees, the one heading the longest chain
  // of dependents goes first (ties by id), which keeps the critical path moving under a parallelism bound.
  const ready: string[] = [];
  let running = 0; // our own count: p-limit is the hard bound, but we only hand it work it can start at once
  const priority = opts.priority ?? (() => 0);
  const pump = () => {
    if (stopping || opts.signal?.aborted) {
      const interrupted = !!opts.signal?.aborted;
      for (const id of ready.splice(0)) {
        finish(id, { result: interrupted ? 'interrupted' : 'early exit', reason: interrupted ? 'interrupted before it could start' : 'not started: --fail-fast after a failure', endedAt: Date.now() });
      }
      return;
    }
    while (ready.length > 0 && running < limit.concurrency) {
      let best = 0;
      for (let i = 1; i < ready.length; i++) {
        const d = priority(ready[i]!) - priority(ready[best]!);
        if (d > 0 || (d === 0 && ready[i]! < ready[best]!)) best = i;
      }
      const id = ready.splice(best, 1)[0]!;
      running++;
      void limit(() => start(id)).finally(() => {
        running--;
        pump();
      });
    }
  };
  const enqueue = (id: string) => {
    ready.push(id);
    queueMicrotask(pump); // let finish() mark everything that became ready first, then choose among them
  };
  opts.signal?.addEventListener('abort', pump, { once: true });

  if (ids.length === 0) return done;
  for (const id of [...ids].sort()) if (remaining.get(id) === 0) enqueue(id);
  await allDone;
  return done;
}
