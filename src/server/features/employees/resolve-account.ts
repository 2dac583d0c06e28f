import type { Tx } from '../../db/client.ts';
import { HttpError, conflict } from '../../http/errors.ts';
import { findActiveUsersByEmail, linkedUserIds } from './repo.ts';

/**
 * The account an employee is linked to, by e-mail: it must exist and be active, and not be linked to another
 * employee of the same unit (one person signs once per unit).
 */
export const resolveAccount = async (
  tx: Tx,
  unitId: string,
  accountEmail: string,
  exceptEmployeeId?: string,
): Promise<string> => {
  const account = (await findActiveUsersByEmail(tx, [accountEmail])).get(accountEmail);
  if (!account)
    throw new HttpError(400, 'ACCOUNT_NOT_FOUND', `No active Pulau account has the e-mail ${accountEmail}.`);
  if ((await linkedUserIds(tx, unitId, exceptEmployeeId)).has(account.userId))
    throw conflict('ACCOUNT_ALREADY_LINKED', 'This account is linked to another employee of the unit.');
  return account.userId;
};
