import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../db/client.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import { decideFileType, type FileRefusal } from './file-policy.ts';
import { inspectFile } from './inspect-file.ts';
import { listParts, nameUploadBlob, recordOutcome } from './upload-repo.ts';

export type FinishUploadOptions = {
  db: Db;
  uploadId: string;
  filename: string;
  /** A local scratch folder: the chunks are joined there to be sniffed and hashed, then it is emptied. */
  scratchDir: string;
  blobs: BlobStore;
  now: () => Date;
};

/**
 * A finished upload (its last chunk recorded by whichever process got it): join its chunks, sniff and hash the
 * bytes, store them by hash (once, however often they arrive), and turn the upload's row into the receipt that
 * evidence creation claims. The chunk objects are gone afterwards, accepted or not.
 */
export const finishUpload = async (
  options: FinishUploadOptions,
): Promise<{ ok: true } | { ok: false; refusal: FileRefusal }> => {
  const { db, uploadId, filename, blobs, now } = options;
  await mkdir(options.scratchDir, { recursive: true });
  const joined = join(options.scratchDir, `${uploadId}.${randomBytes(6).toString('hex')}`);
  const parts = await listParts(db, uploadId);
  try {
    const hash = createHash('sha256');
    const out = await open(joined, 'w');
    try {
      for (const part of parts) {
        for await (const chunk of (await blobs.readPart(part.key)) as AsyncIterable<Buffer>) {
          hash.update(chunk);
          await out.write(chunk);
        }
      }
    } finally {
      await out.close();
    }
    const inspection = await inspectFile(joined, hash.digest('hex'));
    const decision = decideFileType(filename, inspection.sniffed);
    if (!decision.ok) {
      await recordOutcome(
        db,
        uploadId,
        { status: 'refused', code: decision.refusal.code, message: decision.refusal.message },
        now(),
      );
      return decision;
    }
    // Named before it is stored: the expiry job then never deletes these bytes under this upload.
    await nameUploadBlob(db, uploadId, inspection.sha256, now());
    await blobs.put(inspection.sha256, joined, { contentType: decision.mime, move: true });
    await recordOutcome(
      db,
      uploadId,
      { status: 'stored', sha256: inspection.sha256, size: inspection.size, mime: decision.mime },
      now(),
    );
    return { ok: true };
  } finally {
    await rm(joined, { force: true });
    await Promise.all(parts.map((part) => blobs.deletePart(part.key).catch(() => undefined)));
  }
};
