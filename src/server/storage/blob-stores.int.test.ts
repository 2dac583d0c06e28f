import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partKey, type BlobStore } from './blob-store.ts';
import { createDiskBlobStore } from './disk-blob-store.ts';
import { createS3BlobStore } from './s3-blob-store.ts';

const work = mkdtempSync(join(tmpdir(), 'pulau-blobs-'));
const s3dir = mkdtempSync(join(tmpdir(), 'pulau-s3rver-'));
const s3 = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: s3dir,
  configureBuckets: [{ name: 'pulau-evidence' }],
});
let s3Store: BlobStore;

beforeAll(async () => {
  const { port } = await s3.run();
  s3Store = createS3BlobStore(
    {
      endpoint: `http://127.0.0.1:${port}`,
      bucket: 'pulau-evidence',
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    },
    // The smallest part S3 allows, so that the 11 MiB test file goes up in three parts.
    { partSize: 5 * 1024 * 1024 },
  );
});
afterAll(async () => {
  await s3.close();
  rmSync(work, { recursive: true, force: true });
  rmSync(s3dir, { recursive: true, force: true });
});

const readAll = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
};

const fileWith = (bytes: Buffer) => {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const path = join(work, `${sha256}.src`);
  writeFileSync(path, bytes);
  return { sha256, path };
};

/** The contract every blob store keeps; run against both adapters. */
const contract = (name: string, store: () => BlobStore) => {
  describe(`${name} blob store`, () => {
    it('put, exists, stat and a ranged read', async () => {
      // 11 MiB: three multipart parts on S3, several read chunks on disk.
      const bytes = randomBytes(11 * 1024 * 1024);
      const { sha256, path } = fileWith(bytes);
      expect(await store().exists(sha256)).toBe(false);
      expect(await store().stat(sha256)).toBeNull();
      await store().put(sha256, path, { contentType: 'video/mp4' });
      expect(await store().exists(sha256)).toBe(true);
      expect(await store().stat(sha256)).toEqual({ size: bytes.length });
      expect((await readAll(await store().createReadStream(sha256))).equals(bytes)).toBe(true);
      const part = await readAll(
        await store().createReadStream(sha256, { start: 10_000_000, end: 10_000_099 }),
      );
      expect(part.equals(bytes.subarray(10_000_000, 10_000_100))).toBe(true);
    });

    it('upload chunks: put, read back, delete; a blob can be deleted', async () => {
      const key = partKey('0123456789abcdef0123456789abcdef', 1_048_576, 'abcdefabcdef');
      await store().putPart(key, Buffer.from('sepotong'));
      expect((await readAll(await store().readPart(key))).toString()).toBe('sepotong');
      await store().deletePart(key);
      await expect(store().readPart(key).then(readAll)).rejects.toThrow();
      const { sha256, path } = fileWith(Buffer.from('hapus saya'));
      await store().put(sha256, path);
      await store().delete(sha256);
      expect(await store().exists(sha256)).toBe(false);
      expect(() => partKey('../x', 0, 'abcdefabcdef')).toThrow(/part key/);
    });

    it('a second put of the same key is a no-op', async () => {
      const { sha256, path } = fileWith(Buffer.from('sama'));
      await store().put(sha256, path);
      await store().put(sha256, path);
      expect(await store().stat(sha256)).toEqual({ size: 4 });
    });
  });
};

contract('disk', () => createDiskBlobStore(join(work, 'blobs')));
contract('S3 (s3rver)', () => s3Store);

describe('disk blob store layout', () => {
  it('stores under ab/cd/<sha256>, moves a given-up file, and leaves no temp files', async () => {
    const root = join(work, 'layout');
    const store = createDiskBlobStore(root);
    const { sha256, path } = fileWith(Buffer.from('pindah'));
    await store.put(sha256, path, { move: true });
    const dir = join(root, sha256.slice(0, 2), sha256.slice(2, 4));
    expect(readdirSync(dir)).toEqual([sha256]);
    expect(statSync(join(dir, sha256)).size).toBe(6);
    expect(() => statSync(path)).toThrow();
  });

  it('refuses a key that is not a SHA-256', async () => {
    await expect(createDiskBlobStore(work).exists('../../etc/passwd')).rejects.toThrow(/SHA-256/);
  });
});
