import type { UpdatePeriodBody } from '../../../contracts/periods.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { checkWindows } from './check-windows.ts';
import { presentPeriod } from './present-period.ts';
import { findPeriod, findUnitForPeriod, updatePeriodIfVersion, type PeriodRow } from './repo.ts';

export type UpdatePeriodOptions = { periodId: string; input: UpdatePeriodBody; actor: AuditActor; now: Date };

/** Edits a period's name, windows or gate rules; the template pin and the year never change. */
export const updatePeriod = async (
  tx: Tx,
  { periodId, input, actor, now }: UpdatePeriodOptions,
): Promise<PeriodRow> => {
  const current = await findPeriod(tx, periodId);
  if (!current) throw notFound('Period');
  if (current.version !== input.version) throw staleWrite(presentPeriod(current));
  const { version, ...patch } = input;
  const problems = checkWindows({ ...current, ...patch });
  if (problems.length > 0)
    throw badRequest('PERIOD_WINDOWS_INVALID', 'The period windows are not in order.', problems);
  const updated = await updatePeriodIfVersion(tx, periodId, version, patch, now);
  if (!updated) throw staleWrite(presentPeriod((await findPeriod(tx, periodId)) ?? current));
  const agency = await findUnitForPeriod(tx, current.agencyId);
  await writeAudit(tx, {
    actor,
    action: 'period.updated',
    subjectType: 'period',
    subjectId: periodId,
    unit: agency ? { id: agency.id, path: agency.path } : null,
    before: presentPeriod(current),
    after: presentPeriod(updated),
    now,
  });
  return updated;
};
