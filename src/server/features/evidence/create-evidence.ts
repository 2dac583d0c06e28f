import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/org/can.ts';
import type { CreateEvidenceBody, Evidence } from '../../../contracts/evidence.ts';
import type { Tx } from '../../db/client.ts';
import { blobKey } from '../../storage/blob-store.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import type { StoredUpload } from './claim-upload.ts';
import { checkItemLink } from './item-link-rules.ts';
import { loadPresented } from './present-evidence.ts';
import { insertBlobIfAbsent, insertEvidence, insertLink, insertVersion } from './repo.ts';
import { refreshScores } from '../scores/refresh-scores.ts';

export type CreateEvidenceOptions = {
  unit: { id: string; path: string };
  input: CreateEvidenceBody;
  upload: StoredUpload;
  who: Actor;
  actor: AuditActor;
  now: Date;
};

/** Turns a finished upload into evidence with its first version, optionally attached to an item at once. */
export const createEvidence = async (
  tx: Tx,
  { unit, input, upload, who, actor, now }: CreateEvidenceOptions,
): Promise<Evidence> => {
  if (input.link) {
    await checkItemLink(tx, {
      assessmentId: input.link.assessmentId,
      code: input.link.code,
      unitId: unit.id,
      who,
    });
  }
  await insertBlobIfAbsent(tx, {
    sha256: upload.sha256,
    size: upload.size,
    mime: upload.mime,
    storageKey: blobKey(upload.sha256),
    createdAt: now,
  });
  const id = randomUUID();
  const versionId = randomUUID();
  // current_version_id has no foreign key, so the row can name its first version before that exists.
  const created = await insertEvidence(tx, {
    id,
    currentVersionId: versionId,
    unitId: unit.id,
    title: input.title,
    description: input.description,
    effectiveDate: input.effectiveDate,
    createdBy: actor.id,
    createdAt: now,
    updatedAt: now,
  });
  await insertVersion(tx, {
    id: versionId,
    evidenceId: id,
    blobSha256: upload.sha256,
    filename: upload.filename,
    mime: upload.mime,
    size: upload.size,
    uploadedBy: actor.id,
    uploadedAt: now,
  });
  if (input.link) {
    await insertLink(tx, {
      evidenceId: id,
      assessmentId: input.link.assessmentId,
      code: input.link.code,
      checklistIndex: input.link.checklistIndex,
      linkedBy: actor.id,
      linkedAt: now,
    });
    await refreshScores(tx, input.link.assessmentId);
  }
  const [presented] = await loadPresented(tx, [created]);
  if (!presented) throw new Error('evidence not presented');
  await writeAudit(tx, {
    actor,
    action: 'evidence.created',
    subjectType: 'evidence',
    subjectId: id,
    unit,
    after: presented,
    now,
  });
  return presented;
};
