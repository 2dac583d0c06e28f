import { err, ok, type DomainError, type Result } from '../shared/result.ts';
import type { AnswerLevels, ItemReview, LevelAnswer, LevelId } from './answer-levels.ts';

const OPEN: ItemReview = { status: 'open', returnNote: '', returnedAt: null, revisions: 0 };

const reviewLevel = (levels: AnswerLevels, level: LevelId): Result<LevelId, DomainError> => {
  if (level === 'unit')
    return err({ code: 'UNIT_ANSWER_PROTECTED', message: "A reviewer never writes the unit's own answer." });
  if (!levels.order.includes(level))
    return err({
      code: 'UNKNOWN_LEVEL',
      message: `This evaluation has no level ${level}.`,
      details: { level },
    });
  return ok(level);
};

const withItem = (levels: AnswerLevels, code: string, item: ItemReview): AnswerLevels => ({
  ...levels,
  items: { ...levels.items, [code]: item },
});

/**
 * The unit answers (or revises) an item. A returned item becomes "awaiting recheck" and counts one revision;
 * further edits before the recheck do not count again.
 * @example unitAnswer(levels, 'P1.i.a', { value: 'Ya', note: 'SK diperbarui' }).items['P1.i.a'] // { status: 'awaiting_recheck', revisions: 1, … }
 */
export const unitAnswer = (levels: AnswerLevels, code: string, answer: LevelAnswer): AnswerLevels => {
  const next = {
    ...levels,
    answers: { ...levels.answers, unit: { ...levels.answers.unit, [code]: answer } },
  };
  const item = levels.items[code];
  if (item?.status !== 'returned') return next;
  return withItem(next, code, { ...item, status: 'awaiting_recheck', revisions: item.revisions + 1 });
};

/**
 * A reviewer sets her own answer at her level (null: drop it and read the level below again). Never touches
 * the unit's answer; an item awaiting recheck counts as rechecked.
 * @example reviewAnswer(levels, 'tpi:member', 'P1.ii.b', { value: 'C', note: 'Rencana kerja tanpa target terukur' })
 */
export const reviewAnswer = (
  levels: AnswerLevels,
  level: LevelId,
  code: string,
  answer: LevelAnswer | null,
): Result<AnswerLevels, DomainError> => {
  const checked = reviewLevel(levels, level);
  if (!checked.ok) return checked;
  const own = { ...levels.answers[level] };
  if (answer === null) delete own[code];
  else own[code] = answer;
  const next = { ...levels, answers: { ...levels.answers, [level]: own } };
  const item = levels.items[code];
  return ok(item?.status === 'awaiting_recheck' ? withItem(next, code, { ...item, status: 'open' }) : next);
};

/**
 * A reviewer returns one item to the unit for revision, with a note saying what to fix.
 * @example returnItem(levels, 'tpi:member', 'P1.i.a', 'SK Tim belum ditandatangani') // ok({ … items: { 'P1.i.a': { status: 'returned', … } } })
 */
export const returnItem = (
  levels: AnswerLevels,
  level: LevelId,
  code: string,
  note: string,
): Result<AnswerLevels, DomainError> => {
  const checked = reviewLevel(levels, level);
  if (!checked.ok) return checked;
  if (note.trim() === '') return err({ code: 'NOTE_REQUIRED', message: 'Say what to revise.' });
  const item = levels.items[code] ?? OPEN;
  return ok(withItem(levels, code, { ...item, status: 'returned', returnNote: note, returnedAt: level }));
};

/**
 * A reviewer accepts a revision as it is: the item is no longer awaiting recheck.
 * @example recheckItem(levels, 'tpi:member', 'P1.i.a') // ok({ … items: { 'P1.i.a': { status: 'open', revisions: 1, … } } })
 */
export const recheckItem = (
  levels: AnswerLevels,
  level: LevelId,
  code: string,
): Result<AnswerLevels, DomainError> => {
  const checked = reviewLevel(levels, level);
  if (!checked.ok) return checked;
  const item = levels.items[code];
  if (item?.status !== 'awaiting_recheck')
    return err({
      code: 'NOT_AWAITING_RECHECK',
      message: `${code} is not awaiting a recheck.`,
      details: { code },
    });
  return ok(withItem(levels, code, { ...item, status: 'open' }));
};

/** Items the unit still has to answer again; the `revisions_answered` guard of `resubmit` counts them. */
export const itemsAwaitingRevision = (levels: AnswerLevels): string[] =>
  Object.entries(levels.items)
    .filter(([, i]) => i.status === 'returned')
    .map(([c]) => c)
    .sort();
