import { randomUUID } from 'node:crypto';
import type { CreateEmployeeBody, Employee } from '../../../contracts/employees.ts';
import type { Tx } from '../../db/client.ts';
import { conflict } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { presentEmployee } from './present-employee.ts';
import { insertEmployees, nipsTaken } from './repo.ts';
import { resolveAccount } from './resolve-account.ts';

export type CreateEmployeeOptions = {
  unit: { id: string; path: string };
  input: CreateEmployeeBody;
  actor: AuditActor;
  now: Date;
};

export const nipTaken = () => conflict('NIP_TAKEN', 'This NIP is already on the unit list.');

/** Adds one employee to the unit's list, optionally linked to her existing account. */
export const createEmployee = async (
  tx: Tx,
  { unit, input, actor, now }: CreateEmployeeOptions,
): Promise<Employee> => {
  if (input.nip && (await nipsTaken(tx, unit.id, [input.nip])).size > 0) throw nipTaken();
  const userId = input.accountEmail ? await resolveAccount(tx, unit.id, input.accountEmail) : null;
  const [row] = await insertEmployees(tx, [
    {
      id: randomUUID(),
      unitId: unit.id,
      name: input.name,
      nip: input.nip,
      position: input.position,
      grade: input.grade,
      email: input.email,
      userId,
      createdAt: now,
      updatedAt: now,
    },
  ]);
  if (!row) throw new Error('employee not inserted');
  const presented = await presentEmployee(tx, row);
  await writeAudit(tx, {
    actor,
    action: 'employee.created',
    subjectType: 'employee',
    subjectId: row.id,
    unit,
    after: presented,
    now,
  });
  return presented;
};
