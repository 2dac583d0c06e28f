import type { Employee } from '../../../contracts/employees.ts';
import type { Tx } from '../../db/client.ts';
import { accountsOf, type EmployeeRow } from './repo.ts';

/** Rows as the API shows them, with the linked account's e-mail and name. */
export const presentEmployees = async (db: Tx, rows: EmployeeRow[]): Promise<Employee[]> => {
  const accounts = await accountsOf(
    db,
    rows.map((r) => r.userId).filter((u): u is string => u !== null),
  );
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unitId,
    name: r.name,
    nip: r.nip,
    position: r.position,
    grade: r.grade,
    email: r.email,
    account: r.userId ? (accounts.get(r.userId) ?? null) : null,
    active: r.active,
    version: r.version,
  }));
};

export const presentEmployee = async (db: Tx, row: EmployeeRow): Promise<Employee> => {
  const [one] = await presentEmployees(db, [row]);
  if (!one) throw new Error('employee not presented');
  return one;
};
