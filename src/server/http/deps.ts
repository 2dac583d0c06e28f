import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { BlobStore } from '../storage/blob-store.ts';

/** What every adapter receives: passed as arguments, no container. The clock is here so tests can move time. */
export type AppDeps = {
  db: Db;
  config: Config;
  now: () => Date;
  /** Evidence bytes; when absent, the store the config names (disk under the data dir by default). */
  blobs?: BlobStore;
};
