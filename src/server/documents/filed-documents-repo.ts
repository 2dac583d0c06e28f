import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { filedDocuments } from '../db/schema.ts';

export type FiledDocumentRow = typeof filedDocuments.$inferSelect;
export type FiledKind = 'plan_report' | 'lhe' | 'pact_list';

/** The copy in force of a document (the last one filed and not superseded by a reopening), or null. */
export const findFiled = async (
  tx: Tx,
  kind: FiledKind,
  subjectKey: string,
): Promise<FiledDocumentRow | null> => {
  const [row] = await tx
    .select()
    .from(filedDocuments)
    .where(
      and(
        eq(filedDocuments.kind, kind),
        eq(filedDocuments.subjectKey, subjectKey),
        isNull(filedDocuments.supersededAt),
      ),
    )
    .orderBy(desc(filedDocuments.filedAt))
    .limit(1);
  return row ?? null;
};

/** Every filed copy (superseded ones too) whose PDF has this SHA-256. */
export const filedBySha256 = (tx: Tx, sha256: string): Promise<FiledDocumentRow[]> =>
  tx.select().from(filedDocuments).where(eq(filedDocuments.sha256, sha256));

export const insertFiled = async (
  tx: Tx,
  row: typeof filedDocuments.$inferInsert,
): Promise<FiledDocumentRow> => {
  const [inserted] = await tx.insert(filedDocuments).values(row).returning();
  return inserted as FiledDocumentRow;
};

export const markSuperseded = async (
  tx: Tx,
  id: string,
  by: string | null,
  now: Date,
): Promise<FiledDocumentRow | null> => {
  const [row] = await tx
    .update(filedDocuments)
    .set({ supersededAt: now, supersededBy: by })
    .where(and(eq(filedDocuments.id, id), isNull(filedDocuments.supersededAt)))
    .returning();
  return row ?? null;
};
