import { and, eq, inArray } from 'drizzle-orm';
import type { LkeAnswer } from '../../../core/lke/evaluate-answers.ts';
import type { LkeTemplate } from '../../../core/lke/template-model.ts';
import { levelOrder, type LevelId } from '../../../core/review/answer-levels.ts';
import { reviewConfigSchema } from '../../../core/review/review-config.ts';
import type { Tx } from '../../db/client.ts';
import { answers, assessments, evidenceLinks, periods, reviewSettings } from '../../db/schema.ts';
import { loadLkeTemplate } from '../../lke/load-lke-template.ts';
import { answerValueOf } from '../assessments/present-answer.ts';

/** One stored answer as scoring reads it. */
export type ScoreAnswer = { level: string; code: string; value: LkeAnswer; explanation: string };

/** Everything an assessment's figures are derived from. */
export type ScoreInputs = {
  assessmentId: string;
  periodId: string;
  unitId: string;
  alreadyWbk: boolean;
  template: LkeTemplate;
  /** The agency's levels, bottom up (its review settings). */
  order: readonly LevelId[];
  answers: ScoreAnswer[];
  /** Codes with evidence linked, once each. */
  evidenceCodes: string[];
};

/** An assessment whose pinned template is not installed: its figures cannot be derived (reported, not guessed). */
export type UnscorableAssessment = { assessmentId: string; reason: string };

/**
 * Loads the scoring inputs of several assessments in four queries: the assessments with their period's pin,
 * the agencies' review settings, every answer at every level, and the evidence links.
 */
export const loadScoreInputs = async (
  db: Tx,
  assessmentIds: readonly string[],
): Promise<{ inputs: ScoreInputs[]; unscorable: UnscorableAssessment[] }> => {
  if (assessmentIds.length === 0) return { inputs: [], unscorable: [] };
  const ids = [...assessmentIds];
  const heads = await db
    .select({
      id: assessments.id,
      periodId: assessments.periodId,
      unitId: assessments.unitId,
      alreadyWbk: assessments.alreadyWbk,
      agencyId: periods.agencyId,
      templateId: periods.templateId,
      templateVersion: periods.templateVersion,
    })
    .from(assessments)
    .innerJoin(periods, eq(periods.id, assessments.periodId))
    .where(inArray(assessments.id, ids));
  const agencyIds = [...new Set(heads.map((h) => h.agencyId))];
  const [settings, answerRows, linkRows] = await Promise.all([
    agencyIds.length === 0
      ? []
      : db
          .select({ agencyId: reviewSettings.agencyId, config: reviewSettings.config })
          .from(reviewSettings)
          .where(inArray(reviewSettings.agencyId, agencyIds)),
    db
      .select({
        assessmentId: answers.assessmentId,
        level: answers.level,
        code: answers.code,
        value: answers.value,
        explanation: answers.explanation,
      })
      .from(answers)
      .where(inArray(answers.assessmentId, ids)),
    db
      .selectDistinct({ assessmentId: evidenceLinks.assessmentId, code: evidenceLinks.code })
      .from(evidenceLinks)
      .where(and(inArray(evidenceLinks.assessmentId, ids))),
  ]);
  const orderOf = new Map(settings.map((s) => [s.agencyId, levelOrder(reviewConfigSchema.parse(s.config))]));
  const defaultOrder = levelOrder(reviewConfigSchema.parse({}));
  const answersOf = new Map<string, ScoreAnswer[]>();
  for (const r of answerRows)
    (answersOf.get(r.assessmentId) ?? answersOf.set(r.assessmentId, []).get(r.assessmentId)!).push({
      level: r.level,
      code: r.code,
      value: answerValueOf(r.value),
      explanation: r.explanation,
    });
  const linksOf = new Map<string, string[]>();
  for (const r of linkRows)
    (linksOf.get(r.assessmentId) ?? linksOf.set(r.assessmentId, []).get(r.assessmentId)!).push(r.code);

  const inputs: ScoreInputs[] = [];
  const unscorable: UnscorableAssessment[] = [];
  for (const h of heads) {
    const loaded = await loadLkeTemplate(h.templateId);
    if (!loaded.ok || loaded.value.version !== h.templateVersion) {
      unscorable.push({
        assessmentId: h.id,
        reason: loaded.ok
          ? `template ${h.templateId} ${h.templateVersion} is pinned; ${loaded.value.version} is installed`
          : loaded.error.message,
      });
      continue;
    }
    inputs.push({
      assessmentId: h.id,
      periodId: h.periodId,
      unitId: h.unitId,
      alreadyWbk: h.alreadyWbk,
      template: loaded.value,
      order: orderOf.get(h.agencyId) ?? defaultOrder,
      answers: answersOf.get(h.id) ?? [],
      evidenceCodes: linksOf.get(h.id) ?? [],
    });
  }
  return { inputs, unscorable };
};
