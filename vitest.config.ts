import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/setup.ts'],
    // Timeouts only catch hangs: far above a test's worst case on a loaded 2-core machine (a CLI start there can
    // take 10 s), so they never decide a result. Tests prove order with events and counters, not clocks.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // End-to-end tests spawn terraform and moto; two workers match the two cores.
    maxWorkers: 2,
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_EC2_METADATA_DISABLED: 'true',
      CHECKPOINT_DISABLE: '1',
    },
  },
});
