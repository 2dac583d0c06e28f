import type { Db } from '../db/client.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { blobReferenced, deleteUpload, listIdleUploads, lockBlob } from '../features/evidence/upload-repo.ts';

export type ExpireUploadsOptions = { now: Date; idleHours?: number; batch?: number };

/** A day without a byte or a claim: the client gave up (tus clients resume within minutes, not days). */
export const UPLOAD_IDLE_HOURS = 24;

/**
 * Housekeeping: uploads idle for `idleHours` (abandoned half-way, or finished and never turned into evidence)
 * are deleted with their chunk objects, and the bytes a finished one stored go too when nothing else names
 * them. The blob is checked and deleted under the blob's lock, which a finishing upload takes before it stores
 * the same bytes, so a blob is never removed under an upload that is about to use it. Idempotent: every
 * process may run it.
 */
export const expireUploads = async (
  db: Db,
  blobs: BlobStore,
  { now, idleHours = UPLOAD_IDLE_HOURS, batch = 200 }: ExpireUploadsOptions,
): Promise<{ uploads: number; blobs: number }> => {
  const before = new Date(now.getTime() - idleHours * 3_600_000);
  let droppedUploads = 0;
  let droppedBlobs = 0;
  for (;;) {
    const idle = await listIdleUploads(db, before, batch);
    for (const upload of idle) {
      const { deleted, keys } = await deleteUpload(db, upload.id, before);
      if (!deleted) continue;
      droppedUploads++;
      await Promise.all(keys.map((key) => blobs.deletePart(key)));
      if (!upload.sha256) continue;
      const sha256 = upload.sha256;
      const blobDropped = await db.transaction(async (tx) => {
        await lockBlob(tx, sha256);
        if (await blobReferenced(tx, sha256)) return false;
        await blobs.delete(sha256);
        return true;
      });
      if (blobDropped) droppedBlobs++;
    }
    if (idle.length < batch) break;
  }
  return { uploads: droppedUploads, blobs: droppedBlobs };
};
