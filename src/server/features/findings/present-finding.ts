import type { Finding } from '../../../contracts/findings.ts';
import { localDate } from '../../../core/review/calendar.ts';
import { WIB_MINUTES } from './follow-up-share.ts';
import type { FindingRow } from './repo.ts';

export const presentFinding = (row: FindingRow, now: Date): Finding => {
  const status = row.status as Finding['status'];
  return {
    id: row.id,
    unitId: row.unitId,
    source: row.source as Finding['source'],
    reference: row.reference,
    finding: row.finding,
    recommendation: row.recommendation,
    dueDate: row.dueDate,
    status,
    followUp: row.followUp,
    evidenceIds: row.evidenceIds as string[],
    closedAt: row.closedAt?.toISOString() ?? null,
    // The same rule as the core's followUp: past the due day (WIB) and not followed up.
    overdue: status !== 'followed_up' && row.dueDate < localDate(now, WIB_MINUTES),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
};
