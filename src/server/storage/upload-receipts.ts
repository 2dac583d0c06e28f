import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What a finished upload became: bytes in the blob store waiting to become evidence, or a refusal. */
export type UploadReceipt =
  | {
      status: 'stored';
      uploadId: string;
      ownerId: string;
      unitId: string;
      filename: string;
      sha256: string;
      size: number;
      mime: string;
      finishedAt: string;
    }
  | {
      status: 'refused';
      uploadId: string;
      ownerId: string;
      unitId: string;
      filename: string;
      code: string;
      message: string;
      finishedAt: string;
    };

/** tus ids are 32 hex characters; anything else never reaches the file system. */
export const UPLOAD_ID = /^[0-9a-f]{32}$/;

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Receipts live beside the tus staging area as small JSON files, one per finished upload; creating evidence
 * claims one by renaming it, so two concurrent requests cannot turn the same upload into two pieces of evidence.
 */
export const uploadReceipts = (dir: string) => {
  const pathOf = (uploadId: string) => {
    if (!UPLOAD_ID.test(uploadId)) throw new Error('bad upload id');
    return join(dir, `${uploadId}.json`);
  };

  const read = async (path: string): Promise<UploadReceipt | null> => {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as UploadReceipt;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  };

  return {
    write: async (receipt: UploadReceipt): Promise<void> => {
      await mkdir(dir, { recursive: true });
      const target = pathOf(receipt.uploadId);
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temp, JSON.stringify(receipt));
      await rename(temp, target);
    },
    get: (uploadId: string): Promise<UploadReceipt | null> =>
      UPLOAD_ID.test(uploadId) ? read(pathOf(uploadId)) : Promise.resolve(null),
    /**
     * Takes a receipt out of circulation; `release` puts it back (the transaction failed), `consume` deletes it
     * (the evidence committed).
     */
    claim: async (uploadId: string) => {
      if (!UPLOAD_ID.test(uploadId)) return null;
      const path = pathOf(uploadId);
      const claimed = `${path}.claimed-${randomBytes(6).toString('hex')}`;
      try {
        await rename(path, claimed);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      const receipt = await read(claimed);
      if (!receipt) return null;
      return {
        receipt,
        release: () => rename(claimed, path).catch(() => undefined),
        consume: () => unlink(claimed).catch(() => undefined),
      };
    },
  };
};

export type UploadReceipts = ReturnType<typeof uploadReceipts>;
