import { defineConfig } from 'vitest/config';

// Limits on how long a slow machine may take, never how fast it must be (PULAU_TEST_TIME_SCALE raises them).
const scale = Math.max(1, Number(process.env.PULAU_TEST_TIME_SCALE ?? '1') || 1);

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    exclude: ['node_modules', 'dist', 'e2e'],
    environment: 'node',
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000 * scale,
    hookTimeout: 120_000 * scale,
  },
});
