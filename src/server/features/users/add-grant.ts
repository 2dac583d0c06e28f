import { randomUUID } from 'node:crypto';
import { can, type Actor } from '../../../core/org/can.ts';
import type { AddGrantBody } from '../../../contracts/users.ts';
import type { Tx } from '../../db/client.ts';
import { conflict, forbidden, HttpError, notFound } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import type { GrantRow } from '../auth/repo.ts';
import { findUnit } from '../units/repo.ts';
import { findUserWithHome, grantExists, insertGrant } from './repo.ts';

export type AddGrantOptions = {
  userId: string;
  input: AddGrantBody;
  who: Actor;
  actor: AuditActor;
  now: Date;
};

/**
 * Grants a role on a unit. The granter needs `grant.manage` for that role there (checked by the route) and must
 * see the grantee (`user.read` on her home unit), so nobody hands roles to strangers from another agency.
 */
export const addGrant = async (tx: Tx, options: AddGrantOptions): Promise<GrantRow> => {
  const user = await findUserWithHome(tx, options.userId);
  if (!user) throw notFound('User');
  const visible = user.homeUnitPath
    ? can(options.who, 'user.read', { kind: 'unit', unitPath: user.homeUnitPath })
    : options.who.isSystemAdmin;
  if (!visible) throw forbidden();
  const unit = await findUnit(tx, options.input.unitId);
  if (!unit) throw notFound('Unit');
  if (!unit.active) throw new HttpError(400, 'UNIT_INACTIVE', 'The unit is deactivated.');
  const { role, area } = options.input;
  if (await grantExists(tx, user.id, unit.id, role, area))
    throw conflict('GRANT_EXISTS', 'She already holds this role here.');
  const id = randomUUID();
  await insertGrant(tx, {
    id,
    userId: user.id,
    unitId: unit.id,
    role,
    area,
    createdAt: options.now,
    createdBy: options.actor.id,
  });
  await writeAudit(tx, {
    actor: options.actor,
    action: 'grant.added',
    subjectType: 'grant',
    subjectId: id,
    unit: { id: unit.id, path: unit.path },
    after: { userId: user.id, email: user.email, role, area, unitId: unit.id },
    now: options.now,
  });
  return { id, role, unitId: unit.id, unitName: unit.name, unitPath: unit.path, area };
};
