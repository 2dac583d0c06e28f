import type { Report } from '../../../contracts/action-plans.ts';
import { quarterEnd, addDays } from '../../../core/programme/plan-status.ts';
import type { Tx } from '../../db/client.ts';
import { conflict, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { presentReports } from './list-reports.ts';
import { todayWib } from './present.ts';
import { activitiesOf, findReportOf, insertReport, plansOf, updateReportIfVersion } from './repo.ts';
import { findUnitRef } from '../units/unit-ref.ts';

export type SubmitReportOptions = {
  unitId: string;
  year: number;
  quarter: number;
  /** 0 for the first submission, else the version read (a returned report is resubmitted). */
  version: number;
  actor: AuditActor;
  now: Date;
};

/** The first day of a quarter: a quarter's monitoring report can be sent from then on. */
const quarterStart = (year: number, quarter: number) =>
  quarter === 1 ? `${year}-01-01` : addDays(quarterEnd(year, quarter - 1), 1);

/** The team lead sends the quarter's monitoring report to the unit's leader (first time, or after a return). */
export const submitReport = async (
  tx: Tx,
  { unitId, year, quarter, version, actor, now }: SubmitReportOptions,
): Promise<Report> => {
  const unit = await findUnitRef(tx, unitId);
  if (!unit) throw notFound('Unit');
  const present = async (row: Parameters<typeof presentReports>[3][number]['row']) =>
    (await presentReports(tx, unitId, year, [{ quarter, row }]))[0] as Report;
  if (todayWib(now) < quarterStart(year, quarter))
    throw conflict('QUARTER_NOT_STARTED', `Quarter ${quarter} of ${year} has not started.`);
  const plans = await plansOf(tx, [unitId], year);
  if (
    (
      await activitiesOf(
        tx,
        plans.map((p) => p.id),
      )
    ).length === 0
  )
    throw conflict('PLAN_EMPTY', `The unit has no action-plan activity in ${year} to report on.`);
  const existing = await findReportOf(tx, unitId, year, quarter);
  const fields = { status: 'submitted', submittedBy: actor.id, submittedAt: now, updatedAt: now };
  let saved;
  if (!existing) {
    if (version !== 0) throw staleWrite(await present(undefined));
    saved = await insertReport(tx, {
      id: crypto.randomUUID(),
      unitId,
      year,
      quarter,
      createdAt: now,
      ...fields,
    });
  } else {
    if (version !== existing.version) throw staleWrite(await present(existing));
    if (existing.status === 'submitted')
      throw conflict('REPORT_ALREADY_SUBMITTED', 'The report awaits the leader’s decision.');
    if (existing.status === 'approved') throw conflict('REPORT_APPROVED', 'The report is already approved.');
    saved = await updateReportIfVersion(tx, existing.id, version, fields, now);
  }
  if (!saved) throw staleWrite(await present(await findReportOf(tx, unitId, year, quarter)));
  await writeAudit(tx, {
    actor,
    action: 'plan.report_submitted',
    subjectType: 'plan_report',
    subjectId: saved.id,
    unit: { id: unit.id, path: unit.path },
    before: existing ?? null,
    after: saved,
    now,
  });
  return present(saved);
};
