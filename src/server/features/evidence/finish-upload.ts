import { rm } from 'node:fs/promises';
import type { BlobStore } from '../../storage/blob-store.ts';
import type { UploadReceipt, UploadReceipts } from '../../storage/upload-receipts.ts';
import { decideFileType, type FileRefusal } from './file-policy.ts';
import { inspectFile } from './inspect-file.ts';

export type FinishUploadOptions = {
  uploadId: string;
  stagedPath: string;
  ownerId: string;
  unitId: string;
  filename: string;
  /** Computed while the bytes arrived, when they all came in order; otherwise the file is hashed here. */
  knownSha256: string | null;
  blobs: BlobStore;
  receipts: UploadReceipts;
  now: Date;
};

/**
 * A finished upload: sniff and hash its bytes, store them by hash (once, however often they arrive), and leave a
 * receipt that evidence creation turns into a version. The staged file is gone afterwards, accepted or not.
 */
export const finishUpload = async (
  options: FinishUploadOptions,
): Promise<{ ok: true; receipt: UploadReceipt } | { ok: false; refusal: FileRefusal }> => {
  const { uploadId, stagedPath, ownerId, unitId, filename, knownSha256, blobs, receipts, now } = options;
  const base = { uploadId, ownerId, unitId, filename, finishedAt: now.toISOString() };
  try {
    const inspection = await inspectFile(stagedPath, knownSha256);
    const decision = decideFileType(filename, inspection.sniffed);
    if (!decision.ok) {
      await receipts.write({
        ...base,
        status: 'refused',
        code: decision.refusal.code,
        message: decision.refusal.message,
      });
      return decision;
    }
    await blobs.put(inspection.sha256, stagedPath, { contentType: decision.mime, move: true });
    const receipt: UploadReceipt = {
      ...base,
      status: 'stored',
      sha256: inspection.sha256,
      size: inspection.size,
      mime: decision.mime,
    };
    await receipts.write(receipt);
    return { ok: true, receipt };
  } finally {
    await rm(stagedPath, { force: true });
  }
};
