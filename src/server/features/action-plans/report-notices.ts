import type { Tx } from '../../db/client.ts';
import { notify } from '../notifications/notify.ts';
import { leadersOf, type ReportRow, type UnitRef } from './repo.ts';

const params = (unit: UnitRef, row: ReportRow) => ({ unit: unit.name, year: row.year, quarter: row.quarter });

/** The unit's leaders hear that a quarterly monitoring report awaits their approval. */
export const noticeSubmitted = async (tx: Tx, unit: UnitRef, row: ReportRow, now: Date) =>
  notify(
    tx,
    {
      userIds: await leadersOf(tx, unit.id),
      unitId: unit.id,
      kind: 'plan.report_submitted',
      params: params(unit, row),
      link: `/action-plans/reports?unit=${unit.id}&year=${row.year}`,
      email: true,
    },
    now,
  );

/** Approved: forwarded to the parent unit, whose leaders are told and find it on their dashboard. */
export const noticeForwarded = async (tx: Tx, unit: UnitRef, row: ReportRow, now: Date) => {
  if (!row.forwardedToUnitId) return;
  await notify(
    tx,
    {
      userIds: await leadersOf(tx, row.forwardedToUnitId),
      unitId: row.forwardedToUnitId,
      kind: 'plan.report_forwarded',
      params: params(unit, row),
      link: `/action-plans/dashboard?unit=${row.forwardedToUnitId}&year=${row.year}`,
      email: true,
    },
    now,
  );
};

/** Returned: the team lead who submitted it hears the leader's note. */
export const noticeReturned = async (tx: Tx, unit: UnitRef, row: ReportRow, now: Date) =>
  notify(
    tx,
    {
      userIds: row.submittedBy ? [row.submittedBy] : [],
      unitId: unit.id,
      kind: 'plan.report_returned',
      params: { ...params(unit, row), note: row.returnNote },
      link: `/action-plans/reports?unit=${unit.id}&year=${row.year}`,
      email: true,
    },
    now,
  );
