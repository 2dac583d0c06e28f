import type { Activity, Comment, Plan, Report } from '../../../contracts/action-plans.ts';
import { activityStatus, summarise } from '../../../core/programme/plan-status.ts';
import type { Tx } from '../../db/client.ts';
import {
  activitiesOf,
  commentCounts,
  employeeNames,
  evidenceTitles,
  realisationsOf,
  userNames,
  type ActivityRow,
  type CommentRow,
  type PlanRow,
  type RealisationRow,
  type ReportRow,
} from './repo.ts';

/** Today's date in WIB (UTC+7), the calendar Indonesian units report in. */
export const todayWib = (now: Date): string =>
  new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Rows grouped by a key, in their order: one pass instead of a filter per parent. */
export const groupBy = <T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
};

const numbers = (v: unknown): number[] =>
  Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

export const quartersOf = (a: ActivityRow): number[] => numbers(a.quarters);
export const lkeCodesOf = (a: ActivityRow): string[] => strings(a.lkeCodes);
export const evidenceIdsOf = (r: RealisationRow): string[] => strings(r.evidenceIds);

/**
 * Activities with their realisations, names and computed status, as the API shows them. `upToQuarter` keeps
 * only the realisations of quarters up to it (a quarterly report shows the state at that quarter's end).
 */
export const presentActivities = async (
  db: Tx,
  rows: ActivityRow[],
  year: number,
  today: string,
  upToQuarter = 4,
): Promise<Activity[]> => {
  const ids = rows.map((a) => a.id);
  const realisations = (await realisationsOf(db, ids)).filter((r) => r.quarter <= upToQuarter);
  const [titles, reporters, people, counts] = await Promise.all([
    evidenceTitles(db, realisations.flatMap(evidenceIdsOf)),
    userNames(
      db,
      realisations.flatMap((r) => (r.reportedBy ? [r.reportedBy] : [])),
    ),
    employeeNames(
      db,
      rows.flatMap((a) => (a.personInChargeId ? [a.personInChargeId] : [])),
    ),
    commentCounts(db, ids),
  ]);
  const byActivity = groupBy(realisations, (r) => r.activityId);
  return rows.map((a) => {
    const own = byActivity.get(a.id) ?? [];
    return {
      id: a.id,
      planId: a.planId,
      title: a.title,
      output: a.output,
      target: a.target,
      targetUnit: a.targetUnit,
      quarters: quartersOf(a),
      personInChargeId: a.personInChargeId,
      personInChargeName: a.personInChargeId ? (people.get(a.personInChargeId) ?? null) : null,
      budget: a.budget,
      lkeCodes: lkeCodesOf(a),
      realisations: own.map((r) => ({
        id: r.id,
        quarter: r.quarter,
        achieved: r.achieved,
        note: r.note,
        evidence: evidenceIdsOf(r).map((id) => ({ id, title: titles.get(id) ?? '' })),
        reportedBy: r.reportedBy,
        reportedByName: r.reportedBy ? (reporters.get(r.reportedBy) ?? null) : null,
        reportedAt: r.reportedAt.toISOString(),
        version: r.version,
      })),
      commentCount: counts.get(a.id) ?? 0,
      status: activityStatus({ target: a.target, quarters: quartersOf(a), realisations: own }, year, today),
      version: a.version,
    };
  });
};

/** Plans with their activities, in area order. */
export const presentPlans = async (
  db: Tx,
  plans: PlanRow[],
  today: string,
  upToQuarter = 4,
): Promise<Plan[]> => {
  const activities = await activitiesOf(
    db,
    plans.map((p) => p.id),
  );
  const year = plans[0]?.year ?? 0;
  const presented = await presentActivities(db, activities, year, today, upToQuarter);
  const byPlan = groupBy(presented, (a) => a.planId);
  return plans.map((p) => {
    const own = byPlan.get(p.id) ?? [];
    return {
      id: p.id,
      unitId: p.unitId,
      year: p.year,
      area: p.area,
      summary: p.summary,
      activities: own,
      totals: summarise(own.map((a) => a.status)),
      version: p.version,
    };
  });
};

export const presentComments = async (db: Tx, rows: CommentRow[]): Promise<Comment[]> => {
  const names = await userNames(
    db,
    rows.map((c) => c.authorId),
  );
  return rows.map((c) => ({
    id: c.id,
    activityId: c.activityId,
    authorId: c.authorId,
    authorName: names.get(c.authorId) ?? '',
    body: c.body,
    createdAt: c.createdAt.toISOString(),
  }));
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A report row (or a quarter without one: a draft) as the API shows it. */
export const presentReport = (
  unitId: string,
  year: number,
  quarter: number,
  row: ReportRow | undefined,
  names: Map<string, string>,
  parentName: string | null,
): Report => ({
  id: row?.id ?? null,
  unitId,
  year,
  quarter,
  status: (row?.status as Report['status'] | undefined) ?? 'draft',
  returnNote: row?.returnNote ?? '',
  submittedAt: iso(row?.submittedAt ?? null),
  submittedByName: row?.submittedBy ? (names.get(row.submittedBy) ?? null) : null,
  approvedAt: iso(row?.approvedAt ?? null),
  approvedByName: row?.approvedBy ? (names.get(row.approvedBy) ?? null) : null,
  returnedAt: iso(row?.returnedAt ?? null),
  forwardedAt: iso(row?.forwardedAt ?? null),
  forwardedToUnitId: row?.forwardedToUnitId ?? null,
  forwardedToUnitName: row?.forwardedToUnitId ? parentName : null,
  version: row?.version ?? 0,
});
