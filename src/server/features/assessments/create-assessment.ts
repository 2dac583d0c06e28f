import { randomUUID } from 'node:crypto';
import type { CreateAssessmentBody } from '../../../contracts/assessments.ts';
import { agencyIdOf } from '../../../core/org/unit-path.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest, conflict, notFound } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { carryFromPrevious, findCarrySource } from './carry-from-previous.ts';
import { pinnedTemplate } from './pinned-template.ts';
import { auditView } from './present-assessment.ts';
import { findAssessmentOf, findPeriodRow, findUnitInfo, insertAssessment } from './repo.ts';
import { refreshScores } from '../scores/refresh-scores.ts';
import { listAwards, standingOf } from '../reviews/awards-repo.ts';
import { verifiedDecrees } from '../reviews/held-predicates-repo.ts';

export type CreateAssessmentOptions = {
  input: CreateAssessmentBody;
  actor: AuditActor;
  now: Date;
};

/** Starts a unit's self-assessment in a period of its agency, empty or carried from the previous period. */
export const createAssessment = async (tx: Tx, { input, actor, now }: CreateAssessmentOptions) => {
  const unit = await findUnitInfo(tx, input.unitId);
  if (!unit) throw notFound('Unit');
  const period = await findPeriodRow(tx, input.periodId);
  if (!period) throw notFound('Period');
  if (agencyIdOf(unit.path) !== period.agencyId)
    throw badRequest('UNIT_NOT_IN_AGENCY', "The unit is not inside the period's agency.");
  if (!unit.active) throw badRequest('UNIT_INACTIVE', 'The unit is deactivated.');
  if (await findAssessmentOf(tx, period.id, unit.id))
    throw conflict('ASSESSMENT_EXISTS', 'The unit already has an assessment in this period.');
  const template = await pinnedTemplate(period);
  const source = input.carryFromPrevious ? await findCarrySource(tx, period, unit.id) : null;
  const id = randomUUID();
  const assessment = await insertAssessment(tx, {
    id,
    periodId: period.id,
    unitId: unit.id,
    target: input.target,
    // The predicate history's fact (verified decrees, Pulau's or earlier), never what the unit typed.
    alreadyWbk: standingOf(await listAwards(tx, unit.id), await verifiedDecrees(tx, unit.id)).alreadyWbk,
    status: 'draft',
    carriedFromId: source?.id ?? null,
    createdAt: now,
    updatedAt: now,
  });
  const carried = source
    ? await carryFromPrevious(tx, { into: assessment, source, template, actorId: actor.id, now })
    : null;
  await writeAudit(tx, {
    actor,
    action: 'assessment.created',
    subjectType: 'assessment',
    subjectId: id,
    unit: { id: unit.id, path: unit.path },
    after: {
      ...auditView({ assessment }),
      ...(carried ? { carried: { answers: carried.answers, evidenceLinks: carried.links } } : {}),
    },
    now,
  });
  await refreshScores(tx, id);
  return { assessment, unit, period };
};
