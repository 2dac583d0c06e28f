import type { AppDeps } from '../../http/deps.ts';
import { HttpError } from '../../http/errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { burnPasswordCheck, verifyPassword } from './passwords.ts';
import {
  clearLoginFailures,
  createSession,
  deleteSessionByToken,
  findUserByEmail,
  recordLoginFailure,
  type UserRow,
} from './repo.ts';

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

/** Checks the password, counts failures toward a temporary lock, and opens a fresh session (rotated at login). */
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
  const locked = user.lockedUntil !== null && user.lockedUntil > now;
  const passwordOk = await verifyPassword(user.passwordHash, options.password);
  if (locked) throw invalidCredentials();
  if (!passwordOk) {
    const lockUntil = new Date(now.getTime() + deps.config.login.lockMs);
    await deps.db.transaction(async (tx) => {
      await recordLoginFailure(tx, user, deps.config.login.maxFailures, lockUntil);
      if (user.failedLogins + 1 >= deps.config.login.maxFailures) {
        await writeAudit(tx, {
          actor: { id: null, label: 'system', ip: options.ip },
          action: 'user.locked',
          subjectType: 'user',
          subjectId: user.id,
          after: { lockedUntil: lockUntil.toISOString() },
          now,
        });
      }
    });
    throw invalidCredentials();
  }
  return deps.db.transaction(async (tx) => {
    if (options.previousToken) await deleteSessionByToken(tx, options.previousToken);
    if (user.failedLogins > 0 || user.lockedUntil) await clearLoginFailures(tx, user.id);
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
