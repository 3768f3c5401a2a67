import { describe, expect, it } from 'vitest';
import { schedule, type TaskOutcome } from '../../src/run/scheduler.js';

/** A DAG of fake tasks: each sleeps `ms` and succeeds unless listed in `fail`. */
function fakeRun(edges: Record<string, string[]>, durations: Record<string, number>, fail: string[] = []) {
  const log: { id: string; start: number; end: number }[] = [];
  let running = 0;
  let maxRunning = 0;
  const t0 = Date.now();
  const task = async (id: string): Promise<TaskOutcome> => {
    running++;
    maxRunning = Math.max(maxRunning, running);
    const start = Date.now() - t0;
    await new Promise((r) => setTimeout(r, durations[id] ?? 5));
    running--;
    log.push({ id, start, end: Date.now() - t0 });
    return fail.includes(id) ? { ok: false, exitCode: 3, reason: 'boom' } : { ok: true, exitCode: 0 };
  };
  return { log, task, waitsFor: (id: string) => edges[id] ?? [], max: () => maxRunning };
}

describe('scheduler', () => {
  it('starts a module as soon as its own dependencies finish, not level by level', async () => {
    // a(10ms) <- c ; b(150ms) <- d : c must start long before b finishes.
    const f = fakeRun({ c: ['a'], d: ['b'] }, { a: 10, b: 150, c: 10, d: 10 });
    const res = await schedule(['a', 'b', 'c', 'd'], f.waitsFor, f.task, { parallelism: Infinity });
    const at = Object.fromEntries(f.log.map((l) => [l.id, l]));
    expect(at.c!.start).toBeGreaterThanOrEqual(at.a!.end);
    expect(at.c!.start).toBeLessThan(at.b!.end);
    expect(at.d!.start).toBeGreaterThanOrEqual(at.b!.end);
    expect([...res.values()].every((r) => r.result === 'succeeded')).toBe(true);
  });

  it('never runs more than `parallelism` at once', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `m${i}`);
    const f = fakeRun({}, Object.fromEntries(ids.map((i) => [i, 20])));
    await schedule(ids, f.waitsFor, f.task, { parallelism: 3 });
    expect(f.max()).toBe(3);
    expect(f.log).toHaveLength(12);
  });

  it('marks everything downstream of a failure early exit, naming the failed module; independent modules go on', async () => {
    // a -> b -> c (c waits for b waits for a); x independent.
    const f = fakeRun({ b: ['a'], c: ['b'] }, {}, ['a']);
    const res = await schedule(['a', 'b', 'c', 'x'], f.waitsFor, f.task, { parallelism: Infinity });
    expect(res.get('a')).toMatchObject({ result: 'failed', exitCode: 3, reason: 'boom' });
    expect(res.get('b')).toMatchObject({ result: 'early exit', cause: 'a' });
    expect(res.get('c')).toMatchObject({ result: 'early exit', cause: 'a' });
    expect(res.get('x')?.result).toBe('succeeded');
    expect(f.log.map((l) => l.id).sort()).toEqual(['a', 'x']);
  });

  it('runs dependents anyway with ignoreDependencyErrors', async () => {
    const f = fakeRun({ b: ['a'] }, {}, ['a']);
    const res = await schedule(['a', 'b'], f.waitsFor, f.task, { parallelism: Infinity, ignoreDependencyErrors: true });
    expect(res.get('b')?.result).toBe('succeeded');
  });

  it('fail-fast starts nothing new after the first failure, but lets running modules finish', async () => {
    const f = fakeRun({}, { a: 5, b: 100, q1: 5, q2: 5 }, ['a']);
    const res = await schedule(['a', 'b', 'q1', 'q2'], f.waitsFor, f.task, { parallelism: 2, failFast: true });
    expect(res.get('b')?.result).toBe('succeeded'); // started alongside a (sorted order), so it finishes
    expect(res.get('q1')?.result).toBe('early exit');
    expect(res.get('q2')?.result).toBe('early exit');
  });

  it('an abort starts nothing new; queued modules end as interrupted', async () => {
    const ac = new AbortController();
    const f = fakeRun({ b: ['a'] }, { a: 50, b: 5 });
    const p = schedule(['a', 'b'], f.waitsFor, f.task, { parallelism: Infinity, signal: ac.signal });
    setTimeout(() => ac.abort(), 10);
    const res = await p;
    expect(res.get('b')?.result).toBe('interrupted');
    expect(f.log.map((l) => l.id)).toEqual(['a']);
  });

  it('ignoreDependencyOrder runs everything at once', async () => {
    const f = fakeRun({ b: ['a'] }, { a: 50, b: 50 });
    await schedule(['a', 'b'], f.waitsFor, f.task, { parallelism: Infinity, ignoreDependencyOrder: true });
    expect(f.max()).toBe(2);
  });

  it('treats waits on modules outside the run as already done', async () => {
    const f = fakeRun({ b: ['external'] }, {});
    const res = await schedule(['b'], f.waitsFor, f.task, { parallelism: 1 });
    expect(res.get('b')?.result).toBe('succeeded');
  });

  it('when a slot frees, the ready module heading the longest chain goes first', async () => {
    // x and y are ready at once; y heads y -> y2 -> y3, x heads nothing: with one slot, y must go first.
    const f = fakeRun({ y2: ['y'], y3: ['y2'] }, {});
    const chains: Record<string, number> = { x: 1, y: 3, y2: 2, y3: 1 };
    await schedule(['x', 'y', 'y2', 'y3'], f.waitsFor, f.task, { parallelism: 1, priority: (id) => chains[id]! });
    expect(f.log.map((l) => l.id)).toEqual(['y', 'y2', 'x', 'y3']); // y3 and x tie at 1: by id
  });

  it('an abort marks waiting modules interrupted at once, while running ones finish', async () => {
    const ac = new AbortController();
    const f = fakeRun({}, { a: 200, b: 5, c: 5 });
    const finished: string[] = [];
    const p = schedule(['a', 'b', 'c'], f.waitsFor, f.task, { parallelism: 1, signal: ac.signal, onFinish: (id) => finished.push(id) });
    setTimeout(() => ac.abort(), 20);
    await new Promise((r) => setTimeout(r, 60));
    expect(finished.sort()).toEqual(['b', 'c']); // a still running
    const res = await p;
    expect(res.get('a')?.result).toBe('succeeded');
    expect(res.get('b')?.result).toBe('interrupted');
  });
});
