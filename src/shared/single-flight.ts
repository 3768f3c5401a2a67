// One piece of work per key: every caller asking for a key while its promise is pending (or settled) gets
// that same promise, so concurrent modules share one STS call, one auth command run, one `terraform output`.

export interface SingleFlightOptions {
  /**
   * Forget a failed key so the next caller tries again (a later module may succeed, a person may enter
   * another code); by default a failure is kept like a result (a command that failed is not run again).
   */
  retryFailures?: boolean;
}

/** `flight(key, work)`: `work()` runs only for the first caller of `key`; the others share its promise. */
export type SingleFlight<K, V> = (key: K, work: () => Promise<V>) => Promise<V>;

export function singleFlight<K, V>(o: SingleFlightOptions = {}): SingleFlight<K, V> {
  const flights = new Map<K, Promise<V>>();
  return (key, work) => {
    let p = flights.get(key);
    if (!p) {
      const started = work();
      p = started;
      flights.set(key, started);
      if (o.retryFailures) started.catch(() => flights.get(key) === started && flights.delete(key));
    }
    return p;
  };
}
