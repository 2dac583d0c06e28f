import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { assessments, periods } from '../../db/schema.ts';
import { deriveScores } from './derive-scores.ts';
import { loadScoreInputs } from './load-score-inputs.ts';
import { listStoredScores, writeScores } from './write-scores.ts';

/**
 * Re-derives one assessment's stored figures inside the caller's transaction, so they change exactly when
 * the answers, levels or evidence that move them are committed. Call it after the write, once per change.
 * A per-assessment lock makes concurrent writers derive one after the other, each seeing the other's rows.
 * An assessment whose template is not installed keeps what it had (the write itself would have failed).
 */
export const refreshScores = async (tx: Tx, assessmentId: string): Promise<void> => {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`scores:${assessmentId}`}, 0))`);
  const { inputs } = await loadScoreInputs(tx, [assessmentId]);
  const [one] = inputs;
  if (!one) return;
  await writeScores(tx, assessmentId, deriveScores(one), await listStoredScores(tx, [assessmentId]));
};

/** Re-derives every assessment of an agency's periods (its review levels changed). */
export const refreshAgencyScores = async (tx: Tx, agencyId: string): Promise<void> => {
  const rows = await tx
    .select({ id: assessments.id })
    .from(assessments)
    .innerJoin(periods, eq(periods.id, assessments.periodId))
    .where(eq(periods.agencyId, agencyId));
  for (const r of rows) await refreshScores(tx, r.id);
};
