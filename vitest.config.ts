import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Hang guards, not speed assertions: generous so a loaded two-core machine (or a second copy of the
    // suite running beside this one) passes; no test asserts on wall-clock time.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
