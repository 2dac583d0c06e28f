import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/test-db.ts';
import type { Database } from '../db/client.ts';
import { BlobFolderNotSharedError, checkDiskShared } from './check-shared-disk.ts';

const root = mkdtempSync(join(tmpdir(), 'pulau-shared-'));
let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
  rmSync(root, { recursive: true, force: true });
});

it('processes sharing the folder start; one with a folder of its own is refused, saying why', async () => {
  const shared = join(root, 'shared');
  await Promise.all([checkDiskShared(database.db, shared), checkDiskShared(database.db, shared)]);
  await checkDiskShared(database.db, shared);
  const own = checkDiskShared(database.db, join(root, 'machine-b'));
  await expect(own).rejects.toBeInstanceOf(BlobFolderNotSharedError);
  await expect(own).rejects.toThrow(/PULAU_STORAGE=s3/);
});
