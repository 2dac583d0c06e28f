import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database, type Db } from '../../src/server/db/client.ts';
import * as schema from '../../src/server/db/schema.ts';

/** Which engine the suite runs on: PostgreSQL when DATABASE_URL is set (CI runs both), else the embedded one. */
export const testEngine = (): 'postgres' | 'embedded' => (process.env.DATABASE_URL ? 'postgres' : 'embedded');

/**
 * A fresh, migrated, empty database for one test file: a copy of the migrated snapshot in memory, or a new
 * database on the PostgreSQL server named by DATABASE_URL (dropped again on close).
 */
export const openTestDatabase = async (): Promise<Database> => {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const snapshot = readFileSync(inject('pgliteSnapshot'));
    const client = new PGlite({ loadDataDir: new Blob([snapshot]) });
    await client.waitReady;
    return {
      db: drizzle(client, { schema }) as unknown as Db,
      kind: 'embedded',
      close: () => client.close(),
    };
  }
  const name = `pulau_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: testUrl.toString(), poolSize: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
};
