import type { Plan, Report } from '../../../contracts/action-plans.ts';
import { reportAsOf } from '../../../core/programme/plan-status.ts';
import type { Tx } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { presentReports } from './list-reports.ts';
import { presentPlans } from './present.ts';
import { findReportOf, plansOf, type UnitRef } from './repo.ts';
import { findUnitRef } from '../units/unit-ref.ts';

export type ReportData = {
  unit: UnitRef;
  year: number;
  quarter: number;
  /** The date the statuses are computed on: the day after the quarter ends. */
  asOf: string;
  plans: Plan[];
  report: Report;
};

/**
 * What the quarterly monitoring report shows, from live data: the plans of the year with the realisations of
 * quarters up to the report's, their status as at the quarter's end, and the report's approval.
 */
export const loadReportData = async (
  db: Tx,
  unitId: string,
  year: number,
  quarter: number,
): Promise<ReportData> => {
  const unit = await findUnitRef(db, unitId);
  if (!unit) throw notFound('Unit');
  const asOf = reportAsOf(year, quarter);
  const plans = await presentPlans(db, await plansOf(db, [unitId], year), asOf, quarter);
  const row = await findReportOf(db, unitId, year, quarter);
  const [report] = await presentReports(db, unitId, year, [{ quarter, row }]);
  return { unit, year, quarter, asOf, plans, report: report as Report };
};
