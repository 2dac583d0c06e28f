import { join } from 'node:path';
import closeWithGrace from 'close-with-grace';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { buildApp, type PulauApp } from './http/app.ts';
import { scheduleJobs } from './jobs/schedule-jobs.ts';
import { checkDiskShared } from './storage/check-shared-disk.ts';

export type RunningServer = { app: PulauApp; database: Database; url: string; stop(): Promise<void> };

export const openConfiguredDatabase = (config: Config): Promise<Database> =>
  config.database.kind === 'embedded'
    ? openDatabase({ kind: 'embedded', dataDir: config.database.dataDir })
    : openDatabase({ kind: 'postgres', url: config.database.url, poolSize: config.database.poolSize });

/** The composition root: database (migrated), HTTP app, listening socket, graceful shutdown on SIGTERM/SIGINT. */
export const startServer = async (config: Config): Promise<RunningServer> => {
  const database = await openConfiguredDatabase(config);
  let app: PulauApp;
  try {
    if (config.database.kind === 'postgres' && config.storage.kind === 'disk') {
      await checkDiskShared(database.db, join(config.dataDir, 'blobs'));
    }
    app = await buildApp({ db: database.db, config, now: () => new Date() });
  } catch (error) {
    await database.close();
    throw error;
  }
  const url = await app.listen({ port: config.port, host: config.host });
  const stopJobs = scheduleJobs(database.db, config, app.log);
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      stopJobs();
      await app.close();
      await database.close();
    })());
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await stop();
  });
  return { app, database, url, stop };
};
