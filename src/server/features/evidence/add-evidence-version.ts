import { randomUUID } from 'node:crypto';
import type { Evidence } from '../../../contracts/evidence.ts';
import type { Tx } from '../../db/client.ts';
import { staleWrite } from '../../http/errors.ts';
import { blobKey } from '../../storage/blob-store.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import type { StoredUpload } from './claim-upload.ts';
import { insertBlobIfAbsent, insertVersion, updateEvidenceIfVersion } from './repo.ts';
import { loadEvidence } from './load-evidence.ts';

export type AddEvidenceVersionOptions = {
  evidenceId: string;
  version: number;
  upload: StoredUpload;
  actor: AuditActor;
  now: Date;
};

/** A replacement file becomes the current version; the old ones stay in the history, downloadable. */
export const addEvidenceVersion = async (
  tx: Tx,
  { evidenceId, version, upload, actor, now }: AddEvidenceVersionOptions,
): Promise<Evidence> => {
  const before = await loadEvidence(tx, evidenceId);
  if (before.row.version !== version) throw staleWrite(before.presented);
  await insertBlobIfAbsent(tx, {
    sha256: upload.sha256,
    size: upload.size,
    mime: upload.mime,
    storageKey: blobKey(upload.sha256),
    createdAt: now,
  });
  const versionId = randomUUID();
  await insertVersion(tx, {
    id: versionId,
    evidenceId,
    blobSha256: upload.sha256,
    filename: upload.filename,
    mime: upload.mime,
    size: upload.size,
    uploadedBy: actor.id,
    uploadedAt: now,
  });
  const updated = await updateEvidenceIfVersion(
    tx,
    evidenceId,
    version,
    { currentVersionId: versionId },
    now,
  );
  if (!updated) throw staleWrite((await loadEvidence(tx, evidenceId)).presented);
  const after = (await loadEvidence(tx, evidenceId)).presented;
  await writeAudit(tx, {
    actor,
    action: 'evidence.version_added',
    subjectType: 'evidence',
    subjectId: evidenceId,
    unit: before.unit,
    before: { current: before.presented.current },
    after: { current: after.current },
    now,
  });
  return after;
};
