import { createHash } from 'node:crypto';
import type { LkeAnswer } from '../../../core/lke/evaluate-answers.ts';
import { scoreAssessment } from '../../../core/lke/score-assessment.ts';
import { scoreFigures, type ScoreFigures } from '../../../core/lke/score-figures.ts';
import type { LevelId } from '../../../core/review/answer-levels.ts';
import type { ScoreInputs } from './load-score-inputs.ts';

/** One stored row's content (everything but its row version). */
export type DerivedScore = ScoreFigures & {
  assessmentId: string;
  level: string;
  levelRank: number;
  periodId: string;
  unitId: string;
  templateId: string;
  templateVersion: string;
  wbkEligible: boolean;
  wbbmEligible: boolean;
  wbkFailed: number;
  wbbmFailed: number;
  inputsHash: string;
};

/** A predicate's outcome as columns the recap filters on (a template without it: not eligible, nothing failed). */
const predicateColumns = (figures: ScoreFigures) => {
  const p = (id: string) => figures.predicates.find((x) => x.id === id);
  return {
    wbkEligible: p('WBK')?.eligible ?? false,
    wbbmEligible: p('WBBM')?.eligible ?? false,
    wbkFailed: p('WBK')?.failed.length ?? 0,
    wbbmFailed: p('WBBM')?.failed.length ?? 0,
  };
};

/** A digest of everything the figures depend on, in a fixed order, so equal inputs give equal hashes. */
const hashInputs = (inputs: ScoreInputs, levels: readonly string[]): string => {
  const answers = [...inputs.answers]
    .filter((a) => levels.includes(a.level))
    .sort((a, b) => (a.level + '\u0000' + a.code < b.level + '\u0000' + b.code ? -1 : 1))
    .map((a) => [a.level, a.code, a.value, a.explanation]);
  return createHash('sha256')
    .update(
      JSON.stringify([
        inputs.template.id,
        inputs.template.version,
        inputs.alreadyWbk,
        levels,
        answers,
        [...new Set(inputs.evidenceCodes)].sort(),
      ]),
    )
    .digest('hex');
};

/**
 * The figures of an assessment at the unit's level and at every reviewer level that set answers of its own
 * (a level without its own answers reads the one below and would repeat it). Each level scores its effective
 * answers: its own, else the nearest level below (core `effectiveAnswers`). Pure apart from hashing.
 */
export const deriveScores = (inputs: ScoreInputs): DerivedScore[] => {
  const own = new Set(inputs.answers.map((a) => a.level));
  const levels = inputs.order.filter((l, i) => i === 0 || own.has(l));
  const inputsHash = hashInputs(inputs, inputs.order);
  const values: Record<string, LkeAnswer> = {};
  const explained = new Set<string>();
  const out: DerivedScore[] = [];
  const byLevel = new Map<string, typeof inputs.answers>();
  for (const a of inputs.answers) (byLevel.get(a.level) ?? byLevel.set(a.level, []).get(a.level)!).push(a);
  inputs.order.forEach((level: LevelId, rank) => {
    for (const a of byLevel.get(level) ?? []) {
      values[a.code] = a.value;
      // The nearest level's note stands for the item, as the review screen shows it.
      if (a.explanation.trim() !== '') explained.add(a.code);
      else explained.delete(a.code);
    }
    if (!levels.includes(level)) return;
    const score = scoreAssessment(inputs.template, {
      answers: { ...values },
      context: { alreadyWbk: inputs.alreadyWbk },
    });
    const figures = scoreFigures(inputs.template, score, {
      evidenceCodes: inputs.evidenceCodes,
      explainedCodes: explained,
    });
    out.push({
      assessmentId: inputs.assessmentId,
      level,
      levelRank: rank,
      periodId: inputs.periodId,
      unitId: inputs.unitId,
      templateId: inputs.template.id,
      templateVersion: inputs.template.version,
      inputsHash,
      ...predicateColumns(figures),
      ...figures,
    });
  });
  return out;
};
