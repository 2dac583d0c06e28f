import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { users } from '../../db/schema.ts';

/** The attempt a login may evaluate: its number since the last success or lock, and the lock it set, if any. */
export type AttemptSlot = { attempt: number; lockedUntil: Date | null };

/**
 * Takes one attempt slot before the slow password check, in one UPDATE, so concurrent attempts (in one process
 * or many) are counted by the database's row lock and never overwrite each other: with a limit of N exactly N
 * passwords are evaluated before the lock. The attempt that takes the last slot sets the lock at once, so no
 * other attempt is evaluated while it is being checked; if it turns out right, it lifts that lock itself.
 * An expired lock starts the count again at 1. No row (null) means the account is locked: do not evaluate.
 */
export const reserveLoginAttempt = async (
  db: Tx,
  options: { userId: string; now: Date; maxFailures: number; lockUntil: Date },
): Promise<AttemptSlot | null> => {
  const now = sql`${options.now.toISOString()}::timestamptz`;
  const expired = sql`(${users.lockedUntil} IS NOT NULL AND ${users.lockedUntil} <= ${now})`;
  const next = sql`CASE WHEN ${expired} THEN 1 ELSE ${users.failedLogins} + 1 END`;
  const [row] = await db
    .update(users)
    .set({
      failedLogins: next,
      lockedUntil: sql`CASE WHEN ${next} >= ${options.maxFailures} THEN ${options.lockUntil.toISOString()}::timestamptz
        WHEN ${expired} THEN NULL ELSE ${users.lockedUntil} END`,
    })
    .where(
      and(eq(users.id, options.userId), or(isNull(users.lockedUntil), lte(users.lockedUntil, options.now))),
    )
    .returning({ attempt: users.failedLogins, lockedUntil: users.lockedUntil });
  return row ?? null;
};

/**
 * A right password resets the count, but only while the account is not locked, or when the lock is the one this
 * very attempt set by taking the last slot. False: another attempt locked the account meanwhile, so the login
 * is refused like any other on a locked account.
 */
export const settleSuccessfulAttempt = async (
  db: Tx,
  options: { userId: string; now: Date; slot: AttemptSlot },
): Promise<boolean> => {
  const ownLock = options.slot.lockedUntil;
  const rows = await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null })
    .where(
      and(
        eq(users.id, options.userId),
        or(
          isNull(users.lockedUntil),
          lte(users.lockedUntil, options.now),
          ownLock ? eq(users.lockedUntil, ownLock) : undefined,
        ),
      ),
    )
    .returning({ id: users.id });
  return rows.length > 0;
};
