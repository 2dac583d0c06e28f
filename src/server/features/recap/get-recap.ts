import { eq } from 'drizzle-orm';
import type { Recap, RecapRow } from '../../../contracts/recap.ts';
import { can, type Actor } from '../../../core/org/can.ts';
import { agencyIdOf } from '../../../core/org/unit-path.ts';
import { activityStatus, summarise } from '../../../core/programme/plan-status.ts';
import { localDate } from '../../../core/review/calendar.ts';
import type { Tx } from '../../db/client.ts';
import { periods } from '../../db/schema.ts';
import { HttpError, notFound } from '../../http/errors.ts';
import { groupBy, quartersOf } from '../action-plans/present.ts';
import { activitiesOf, plansOf, realisationsOf } from '../action-plans/repo.ts';
import { shareOfRows } from '../findings/follow-up-share.ts';
import { loadReviewSettings } from '../reviews/settings-repo.ts';
import { findUnitRef } from '../units/unit-ref.ts';
import { buildRecapRows } from './build-rows.ts';
import { findingsOf, pactCounts, periodAssessments, subtreeUnits, surveyAnswers } from './recap-repo.ts';

export type GetRecapOptions = { unitId: string; periodId: string; who: Actor; now: Date };

const numberOf = (raw: unknown): number | null => (typeof raw === 'number' ? raw : null);

/** The worst status among a unit's action-plan activities of the year; null without activities. */
const planStatuses = async (db: Tx, unitIds: string[], year: number, today: string) => {
  const plans = await plansOf(db, unitIds, year);
  const activities = await activitiesOf(
    db,
    plans.map((p) => p.id),
  );
  const realisations = groupBy(
    await realisationsOf(
      db,
      activities.map((a) => a.id),
    ),
    (r) => r.activityId,
  );
  const unitOfPlan = new Map(plans.map((p) => [p.id, p.unitId]));
  const byUnit = groupBy(activities, (a) => unitOfPlan.get(a.planId) ?? '');
  const out = new Map<string, RecapRow['plans']>();
  for (const [unitId, list] of byUnit) {
    const { counts, activities: n } = summarise(
      list.map((a) =>
        activityStatus(
          { target: a.target, quarters: quartersOf(a), realisations: realisations.get(a.id) ?? [] },
          year,
          today,
        ),
      ),
    );
    if (n > 0) out.set(unitId, counts.late > 0 ? 'late' : counts.at_risk > 0 ? 'at_risk' : 'on_track');
  }
  return out;
};

/**
 * The recap (rekapitulasi) of a unit's subtree in one period: one row per active unit the caller may read the
 * review data of, read from the stored score figures (never re-scored here) and the programme's tables in a
 * fixed number of queries, whatever the size of the subtree.
 */
export const getRecap = async (db: Tx, { unitId, periodId, who, now }: GetRecapOptions): Promise<Recap> => {
  const root = await findUnitRef(db, unitId);
  if (!root) throw notFound('Unit');
  const [period] = await db.select().from(periods).where(eq(periods.id, periodId));
  // A period of another agency is not this unit's: the same answer as a period that does not exist.
  if (!period || period.agencyId !== agencyIdOf(root.path))
    throw new HttpError(404, 'PERIOD_NOT_FOUND', "No such period for this unit's agency.");
  const { config } = await loadReviewSettings(db, period.agencyId);
  const today = localDate(now, config.utcOffsetMinutes);
  const subtree = await subtreeUnits(db, root.path);
  const rootDepth = subtree.find((u) => u.id === root.id)?.depth ?? 0;
  const units = subtree.filter((u) => can(who, 'review.read', { kind: 'unit', unitPath: u.path }));
  const ids = units.map((u) => u.id);
  const [{ heads, scores }, pact, plans, findingRows] = await Promise.all([
    periodAssessments(db, period.id, ids),
    pactCounts(db, ids),
    planStatuses(db, ids, period.year, today),
    findingsOf(db, ids),
  ]);
  const survey = new Map<string, { ipak: number | null; ipkp: number | null }>();
  for (const a of await surveyAnswers(
    db,
    heads.map((h) => h.id),
  )) {
    const entry = survey.get(a.assessmentId) ?? { ipak: null, ipkp: null };
    if (a.code === 'H1.a') entry.ipak = numberOf(a.value);
    else entry.ipkp = numberOf(a.value);
    survey.set(a.assessmentId, entry);
  }
  const findings = new Map<string, number>();
  for (const [unit, rows] of groupBy(findingRows, (r) => r.unitId))
    findings.set(unit, shareOfRows(rows, now).percent);
  const rows = buildRecapRows({
    units,
    rootDepth,
    heads,
    scores,
    survey,
    pact,
    plans,
    findings,
    windows: {
      fillUntil: period.fillUntil,
      reviewUntil: period.reviewUntil,
      revisionUntil: period.revisionUntil,
      proposalDeadline: period.proposalDeadline ?? `${period.year}-${config.proposalDeadline}`,
    },
    today,
  });
  return {
    root: { id: root.id, name: root.name, code: root.code },
    period: { id: period.id, year: period.year, name: period.name },
    today,
    rows,
  };
};
