/**
 * Test time limits from one setting. They bound how long a test may wait for a slow machine, never how fast it must
 * be: `PULAU_TEST_TIME_SCALE` (default 1, CI may raise it) multiplies each, so a busy machine gets more time.
 */
export const timeScale = Math.max(1, Number(process.env.PULAU_TEST_TIME_SCALE ?? '1') || 1);

/** Tests that start whole server processes (a crash and restart, several processes). */
export const processTestTimeout = 240_000 * timeScale;

/** How long a component test waits for a lazy route or a query to settle before it gives up. */
export const asyncUiTimeout = 10_000 * timeScale;
