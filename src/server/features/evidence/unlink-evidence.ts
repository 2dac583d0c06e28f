import type { Actor } from '../../../core/org/can.ts';
import type { Evidence } from '../../../contracts/evidence.ts';
import type { Tx } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { checkItemLink } from './item-link-rules.ts';
import { loadEvidence } from './load-evidence.ts';
import { deleteLink, touchEvidence } from './repo.ts';
import { refreshScores } from '../scores/refresh-scores.ts';

export type UnlinkEvidenceOptions = {
  assessmentId: string;
  code: string;
  evidenceId: string;
  who: Actor;
  actor: AuditActor;
  now: Date;
};

/** Detaches evidence from one item; the evidence and its other links stay. */
export const unlinkEvidence = async (
  tx: Tx,
  { assessmentId, code, evidenceId, who, actor, now }: UnlinkEvidenceOptions,
): Promise<Evidence> => {
  const loaded = await loadEvidence(tx, evidenceId);
  await checkItemLink(tx, { assessmentId, code, unitId: loaded.row.unitId, who });
  const removed = await deleteLink(tx, { evidenceId, assessmentId, code });
  if (!removed) throw notFound('Evidence link');
  await touchEvidence(tx, evidenceId, now);
  await refreshScores(tx, assessmentId);
  await writeAudit(tx, {
    actor,
    action: 'evidence.unlinked',
    subjectType: 'evidence',
    subjectId: evidenceId,
    unit: loaded.unit,
    before: { assessmentId, code, checklistIndex: removed.checklistIndex },
    now,
  });
  return (await loadEvidence(tx, evidenceId)).presented;
};
