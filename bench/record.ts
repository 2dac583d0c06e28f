import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** The 1-minute load average, rounded: benches note it before and after, since neighbours share the CPU. */
export const load1 = (): number => +(loadavg()[0] ?? NaN).toFixed(2);

/**
 * Writes bench/results/<name>.json with the figure it replaces beside it (`previous`: the former file, without
 * its own `previous`), so a reader sees the change without digging in git.
 */
export const writeResult = (name: string, result: object): void => {
  const path = `bench/results/${name}.json`;
  let previous: Record<string, unknown> | null = null;
  try {
    const old = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    delete old.previous;
    previous = old;
  } catch {
    // No earlier result: the first run of this bench.
  }
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(path, `${JSON.stringify({ ...result, previous }, null, 2)}\n`);
};
