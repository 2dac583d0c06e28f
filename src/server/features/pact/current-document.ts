import { randomUUID } from 'node:crypto';
import type { PactDocument } from '../../../contracts/pact.ts';
import { defaultPactText } from '../../../core/programme/pact.ts';
import type { Tx } from '../../db/client.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { sha256Hex } from './hash.ts';
import { insertDocument, latestDocument, type PactDocumentRow } from './repo.ts';

export type PactUnit = { id: string; path: string; name: string };

export const presentDocument = (row: PactDocumentRow): PactDocument => ({
  unitId: row.unitId,
  version: row.version,
  body: row.body,
  sha256: row.sha256,
  createdAt: row.createdAt.toISOString(),
});

/** The unit's current pact: its latest version, or the default text (version null) until it saves one. */
export const currentDocument = async (tx: Tx, unit: PactUnit): Promise<PactDocument> => {
  const row = await latestDocument(tx, unit.id);
  if (row) return presentDocument(row);
  const body = defaultPactText(unit.name);
  return { unitId: unit.id, version: null, body, sha256: sha256Hex(body), createdAt: null };
};

/**
 * The current version as a stored row: the first signature (or link) of a unit that never edited its text
 * stores the default text as version 1, so every signature points at a stored text.
 */
export const ensureDocument = async (
  tx: Tx,
  unit: PactUnit,
  actor: AuditActor,
  now: Date,
): Promise<PactDocumentRow> => {
  const row = await latestDocument(tx, unit.id);
  if (row) return row;
  const body = defaultPactText(unit.name);
  const created = await insertDocument(tx, {
    id: randomUUID(),
    unitId: unit.id,
    version: 1,
    body,
    sha256: sha256Hex(body),
    createdBy: actor.id,
    createdAt: now,
  });
  await writeAudit(tx, {
    actor,
    action: 'pact.document_saved',
    subjectType: 'pact_document',
    subjectId: created.id,
    unit,
    after: { version: 1, sha256: created.sha256, default: true },
    now,
  });
  return created;
};
