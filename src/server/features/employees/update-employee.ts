import type { Employee, UpdateEmployeeBody } from '../../../contracts/employees.ts';
import type { Tx } from '../../db/client.ts';
import { notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { nipTaken } from './create-employee.ts';
import { presentEmployee } from './present-employee.ts';
import { findEmployee, nipsTaken, updateEmployeeIfVersion, type NewEmployeeRow } from './repo.ts';
import { resolveAccount } from './resolve-account.ts';

export type UpdateEmployeeOptions = {
  employeeId: string;
  input: UpdateEmployeeBody;
  actor: AuditActor;
  now: Date;
};

/** Edits an employee (optimistic on `version`); `active: false` deactivates her, keeping her signatures. */
export const updateEmployee = async (
  tx: Tx,
  { employeeId, input, actor, now }: UpdateEmployeeOptions,
): Promise<Employee> => {
  const found = await findEmployee(tx, employeeId);
  if (!found) throw notFound('Employee');
  const before = found.employee;
  const unit = { id: before.unitId, path: found.unitPath };
  if (before.version !== input.version) throw staleWrite(await presentEmployee(tx, before));
  const patch: Partial<NewEmployeeRow> = {};
  if (input.name !== undefined) patch.name = input.name;
  if (input.position !== undefined) patch.position = input.position;
  if (input.grade !== undefined) patch.grade = input.grade;
  if (input.email !== undefined) patch.email = input.email;
  if (input.active !== undefined) patch.active = input.active;
  if (input.nip !== undefined) {
    if (input.nip && (await nipsTaken(tx, before.unitId, [input.nip], employeeId)).size > 0) throw nipTaken();
    patch.nip = input.nip;
  }
  if (input.accountEmail !== undefined)
    patch.userId = input.accountEmail
      ? await resolveAccount(tx, before.unitId, input.accountEmail, employeeId)
      : null;
  const updated = await updateEmployeeIfVersion(tx, employeeId, input.version, patch, now);
  if (!updated) throw staleWrite(await presentEmployee(tx, (await findEmployee(tx, employeeId))!.employee));
  const after = await presentEmployee(tx, updated);
  await writeAudit(tx, {
    actor,
    action: input.active === false && before.active ? 'employee.deactivated' : 'employee.updated',
    subjectType: 'employee',
    subjectId: employeeId,
    unit,
    before: await presentEmployee(tx, before),
    after,
    now,
  });
  return after;
};
