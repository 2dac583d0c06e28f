import type { Tx } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { recordSignature } from './record-signature.ts';
import { findEmployee, type SignatureRow } from './repo.ts';
import { findUnitRef } from '../units/unit-ref.ts';

export type SignWithLoginOptions = {
  userId: string;
  employeeId: string;
  documentSha256: string;
  actor: AuditActor;
  now: Date;
};

/**
 * The logged-in employee signs for herself: only an employee record linked to her own account. Anyone
 * else's record (another unit's, or a colleague's) is answered as unknown, so ids reveal nothing.
 */
export const signWithLogin = async (tx: Tx, options: SignWithLoginOptions): Promise<SignatureRow> => {
  const employee = await findEmployee(tx, options.employeeId);
  if (!employee || employee.userId !== options.userId || !employee.active) throw notFound('Employee');
  const unit = await findUnitRef(tx, employee.unitId);
  if (!unit) throw notFound('Unit');
  return recordSignature(tx, {
    unit,
    employee,
    documentSha256: options.documentSha256,
    via: 'login',
    signerUserId: options.userId,
    linkId: null,
    actor: options.actor,
    now: options.now,
  });
};
