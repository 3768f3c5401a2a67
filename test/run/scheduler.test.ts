import { describe, expect, it } from 'vitest';
import { schedule, type TaskOutcome } from '../../src/run/scheduler.js';

/**
 * A DAG of fake tasks. Order is recorded as sequence numbers, never clock readings. A task listed in `hold`
 * does not finish until that promise settles; the others finish on the next macrotask. `started(id)` settles
 * when the task starts, so a test can hold one task until another has started.
 */
function fakeRun(edges: Record<string, string[]>, o: { fail?: string[]; hold?: Record<string, () => Promise<unknown>>; onStart?: (id: string) => void } = {}) {
  const log: { id: string; start: number; end: number }[] = [];
  let seq = 0;
  let running = 0;
  let maxRunning = 0;
  const startSignals = new Map<string, () => void>();
  const startedPromises = new Map<string, Promise<void>>();
  const started = (id: string) => {
    if (!startedPromises.has(id)) startedPromises.set(id, new Promise<void>((r) => startSignals.set(id, r)));
    return startedPromises.get(id)!;
  };
  const task = async (id: string): Promise<TaskOutcome> => {
    running++;
    maxRunning = Math.max(maxRunning, running);
    const start = ++seq;
    started(id);
    startSignals.get(id)!();
    o.onStart?.(id);
    await (o.hold?.[id]?.() ?? new Promise((r) => setImmediate(r)));
    running--;
    log.push({ id, start, end: ++seq });
    return o.fail?.includes(id) ? { ok: false, exitCode: 3, reason: 'boom' } : { ok: true, exitCode: 0 };
  };
  return { log, task, started, waitsFor: (id: string) => edges[id] ?? [], max: () => maxRunning };
}
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
/** Settles after `ms` at the latest: only a fallback so that a broken order fails instead of hanging. */
const orAfter = (p: Promise<unknown>, ms = 5000) => Promise.race([p, new Promise((r) => setTimeout(r, ms).unref())]);

describe('scheduler', () => {
  it('starts a module as soon as its own dependencies finish, not level by level', async () => {
    // a <- c ; b <- d, where b does not finish until c has started: c must not wait for b's level.
    const f = fakeRun({ c: ['a'], d: ['b'] }, { hold: { b: () => orAfter(f.started('c')) } });
    const res = await schedule(['a', 'b', 'c', 'd'], f.waitsFor, f.task, { parallelism: Infinity });
    const at = Object.fromEntries(f.log.map((l) => [l.id, l]));
    expect(at.c!.start).toBeGreaterThan(at.a!.end);
    expect(at.c!.start).toBeLessThan(at.b!.end);
    expect(at.d!.start).toBeGreaterThan(at.b!.end);
    expect([...res.values()].every((r) => r.result === 'succeeded')).toBe(true);
  });

  it('never runs more than `parallelism` at once', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `m${i}`);
    const f = fakeRun({});
    await schedule(ids, f.waitsFor, f.task, { parallelism: 3 });
    expect(f.max()).toBe(3);
    expect(f.log).toHaveLength(12);
  });

  it('marks everything downstream of a failure early exit, naming the failed module; independent modules go on', async () => {
    // a -> b -> c (c waits for b waits for a); x independent.
    const f = fakeRun({ b: ['a'], c: ['b'] }, { fail: ['a'] });
    const res = await schedule(['a', 'b', 'c', 'x'], f.waitsFor, f.task, { parallelism: Infinity });
    expect(res.get('a')).toMatchObject({ result: 'failed', exitCode: 3, reason: 'boom' });
    expect(res.get('b')).toMatchObject({ result: 'early exit', cause: 'a' });
    expect(res.get('c')).toMatchObject({ result: 'early exit', cause: 'a' });
    expect(res.get('x')?.result).toBe('succeeded');
    expect(f.log.map((l) => l.id).sort()).toEqual(['a', 'x']);
  });

  it('runs dependents anyway with ignoreDependencyErrors', async () => {
    const f = fakeRun({ b: ['a'] }, { fail: ['a'] });
    const res = await schedule(['a', 'b'], f.waitsFor, f.task, { parallelism: Infinity, ignoreDependencyErrors: true });
    expect(res.get('b')?.result).toBe('succeeded');
  });

  it('fail-fast starts nothing new after the first failure, but lets running modules finish', async () => {
    // b starts alongside a (sorted order) and is still running when a's failure is handled.
    const aFinished = deferred();
    const f = fakeRun({}, { fail: ['a'], hold: { b: () => orAfter(aFinished.promise) } });
    const res = await schedule(['a', 'b', 'q1', 'q2'], f.waitsFor, f.task, {
      parallelism: 2, failFast: true, onFinish: (id) => id === 'a' && aFinished.resolve(),
    });
    expect(f.log.map((l) => l.id)).toEqual(['a', 'b']); // b ended after a
    expect(res.get('b')?.result).toBe('succeeded'); // already running, so it finishes
    expect(res.get('q1')?.result).toBe('early exit');
    expect(res.get('q2')?.result).toBe('early exit');
  });

  it('an abort starts nothing new; queued modules end as interrupted', async () => {
    const ac = new AbortController();
    const f = fakeRun({ b: ['a'] }, { onStart: (id) => id === 'a' && ac.abort() }); // Ctrl-C while a runs
    const res = await schedule(['a', 'b'], f.waitsFor, f.task, { parallelism: Infinity, signal: ac.signal });
    expect(res.get('b')?.result).toBe('interrupted');
    expect(f.log.map((l) => l.id)).toEqual(['a']);
  });

  it('ignoreDependencyOrder runs everything at once', async () => {
    const f = fakeRun({ b: ['a'] }, { hold: { a: () => orAfter(f.started('b')) } });
    await schedule(['a', 'b'], f.waitsFor, f.task, { parallelism: Infinity, ignoreDependencyOrder: true });
    expect(f.max()).toBe(2);
  });

  it('treats waits on modules outside the run as already done', async () => {
    const f = fakeRun({ b: ['external'] });
    const res = await schedule(['b'], f.waitsFor, f.task, { parallelism: 1 });
    expect(res.get('b')?.result).toBe('succeeded');
  });

  it('when a slot frees, the ready module heading the longest chain goes first', async () => {
    // x and y are ready at once; y heads y -> y2 -> y3, x heads nothing: with one slot, y must go first.
    const f = fakeRun({ y2: ['y'], y3: ['y2'] });
    const chains: Record<string, number> = { x: 1, y: 3, y2: 2, y3: 1 };
    await schedule(['x', 'y', 'y2', 'y3'], f.waitsFor, f.task, { parallelism: 1, priority: (id) => chains[id]! });
    expect(f.log.map((l) => l.id)).toEqual(['y', 'y2', 'x', 'y3']); // y3 and x tie at 1: by id
  });

  it('an abort marks waiting modules interrupted at once, while running ones finish', async () => {
    const ac = new AbortController();
    const release = deferred();
    const f = fakeRun({}, { hold: { a: () => release.promise }, onStart: (id) => id === 'a' && ac.abort() });
    const finished: string[] = [];
    const p = schedule(['a', 'b', 'c'], f.waitsFor, f.task, { parallelism: 1, signal: ac.signal, onFinish: (id) => finished.push(id) });
    await f.started('a');
    await new Promise((r) => setImmediate(r));
    expect(finished.sort()).toEqual(['b', 'c']); // a still running: it is held
    release.resolve();
    const res = await p;
    expect(res.get('a')?.result).toBe('succeeded');
    expect(res.get('b')?.result).toBe('interrupted');
  });
});
