import type { AppDeps } from '../../http/deps.ts';
import { HttpError } from '../../http/errors.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { deleteOtherSessionsOfUser, setPassword, type UserRow } from './repo.ts';

export type ChangePasswordOptions = {
  user: UserRow;
  currentPassword: string;
  newPassword: string;
  actor: AuditActor;
  currentSessionId: string;
};

/** A new password ends every other session of the user (a thief's included); this one stays. */
export const changePassword = async (deps: AppDeps, options: ChangePasswordOptions): Promise<void> => {
  if (!(await verifyPassword(options.user.passwordHash, options.currentPassword))) {
    throw new HttpError(400, 'CURRENT_PASSWORD_WRONG', 'The current password is wrong.');
  }
  if (options.currentPassword === options.newPassword) {
    throw new HttpError(400, 'PASSWORD_UNCHANGED', 'The new password must differ from the current one.');
  }
  const passwordHash = await hashPassword(options.newPassword);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await setPassword(tx, options.user.id, passwordHash, false, now);
    await deleteOtherSessionsOfUser(tx, options.user.id, options.currentSessionId);
    await writeAudit(tx, {
      actor: options.actor,
      action: 'user.password_changed',
      subjectType: 'user',
      subjectId: options.user.id,
      unit: null,
      now,
    });
  });
};
