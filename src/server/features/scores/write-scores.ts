import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { assessmentScores } from '../../db/schema.ts';
import type { DerivedScore } from './derive-scores.ts';

export type StoredScoreRow = typeof assessmentScores.$inferSelect;

/** The stored rows of some assessments. */
export const listStoredScores = (db: Tx, assessmentIds: readonly string[]): Promise<StoredScoreRow[]> =>
  assessmentIds.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(assessmentScores)
        .where(inArray(assessmentScores.assessmentId, [...assessmentIds]));

/**
 * Makes an assessment's stored rows equal to `derived`: drops levels that no longer stand on their own,
 * rewrites rows whose inputs changed (their version goes up), leaves unchanged ones alone. Returns how many
 * rows it inserted, rewrote or dropped.
 */
export const writeScores = async (
  db: Tx,
  assessmentId: string,
  derived: readonly DerivedScore[],
  stored: readonly StoredScoreRow[],
): Promise<number> => {
  let changed = 0;
  const keep = derived.map((d) => d.level);
  const gone = stored.filter((s) => !keep.includes(s.level));
  if (gone.length > 0) {
    await db
      .delete(assessmentScores)
      .where(
        and(
          eq(assessmentScores.assessmentId, assessmentId),
          keep.length === 0 ? sql`true` : notInArray(assessmentScores.level, keep),
        ),
      );
    changed += gone.length;
  }
  for (const row of derived) {
    const before = stored.find((s) => s.level === row.level);
    if (before && sameScore(before, row)) continue;
    await db
      .insert(assessmentScores)
      .values({ ...row, version: 1 })
      .onConflictDoUpdate({
        target: [assessmentScores.assessmentId, assessmentScores.level],
        set: { ...row, version: sql`${assessmentScores.version} + 1` },
      });
    changed += 1;
  }
  return changed;
};

/** The stored row as derived content (its version left out), for comparing with a fresh derivation. */
export const contentOf = (row: StoredScoreRow): DerivedScore => {
  const { version: _version, ...rest } = row;
  return rest as DerivedScore;
};

/** Whether a stored row holds exactly what a derivation gives (jsonb compared as canonical JSON). */
export const sameScore = (stored: StoredScoreRow, derived: DerivedScore): boolean =>
  canonical(contentOf(stored)) === canonical(derived);

const canonical = (x: unknown): string =>
  JSON.stringify(x, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
