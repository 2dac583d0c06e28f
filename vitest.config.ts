import { defineConfig } from 'vitest/config';
import { timeScale } from './test/support/timeouts.ts';

// Limits on how long a slow machine may take, never how fast it must be (PULAU_TEST_TIME_SCALE raises them).

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    exclude: ['node_modules', 'dist', 'e2e'],
    environment: 'node',
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000 * timeScale,
    hookTimeout: 120_000 * timeScale,
  },
});
