// Loaded before every test file (vitest setupFiles).
import { afterAll, afterEach } from 'vitest';
import { stopLeftoverTgo } from './tgo.js';

// A test that timed out must not leave its tgo running into the next one (see stopLeftoverTgo). Tests that run
// concurrently share the list of running tgo processes, so theirs are stopped only when the file ends.
afterEach(async (ctx) => {
  if (ctx.task.concurrent) return;
  const stopped = await stopLeftoverTgo();
  if (stopped > 0) console.warn(`stopped ${stopped} tgo process(es) the test "${ctx.task.name}" left running`);
});
afterAll(async () => {
  await stopLeftoverTgo();
});
