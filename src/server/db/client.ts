import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';
import { acquireDataDirLock } from './lock.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** What a use case receives: the database or an open transaction on it. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export type Database = {
  db: Db;
  kind: 'embedded' | 'postgres';
  close(): Promise<void>;
};

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

/** A lock number of Pulau's own, so several app processes starting at once run the migrations one at a time. */
const MIGRATION_LOCK = 7_140_001;

export type OpenOptions =
  | { kind: 'embedded'; dataDir: string | null; migrate?: boolean }
  | { kind: 'postgres'; url: string; migrate?: boolean; poolSize?: number };

/**
 * Opens the embedded engine (a folder, or memory when `dataDir` is null) or a PostgreSQL pool, and applies the
 * committed migrations unless told not to. The same SQL runs on both.
 */
export const openDatabase = async (options: OpenOptions): Promise<Database> => {
  if (options.kind === 'embedded') {
    const release = options.dataDir ? acquireDataDirLock(options.dataDir) : () => {};
    try {
      const folder = options.dataDir ? `${options.dataDir}/pg` : null;
      const fresh = folder !== null && !existsSync(`${folder}/PG_VERSION`);
      let client = folder ? new PGlite(folder) : new PGlite();
      await client.waitReady;
      let db = drizzlePglite(client, { schema });
      if (options.migrate !== false) await migratePglite(db, { migrationsFolder: MIGRATIONS_DIR });
      if (fresh && folder) {
        // initdb grows the WASM heap by ~400 MB and a WASM heap never shrinks: start over on the new folder.
        await client.close();
        client = new PGlite(folder);
        await client.waitReady;
        db = drizzlePglite(client, { schema });
      }
      return {
        db: db as unknown as Db,
        kind: 'embedded',
        close: async () => {
          try {
            await client.close();
          } finally {
            release();
          }
        },
      };
    } catch (error) {
      release();
      throw error;
    }
  }
  // A bounded wait for a connection: with the database out of reach a request fails (503) instead of hanging.
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
  });
  // An idle connection the server closes (a restart, a failover, an administrator) is dropped by the pool and
  // the next query opens a new one; without a listener the 'error' event would take the whole process down.
  pool.on('error', (error) => {
    process.stderr.write(
      `pulau: an idle database connection was closed (${error.message}); it will reconnect\n`,
    );
  });
  try {
    if (options.migrate !== false) {
      const conn = await pool.connect();
      try {
        await conn.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await migratePg(drizzlePg(conn, { schema }), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await conn.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
        conn.release();
      }
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return { db: drizzlePg(pool, { schema }) as unknown as Db, kind: 'postgres', close: () => pool.end() };
};
