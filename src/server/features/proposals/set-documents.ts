import type { PutProposalDocumentsBody } from '../../../contracts/proposals.ts';
import type { Tx } from '../../db/client.ts';
import { staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { requireEvidenceOf } from './evidence-check.ts';
import { findProposalDocs, upsertProposalDocs, type AssessmentWithUnit } from './repo.ts';
import { requireNotProposed } from './set-prerequisite.ts';

/**
 * Attaches the proposal's documents to one assessment (optimistic: the version read, 0 for the first time).
 * The cover letter is the agency head's letter (Gambar 6): evidence of the agency. The SPTJM is signed by the
 * head of the proposed unit (Gambar 7): evidence of the unit, or of the agency when it collects them.
 */
export const setProposalDocuments = async (
  tx: Tx,
  args: {
    assessment: AssessmentWithUnit;
    input: PutProposalDocumentsBody;
    actor: AuditActor;
    now: Date;
  },
): Promise<void> => {
  const { assessment: a, input, now } = args;
  requireNotProposed(a.status);
  await requireEvidenceOf(tx, input.coverLetterEvidenceId, [a.agencyId], 'coverLetterEvidenceId');
  await requireEvidenceOf(tx, input.sptjmEvidenceId, [a.unitId, a.agencyId], 'sptjmEvidenceId');

  const row = await findProposalDocs(tx, a.id, true);
  const current = row
    ? {
        coverLetterEvidenceId: row.coverLetterEvidenceId,
        sptjmEvidenceId: row.statementEvidenceId,
        version: row.version,
      }
    : null;
  if ((row?.version ?? 0) !== input.version) throw staleWrite(current);

  const version = (row?.version ?? 0) + 1;
  await upsertProposalDocs(tx, {
    assessmentId: a.id,
    periodId: a.periodId,
    agencyId: a.agencyId,
    coverLetterEvidenceId: input.coverLetterEvidenceId,
    statementEvidenceId: input.sptjmEvidenceId,
    version,
    updatedAt: now,
  });
  await writeAudit(tx, {
    actor: args.actor,
    action: 'proposal.documents_set',
    subjectType: 'assessment',
    subjectId: a.id,
    unit: { id: a.unitId, path: a.unitPath },
    before: current,
    after: {
      coverLetterEvidenceId: input.coverLetterEvidenceId,
      sptjmEvidenceId: input.sptjmEvidenceId,
      version,
    },
    now,
  });
};
