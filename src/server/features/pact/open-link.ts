import { HttpError, conflict, notFound } from '../../http/errors.ts';
import type { Tx } from '../../db/client.ts';
import { signingTokenHash } from './hash.ts';
import { findEmployee, findLinkByHash } from './repo.ts';
import { findUnitRef } from '../units/unit-ref.ts';

export const linkUsed = () => conflict('SIGNING_LINK_USED', 'This signing link was already used.');
export const linkExpired = () => new HttpError(410, 'SIGNING_LINK_EXPIRED', 'This signing link has expired.');

/** The link a token opens, still usable: unknown → 404, used → 409 SIGNING_LINK_USED, expired → 410. */
export const openLink = async (tx: Tx, token: string, now: Date) => {
  const link = await findLinkByHash(tx, signingTokenHash(token));
  if (!link) throw notFound('Signing link');
  if (link.usedAt) throw linkUsed();
  if (link.expiresAt.getTime() <= now.getTime()) throw linkExpired();
  const employee = await findEmployee(tx, link.employeeId);
  const unit = await findUnitRef(tx, link.unitId);
  if (!employee || !employee.active || !unit) throw notFound('Signing link');
  return { link, employee, unit };
};
