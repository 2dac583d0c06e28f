import type { Report } from '../../../contracts/action-plans.ts';
import type { Tx } from '../../db/client.ts';
import { findFiled, markSuperseded } from '../../documents/filed-documents-repo.ts';
import { conflict, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { presentReports } from './list-reports.ts';
import { findReport, updateReportIfVersion } from './repo.ts';

export type ReopenReportOptions = {
  reportId: string;
  version: number;
  reason: string;
  actor: AuditActor;
  now: Date;
};

/**
 * The unit's leader reopens an approved report so that its quarter can be corrected: the report goes back to
 * the team as returned (the reason as its note), the filed copy is marked superseded (kept, and still
 * recognised by the verification page as once filed), and the audit record names who, why and which copy.
 */
export const reopenReport = async (tx: Tx, options: ReopenReportOptions): Promise<Report> => {
  const { reportId, version, reason, actor, now } = options;
  const found = await findReport(tx, reportId);
  if (!found) throw notFound('Report');
  const { report, unit } = found;
  const present = async (row: typeof report) =>
    (await presentReports(tx, unit.id, row.year, [{ quarter: row.quarter, row }]))[0] as Report;
  if (report.version !== version) throw staleWrite(await present(report));
  if (report.status !== 'approved')
    throw conflict(
      'REPORT_NOT_APPROVED',
      `The report is ${report.status}; only an approved one is reopened.`,
    );
  const updated = await updateReportIfVersion(
    tx,
    reportId,
    version,
    {
      status: 'returned',
      returnedBy: actor.id,
      returnedAt: now,
      returnNote: reason,
      approvedBy: null,
      approvedAt: null,
      forwardedAt: null,
      forwardedToUnitId: null,
    },
    now,
  );
  if (!updated) throw staleWrite(await present((await findReport(tx, reportId))?.report ?? report));
  const filed = await findFiled(tx, 'plan_report', reportId);
  if (filed) await markSuperseded(tx, filed.id, actor.id, now);
  await writeAudit(tx, {
    actor,
    action: 'plan.report_reopened',
    subjectType: 'plan_report',
    subjectId: reportId,
    unit: { id: unit.id, path: unit.path },
    before: report,
    after: { ...updated, reason, supersededDocument: filed ? { id: filed.id, sha256: filed.sha256 } : null },
    now,
  });
  return present(updated);
};
