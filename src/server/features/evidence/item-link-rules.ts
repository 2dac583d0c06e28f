import { can, type Actor } from '../../../core/org/can.ts';
import type { Tx } from '../../db/client.ts';
import { conflict, forbidden, HttpError, notFound } from '../../http/errors.ts';
import { loadLkeTemplate } from '../../lke/load-lke-template.ts';
import { findItemReview } from '../reviews/item-review-repo.ts';
import { findAssessmentRef, type AssessmentRef } from './repo.ts';

/**
 * The change area of an LKE code: the number after P or R ('P3.ii.a' → 3, 'R5.iii.a.1.2' → 5), null for a
 * Hasil code ('H1.a'); undefined when the code has neither shape.
 */
export const areaOfCode = (code: string): number | null | undefined => {
  const pr = /^[PR]([1-6])(?:\.[0-9A-Za-z]+)*$/.exec(code);
  if (pr) return Number(pr[1]);
  return /^H[0-9A-Za-z]*(?:\.[0-9A-Za-z]+)*$/.test(code) ? null : undefined;
};

export type CheckItemLinkOptions = { assessmentId: string; code: string; unitId: string; who: Actor };

/**
 * Evidence may be attached to an item of a draft assessment of its own unit (or to an item TPI returned, while
 * the assessment is returned), by someone who may answer that item (an area coordinator only in her area).
 */
export const checkItemLink = async (
  tx: Tx,
  { assessmentId, code, unitId, who }: CheckItemLinkOptions,
): Promise<AssessmentRef> => {
  const assessment = await findAssessmentRef(tx, assessmentId);
  if (!assessment) throw notFound('Assessment');
  if (assessment.unitId !== unitId) {
    throw new HttpError(
      400,
      'ASSESSMENT_UNIT_MISMATCH',
      'The assessment belongs to another unit than the evidence.',
    );
  }
  const area = areaOfCode(code);
  if (area === undefined) throw new HttpError(400, 'ITEM_UNKNOWN', `${code} is not an LKE item code.`);
  if (!can(who, 'assessment.answer', { kind: 'item', unitPath: assessment.unitPath, area }))
    throw forbidden();
  const template = await loadLkeTemplate(assessment.templateId);
  // A count input (R5.iii.a.1.2) has its own documents too, so it may carry evidence like an item.
  if (template.ok && !template.value.itemByCode.has(code) && !template.value.inputByCode.has(code)) {
    throw new HttpError(404, 'ITEM_UNKNOWN', `${code} is not an item of ${assessment.templateId}.`);
  }
  // Returned by TPI: the items sent back may get new evidence (the signed SK the note asked for).
  const item = template.ok ? (template.value.inputByCode.get(code)?.item ?? code) : code;
  const reopened =
    assessment.status === 'returned' &&
    ['returned', 'awaiting_recheck'].includes((await findItemReview(tx, assessmentId, item))?.status ?? '');
  if (assessment.status !== 'draft' && !reopened) {
    throw conflict(
      'ASSESSMENT_LOCKED',
      `The assessment is ${assessment.status}; its evidence links are locked.`,
    );
  }
  return assessment;
};
