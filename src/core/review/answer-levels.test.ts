import { describe, expect, it } from 'vitest';
import { scoreAssessment } from '../lke/score-assessment.ts';
import { T } from '../lke/test-support.ts';
import { itemsAwaitingRevision, recheckItem, returnItem, reviewAnswer, unitAnswer } from './answer-edits.ts';
import {
  changedItems,
  createAnswerLevels,
  effectiveAnswers,
  levelOrder,
  tpiFinalLevel,
  valuesAt,
  type AnswerLevels,
} from './answer-levels.ts';
import { reviewConfigSchema } from './review-config.ts';

const order = levelOrder(reviewConfigSchema.parse({ preliminaryReview: true }));
const start = () =>
  createAnswerLevels(order, {
    'P1.i.a': { value: 'Ya', note: 'SK Tim ZI no. 12/2025' },
    'P1.ii.b': { value: 'A', note: 'Rencana kerja 2025' },
  });
const must = (r: { ok: true; value: AnswerLevels } | { ok: false }) => {
  if (!r.ok) throw new Error('expected ok');
  return r.value;
};

describe('answers stacked per level', () => {
  it('has the levels of the agency, bottom up', () => {
    expect(order).toEqual([
      'unit',
      'preliminary',
      'tpi:member',
      'tpi:team_lead',
      'tpi:quality_controller',
      'tpn_desk',
      'tpn_field',
    ]);
    expect(tpiFinalLevel(order)).toBe('tpi:quality_controller');
  });
  it("a reviewer's level starts as a copy of the level below", () => {
    const levels = start();
    expect(effectiveAnswers(levels, 'tpi:member')['P1.i.a']).toEqual({
      value: 'Ya',
      note: 'SK Tim ZI no. 12/2025',
      from: 'unit',
    });
    const member = must(
      reviewAnswer(levels, 'tpi:member', 'P1.ii.b', { value: 'C', note: 'Tanpa target terukur' }),
    );
    expect(effectiveAnswers(member, 'tpi:team_lead')['P1.ii.b']).toEqual({
      value: 'C',
      note: 'Tanpa target terukur',
      from: 'tpi:member',
    });
    expect(valuesAt(member, 'preliminary')['P1.ii.b']).toBe('A');
    expect(changedItems(member, 'unit', 'tpi:quality_controller')).toEqual(['P1.ii.b']);
  });
  it("never overwrites the unit's own answer", () => {
    const levels = start();
    const r = reviewAnswer(levels, 'unit', 'P1.i.a', { value: 'Tidak', note: '' });
    expect(r.ok ? null : r.error.code).toBe('UNIT_ANSWER_PROTECTED');
    const reviewed = must(
      reviewAnswer(levels, 'tpn_field', 'P1.i.a', { value: 'Tidak', note: 'SK tidak ada' }),
    );
    expect(reviewed.answers.unit).toEqual(levels.answers.unit);
    expect(valuesAt(reviewed, 'unit')['P1.i.a']).toBe('Ya');
    expect(levels.answers['tpn_field']).toBeUndefined();
  });
  it('a cleared review answer reads the level below again', () => {
    const set = must(reviewAnswer(start(), 'tpi:member', 'P1.i.a', { value: 'Tidak', note: 'x' }));
    const cleared = must(reviewAnswer(set, 'tpi:member', 'P1.i.a', null));
    expect(effectiveAnswers(cleared, 'tpi:member')['P1.i.a']?.from).toBe('unit');
  });
  it('the field result prevails over the desk where they differ', () => {
    let levels = must(reviewAnswer(start(), 'tpn_desk', 'P1.i.a', { value: 'Tidak', note: 'desk' }));
    levels = must(reviewAnswer(levels, 'tpn_desk', 'P1.ii.b', { value: 'B', note: 'desk' }));
    levels = must(reviewAnswer(levels, 'tpn_field', 'P1.ii.b', { value: 'C', note: 'lapangan' }));
    expect(valuesAt(levels, 'tpn_field')).toEqual({ 'P1.i.a': 'Tidak', 'P1.ii.b': 'C' });
    expect(changedItems(levels, 'tpn_desk', 'tpn_field')).toEqual(['P1.ii.b']);
  });
  it('scores each level with the same core', () => {
    const levels = must(reviewAnswer(start(), 'tpi:member', 'P1.ii.b', { value: 'C', note: '' }));
    const unit = scoreAssessment(T, { answers: valuesAt(levels, 'unit') });
    const tpi = scoreAssessment(T, { answers: valuesAt(levels, tpiFinalLevel(levels.order)) });
    expect(tpi.items.find((i) => i.code === 'P1.ii.b')?.value).not.toEqual(
      unit.items.find((i) => i.code === 'P1.ii.b')?.value,
    );
  });
  it('refuses a level the agency does not have', () => {
    const r = reviewAnswer(
      createAnswerLevels(levelOrder(reviewConfigSchema.parse({})), {}),
      'preliminary',
      'x',
      null,
    );
    expect(r.ok ? null : r.error.code).toBe('UNKNOWN_LEVEL');
    expect(() => effectiveAnswers(start(), 'tpi:nobody')).toThrow(RangeError);
  });
});

describe('returning items for revision', () => {
  it('needs a note and a review level', () => {
    expect(
      must(returnItem(start(), 'tpi:member', 'P1.i.a', 'SK belum ditandatangani')).items['P1.i.a'],
    ).toEqual({
      status: 'returned',
      returnNote: 'SK belum ditandatangani',
      returnedAt: 'tpi:member',
      revisions: 0,
    });
    const noNote = returnItem(start(), 'tpi:member', 'P1.i.a', ' ');
    expect(noNote.ok ? null : noNote.error.code).toBe('NOTE_REQUIRED');
    const byUnit = returnItem(start(), 'unit', 'P1.i.a', 'x');
    expect(byUnit.ok ? null : byUnit.error.code).toBe('UNIT_ANSWER_PROTECTED');
  });
  it('counts revisions and shows "awaiting recheck" when the unit answers again', () => {
    let levels = must(returnItem(start(), 'tpi:member', 'P1.i.a', 'SK belum ditandatangani'));
    expect(itemsAwaitingRevision(levels)).toEqual(['P1.i.a']);
    levels = unitAnswer(levels, 'P1.i.a', { value: 'Ya', note: 'SK ditandatangani 2 Juni' });
    levels = unitAnswer(levels, 'P1.i.a', { value: 'Ya', note: 'SK ditandatangani 2 Juni 2025' });
    expect(levels.items['P1.i.a']).toMatchObject({ status: 'awaiting_recheck', revisions: 1 });
    expect(itemsAwaitingRevision(levels)).toEqual([]);
    expect(effectiveAnswers(levels, 'tpi:member')['P1.i.a']?.note).toBe('SK ditandatangani 2 Juni 2025');
    levels = must(recheckItem(levels, 'tpi:member', 'P1.i.a'));
    expect(levels.items['P1.i.a']).toMatchObject({ status: 'open', revisions: 1 });
    levels = must(returnItem(levels, 'tpi:team_lead', 'P1.i.a', 'Lampirkan daftar hadir'));
    levels = unitAnswer(levels, 'P1.i.a', { value: 'Ya', note: 'dengan daftar hadir' });
    expect(levels.items['P1.i.a']).toMatchObject({ status: 'awaiting_recheck', revisions: 2 });
    levels = must(reviewAnswer(levels, 'tpi:team_lead', 'P1.i.a', { value: 'Ya', note: 'sesuai' }));
    expect(levels.items['P1.i.a']?.status).toBe('open');
  });
  it('an edit of an item nobody returned is no revision', () => {
    const levels = unitAnswer(start(), 'P1.i.a', { value: 'Tidak', note: '' });
    expect(levels.items['P1.i.a']).toBeUndefined();
    const r = recheckItem(levels, 'tpi:member', 'P1.i.a');
    expect(r.ok ? null : r.error.code).toBe('NOT_AWAITING_RECHECK');
  });
});
