import { and, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { surveyResponses } from '../db/schema.ts';

export type DropOldAddressHashesOptions = { now: Date; retentionDays: number };

/**
 * Privacy by retention: a respondent's salted address hash serves only to spot repeats while a campaign runs, so
 * after the retention period it is dropped (the response itself stays). Idempotent: every process may run it.
 */
export const dropOldAddressHashes = async (db: Db, { now, retentionDays }: DropOldAddressHashesOptions) => {
  const before = new Date(now.getTime() - retentionDays * 86_400_000);
  const dropped = await db
    .update(surveyResponses)
    .set({ ipHash: null })
    .where(and(isNotNull(surveyResponses.ipHash), lt(surveyResponses.createdAt, before)))
    .returning({ id: surveyResponses.id });
  return dropped.length;
};
