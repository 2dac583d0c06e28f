import { randomUUID } from 'node:crypto';
import type { PactDocument } from '../../../contracts/pact.ts';
import type { Tx } from '../../db/client.ts';
import { HttpError, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { currentDocument, presentDocument, type PactUnit } from './current-document.ts';
import { sha256Hex } from './hash.ts';
import { insertDocument, latestDocument } from './repo.ts';

export type SavePactOptions = {
  unit: PactUnit;
  body: string;
  baseVersion: number | null;
  actor: AuditActor;
  now: Date;
};

/**
 * Saves an edited pact text as a new version with its hash; earlier signatures keep their own version.
 * Based on an older version than the latest → 409 STALE_WRITE; the same text again → 400 PACT_UNCHANGED.
 */
export const savePact = async (
  tx: Tx,
  { unit, body, baseVersion, actor, now }: SavePactOptions,
): Promise<PactDocument> => {
  const latest = await latestDocument(tx, unit.id);
  if ((latest?.version ?? null) !== baseVersion) throw staleWrite(await currentDocument(tx, unit));
  const text = body.replace(/\r\n/g, '\n');
  const sha256 = sha256Hex(text);
  if (sha256 === (await currentDocument(tx, unit)).sha256)
    throw new HttpError(400, 'PACT_UNCHANGED', 'The text is the same as the current version.');
  const created = await insertDocument(tx, {
    id: randomUUID(),
    unitId: unit.id,
    version: (latest?.version ?? 0) + 1,
    body: text,
    sha256,
    createdBy: actor.id,
    createdAt: now,
  });
  await writeAudit(tx, {
    actor,
    action: 'pact.document_saved',
    subjectType: 'pact_document',
    subjectId: created.id,
    unit,
    before: latest ? { version: latest.version, sha256: latest.sha256 } : null,
    after: { version: created.version, sha256 },
    now,
  });
  return presentDocument(created);
};
