import { can, type Actor } from '../../../core/org/can.ts';
import type { UpdateUserBody } from '../../../contracts/users.ts';
import type { Tx } from '../../db/client.ts';
import { forbidden, HttpError, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { deleteSessionsOfUser, grantsOfUser } from '../auth/repo.ts';
import { findUnit } from '../units/repo.ts';
import { auditableUser, presentUser } from './present-user.ts';
import { findUserWithHome, updateUserIfVersion } from './repo.ts';

export type UpdateUserOptions = {
  userId: string;
  input: UpdateUserBody;
  who: Actor;
  actor: AuditActor;
  now: Date;
};

/** Renames, deactivates or rehomes an account; deactivation ends her sessions at once. */
export const updateUser = async (tx: Tx, options: UpdateUserOptions) => {
  const current = await findUserWithHome(tx, options.userId);
  if (!current) throw notFound('User');
  if (current.isSystemAdmin && !options.who.isSystemAdmin) throw forbidden();
  if (current.version !== options.input.version) {
    throw staleWrite(presentUser(current, await grantsOfUser(tx, current.id)));
  }
  const { version, ...patch } = options.input;
  if (patch.active === false && current.id === options.who.userId) {
    throw new HttpError(400, 'CANNOT_DEACTIVATE_SELF', 'You cannot deactivate your own account.');
  }
  let homePath = current.homeUnitPath;
  if (patch.homeUnitId && patch.homeUnitId !== current.homeUnitId) {
    const home = await findUnit(tx, patch.homeUnitId);
    if (!home) throw notFound('Unit');
    if (!can(options.who, 'user.create', { kind: 'unit', unitPath: home.path })) throw forbidden();
    if (!home.active) throw new HttpError(400, 'UNIT_INACTIVE', 'The home unit is deactivated.');
    homePath = home.path;
  }
  const updated = await updateUserIfVersion(tx, current.id, version, patch, options.now);
  if (!updated) throw staleWrite(presentUser(current, await grantsOfUser(tx, current.id)));
  if (patch.active === false) await deleteSessionsOfUser(tx, current.id);
  await writeAudit(tx, {
    actor: options.actor,
    action: patch.active === false ? 'user.deactivated' : 'user.updated',
    subjectType: 'user',
    subjectId: current.id,
    unit: updated.homeUnitId && homePath ? { id: updated.homeUnitId, path: homePath } : null,
    before: auditableUser(current),
    after: auditableUser(updated),
    now: options.now,
  });
  return updated;
};
