import type { WorkbookChange } from '../../../contracts/lke-workbook.ts';
import type { LkeAnswer } from '../../../core/lke/evaluate-answers.ts';
import type { LkeTemplate } from '../../../core/lke/template-model.ts';
import { can, type Actor } from '../../../core/org/can.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest, forbidden, notFound } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { locateCode } from '../assessments/locate-code.ts';
import { pinnedTemplate } from '../assessments/pinned-template.ts';
import { answerValueOf } from '../assessments/present-answer.ts';
import { findAssessmentContext, listAnswers } from '../assessments/repo.ts';
import { saveAnswer } from '../assessments/save-answer.ts';
import { scoreSummary } from './score-summary.ts';

export type ApplyImportOptions = {
  assessmentId: string;
  changes: readonly WorkbookChange[];
  actor: Actor;
  audit: AuditActor;
  now: Date;
};

/**
 * Denominators and last year's counts first: written in that order, no intermediate state holds a positive
 * count over a zero denominator, which the core refuses.
 */
const writeOrder = (t: LkeTemplate) => {
  const first = new Set<string>();
  for (const item of t.items) {
    if (item.type !== 'ratio') continue;
    const f = item.formula;
    for (const c of f.kind === 'ratio' ? f.denominator : [f.previous]) first.add(c);
  }
  return (a: WorkbookChange, b: WorkbookChange) => Number(!first.has(a.code)) - Number(!first.has(b.code));
};

/**
 * Applies a previewed workbook import, all or nothing, in the caller's transaction: every change goes through
 * the worksheet's own save (`saveAnswer`: validation, optimistic versions, audit, returned-item rules), so a
 * change made since the preview refuses the whole import with 409 and the current answer. The actor must be
 * allowed to answer every item changed (an area coordinator imports only her area's items).
 */
export const applyImport = async (tx: Tx, options: ApplyImportOptions) => {
  const ctx = await findAssessmentContext(tx, options.assessmentId);
  if (!ctx) throw notFound('Assessment');
  const template = await pinnedTemplate(ctx.period);
  const codes = new Set<string>();
  for (const c of options.changes) {
    if (codes.has(c.code)) throw badRequest('WORKBOOK_CHANGE_TWICE', `${c.code} is changed twice.`);
    codes.add(c.code);
    const located = locateCode(template, c.code);
    if (!located) throw badRequest('ITEM_UNKNOWN', `${c.code} is not an item or input of ${template.id}.`);
    const subject = { kind: 'item' as const, unitPath: ctx.unit.path, area: located.area ?? 0 };
    if (!can(options.actor, 'assessment.answer', subject)) throw forbidden();
  }
  for (const c of [...options.changes].sort(writeOrder(template)))
    await saveAnswer(tx, {
      assessmentId: options.assessmentId,
      code: c.code,
      input: { value: c.value, explanation: c.explanation, version: c.version },
      actor: options.audit,
      now: options.now,
    });
  const answers: Record<string, LkeAnswer> = {};
  for (const a of await listAnswers(tx, options.assessmentId)) answers[a.code] = answerValueOf(a.value);
  const score = scoreSummary(template, answers);
  await writeAudit(tx, {
    actor: options.audit,
    action: 'lke_workbook.applied',
    subjectType: 'assessment',
    subjectId: options.assessmentId,
    unit: { id: ctx.unit.id, path: ctx.unit.path },
    before: null,
    after: { codes: [...codes], total: score.total },
    now: options.now,
  });
  return { applied: options.changes.length, score };
};
