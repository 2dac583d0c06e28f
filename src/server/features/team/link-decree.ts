import type { LkeLinkOutcome } from '../../../contracts/team.ts';
import type { Actor } from '../../../core/org/can.ts';
import type { Tx } from '../../db/client.ts';
import { HttpError } from '../../http/errors.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { linkEvidence } from '../evidence/link-evidence.ts';
import { findAssessmentOfYear } from '../assessments/repo.ts';

/** The LKE item asking for the team's decree: P1.i.a, first document "SK Tim Kerja Pembangunan ZI". */
export const DECREE_LKE_ITEM = { code: 'P1.i.a', checklistIndex: 0 } as const;

export type LinkDecreeOptions = {
  unitId: string;
  evidenceId: string;
  decreedOn: string;
  who: Actor;
  actor: AuditActor;
  now: Date;
};

/**
 * Attaches the signed decree to P1.i.a of the unit's assessment of the decree's year, through the evidence
 * feature's own rule. A locked assessment (submitted onwards) does not stop the decree: the outcome says so.
 * The rule's check only reads, so a refusal leaves the transaction usable.
 */
export const linkDecreeToLke = async (tx: Tx, options: LinkDecreeOptions): Promise<LkeLinkOutcome> => {
  const { unitId, evidenceId, decreedOn, who, actor, now } = options;
  const { code, checklistIndex } = DECREE_LKE_ITEM;
  const assessment = await findAssessmentOfYear(tx, unitId, Number(decreedOn.slice(0, 4)));
  if (!assessment) return { linked: false, code, assessmentId: null, reason: 'no_assessment' };
  try {
    await linkEvidence(tx, {
      assessmentId: assessment.id,
      code,
      evidenceId,
      checklistIndex,
      who,
      actor,
      now,
    });
  } catch (error) {
    if (error instanceof HttpError && error.code === 'ASSESSMENT_LOCKED')
      return { linked: false, code, assessmentId: assessment.id, reason: 'locked' };
    throw error;
  }
  return { linked: true, code, assessmentId: assessment.id };
};
