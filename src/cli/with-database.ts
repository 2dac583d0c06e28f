import { loadConfig } from '../server/config.ts';
import type { Database } from '../server/db/client.ts';
import { DataDirLockedError } from '../server/db/lock.ts';
import { openConfiguredDatabase } from '../server/main.ts';

/** A command-line failure the person can act on: printed without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Runs `fn` on the configured database (embedded unless DATABASE_URL), closing it whatever happens. */
export const withDatabase = async <T>(fn: (database: Database) => Promise<T>): Promise<T> => {
  const database = await openConfiguredDatabase(loadConfig());
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
};

/** Wraps a command action so that expected failures print one clear line and set the exit code. */
export const action =
  <A extends unknown[]>(fn: (...args: A) => Promise<void>) =>
  async (...args: A) => {
    try {
      await fn(...args);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`pulau: ${message}\n`);
      process.exitCode =
        error instanceof CliError ? error.exitCode : error instanceof DataDirLockedError ? 3 : 1;
    }
  };
