import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/test-db.ts';
import type { Database } from '../db/client.ts';
import { blobs as blobRows, uploadParts, uploads } from '../db/schema.ts';
import { blobKey, partKey } from '../storage/blob-store.ts';
import { createDiskBlobStore } from '../storage/disk-blob-store.ts';
import { expireUploads } from './expire-uploads.ts';

const root = mkdtempSync(join(tmpdir(), 'pulau-expire-'));
const store = createDiskBlobStore(join(root, 'blobs'));
let database: Database;
const now = new Date('2026-03-10T08:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
  rmSync(root, { recursive: true, force: true });
});

const storeBlob = async (bytes: Buffer) => {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = join(root, sha256);
  writeFileSync(file, bytes);
  await store.put(sha256, file);
  return sha256;
};

const addUpload = async (touched: Date, extra: Partial<typeof uploads.$inferInsert> = {}) => {
  const id = randomBytes(16).toString('hex');
  await database.db.insert(uploads).values({
    id,
    ownerId: '00000000-0000-4000-8000-000000000001',
    unitId: '00000000-0000-4000-8000-000000000002',
    filename: 'a.pdf',
    size: 10,
    metadata: {},
    createdAt: touched,
    updatedAt: touched,
    ...extra,
  });
  return id;
};

it('drops idle uploads with their chunks and the bytes nothing else names; keeps the rest', async () => {
  // Abandoned half-way a day and a half ago, with one chunk stored.
  const abandoned = await addUpload(hoursAgo(36), { offset: 4 });
  const key = partKey(abandoned, 0, 'aaaaaaaaaaaa');
  await store.putPart(key, Buffer.from('abcd'));
  await database.db.insert(uploadParts).values({ uploadId: abandoned, offset: 0, length: 4, key });
  // Finished two days ago and never made evidence: its bytes go with it.
  const orphanSha = await storeBlob(Buffer.from('tidak pernah dipakai'));
  await addUpload(hoursAgo(48), { status: 'stored', offset: 10, sha256: orphanSha });
  // Finished and idle too, but the same bytes are evidence already: they stay.
  const keptSha = await storeBlob(Buffer.from('sudah menjadi bukti'));
  await database.db.insert(blobRows).values({
    sha256: keptSha,
    size: 19,
    mime: 'text/plain',
    storageKey: blobKey(keptSha),
  });
  await addUpload(hoursAgo(30), { status: 'stored', offset: 10, sha256: keptSha });
  // Touched an hour ago: still in progress.
  const active = await addUpload(hoursAgo(1), { offset: 2 });

  expect(await expireUploads(database.db, store, { now })).toEqual({ uploads: 3, blobs: 1 });
  const left = await database.db.select({ id: uploads.id }).from(uploads);
  expect(left.map((r) => r.id)).toEqual([active]);
  expect(await database.db.select().from(uploadParts)).toEqual([]);
  await expect(store.readPart(key).then((s) => s.toArray())).rejects.toThrow();
  expect(await store.exists(orphanSha)).toBe(false);
  expect(await store.exists(keptSha)).toBe(true);
  // Running it again (another process, the next hour) finds nothing more.
  expect(await expireUploads(database.db, store, { now })).toEqual({ uploads: 0, blobs: 0 });
});
