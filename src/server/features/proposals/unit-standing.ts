import type { Predicate } from '../../../core/review/review-status.ts';
import type { Tx } from '../../db/client.ts';
import { listAwards } from './repo.ts';

export type UnitStanding = { holds: Predicate | null; revokedOn: string | null };

/**
 * What the unit holds now and its latest revocation, from its predicate history. A unit with no decree in
 * Pulau that its assessment marks as already WBK holds WBK (decreed before Pulau kept the history).
 */
export const unitStanding = async (tx: Tx, unitId: string, alreadyWbk: boolean): Promise<UnitStanding> => {
  const awards = await listAwards(tx, unitId);
  const revokedOn = awards.reduce<string | null>(
    (latest, a) => (a.revokedOn && (latest === null || a.revokedOn > latest) ? a.revokedOn : latest),
    null,
  );
  const live = awards.filter((a) => a.revokedOn === null).map((a) => a.predicate);
  const holds: Predicate | null = live.includes('WBBM')
    ? 'WBBM'
    : live.includes('WBK')
      ? 'WBK'
      : awards.length === 0 && alreadyWbk
        ? 'WBK'
        : null;
  return { holds, revokedOn };
};
