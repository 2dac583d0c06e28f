import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { ensureDocument, type PactUnit } from './current-document.ts';
import { findSignature, insertSignature, type EmployeeRow, type SignatureRow } from './repo.ts';

export type RecordSignatureOptions = {
  unit: PactUnit;
  employee: EmployeeRow;
  /** The hash of the text the signer read: a newer version since → 409 PACT_DOCUMENT_CHANGED. */
  documentSha256: string;
  via: 'login' | 'link';
  signerUserId: string | null;
  linkId: string | null;
  actor: AuditActor;
  now: Date;
};

/** Records one employee's signature of the unit's current pact version, with time, hash and how. */
export const recordSignature = async (tx: Tx, options: RecordSignatureOptions): Promise<SignatureRow> => {
  const { unit, employee, documentSha256, via, actor, now } = options;
  if (!employee.active) throw notFound('Employee');
  const document = await ensureDocument(tx, unit, actor, now);
  if (document.sha256 !== documentSha256)
    throw conflict('PACT_DOCUMENT_CHANGED', 'The pact text changed since you opened it; read it again.', {
      sha256: document.sha256,
      version: document.version,
    });
  const signedAlready = () => conflict('PACT_ALREADY_SIGNED', 'This employee already signed this pact.');
  if (await findSignature(tx, document.id, employee.id)) throw signedAlready();
  const signature = await insertSignature(tx, {
    id: randomUUID(),
    unitId: unit.id,
    employeeId: employee.id,
    documentId: document.id,
    documentSha256: document.sha256,
    signedAt: now,
    via,
    signerUserId: options.signerUserId,
    linkId: options.linkId,
  });
  if (!signature) throw signedAlready();
  await writeAudit(tx, {
    actor,
    action: 'pact.signed',
    subjectType: 'employee',
    subjectId: employee.id,
    unit,
    after: { version: document.version, sha256: document.sha256, via },
    now,
  });
  return signature;
};
