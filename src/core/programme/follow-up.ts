import { ONE, ratio, type Exact } from '../shared/exact.ts';

/** A finding of the inspectorate or BPK and where its follow-up stands. */
export type Finding = {
  id: string;
  source: 'inspektorat' | 'bpk' | 'lainnya';
  dueDate: string; // ISO date, the day the recommendation must be followed up by
  status: 'open' | 'in_progress' | 'done';
};

export type FollowUp = {
  total: number;
  done: number;
  /** Followed-up share 0..1, exact. A proposal needs 1 (100 %). */
  percentage: Exact;
  /** Not done and past their due date on `today`. */
  overdue: string[];
};

/**
 * The unit's follow-up of audit findings, a proposal prerequisite (§4.2: 100 %). With no finding at all there is
 * nothing left to follow up: the share is 1, as the LKE's own zero-denominator rule reads 0/0.
 * @example followUp([{ id: 'a', source: 'bpk', dueDate: '2026-06-30', status: 'done' },
 *   { id: 'b', source: 'inspektorat', dueDate: '2026-03-31', status: 'open' }], '2026-11-23')
 * // { total: 2, done: 1, percentage: 1/2, overdue: ['b'] }
 */
export const followUp = (findings: readonly Finding[], today: string): FollowUp => {
  const done = findings.filter((f) => f.status === 'done').length;
  return {
    total: findings.length,
    done,
    percentage: findings.length === 0 ? ONE : ratio(done, findings.length),
    overdue: findings.filter((f) => f.status !== 'done' && f.dueDate < today).map((f) => f.id),
  };
};
