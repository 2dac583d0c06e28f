import type { Tx } from '../../db/client.ts';
import { currentDocument } from './current-document.ts';
import { employeesOfUser, findSignature, latestDocument } from './repo.ts';

/** Every unit where the caller is a (linked, active) employee: the pact to read and whether she signed it. */
export const myPact = async (tx: Tx, userId: string) => {
  const rows = await employeesOfUser(tx, userId);
  return {
    entries: await Promise.all(
      rows.map(async ({ employee, unit }) => {
        const stored = await latestDocument(tx, unit.id);
        const signature = stored ? await findSignature(tx, stored.id, employee.id) : undefined;
        return {
          employeeId: employee.id,
          employeeName: employee.name,
          unitId: unit.id,
          unitName: unit.name,
          document: await currentDocument(tx, unit),
          signedAt: signature ? signature.signedAt.toISOString() : null,
        };
      }),
    ),
  };
};
