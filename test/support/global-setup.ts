import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { TestProject } from 'vitest/node';
import { MIGRATIONS_DIR } from '../../src/server/db/client.ts';

declare module 'vitest' {
  // Module augmentation only works with an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}

/**
 * A fresh embedded database costs ~6 s to create and migrate, loading a migrated snapshot under 1 s: the
 * snapshot is made once per set of migrations and every test file starts from a copy.
 */
export default async function setup(project: TestProject) {
  // Some tests check what the browser is sent (the public survey page loads no admin code): build it when absent.
  // In its own process: inside vitest NODE_ENV is 'test', which would bundle React's development build.
  if (!existsSync(join(process.cwd(), 'dist', 'web', 'survey.html'))) {
    execFileSync(
      process.execPath,
      [join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
      {
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: 'inherit',
      },
    );
  }
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    hash.update(file).update(readFileSync(join(MIGRATIONS_DIR, file)));
  }
  const dir = join(process.cwd(), 'node_modules', '.cache', 'pulau-test');
  const snapshot = join(dir, `pglite-${hash.digest('hex').slice(0, 16)}.tar`);
  if (!existsSync(snapshot)) {
    mkdirSync(dir, { recursive: true });
    const pg = new PGlite();
    await migrate(drizzle(pg), { migrationsFolder: MIGRATIONS_DIR });
    const dump = await pg.dumpDataDir('none');
    writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()));
    await pg.close();
  }
  project.provide('pgliteSnapshot', snapshot);
}
