import type { Report } from '../../../contracts/action-plans.ts';
import type { Tx } from '../../db/client.ts';
import { conflict, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { presentReports } from './list-reports.ts';
import { findReport, updateReportIfVersion, type ReportRow, type UnitRef } from './repo.ts';

export type DecideReportOptions = {
  reportId: string;
  version: number;
  actor: AuditActor;
  now: Date;
} & ({ decision: 'approve' } | { decision: 'return'; note: string });

export type DecidedReport = { report: Report; row: ReportRow; unit: UnitRef };

/**
 * The unit's leader approves a submitted monitoring report (it is then forwarded to the parent unit) or returns
 * it with a note for the team to correct and resubmit.
 */
export const decideReport = async (tx: Tx, options: DecideReportOptions): Promise<DecidedReport> => {
  const { reportId, version, actor, now } = options;
  const found = await findReport(tx, reportId);
  if (!found) throw notFound('Report');
  const { report, unit } = found;
  const present = async (row: ReportRow) =>
    (await presentReports(tx, unit.id, row.year, [{ quarter: row.quarter, row }]))[0] as Report;
  if (report.version !== version) throw staleWrite(await present(report));
  if (report.status !== 'submitted')
    throw conflict(
      'REPORT_NOT_SUBMITTED',
      `The report is ${report.status}; only a submitted one is decided.`,
    );
  const patch =
    options.decision === 'approve'
      ? {
          status: 'approved',
          approvedBy: actor.id,
          approvedAt: now,
          returnNote: '',
          // Forwarded up the hierarchy at once: the parent's dashboard and leaders see it.
          forwardedAt: unit.parentId ? now : null,
          forwardedToUnitId: unit.parentId,
        }
      : { status: 'returned', returnedBy: actor.id, returnedAt: now, returnNote: options.note };
  const updated = await updateReportIfVersion(tx, reportId, version, patch, now);
  if (!updated) throw staleWrite(await present((await findReport(tx, reportId))?.report ?? report));
  await writeAudit(tx, {
    actor,
    action: options.decision === 'approve' ? 'plan.report_approved' : 'plan.report_returned',
    subjectType: 'plan_report',
    subjectId: reportId,
    unit: { id: unit.id, path: unit.path },
    before: report,
    after: updated,
    now,
  });
  return { report: await present(updated), row: updated, unit };
};
