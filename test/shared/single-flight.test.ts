import { describe, expect, it } from 'vitest';
import { singleFlight } from '../../src/shared/single-flight.js';

describe('singleFlight', () => {
  it('runs the work once per key; concurrent and later callers share the result', async () => {
    const flight = singleFlight<string, number>();
    let runs = 0;
    let release!: (v: number) => void;
    const work = () => {
      runs++;
      return new Promise<number>((r) => (release = r));
    };
    const a = flight('k', work);
    const b = flight('k', work);
    release(7);
    expect(await Promise.all([a, b, flight('k', work)])).toEqual([7, 7, 7]);
    expect(runs).toBe(1);
    expect(await flight('other', async () => 8)).toBe(8);
  });

  it('keeps a failure by default; with retryFailures the next caller runs the work again', async () => {
    const kept = singleFlight<string, number>();
    let runs = 0;
    const failing = async () => {
      runs++;
      throw new Error('no');
    };
    await expect(kept('k', failing)).rejects.toThrow('no');
    await expect(kept('k', async () => 1)).rejects.toThrow('no');
    expect(runs).toBe(1);

    const retried = singleFlight<string, number>({ retryFailures: true });
    await expect(retried('k', failing)).rejects.toThrow('no');
    expect(await retried('k', async () => 2)).toBe(2);
    expect(runs).toBe(2);
  });
});
