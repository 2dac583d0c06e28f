import { randomUUID } from 'node:crypto';
import type { CreateUserBody } from '../../../contracts/users.ts';
import type { Tx } from '../../db/client.ts';
import { conflict, HttpError, notFound } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { hashPassword, temporaryPassword } from '../auth/passwords.ts';
import type { UserRow } from '../auth/repo.ts';
import { findUnit } from '../units/repo.ts';
import { auditableUser } from './present-user.ts';
import { emailTaken, insertUser } from './repo.ts';

export type CreateUserOptions = { input: CreateUserBody; actor: AuditActor; now: Date };

/**
 * Creates an account on a home unit. Without a password a temporary one is generated, returned once, and must
 * be changed at first login; it is never stored in clear nor written to the audit trail.
 */
export const createUser = async (
  tx: Tx,
  { input, actor, now }: CreateUserOptions,
): Promise<{ user: UserRow; temporaryPassword: string | null }> => {
  const home = await findUnit(tx, input.homeUnitId);
  if (!home) throw notFound('Unit');
  if (!home.active) throw new HttpError(400, 'UNIT_INACTIVE', 'The home unit is deactivated.');
  if (await emailTaken(tx, input.email)) throw conflict('EMAIL_TAKEN', 'An account with this email exists.');
  const temporary = input.password ? null : temporaryPassword();
  const user = await insertUser(tx, {
    id: randomUUID(),
    email: input.email,
    name: input.name,
    passwordHash: await hashPassword(input.password ?? temporary ?? ''),
    homeUnitId: home.id,
    mustChangePassword: temporary !== null,
    createdAt: now,
    updatedAt: now,
  });
  await writeAudit(tx, {
    actor,
    action: 'user.created',
    subjectType: 'user',
    subjectId: user.id,
    unit: { id: home.id, path: home.path },
    after: auditableUser(user),
    now,
  });
  return { user, temporaryPassword: temporary };
};
