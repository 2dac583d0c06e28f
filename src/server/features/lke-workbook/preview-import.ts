import type { WorkbookChange, WorkbookPreview } from '../../../contracts/lke-workbook.ts';
import { evaluateAnswers, type LkeAnswer } from '../../../core/lke/evaluate-answers.ts';
import { checkWorkbookArithmetic } from '../../../core/lke/workbook-arithmetic.ts';
import { canonicalAnswer, matchKey } from '../../../core/lke/workbook-normalize.ts';
import { problem, type WorkbookProblem } from '../../../core/lke/workbook-problems.ts';
import { readLkeWorkbook } from '../../../core/lke/workbook-read.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { pinnedTemplate } from '../assessments/pinned-template.ts';
import { answerValueOf } from '../assessments/present-answer.ts';
import { findAssessmentContext, listAnswers, listLinkViews } from '../assessments/repo.ts';
import { readWorkbookFile } from './read-workbook-file.ts';
import { scoreSummary } from './score-summary.ts';

export type PreviewImportOptions = { assessmentId: string; bytes: Buffer };

/**
 * What importing a filled LKE workbook would do, changing nothing: item by item the answer Pulau holds beside
 * the workbook's, every problem with its cell, the score before and after, the workbook's own arithmetic
 * checked, and the changes to send back to apply, each with the version it was read at (so applying refuses
 * with 409 if any answer moved in between). Nothing is kept on the server between preview and apply.
 */
export const previewImport = async (db: Tx, options: PreviewImportOptions): Promise<WorkbookPreview> => {
  const ctx = await findAssessmentContext(db, options.assessmentId);
  if (!ctx) throw notFound('Assessment');
  const template = await pinnedTemplate(ctx.period);
  const file = await readWorkbookFile(options.bytes);
  const reading = readLkeWorkbook(template, file.grid);
  if (!reading)
    throw badRequest(
      'WORKBOOK_NOT_LKE',
      'No sheet of this workbook is an LKE (no "Jawaban" column with LKE items).',
    );

  const stored = new Map((await listAnswers(db, options.assessmentId)).map((a) => [a.code, a]));
  const links = await listLinkViews(db, options.assessmentId);
  const current: Record<string, LkeAnswer> = {};
  for (const [code, a] of stored) current[code] = answerValueOf(a.value);
  const merged: Record<string, LkeAnswer> = { ...current };
  const own: Record<string, LkeAnswer> = {};
  for (const a of reading.answers) {
    own[a.code] = a.value;
    if (!stored.get(a.code)?.sourceCampaignId) merged[a.code] = a.value;
  }

  const problems: WorkbookProblem[] = [...reading.problems];
  const cellOf = new Map(reading.answers.map((a) => [a.code, a.cell]));
  // The core's own refusals of the merged answers (e.g. a positive count over a zero denominator).
  for (const e of evaluateAnswers(template, { answers: merged }).errors) {
    const codes = [e.item, ...(e.inputs ?? [])];
    const at = codes.map((c) => cellOf.get(c)).find((c) => c !== undefined);
    if (at) problems.push(problem('core_refused', 'error', { cell: at, item: e.item, detail: e.message }));
  }

  const rows: WorkbookPreview['rows'] = [];
  const changes: WorkbookChange[] = [];
  for (const a of reading.answers) {
    const item = template.itemByCode.get(a.code);
    const row = stored.get(a.code);
    const now = current[a.code] ?? null;
    const explanation = a.explanation ?? row?.explanation ?? '';
    const same =
      canonicalAnswer(item, now) === canonicalAnswer(item, a.value) &&
      explanation === (row?.explanation ?? '');
    const locked = !same && row?.sourceCampaignId != null;
    if (locked) problems.push(problem('survey_locked', 'warning', { cell: a.cell, item: a.code }));
    const linked = links
      .filter((l) => l.code === a.code)
      .map((l) => matchKey(`${l.title} ${l.filename ?? ''}`));
    rows.push({
      code: a.code,
      kind: a.kind,
      text: item?.text ?? template.inputByCode.get(a.code)?.text ?? a.code,
      cell: a.cell,
      current: now,
      currentExplanation: row?.explanation ?? '',
      imported: a.value,
      importedExplanation: explanation,
      status: same ? 'same' : locked ? 'locked' : 'changed',
      evidenceMissing: a.evidence.filter((name) => {
        const key = matchKey(name.replace(/\.[a-z0-9]{2,4}$/i, ''));
        return !linked.some((l) => key !== '' && l.includes(key));
      }),
      links: a.links,
    });
    if (!same && !locked)
      changes.push({ code: a.code, value: a.value, explanation, version: row?.version ?? 0 });
  }

  const arithmetic = checkWorkbookArithmetic(template, reading.located, own);
  problems.push(...arithmetic.problems);
  const blockers: WorkbookPreview['blockers'] = [];
  if (problems.some((p) => p.severity === 'error')) blockers.push('problems');
  if (ctx.assessment.status !== 'draft') blockers.push('locked');
  if (changes.length === 0) blockers.push('nothing_to_change');
  return {
    sheet: reading.located.sheet.name,
    macros: file.macros,
    rows,
    problems,
    score: { current: scoreSummary(template, current), imported: scoreSummary(template, merged) },
    workbookTotal: arithmetic.total.found,
    changes,
    blockers,
  };
};
