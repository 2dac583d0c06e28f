import type { LkeTemplate } from '../../../core/lke/template-model.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest } from '../../http/errors.ts';
import { locateCode } from './locate-code.ts';
import {
  findAssessmentOf,
  findEarlierPeriod,
  insertAnswers,
  insertLinks,
  listAnswers,
  listLinkRows,
  UNIT_LEVEL,
  type AssessmentRow,
  type PeriodRow,
} from './repo.ts';

export type CarryFromPreviousOptions = {
  into: AssessmentRow;
  source: AssessmentRow;
  template: LkeTemplate;
  actorId: string | null;
  now: Date;
};

/** The unit's assessment in the agency's latest period before this one; 400 when there is none. */
export const findCarrySource = async (tx: Tx, period: PeriodRow, unitId: string): Promise<AssessmentRow> => {
  const earlier = await findEarlierPeriod(tx, period.agencyId, period.year);
  const source = earlier ? await findAssessmentOf(tx, earlier.id, unitId) : undefined;
  if (!source) {
    throw badRequest(
      'NO_PREVIOUS_ASSESSMENT',
      "The unit has no assessment in the agency's previous period to carry from.",
    );
  }
  return source;
};

/**
 * Copies the source assessment's answers and evidence links into a new assessment.
 * Every carried answer is marked to review: last year's truth is this year's draft. Codes the new period's
 * template does not know are left behind rather than stored as answers nobody can see or change.
 */
export const carryFromPrevious = async (
  tx: Tx,
  { into, source, template, actorId, now }: CarryFromPreviousOptions,
): Promise<{ answers: number; links: number }> => {
  const known = (code: string) => locateCode(template, code) !== undefined;
  const answerRows = (await listAnswers(tx, source.id)).filter((a) => known(a.code));
  await insertAnswers(
    tx,
    answerRows.map((a) => ({
      assessmentId: into.id,
      level: UNIT_LEVEL,
      code: a.code,
      value: a.value,
      explanation: a.explanation,
      status: a.status,
      toReview: true,
      personInChargeId: a.personInChargeId,
      version: 1,
      updatedAt: now,
      updatedBy: actorId,
    })),
  );
  const linkRows = (await listLinkRows(tx, source.id)).filter((l) => known(l.code));
  await insertLinks(
    tx,
    linkRows.map((l) => ({ ...l, assessmentId: into.id, linkedBy: actorId, linkedAt: now })),
  );
  return { answers: answerRows.length, links: linkRows.length };
};
