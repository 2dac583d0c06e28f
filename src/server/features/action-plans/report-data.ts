import type { Plan, Report } from '../../../contracts/action-plans.ts';
import { reportAsOf } from '../../../core/programme/plan-status.ts';
import type { Tx } from '../../db/client.ts';
import { loadDocumentLook, type DocumentLook } from '../../documents/kit/document-look.ts';
import { signerOfUser, type Signer } from '../../documents/kit/signers.ts';
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
  look: DocumentLook;
  /** The team lead who submitted it and the leader who approved it, with their NIP. */
  submitter: Signer;
  approver: Signer;
};

/**
 * What the quarterly monitoring report shows, from live data: the plans of the year with the realisations of
 * quarters up to the report's, their status as at the quarter's end, the report's approval and who signs.
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
  return {
    unit,
    year,
    quarter,
    asOf,
    plans,
    report: report as Report,
    look: await loadDocumentLook(db, unitId),
    submitter: await signerOfUser(db, row?.submittedBy ?? null, unitId),
    approver: await signerOfUser(db, row?.status === 'approved' ? (row.approvedBy ?? null) : null, unitId),
  };
};
