import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { blobs, filedDocuments, uploadParts, uploads } from '../../db/schema.ts';

export type UploadRow = typeof uploads.$inferSelect;
export type UploadPartRow = typeof uploadParts.$inferSelect;

/** tus ids are 32 hex characters; anything else is not looked up. */
export const UPLOAD_ID = /^[0-9a-f]{32}$/;

export const insertUpload = async (db: Tx, row: typeof uploads.$inferInsert): Promise<void> => {
  await db.insert(uploads).values(row);
};

export const findUpload = async (db: Tx, id: string): Promise<UploadRow | undefined> => {
  if (!UPLOAD_ID.test(id)) return undefined;
  const [row] = await db.select().from(uploads).where(eq(uploads.id, id));
  return row;
};

/**
 * Records a chunk stored at `key` as the bytes `[from, from + length)`, only if the upload is still receiving at
 * exactly `from`: the conditional update is the lock that makes two racing writers (on any processes) safe. The
 * write that reaches the last byte moves the upload to `finishing`, so exactly one process finishes it.
 */
export const appendPart = async (
  db: Tx,
  part: { uploadId: string; from: number; length: number; key: string; now: Date },
): Promise<{ offset: number; complete: boolean } | null> =>
  db.transaction(async (tx) => {
    const [moved] = await tx
      .update(uploads)
      .set({
        offset: sql`${uploads.offset} + ${part.length}`,
        status: sql`CASE WHEN ${uploads.offset} + ${part.length} = ${uploads.size} THEN 'finishing' ELSE 'receiving' END`,
        updatedAt: part.now,
      })
      .where(
        and(
          eq(uploads.id, part.uploadId),
          eq(uploads.offset, part.from),
          eq(uploads.status, 'receiving'),
          sql`${uploads.offset} + ${part.length} <= ${uploads.size}`,
        ),
      )
      .returning({ offset: uploads.offset, size: uploads.size });
    if (!moved) return null;
    await tx
      .insert(uploadParts)
      .values({ uploadId: part.uploadId, offset: part.from, length: part.length, key: part.key });
    return { offset: moved.offset, complete: moved.offset === moved.size };
  });

export const listParts = (db: Tx, uploadId: string): Promise<UploadPartRow[]> =>
  db.select().from(uploadParts).where(eq(uploadParts.uploadId, uploadId)).orderBy(asc(uploadParts.offset));

/**
 * Names the blob a finishing upload is about to store, under the blob's lock: the expiry job takes the same
 * lock before it deletes an unreferenced blob, so a blob is never deleted under an upload that just named it.
 */
export const nameUploadBlob = (db: Tx, uploadId: string, sha256: string, now: Date): Promise<void> =>
  db.transaction(async (tx) => {
    await lockBlob(tx, sha256);
    await tx.update(uploads).set({ sha256, updatedAt: now }).where(eq(uploads.id, uploadId));
  });

/** A transaction-scoped lock on one blob hash, shared by upload finishing and blob expiry. */
export const lockBlob = async (tx: Tx, sha256: string): Promise<void> => {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(7140002, hashtext(${sha256}))`);
};

export type UploadOutcome =
  | { status: 'stored'; sha256: string; size: number; mime: string }
  | { status: 'refused'; code: string; message: string };

/** The upload becomes its receipt; its chunk rows go (the caller deletes the objects). */
export const recordOutcome = async (db: Tx, uploadId: string, outcome: UploadOutcome, now: Date) => {
  await db.transaction(async (tx) => {
    await tx
      .update(uploads)
      .set(
        outcome.status === 'stored'
          ? { status: 'stored', sha256: outcome.sha256, mime: outcome.mime, finishedAt: now, updatedAt: now }
          : {
              status: 'refused',
              refusalCode: outcome.code,
              refusalMessage: outcome.message,
              finishedAt: now,
              updatedAt: now,
            },
      )
      .where(eq(uploads.id, uploadId));
    await tx.delete(uploadParts).where(eq(uploadParts.uploadId, uploadId));
  });
};

/** Takes a finished upload out of circulation inside the caller's transaction; a rollback puts it back. */
export const takeUpload = async (tx: Tx, id: string): Promise<UploadRow | undefined> => {
  if (!UPLOAD_ID.test(id)) return undefined;
  const [row] = await tx.delete(uploads).where(eq(uploads.id, id)).returning();
  return row;
};

/**
 * Deletes an upload and its chunk rows (only if idle since `idleBefore`, when given); returns whether it went and
 * the chunk keys, whose objects the caller deletes.
 */
export const deleteUpload = (
  db: Tx,
  id: string,
  idleBefore?: Date,
): Promise<{ deleted: boolean; keys: string[] }> =>
  db.transaction(async (tx) => {
    const parts = await tx
      .select({ key: uploadParts.key })
      .from(uploadParts)
      .where(eq(uploadParts.uploadId, id));
    const gone = await tx
      .delete(uploads)
      .where(and(eq(uploads.id, id), idleBefore ? lt(uploads.updatedAt, idleBefore) : undefined))
      .returning({ id: uploads.id });
    return gone.length > 0 ? { deleted: true, keys: parts.map((p) => p.key) } : { deleted: false, keys: [] };
  });

/** Uploads nobody has touched since `before`: abandoned half-way, or finished and never made evidence. */
export const listIdleUploads = (db: Tx, before: Date, limit: number) =>
  db
    .select({ id: uploads.id, sha256: uploads.sha256 })
    .from(uploads)
    .where(lt(uploads.updatedAt, before))
    .orderBy(asc(uploads.updatedAt))
    .limit(limit);

/** Whether evidence (the `blobs` table), a filed document or an upload still names these bytes. */
export const blobReferenced = async (tx: Tx, sha256: string): Promise<boolean> => {
  const [evidenceUse] = await tx
    .select({ one: sql`1` })
    .from(blobs)
    .where(eq(blobs.sha256, sha256))
    .limit(1);
  if (evidenceUse) return true;
  const [filedUse] = await tx
    .select({ one: sql`1` })
    .from(filedDocuments)
    .where(eq(filedDocuments.sha256, sha256))
    .limit(1);
  if (filedUse) return true;
  const [uploadUse] = await tx
    .select({ one: sql`1` })
    .from(uploads)
    .where(eq(uploads.sha256, sha256))
    .limit(1);
  return uploadUse !== undefined;
};
