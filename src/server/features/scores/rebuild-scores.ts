import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assessments } from '../../db/schema.ts';
import { deriveScores } from './derive-scores.ts';
import { loadScoreInputs, type UnscorableAssessment } from './load-score-inputs.ts';
import { refreshScores } from './refresh-scores.ts';
import { listStoredScores, sameScore } from './write-scores.ts';

export type RebuildScoresOptions = {
  /** Only compare: report what differs, write nothing. */
  checkOnly?: boolean;
  /** Assessments read per round (memory stays flat at any size). */
  batchSize?: number;
};

export type RebuildScoresResult = {
  assessments: number;
  rows: number;
  /** Assessments whose stored rows differed from a fresh derivation (rewritten unless checkOnly). */
  differing: string[];
  unscorable: UnscorableAssessment[];
};

/**
 * Re-derives every assessment's figures from its answers and compares them with the stored rows; rewrites
 * those that differ (each under the same lock and in its own transaction as a live write would be).
 * A clean database reports nothing differing: that is the check that the writers kept the table true.
 */
export const rebuildScores = async (
  db: Db,
  options: RebuildScoresOptions = {},
): Promise<RebuildScoresResult> => {
  const size = options.batchSize ?? 500;
  const result: RebuildScoresResult = { assessments: 0, rows: 0, differing: [], unscorable: [] };
  let after = '';
  for (;;) {
    const page = await db
      .select({ id: assessments.id })
      .from(assessments)
      .where(after === '' ? undefined : gt(assessments.id, after))
      .orderBy(asc(assessments.id))
      .limit(size);
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    const ids = page.map((p) => p.id);
    const [{ inputs, unscorable }, stored] = await Promise.all([
      loadScoreInputs(db, ids),
      listStoredScores(db, ids),
    ]);
    result.assessments += page.length;
    result.unscorable.push(...unscorable);
    for (const one of inputs) {
      const derived = deriveScores(one);
      result.rows += derived.length;
      const mine = stored.filter((s) => s.assessmentId === one.assessmentId);
      const same =
        mine.length === derived.length &&
        derived.every((d) => {
          const s = mine.find((m) => m.level === d.level);
          return s !== undefined && sameScore(s, d);
        });
      if (same) continue;
      result.differing.push(one.assessmentId);
      if (!options.checkOnly) await db.transaction((tx) => refreshScores(tx, one.assessmentId));
    }
  }
  return result;
};
