import type { Assessment } from '../../../contracts/assessments.ts';
import { answerableAreas, can, type Actor } from '../../../core/org/can.ts';
import type { AssessmentContext } from './repo.ts';

/**
 * The assessment as the wire shows it. `can` follows can() and the status: answers and submission on a draft
 * (and on a returned one, for its returned items), approval only on a submitted one, so the screen offers
 * nothing that would be refused.
 */
export const presentAssessment = (
  { assessment: a, unit, period }: AssessmentContext,
  actor: Actor,
): Assessment => {
  const draft = a.status === 'draft';
  // Returned by TPI: the team answers the returned items again (the server checks which) and resubmits.
  const open = draft || a.status === 'returned';
  const onUnit = { kind: 'unit' as const, unitPath: unit.path };
  return {
    id: a.id,
    periodId: a.periodId,
    unitId: a.unitId,
    unitName: unit.name,
    year: period.year,
    templateId: period.templateId,
    templateVersion: period.templateVersion,
    target: a.target as Assessment['target'],
    alreadyWbk: a.alreadyWbk,
    status: a.status as Assessment['status'],
    carriedFromId: a.carriedFromId,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    approvedAt: a.approvedAt?.toISOString() ?? null,
    version: a.version,
    can: {
      answerAreas: open ? answerableAreas(actor, unit.path) : [],
      answerHasil: open && can(actor, 'assessment.answer', { kind: 'item', unitPath: unit.path, area: null }),
      comment: can(actor, 'assessment.comment', onUnit),
      submit: open && can(actor, 'assessment.submit', onUnit),
      approve: a.status === 'submitted' && can(actor, 'assessment.approve', onUnit),
      uploadEvidence: can(actor, 'evidence.upload', onUnit),
    },
  };
};

/** The audit record's view: no caller-dependent fields. */
export const auditView = ({ assessment: a }: Pick<AssessmentContext, 'assessment'>) => ({
  id: a.id,
  periodId: a.periodId,
  unitId: a.unitId,
  target: a.target,
  alreadyWbk: a.alreadyWbk,
  status: a.status,
  tpiStage: a.tpiStage,
  carriedFromId: a.carriedFromId,
  submittedAt: a.submittedAt,
  submittedBy: a.submittedBy,
  approvedAt: a.approvedAt,
  approvedBy: a.approvedBy,
  version: a.version,
});
