import { defineConfig } from 'vitest/config';

/** Browser journeys: Debian chromium through playwright-core, one at a time (they share a machine of 2 cores). */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
