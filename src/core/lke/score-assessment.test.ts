import { describe, expect, it } from 'vitest';
import { formatId, toNumber } from '../shared/exact.ts';
import type { LkeAnswer } from './evaluate-answers.ts';
import { scoreAssessment } from './score-assessment.ts';
import { T, best, set, worst } from './test-support.ts';

const score = (answers: Record<string, LkeAnswer>, alreadyWbk = false) =>
  scoreAssessment(T, set(answers, alreadyWbk));
const sub = (s: ReturnType<typeof score>, code: string) => s.subAreas.find((x) => x.code === code)!;

describe('worked figures of the reference (§3.3, PN Serang 2022)', () => {
  const p1 = {
    'P1.i.a': 'Ya',
    'P1.i.b': 'A',
    'P1.ii.a': 'Ya',
    'P1.ii.b': 'C',
    'P1.ii.c': 'A',
    'P1.iii.a': 'A',
    'P1.iii.b': 'A',
    'P1.iii.c': 'A',
    'P1.iv.a': 'Ya',
    'P1.iv.b': 'A',
    'P1.iv.c': 'A',
    'P1.iv.d': 'A',
  };
  it('Rencana Pembangunan ZI answered Ya / C / A gives 0,67 (66,67 %)', () => {
    const s = sub(score(p1), 'P1.ii');
    expect(s.score.score).toEqual({ n: 2n, d: 3n });
    expect(formatId(s.score.score)).toBe('0,67');
    expect(formatId({ n: s.score.percent.n * 100n, d: s.score.percent.d })).toBe('66,67');
  });
  it('Manajemen Perubahan Pemenuhan is 0,50 + 0,67 + 1,00 + 1,50 = 3,67 (91,67 %)', () => {
    const area = score(p1).areas[0]!;
    expect(formatId(area.pemenuhan.score)).toBe('3,67');
    expect(area.pemenuhan.score).toEqual({ n: 11n, d: 3n });
    expect(formatId({ n: area.pemenuhan.percent.n * 100n, d: area.pemenuhan.percent.d })).toBe('91,67');
  });
  it('Hasil: IPAK 4,00 → 17,50; capaian A → 5,00; option values × 5 for B..E', () => {
    const s = score({ 'H1.a': 4, 'H1.b': 'A', 'H2.a': 4 });
    expect(s.hasilParts.map((p) => [p.code, toNumber(p.score.score)])).toEqual([
      ['H1', 22.5],
      ['H1.a', 17.5],
      ['H1.b', 5],
      ['H2', 17.5],
      ['H2.a', 17.5],
    ]);
    expect(
      ['B', 'C', 'D', 'E'].map((k) => toNumber(score({ 'H1.b': k }).hasilParts[2]!.score.score)),
    ).toEqual([3.75, 2.5, 1.25, 0]);
  });
  it('R5.iii is LHKPN % × 1 + LHKASN % × 1 (not the workbook bug that ignores LHKASN)', () => {
    const s = score({
      'R5.iii.a.1.1': 1,
      'R5.iii.a.1.2': 1,
      'R5.iii.a.1.3': 0,
      'R5.iii.a.2': 2,
      'R5.iii.b.1.1': 2,
      'R5.iii.b.1.2': 4,
      'R5.iii.b.1.3': 14,
      'R5.iii.b.2': 5,
    });
    const r = sub(s, 'R5.iii');
    expect(toNumber(r.score.score)).toBe(1.25);
    expect(r.parts.map((p) => [p.code, toNumber(p.score.score)])).toEqual([
      ['R5.iii.LHKPN', 1],
      ['R5.iii.LHKASN', 0.25],
    ]);
  });
  it('a ratio sub-area is the mean of its ratio items: R1.i = mean(0,6 ; 1) × 2', () => {
    expect(
      toNumber(
        sub(score({ 'R1.i.a.1': 5, 'R1.i.a.2': 3, 'R1.i.b.1': 3, 'R1.i.b.2': 3 }), 'R1.i').score.score,
      ),
    ).toBe(1.6);
  });
});

describe('roll-up', () => {
  it('all best is 100 with every part at its weight; all worst is 0', () => {
    const s = score(best());
    expect([s.total, s.pengungkit, s.pemenuhan, s.reform, s.hasil].map((x) => toNumber(x.score))).toEqual([
      100, 60, 30, 30, 40,
    ]);
    expect(s.areas.map((a) => toNumber(a.total.score))).toEqual([8, 7, 10, 10, 15, 10]);
    expect(s.subAreas.every((x) => toNumber(x.score.percent) === 1)).toBe(true);
    expect(toNumber(score(worst()).total.score)).toBe(0);
  });
  it('a blank item leaves the official mean and counts as 0 in the conservative score', () => {
    const a = best();
    delete a['P1.ii.b'];
    const s = score(a);
    expect(toNumber(sub(s, 'P1.ii').score.score)).toBe(1);
    expect(sub(s, 'P1.ii').conservative).toEqual({ n: 2n, d: 3n });
    expect(toNumber(s.total.score)).toBe(100);
    expect(s.conservative.total).toEqual({ n: 299n, d: 3n });
    expect(s.completeness).toEqual({ answered: 112, total: 113, missing: ['P1.ii.b'] });
  });
  it('an empty assessment scores 0 and lists all 113 items as missing', () => {
    const s = score({});
    expect(toNumber(s.total.score)).toBe(0);
    expect(s.completeness.missing).toHaveLength(113);
  });
  it('the per-aspect reading can be chosen per call', () => {
    const s = scoreAssessment(T, set(best()), { areaMinimum: 'per_aspect' });
    expect(s.predicates[0]!.rules.filter((r) => r.id.startsWith('area.')).map((r) => r.id)).toHaveLength(12);
    expect(s.choices.areaMinimum).toBe('per_aspect');
  });
});
