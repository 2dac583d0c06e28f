import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';

/** What every adapter receives: passed as arguments, no container. The clock is here so tests can move time. */
export type AppDeps = {
  db: Db;
  config: Config;
  now: () => Date;
};
