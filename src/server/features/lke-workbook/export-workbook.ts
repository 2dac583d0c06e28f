import type { LkeAnswer } from '../../../core/lke/evaluate-answers.ts';
import { buildLkeLayout } from '../../../core/lke/workbook-layout.ts';
import type { Tx } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { pinnedTemplate } from '../assessments/pinned-template.ts';
import { answerValueOf } from '../assessments/present-answer.ts';
import { findAssessmentContext, listAnswers, listLinkViews } from '../assessments/repo.ts';
import { workbookBytes, writeLayoutWorkbook } from './write-workbook.ts';
import { loadExcelJs } from '../../render/load-exceljs.ts';

export type ExportWorkbookOptions = { assessmentId: string; origin: string; now: Date };

/**
 * The unit's LKE as an `.xlsx` in the regulation's layout: answers, explanations, the evidence list with links
 * back into Pulau, every score as a live formula with the core's figure cached. Importing it back gives the
 * same answers (the round trip is tested).
 */
export const exportWorkbook = async (db: Tx, options: ExportWorkbookOptions) => {
  const ctx = await findAssessmentContext(db, options.assessmentId);
  if (!ctx) throw notFound('Assessment');
  const template = await pinnedTemplate(ctx.period);
  const answers: Record<string, LkeAnswer> = {};
  const explanations: Record<string, string> = {};
  for (const a of await listAnswers(db, options.assessmentId)) {
    answers[a.code] = answerValueOf(a.value);
    if (a.explanation.trim() !== '') explanations[a.code] = a.explanation;
  }
  const evidence: Record<string, string[]> = {};
  const links: Record<string, string[]> = {};
  for (const l of await listLinkViews(db, options.assessmentId)) {
    (evidence[l.code] ??= []).push(l.filename ?? l.title);
    if (l.currentVersionId)
      (links[l.code] ??= []).push(
        `${options.origin}/api/evidence/${l.evidenceId}/versions/${l.currentVersionId}/download`,
      );
  }
  const date = options.now.toISOString().slice(0, 10).split('-').reverse().join('-');
  const layout = buildLkeLayout(template, {
    answers,
    explanations,
    evidence,
    links,
    heading: [
      `Unit kerja: ${ctx.unit.name}`,
      `Periode: ${ctx.period.name}`,
      'Tingkat: unit kerja',
      `Tanggal: ${date}`,
    ],
  });
  const bytes = await workbookBytes(writeLayoutWorkbook(layout, new (await loadExcelJs()).Workbook()));
  return { bytes, filename: `LKE-${ctx.period.year}-${ctx.unit.name.replace(/[^\p{L}\p{N}]+/gu, '-')}.xlsx` };
};
