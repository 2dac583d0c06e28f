import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { blobKey, checkPartKey, type BlobStore } from './blob-store.ts';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Blobs under `<root>/ab/cd/<sha256>`; a reader never sees a half-written file (temp file + rename). */
export const createDiskBlobStore = (root: string): BlobStore => {
  const pathOf = (sha256: string) => join(root, blobKey(sha256));

  const statOf = async (sha256: string) => {
    try {
      const s = await stat(pathOf(sha256));
      return { size: s.size };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  };

  return {
    kind: 'disk',
    put: async (sha256, filePath, options = {}) => {
      const target = pathOf(sha256);
      if (await statOf(sha256)) return;
      await mkdir(dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        if (options.move) {
          try {
            await rename(filePath, temp);
          } catch (error) {
            // Staging on another file system: fall back to a copy.
            if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
            await copyFile(filePath, temp);
          }
        } else {
          await copyFile(filePath, temp);
        }
        await rename(temp, target);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    },
    stat: statOf,
    exists: async (sha256) => (await statOf(sha256)) !== null,
    createReadStream: async (sha256, range) => {
      const path = pathOf(sha256);
      if (!(await statOf(sha256)))
        throw Object.assign(new Error(`blob ${sha256} missing`), { code: 'ENOENT' });
      return createReadStream(path, range ? { start: range.start, end: range.end } : {});
    },
    delete: async (sha256) => rm(pathOf(sha256), { force: true }),
    putPart: async (key, bytes) => {
      const target = join(root, checkPartKey(key));
      await mkdir(dirname(target), { recursive: true });
      const temp = `${target}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, target);
    },
    readPart: async (key) => createReadStream(join(root, checkPartKey(key))),
    deletePart: async (key) => {
      const path = join(root, checkPartKey(key));
      await rm(path, { force: true });
      // The upload's folder goes with its last part; a folder still holding parts refuses, which is fine.
      await rmdir(dirname(path)).catch(() => undefined);
    },
  };
};
