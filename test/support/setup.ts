// Loaded before every test file (vitest setupFiles).
import { afterEach } from 'vitest';
import { stopLeftoverTgo } from './tgo.js';

// A test that timed out must not leave its tgo running into the next one (see stopLeftoverTgo).
afterEach(async () => {
  const stopped = await stopLeftoverTgo();
  if (stopped > 0) console.warn(`stopped ${stopped} tgo process(es) the test left running`);
});
