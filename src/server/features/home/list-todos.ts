import { and, count, eq, inArray, or, sql } from 'drizzle-orm';
import type { Todo } from '../../../contracts/home.ts';
import type { Actor } from '../../../core/org/can.ts';
import { localDate } from '../../../core/review/calendar.ts';
import type { Tx } from '../../db/client.ts';
import { assessments, itemReviews, periods, planReports, reviewAssignments, units } from '../../db/schema.ts';
import { reachCondition } from './reach-sql.ts';

/** Deadlines this close (days) are shown on the home page. */
export const DEADLINE_DAYS = 14;
const WIB_MINUTES = 420;
const REVIEWING = ['preliminary_review', 'tpi_review', 'resubmitted', 'tpn_desk', 'tpn_field'];

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/**
 * The caller's open to-dos, each with a count and the page that does it: items returned to her units, her
 * units' assessments waiting for her approval, assessments she is assigned to review, quarterly reports
 * waiting for her approval, and fill or revision windows closing within 14 days. Read with one query per
 * kind, filtered in SQL by where her roles reach.
 */
export const listTodos = async (db: Tx, who: Actor, now: Date): Promise<Todo[]> => {
  const today = localDate(now, WIB_MINUTES);
  const soon = addDays(today, DEADLINE_DAYS);
  const [returned, approvals, reviews, reports, deadlines] = await Promise.all([
    db
      .select({ id: assessments.id, unitName: units.name, n: count() })
      .from(itemReviews)
      .innerJoin(assessments, eq(assessments.id, itemReviews.assessmentId))
      .innerJoin(units, eq(units.id, assessments.unitId))
      .where(and(eq(itemReviews.status, 'returned'), reachCondition(who, 'assessment.answer')))
      .groupBy(assessments.id, units.name),
    db
      .select({ id: assessments.id, unitName: units.name })
      .from(assessments)
      .innerJoin(units, eq(units.id, assessments.unitId))
      .where(and(eq(assessments.status, 'submitted'), reachCondition(who, 'assessment.approve'))),
    db
      .selectDistinct({ id: assessments.id, unitName: units.name })
      .from(assessments)
      .innerJoin(units, eq(units.id, assessments.unitId))
      .innerJoin(reviewAssignments, eq(reviewAssignments.unitId, assessments.unitId))
      .where(and(eq(reviewAssignments.userId, who.userId), inArray(assessments.status, REVIEWING))),
    db
      .select({ unitId: units.id, unitName: units.name, n: count() })
      .from(planReports)
      .innerJoin(units, eq(units.id, planReports.unitId))
      .where(and(eq(planReports.status, 'submitted'), reachCondition(who, 'plan.approve')))
      .groupBy(units.id, units.name),
    db
      .select({
        id: assessments.id,
        unitName: units.name,
        date: sql<string>`case when ${assessments.status} = 'returned' then coalesce(${periods.revisionUntil}, ${periods.fillUntil}) else ${periods.fillUntil} end`,
      })
      .from(assessments)
      .innerJoin(units, eq(units.id, assessments.unitId))
      .innerJoin(periods, eq(periods.id, assessments.periodId))
      .where(
        and(
          or(eq(assessments.status, 'draft'), eq(assessments.status, 'returned')),
          reachCondition(who, 'assessment.answer'),
        ),
      ),
  ]);
  const one = (
    r: { unitName: string },
    kind: Todo['kind'],
    link: string,
    n = 1,
    date: string | null = null,
  ): Todo => ({
    kind,
    count: n,
    unitName: r.unitName,
    link,
    date,
  });
  return [
    ...returned.map((r) => one(r, 'items_returned', `/assessments/${r.id}`, Number(r.n))),
    ...approvals.map((r) => one(r, 'approval_waiting', `/assessments/${r.id}`)),
    ...reviews.map((r) => one(r, 'review_waiting', `/review/${r.id}`)),
    ...reports.map((r) => one(r, 'report_to_approve', `/action-plans/reports?unit=${r.unitId}`, Number(r.n))),
    ...deadlines
      .filter((r) => r.date >= today && r.date <= soon)
      .map((r) => one(r, 'deadline_soon', `/assessments/${r.id}`, 1, r.date)),
  ];
};
