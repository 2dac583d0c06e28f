import type { LkeAnswer } from '../lke/evaluate-answers.ts';
import type { ReviewConfig } from './review-config.ts';

/** A level of answers, from the unit up: each reviewer's level sits on the one below it. */
export type LevelId = 'unit' | 'preliminary' | `tpi:${string}` | 'tpn_desk' | 'tpn_field';

/** One answer at one level: the value as people write it ("Ya", "B", 5) and the unit's explanation or the reviewer's note. */
export type LevelAnswer = { value: LkeAnswer; note: string };
/** An answer as a level sees it, with the level it comes from. */
export type EffectiveAnswer = LevelAnswer & { from: LevelId };

/** `returned`: a reviewer sent it back; `awaiting_recheck`: the unit answered again and a reviewer should look. */
export type ItemStatus = 'open' | 'returned' | 'awaiting_recheck';
export type ItemReview = {
  status: ItemStatus;
  /** The latest return's note and the level that returned it. */
  returnNote: string;
  returnedAt: LevelId | null;
  /** How many times the unit revised the item after a return. */
  revisions: number;
};

/**
 * All answers of one assessment by level. A level stores only what its reviewer set herself; everything else
 * it reads from the level below, so a reviewer starts from a copy that never goes stale.
 */
export type AnswerLevels = {
  order: readonly LevelId[];
  answers: Readonly<Record<string, Readonly<Record<string, LevelAnswer>>>>;
  items: Readonly<Record<string, ItemReview>>;
};

export const tpiLevel = (stageId: string): LevelId => `tpi:${stageId}`;

/**
 * The levels an agency's evaluation has, bottom up.
 * @example levelOrder(reviewConfigSchema.parse({})) // ['unit', 'tpi:member', 'tpi:team_lead', 'tpi:quality_controller', 'tpn_desk', 'tpn_field']
 */
export const levelOrder = (config: ReviewConfig): LevelId[] => [
  'unit',
  ...(config.preliminaryReview ? (['preliminary'] as const) : []),
  ...config.tpiStages.map((s) => tpiLevel(s.id)),
  'tpn_desk',
  'tpn_field',
];

/** The level whose answers TPI stands behind: its last stage. @example tpiFinalLevel(order) // 'tpi:quality_controller' */
export const tpiFinalLevel = (order: readonly LevelId[]): LevelId =>
  [...order].reverse().find((l) => l.startsWith('tpi:')) ?? 'unit';

/**
 * A new stack holding the unit's own answers.
 * @example createAnswerLevels(order, { 'P1.i.a': { value: 'Ya', note: 'SK Tim ZI no. 12/2025' } })
 */
export const createAnswerLevels = (
  order: readonly LevelId[],
  unitAnswers: Readonly<Record<string, LevelAnswer>>,
): AnswerLevels => ({ order, answers: { unit: unitAnswers }, items: {} });

const indexOf = (levels: AnswerLevels, level: LevelId): number => {
  const i = levels.order.indexOf(level);
  if (i < 0) throw new RangeError(`answer levels: unknown level ${level}`);
  return i;
};

/**
 * The answers as a level sees them: its own where it set one, else the nearest level below. So TPI starts
 * from the unit's answers, and TPN's field result prevails over the desk result wherever it differs.
 * Throws RangeError for a level the stack does not have (a programming error).
 * @example
 * effectiveAnswers(levels, 'tpi:member')['P1.i.a'] // { value: 'Ya', note: 'SK Tim ZI no. 12/2025', from: 'unit' }
 */
export const effectiveAnswers = (levels: AnswerLevels, level: LevelId): Record<string, EffectiveAnswer> => {
  const top = indexOf(levels, level);
  const out: Record<string, EffectiveAnswer> = {};
  for (const l of levels.order.slice(0, top + 1))
    for (const [code, a] of Object.entries(levels.answers[l] ?? {})) out[code] = { ...a, from: l };
  return out;
};

/**
 * The values of a level, ready for `scoreAssessment(template, { answers })`: scores per level.
 * @example scoreAssessment(T, { answers: valuesAt(levels, tpiFinalLevel(levels.order)) }).predicates
 */
export const valuesAt = (levels: AnswerLevels, level: LevelId): Record<string, LkeAnswer> =>
  Object.fromEntries(Object.entries(effectiveAnswers(levels, level)).map(([c, a]) => [c, a.value]));

/**
 * Codes whose value differs between two levels, in code order (the review screen's "changed" filter).
 * @example changedItems(levels, 'unit', 'tpi:member') // ['P1.ii.b']
 */
export const changedItems = (levels: AnswerLevels, lower: LevelId, upper: LevelId): string[] => {
  const a = valuesAt(levels, lower);
  const b = valuesAt(levels, upper);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((c) => (a[c] ?? null) !== (b[c] ?? null))
    .sort();
};
