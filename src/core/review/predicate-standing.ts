import type { CalendarDate } from './calendar.ts';
import type { Predicate } from './review-status.ts';

/**
 * One decree in a unit's predicate history: awarded in Pulau, or won before Pulau and recorded with its decree
 * (docs/review.md, rule held-predicates). Only a verified record reaches this list.
 */
export type DecreeRecord = { predicate: string; decreeDate: CalendarDate; revokedOn: CalendarDate | null };

export type PredicateStanding = {
  /** The predicate of the latest decree by its date, unless that decree was revoked. */
  holds: Predicate | null;
  /** The latest revocation's day: the two-year ban counts from it. */
  revokedOn: CalendarDate | null;
  /** The "already WBK" fact of the WBBM check (LKE §4.1): the unit holds WBK, or WBBM which came after it. */
  alreadyWbk: boolean;
};

/**
 * What a unit's history means today. Decrees are ordered by their own date (a decree recorded late still
 * counts from its date); on the same date the later one in the list wins.
 * @example
 * predicateStanding([{ predicate: 'WBK', decreeDate: '2024-12-10', revokedOn: null }])
 * // { holds: 'WBK', revokedOn: null, alreadyWbk: true }
 */
export const predicateStanding = (records: readonly DecreeRecord[]): PredicateStanding => {
  const ordered = records
    .map((r, i) => ({ r, i }))
    .sort((a, b) =>
      a.r.decreeDate === b.r.decreeDate ? a.i - b.i : a.r.decreeDate < b.r.decreeDate ? -1 : 1,
    )
    .map((x) => x.r);
  const latest = ordered.at(-1);
  const holds =
    latest && latest.revokedOn === null && (latest.predicate === 'WBK' || latest.predicate === 'WBBM')
      ? latest.predicate
      : null;
  const revocations = ordered.map((a) => a.revokedOn).filter((d): d is string => d !== null);
  const revokedOn = revocations.length === 0 ? null : revocations.reduce((a, b) => (a > b ? a : b));
  return { holds, revokedOn, alreadyWbk: holds !== null };
};
