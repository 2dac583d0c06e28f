import type { Tx } from '../../db/client.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import type { Actor } from '../../../core/org/can.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { hashPassword, temporaryPassword } from '../auth/passwords.ts';
import { deleteSessionsOfUser, setPassword } from '../auth/repo.ts';
import { findUserWithHome } from './repo.ts';

export type ResetUserPasswordOptions = { userId: string; who: Actor; actor: AuditActor; now: Date };

/** An admin's reset: a new temporary password (shown once), the lock cleared, every session ended. */
export const resetUserPassword = async (tx: Tx, options: ResetUserPasswordOptions): Promise<string> => {
  const user = await findUserWithHome(tx, options.userId);
  if (!user) throw notFound('User');
  if (user.isSystemAdmin && !options.who.isSystemAdmin) throw forbidden();
  const temporary = temporaryPassword();
  await setPassword(tx, user.id, await hashPassword(temporary), true, options.now);
  await deleteSessionsOfUser(tx, user.id);
  await writeAudit(tx, {
    actor: options.actor,
    action: 'user.password_reset',
    subjectType: 'user',
    subjectId: user.id,
    unit: user.homeUnitId && user.homeUnitPath ? { id: user.homeUnitId, path: user.homeUnitPath } : null,
    now: options.now,
  });
  return temporary;
};
