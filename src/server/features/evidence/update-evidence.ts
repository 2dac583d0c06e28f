import type { z } from 'zod';
import type { Evidence, UpdateEvidenceBody } from '../../../contracts/evidence.ts';
import type { Tx } from '../../db/client.ts';
import { staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { loadEvidence } from './load-evidence.ts';
import { updateEvidenceIfVersion } from './repo.ts';

export type UpdateEvidenceOptions = {
  evidenceId: string;
  input: z.infer<typeof UpdateEvidenceBody>;
  actor: AuditActor;
  now: Date;
};

/** Edits title, description or effective date; a write based on an old version gets 409 with the current one. */
export const updateEvidence = async (
  tx: Tx,
  { evidenceId, input, actor, now }: UpdateEvidenceOptions,
): Promise<Evidence> => {
  const before = await loadEvidence(tx, evidenceId);
  if (before.row.version !== input.version) throw staleWrite(before.presented);
  const { version, ...patch } = input;
  const updated = await updateEvidenceIfVersion(tx, evidenceId, version, patch, now);
  if (!updated) throw staleWrite((await loadEvidence(tx, evidenceId)).presented);
  const after = (await loadEvidence(tx, evidenceId)).presented;
  await writeAudit(tx, {
    actor,
    action: 'evidence.updated',
    subjectType: 'evidence',
    subjectId: evidenceId,
    unit: before.unit,
    before: before.presented,
    after,
    now,
  });
  return after;
};
