import { eq } from 'drizzle-orm';
import { localDate } from '../../../core/review/calendar.ts';
import { followUp, type Finding } from '../../../core/programme/follow-up.ts';
import type { Tx } from '../../db/client.ts';
import { findings } from '../../db/schema.ts';

/** Findings' dates are calendar days in Western Indonesian Time (UTC+7). */
export const WIB_MINUTES = 420;

export type FollowUpShare = { percent: number; followedUp: number; total: number; overdue: number };

type FindingRow = Pick<typeof findings.$inferSelect, 'id' | 'source' | 'dueDate' | 'status'>;

const CORE_SOURCE = { inspectorate: 'inspektorat', bpk: 'bpk', other: 'lainnya' } as const;

/** A stored finding as the core reads it: 'followed_up' is the core's 'done'. */
export const toCoreFinding = (row: FindingRow): Finding => ({
  id: row.id,
  source: CORE_SOURCE[row.source as keyof typeof CORE_SOURCE] ?? 'lainnya',
  dueDate: row.dueDate,
  status: row.status === 'followed_up' ? 'done' : row.status === 'in_progress' ? 'in_progress' : 'open',
});

/**
 * The share as a percentage floored to two decimals, so 100 means every finding is followed up (a proposal
 * prerequisite) and 99.999 % never shows as 100.
 */
export const percentOf = (done: number, total: number): number =>
  total === 0 ? 100 : Number((BigInt(done) * 10_000n) / BigInt(total)) / 100;

/** The share of the rows' findings followed up at `now` (0/0 is 100 %: nothing left to follow up). */
export const shareOfRows = (rows: readonly FindingRow[], now: Date): FollowUpShare => {
  const result = followUp(rows.map(toCoreFinding), localDate(now, WIB_MINUTES));
  return {
    percent: percentOf(result.done, result.total),
    followedUp: result.done,
    total: result.total,
    overdue: result.overdue.length,
  };
};

/** The unit's follow-up of audit findings, live: the core `followUp` over the unit's findings register. */
export const followUpShareOf = async (tx: Tx, unitId: string, now: Date): Promise<FollowUpShare> => {
  const rows = await tx
    .select({ id: findings.id, source: findings.source, dueDate: findings.dueDate, status: findings.status })
    .from(findings)
    .where(eq(findings.unitId, unitId));
  return shareOfRows(rows, now);
};
