import { and, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { pactSigningLinks } from '../db/schema.ts';

export type DropStaleSigningLinksOptions = { now: Date; graceDays?: number };

/** Past expiry an unused link only answers 410 SIGNING_LINK_EXPIRED; a month later that helps no one. */
export const SIGNING_LINK_GRACE_DAYS = 30;

/**
 * Housekeeping: one-time pact signing links that expired unused more than `graceDays` ago are deleted (the
 * token then opens as unknown, 404). Used links stay: a signature names its link (`pact_signatures.link_id`).
 * Idempotent: every process may run it.
 */
export const dropStaleSigningLinks = async (
  db: Db,
  { now, graceDays = SIGNING_LINK_GRACE_DAYS }: DropStaleSigningLinksOptions,
): Promise<number> => {
  const before = new Date(now.getTime() - graceDays * 86_400_000);
  const dropped = await db
    .delete(pactSigningLinks)
    .where(and(isNull(pactSigningLinks.usedAt), lt(pactSigningLinks.expiresAt, before)))
    .returning({ id: pactSigningLinks.id });
  return dropped.length;
};
