import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { HeldPredicate } from '../../../contracts/held-predicates.ts';
import type { DecreeRecord } from '../../../core/review/predicate-standing.ts';
import type { Tx } from '../../db/client.ts';
import { assessments, heldPredicates } from '../../db/schema.ts';

export type HeldPredicateRow = typeof heldPredicates.$inferSelect;

export const listHeldPredicates = (db: Tx, unitId: string): Promise<HeldPredicateRow[]> =>
  db
    .select()
    .from(heldPredicates)
    .where(eq(heldPredicates.unitId, unitId))
    .orderBy(asc(heldPredicates.decreeDate), asc(heldPredicates.recordedAt));

/** Only verified records are part of the predicate history; recorded or rejected ones are not. */
export const verifiedDecrees = async (db: Tx, unitId: string): Promise<DecreeRecord[]> =>
  (await listHeldPredicates(db, unitId))
    .filter((r) => r.status === 'verified')
    .map((r) => ({ predicate: r.predicate, decreeDate: r.decreeDate, revokedOn: null }));

export const findHeldPredicate = async (db: Tx, unitId: string, id: string) => {
  const [row] = await db
    .select()
    .from(heldPredicates)
    .where(and(eq(heldPredicates.id, id), eq(heldPredicates.unitId, unitId)));
  return row;
};

export const insertHeldPredicate = async (db: Tx, row: typeof heldPredicates.$inferInsert) => {
  const [saved] = await db.insert(heldPredicates).values(row).returning();
  return saved!;
};

export const verifyHeldPredicateIfVersion = async (
  db: Tx,
  id: string,
  version: number,
  patch: { status: string; verificationNote: string | null; verifiedBy: string | null; verifiedAt: Date },
) => {
  const [row] = await db
    .update(heldPredicates)
    .set({ ...patch, version: sql`${heldPredicates.version} + 1` })
    .where(and(eq(heldPredicates.id, id), eq(heldPredicates.version, version)))
    .returning();
  return row;
};

/** Statuses before a decision: the "already WBK" fact of these assessments follows the unit's history. */
const OPEN_STATUSES = [
  'draft',
  'submitted',
  'preliminary_review',
  'tpi_review',
  'returned',
  'resubmitted',
  'tpi_verdict_meets',
  'tpi_verdict_not_meets',
  'proposed',
  'tpn_desk',
  'tpn_field',
];

/**
 * Writes the history's "already WBK" onto the unit's undecided assessments, so every score reads the same
 * fact; returns the assessments it changed (their stored scores are derived again by the caller).
 */
export const syncAlreadyWbk = async (db: Tx, unitId: string, alreadyWbk: boolean): Promise<string[]> =>
  (
    await db
      .update(assessments)
      .set({ alreadyWbk })
      .where(
        and(
          eq(assessments.unitId, unitId),
          inArray(assessments.status, OPEN_STATUSES),
          ne(assessments.alreadyWbk, alreadyWbk),
        ),
      )
      .returning({ id: assessments.id })
  ).map((r) => r.id);

export const presentHeldPredicate = (r: HeldPredicateRow): HeldPredicate => ({
  id: r.id,
  unitId: r.unitId,
  predicate: r.predicate === 'WBBM' ? 'WBBM' : 'WBK',
  decreeNumber: r.decreeNumber,
  decreeDate: r.decreeDate,
  issuer: r.issuer,
  evidenceId: r.evidenceId,
  status: r.status === 'verified' ? 'verified' : r.status === 'rejected' ? 'rejected' : 'recorded',
  verificationNote: r.verificationNote,
  recordedAt: r.recordedAt.toISOString(),
  verifiedAt: r.verifiedAt?.toISOString() ?? null,
  version: r.version,
});
