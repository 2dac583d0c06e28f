import type { AppDeps } from '../../http/deps.ts';
import { HttpError } from '../../http/errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { reserveLoginAttempt, settleSuccessfulAttempt } from './login-attempts.ts';
import { burnPasswordCheck, verifyPassword } from './passwords.ts';
import { createSession, deleteSessionByToken, findUserByEmail, type UserRow } from './repo.ts';

export type LogInOptions = {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  previousToken: string | undefined;
};

/** One answer for every failure (unknown email, wrong password, locked, inactive): it never tells which. */
const invalidCredentials = () =>
  new HttpError(
    401,
    'INVALID_CREDENTIALS',
    'Wrong email or password, or the account is locked for a while after too many attempts.',
  );

/**
 * Checks the password and opens a fresh session (rotated at login). Each attempt first takes a slot in the
 * database (see reserveLoginAttempt), so a burst of guesses, from one process or many, gets exactly the allowed
 * number evaluated before the lock; a locked account costs the same time but its password is never checked.
 */
export const logIn = async (
  deps: AppDeps,
  options: LogInOptions,
): Promise<{ user: UserRow; token: string; csrfToken: string }> => {
  const now = deps.now();
  const user = await findUserByEmail(deps.db, options.email);
  if (!user || !user.active) {
    await burnPasswordCheck(options.password);
    throw invalidCredentials();
  }
  const lockUntil = new Date(now.getTime() + deps.config.login.lockMs);
  const slot = await reserveLoginAttempt(deps.db, {
    userId: user.id,
    now,
    maxFailures: deps.config.login.maxFailures,
    lockUntil,
  });
  if (!slot) {
    await burnPasswordCheck(options.password);
    throw invalidCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, options.password))) {
    // The failure is already counted by the slot; the attempt that took the last one records the lock.
    if (slot.lockedUntil) {
      const lockedUntil = slot.lockedUntil;
      await deps.db.transaction((tx) =>
        writeAudit(tx, {
          actor: { id: null, label: 'system', ip: options.ip },
          action: 'user.locked',
          subjectType: 'user',
          subjectId: user.id,
          after: { lockedUntil: lockedUntil.toISOString() },
          now,
        }),
      );
    }
    throw invalidCredentials();
  }
  return deps.db.transaction(async (tx) => {
    if (!(await settleSuccessfulAttempt(tx, { userId: user.id, now, slot }))) throw invalidCredentials();
    if (options.previousToken) await deleteSessionByToken(tx, options.previousToken);
    const session = await createSession(tx, {
      userId: user.id,
      now,
      absoluteMs: deps.config.session.absoluteMs,
      ip: options.ip,
      userAgent: options.userAgent,
    });
    await writeAudit(tx, {
      actor: { id: user.id, label: user.email, ip: options.ip },
      action: 'user.login',
      subjectType: 'user',
      subjectId: user.id,
      now,
    });
    return { user, ...session };
  });
};
