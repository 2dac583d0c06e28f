import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { employees, pactDocuments, pactSignatures, pactSigningLinks, units } from '../../db/schema.ts';

export type PactDocumentRow = typeof pactDocuments.$inferSelect;
export type SignatureRow = typeof pactSignatures.$inferSelect;
export type SigningLinkRow = typeof pactSigningLinks.$inferSelect;
export type EmployeeRow = typeof employees.$inferSelect;

export const latestDocument = async (db: Tx, unitId: string): Promise<PactDocumentRow | undefined> => {
  const [row] = await db
    .select()
    .from(pactDocuments)
    .where(eq(pactDocuments.unitId, unitId))
    .orderBy(desc(pactDocuments.version))
    .limit(1);
  return row;
};

export const insertDocument = async (db: Tx, row: typeof pactDocuments.$inferInsert) => {
  const [inserted] = await db.insert(pactDocuments).values(row).returning();
  if (!inserted) throw new Error('pact document not inserted');
  return inserted;
};

export const activeEmployees = (db: Tx, unitId: string): Promise<EmployeeRow[]> =>
  db
    .select()
    .from(employees)
    .where(and(eq(employees.unitId, unitId), eq(employees.active, true)))
    .orderBy(asc(sql`lower(${employees.name})`), asc(employees.id));

export const signaturesOf = (db: Tx, documentId: string): Promise<SignatureRow[]> =>
  db
    .select()
    .from(pactSignatures)
    .where(eq(pactSignatures.documentId, documentId))
    .orderBy(asc(pactSignatures.signedAt), asc(pactSignatures.id));

/** Active employees of the unit and how many of them signed this document. */
export const countProgress = async (db: Tx, unitId: string, documentId: string | null) => {
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(employees)
    .where(and(eq(employees.unitId, unitId), eq(employees.active, true)));
  if (!documentId) return { total: total?.n ?? 0, signed: 0 };
  const [signed] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pactSignatures)
    .innerJoin(employees, eq(employees.id, pactSignatures.employeeId))
    .where(and(eq(pactSignatures.documentId, documentId), eq(employees.active, true)));
  return { total: total?.n ?? 0, signed: signed?.n ?? 0 };
};

export const findSignature = async (db: Tx, documentId: string, employeeId: string) => {
  const [row] = await db
    .select()
    .from(pactSignatures)
    .where(and(eq(pactSignatures.documentId, documentId), eq(pactSignatures.employeeId, employeeId)));
  return row;
};

export const insertSignature = async (db: Tx, row: typeof pactSignatures.$inferInsert) => {
  const [inserted] = await db
    .insert(pactSignatures)
    .values(row)
    .onConflictDoNothing({ target: [pactSignatures.documentId, pactSignatures.employeeId] })
    .returning();
  return inserted;
};

export const findEmployee = async (db: Tx, id: string) => {
  const [row] = await db.select().from(employees).where(eq(employees.id, id));
  return row;
};

export const employeesByIds = (db: Tx, unitId: string, ids: string[]): Promise<EmployeeRow[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(employees)
        .where(and(eq(employees.unitId, unitId), inArray(employees.id, ids)));

/** The employee records linked to an account, with their units: where she may sign herself. */
export const employeesOfUser = (db: Tx, userId: string) =>
  db
    .select({ employee: employees, unit: { id: units.id, name: units.name, path: units.path } })
    .from(employees)
    .innerJoin(units, eq(units.id, employees.unitId))
    .where(and(eq(employees.userId, userId), eq(employees.active, true)))
    .orderBy(asc(units.path));

export const insertLinks = async (db: Tx, rows: Array<typeof pactSigningLinks.$inferInsert>) => {
  if (rows.length > 0) await db.insert(pactSigningLinks).values(rows);
};

export const findLinkByHash = async (db: Tx, tokenHash: string) => {
  const [row] = await db.select().from(pactSigningLinks).where(eq(pactSigningLinks.tokenHash, tokenHash));
  return row;
};

/** Marks the link used unless it already was: exactly one request wins. */
export const claimLink = async (db: Tx, id: string, now: Date): Promise<boolean> => {
  const rows = await db
    .update(pactSigningLinks)
    .set({ usedAt: now })
    .where(and(eq(pactSigningLinks.id, id), sql`${pactSigningLinks.usedAt} is null`))
    .returning({ id: pactSigningLinks.id });
  return rows.length === 1;
};
