import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { writeAudit, type AuditActor } from '../features/audit/write-audit.ts';
import { fileDocument, readFiledPdf, type FileDocumentOptions } from './file-document.ts';
import { findFiled, markSuperseded, type FiledDocumentRow } from './filed-documents-repo.ts';

/**
 * The filed copy of a document, filing it now if it has none: two processes asking at once wait on one lock
 * per document (any process may serve any request), so exactly one copy is filed.
 */
export const fileOnce = async <T>(
  tx: Tx,
  options: FileDocumentOptions<T>,
): Promise<{ row: FiledDocumentRow; pdf: Buffer }> => {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`${options.kind}:${options.subjectKey}`}))`);
  const existing = await findFiled(tx, options.kind, options.subjectKey);
  if (existing) return { row: existing, pdf: await readFiledPdf(options.blobs, existing) };
  return fileDocument(tx, options);
};

/**
 * Marks a filed copy superseded because the work it documents was reopened by the workflow; the copy is kept
 * (the verification page still knows it was filed) and the audit record says which and why.
 */
export const supersedeFiled = async (
  tx: Tx,
  row: FiledDocumentRow,
  options: { actor: AuditActor; reason: string; now: Date; unit: { id: string; path: string } },
): Promise<void> => {
  const updated = await markSuperseded(tx, row.id, options.actor.id, options.now);
  if (!updated) return;
  await writeAudit(tx, {
    actor: options.actor,
    action: 'document.superseded',
    subjectType: 'filed_document',
    subjectId: row.id,
    unit: options.unit,
    after: { kind: row.kind, subjectKey: row.subjectKey, sha256: row.sha256, reason: options.reason },
    now: options.now,
  });
};
