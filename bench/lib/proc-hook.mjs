// Preloaded with `node --import` by the benchmark: when the process exits, write its peak RSS (KiB) and its own
// CPU time (user + system, ms; children not included) as JSON to $BENCH_PROC_FILE. Costs one tiny module
// load; does nothing when the variable is unset. bin/run.js ends with process.exit, which runs 'exit' listeners.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PROC_FILE;
if (file) {
  delete process.env.BENCH_PROC_FILE; // not for children
  process.on('exit', () => {
    try {
      const r = process.resourceUsage();
      writeFileSync(file, JSON.stringify({ maxRssKiB: r.maxRSS, cpuMs: (r.userCPUTime + r.systemCPUTime) / 1000 }));
    } catch {
      // the benchmark reports a missing figure
    }
  });
}
