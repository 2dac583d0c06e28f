import type { Actor } from '../../../core/org/can.ts';
import type { Evidence } from '../../../contracts/evidence.ts';
import type { Tx } from '../../db/client.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { checkItemLink } from './item-link-rules.ts';
import { loadEvidence } from './load-evidence.ts';
import { insertLink, touchEvidence } from './repo.ts';
import { refreshScores } from '../scores/refresh-scores.ts';

export type LinkEvidenceOptions = {
  assessmentId: string;
  code: string;
  evidenceId: string;
  checklistIndex: number | null;
  who: Actor;
  actor: AuditActor;
  now: Date;
};

/** Attaches evidence to one more item; one document often supports several items. Linking twice is a no-op. */
export const linkEvidence = async (
  tx: Tx,
  { assessmentId, code, evidenceId, checklistIndex, who, actor, now }: LinkEvidenceOptions,
): Promise<Evidence> => {
  const loaded = await loadEvidence(tx, evidenceId);
  await checkItemLink(tx, { assessmentId, code, unitId: loaded.row.unitId, who });
  const added = await insertLink(tx, {
    evidenceId,
    assessmentId,
    code,
    checklistIndex,
    linkedBy: actor.id,
    linkedAt: now,
  });
  if (!added) return loaded.presented;
  await touchEvidence(tx, evidenceId, now);
  await refreshScores(tx, assessmentId);
  await writeAudit(tx, {
    actor,
    action: 'evidence.linked',
    subjectType: 'evidence',
    subjectId: evidenceId,
    unit: loaded.unit,
    after: { assessmentId, code, checklistIndex },
    now,
  });
  return (await loadEvidence(tx, evidenceId)).presented;
};
