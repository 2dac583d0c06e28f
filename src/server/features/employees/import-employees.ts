import { randomUUID } from 'node:crypto';
import type { ImportEmployeesBody } from '../../../contracts/employees.ts';
import { checkEmployeeRows, normaliseNip, type ImportProblem } from '../../../core/programme/pact.ts';
import type { Tx } from '../../db/client.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { fileProblem, importInvalid, readCsv, readXlsx } from './read-sheet.ts';
import { findActiveUsersByEmail, insertEmployees, linkedUserIds, nipsTaken } from './repo.ts';

export type ImportEmployeesOptions = {
  unit: { id: string; path: string };
  input: ImportEmployeesBody;
  actor: AuditActor;
  now: Date;
};

const MAX_ROWS = 5000;

/**
 * Imports a unit's employee list from CSV or XLSX, all or nothing: every bad line is reported at once (name
 * required, NIP of 18 digits when present, no NIP twice in the file or already on the list). A row whose
 * e-mail is an active account's, not yet linked in the unit, is linked to it.
 */
export const importEmployees = async (
  tx: Tx,
  { unit, input, actor, now }: ImportEmployeesOptions,
): Promise<{ created: number; linked: number }> => {
  const { records, columns } =
    input.format === 'csv' ? readCsv(input.content) : await readXlsx(Buffer.from(input.content, 'base64'));
  if (records.length === 0) throw importInvalid([fileProblem('NO_ROWS', 'no employee rows')]);
  if (records.length > MAX_ROWS)
    throw importInvalid([
      fileProblem('TOO_MANY_ROWS', `at most ${MAX_ROWS} rows per import`, String(MAX_ROWS)),
    ]);
  const nips = records.map((r) => normaliseNip(r.cells.nip)).filter((n): n is string => n !== null);
  const { rows, problems } = checkEmployeeRows(records, await nipsTaken(tx, unit.id, nips), columns);
  if (problems.length > 0) throw importInvalid(problems.sort((a, b) => a.line - b.line));

  const accounts = await findActiveUsersByEmail(
    tx,
    rows.map((r) => r.row.email).filter((e): e is string => e !== null),
  );
  const taken = await linkedUserIds(tx, unit.id);
  const linkProblems: ImportProblem[] = [];
  const values = rows.map(({ line, row }) => {
    const account = row.email ? accounts.get(row.email) : undefined;
    let userId: string | null = null;
    if (account) {
      if (taken.has(account.userId))
        linkProblems.push({
          line,
          field: 'email',
          column: columns.email ?? null,
          code: 'ACCOUNT_ALREADY_LINKED',
          value: row.email ?? '',
          message: `the account ${row.email} is already linked in the unit`,
        });
      else {
        taken.add(account.userId);
        userId = account.userId;
      }
    }
    return { id: randomUUID(), unitId: unit.id, ...row, userId, createdAt: now, updatedAt: now };
  });
  if (linkProblems.length > 0) throw importInvalid(linkProblems);
  for (let i = 0; i < values.length; i += 500) await insertEmployees(tx, values.slice(i, i + 500));
  const linked = values.filter((v) => v.userId !== null).length;
  await writeAudit(tx, {
    actor,
    action: 'employee.imported',
    subjectType: 'unit',
    subjectId: unit.id,
    unit,
    after: { format: input.format, created: values.length, linked },
    now,
  });
  return { created: values.length, linked };
};
