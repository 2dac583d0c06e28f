import type { PredicateHistory } from '../../../contracts/reviews.ts';
import { proposableFrom } from '../../../core/review/review-guards.ts';
import type { Tx } from '../../db/client.ts';
import { listAwards, standingOf } from './awards-repo.ts';
import { verifiedDecrees } from './held-predicates-repo.ts';
import { presentAward } from './present-review.ts';

/** A unit's decrees (Pulau's and verified earlier ones) and revocations, with what they mean now: the predicate held, the revocation ban. */
export const getPredicateHistory = async (db: Tx, unitId: string): Promise<PredicateHistory> => {
  const awards = await listAwards(db, unitId);
  const { holds, revokedOn } = standingOf(awards, await verifiedDecrees(db, unitId));
  return {
    unitId,
    holds,
    revokedOn,
    proposableFrom: revokedOn === null ? null : proposableFrom(revokedOn),
    awards: awards.map(presentAward),
  };
};
