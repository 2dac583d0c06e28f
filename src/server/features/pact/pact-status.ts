import type { PactOverview } from '../../../contracts/pact.ts';
import { signedPercent } from '../../../core/programme/pact.ts';
import type { Tx } from '../../db/client.ts';
import { currentDocument, type PactUnit } from './current-document.ts';
import {
  activeEmployees,
  countProgress,
  latestDocument,
  signaturesOf,
  type EmployeeRow,
  type SignatureRow,
} from './repo.ts';

/** The current text and "412 dari 430": active employees who signed the current version. */
export const pactOverview = async (tx: Tx, unit: PactUnit): Promise<PactOverview> => {
  const document = await currentDocument(tx, unit);
  const stored = await latestDocument(tx, unit.id);
  const { total, signed } = await countProgress(tx, unit.id, stored?.id ?? null);
  return { document, progress: { total, signed, percent: signedPercent(signed, total) } };
};

export type StatusRow = { employee: EmployeeRow; signature: SignatureRow | null };

/** Every active employee with her signature of the current version, if any. */
export const pactStatus = async (tx: Tx, unitId: string): Promise<StatusRow[]> => {
  const stored = await latestDocument(tx, unitId);
  const signatures = stored ? await signaturesOf(tx, stored.id) : [];
  const byEmployee = new Map(signatures.map((s) => [s.employeeId, s]));
  return (await activeEmployees(tx, unitId)).map((employee) => ({
    employee,
    signature: byEmployee.get(employee.id) ?? null,
  }));
};
