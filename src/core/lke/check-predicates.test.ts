import { describe, expect, it } from 'vitest';
import { cmp, toNumber } from '../shared/exact.ts';
import type { LkeAnswer } from './evaluate-answers.ts';
import { scoreAssessment } from './score-assessment.ts';
import { T, best, set } from './test-support.ts';

type A = Record<string, LkeAnswer>;
const rule = (answers: A, predicate: string, id: string, alreadyWbk = true) => {
  const p = scoreAssessment(T, set(answers, alreadyWbk)).predicates.find((x) => x.id === predicate)!;
  return p.rules.find((r) => r.id === id)!;
};
const hasil = (ipak: number, capaian: string, ipkp: number): A => ({
  'H1.a': ipak,
  'H1.b': capaian,
  'H2.a': ipkp,
});
const zeroRatio = (code: string): A => ({ [code]: 0 });

// Each sub-area dropped to 0 removes exactly its weight (§1.2), so exact totals can be built from answers.
const drop: Record<string, A> = {
  'R5.i': { 'R5.i.a': 'E' },
  'R5.ii': zeroRatio('R5.ii.a.3'),
  'R5.iii': { 'R5.iii.a.2': 0, 'R5.iii.b.2': 0 },
  'R6.i': { 'R6.i.a': 'D', 'R6.i.b.2': 0 },
  'R6.ii': { 'R6.ii.a': 'D' },
  'R4.i': zeroRatio('R4.i.a.2'),
  'R3.i': { 'R3.i.a': 'C' },
  'R3.ii': { 'R3.ii.a': 'C' },
  'R3.iii': { 'R3.iii.a.2': 10 },
  'R2.i': { 'R2.i.a': 'D' },
  'R2.iii': { 'R2.iii.a': 'E', 'R2.iii.b': 'E', 'R2.iii.c': 'E' },
  'R1.ii': { 'R1.ii.a': 'E' },
  'R1.iii': { 'R1.iii.a': 'D' },
  'P3.v': { 'P3.v.a': 'D' },
  'P3.vi': { 'P3.vi.a': 'C' },
};
const build = (h: A, ...dropped: string[]): A => Object.assign(best(), h, ...dropped.map((d) => drop[d]));

// total 75 = Pengungkit 42,75 (60 − 17,25) + Hasil 32,25 (15,75 + 2,50 + 14,00)
const wbkTotal = (ipak: number) =>
  build(hasil(ipak, 'C', 3.2), 'R5.ii', 'R5.i', 'R6.i', 'R6.ii', 'R4.i', 'R3.iii', 'R2.iii', 'P3.v');
// total 85 = Pengungkit 49,75 (60 − 10,25) + Hasil 35,25 (15,75 + 3,75 + 15,75)
const wbbmTotal = (ipkp: number) => build(hasil(3.6, 'B', ipkp), 'R5.ii', 'R5.i', 'R6.i', 'R4.i', 'P3.vi');
// Pengungkit 40 = 60 − (7,5 + 5 + 5 + 1 + 1 + 0,5)
const wbkPengungkit = (extra: A) =>
  Object.assign(
    build(
      {},
      'R5.i',
      'R5.ii',
      'R5.iii',
      'R6.i',
      'R6.ii',
      'R3.i',
      'R3.ii',
      'R3.iii',
      'R1.ii',
      'R1.iii',
      'R2.i',
    ),
    extra,
  );
// Pengungkit 48 = 60 − (7,5 + 2 + 2,5)
const wbbmPengungkit = (extra: A) =>
  Object.assign(build({}, 'R5.i', 'R5.ii', 'R5.iii', 'R3.iii', 'R6.ii'), extra);
// Area 1 = Pemenuhan 4 + Reform R1.i (mean of R1.i.a, R1.i.b) × 2
const area1 = (a2: number, b2: number, extra: A) =>
  Object.assign(
    build({}, 'R1.ii', 'R1.iii'),
    { 'R1.i.a.1': 5, 'R1.i.a.2': a2, 'R1.i.b.1': a2, 'R1.i.b.2': b2 },
    extra,
  );

type Case = [predicate: string, ruleId: string, required: number, at: A, below: A, above: A];
const cases: Case[] = [
  ['WBK', 'total', 75, wbkTotal(3.6), wbkTotal(3.59), wbkTotal(3.61)],
  ['WBBM', 'total', 85, wbbmTotal(3.6), wbbmTotal(3.59), wbbmTotal(3.61)],
  [
    'WBK',
    'pengungkit',
    40,
    wbkPengungkit({}),
    wbkPengungkit({ 'P3.i.b': 'B' }),
    wbkPengungkit({ 'R2.i.a': 'C' }),
  ],
  [
    'WBBM',
    'pengungkit',
    48,
    wbbmPengungkit({}),
    wbbmPengungkit({ 'P3.i.b': 'B' }),
    wbbmPengungkit({ 'R5.i.a': 'D' }),
  ],
  ['WBK', 'area.1', 4.8, area1(4, 0, {}), area1(4, 0, { 'P1.i.b': 'B' }), area1(4, 0, { 'R1.ii.a': 'D' })],
  ['WBBM', 'area.1', 6, area1(5, 5, {}), area1(5, 5, { 'P1.i.b': 'B' }), area1(5, 5, { 'R1.ii.a': 'D' })],
  ['WBK', 'H1', 18.25, hasil(3.6, 'C', 4), hasil(3.59, 'C', 4), hasil(3.61, 'C', 4)],
  ['WBBM', 'H1', 19.5, hasil(3.6, 'B', 4), hasil(3.59, 'B', 4), hasil(3.61, 'B', 4)],
  ['WBK', 'H1.a', 15.75, hasil(3.6, 'A', 4), hasil(3.59, 'A', 4), hasil(3.61, 'A', 4)],
  ['WBBM', 'H1.a', 15.75, hasil(3.6, 'A', 4), hasil(3.59, 'A', 4), hasil(3.61, 'A', 4)],
  ['WBK', 'H1.b', 2.5, hasil(4, 'C', 4), hasil(4, 'D', 4), hasil(4, 'B', 4)],
  ['WBBM', 'H1.b', 3.75, hasil(4, 'B', 4), hasil(4, 'C', 4), hasil(4, 'A', 4)],
  ['WBK', 'H2', 14, hasil(4, 'A', 3.2), hasil(4, 'A', 3.19), hasil(4, 'A', 3.21)],
  ['WBBM', 'H2', 15.75, hasil(4, 'A', 3.6), hasil(4, 'A', 3.59), hasil(4, 'A', 3.61)],
];

describe('every threshold of §4.1, exactly at, just below and just above', () => {
  it.each(cases)('%s %s ≥ %s', (predicate, id, required, at, below, above) => {
    const r = rule(at, predicate, id);
    expect(toNumber(r.required)).toBe(required);
    expect(cmp(r.actual, r.required)).toBe(0);
    expect(r.pass).toBe(true);
    expect(rule(below, predicate, id).pass).toBe(false);
    expect(rule(above, predicate, id).pass).toBe(true);
  });

  it('the exact-threshold assessments are otherwise ordinary: WBK total 75 is reached at IPAK 3,60', () => {
    const s = scoreAssessment(T, set(wbkTotal(3.6)));
    expect(toNumber(s.total.score)).toBe(75);
    expect(toNumber(s.hasil.score)).toBe(32.25);
  });

  it('every area rule, combined and per aspect, uses 60 % / 75 % of the weight', () => {
    const req = (p: string, basis: 'combined' | 'per_aspect') =>
      scoreAssessment(T, set(best()), { areaMinimum: basis })
        .predicates.find((x) => x.id === p)!
        .rules.filter((r) => r.kind === 'areaShare')
        .map((r) => toNumber(r.required));
    expect(req('WBK', 'combined')).toEqual([4.8, 4.2, 6, 6, 9, 6]);
    expect(req('WBBM', 'combined')).toEqual([6, 5.25, 7.5, 7.5, 11.25, 7.5]);
    expect(req('WBK', 'per_aspect')).toEqual([2.4, 2.4, 2.1, 2.1, 3, 3, 3, 3, 4.5, 4.5, 3, 3]);
  });

  it('per aspect is stricter: a strong Pemenuhan no longer carries a weak Reform', () => {
    const a = area1(4, 0, {});
    expect(rule(a, 'WBK', 'area.1').pass).toBe(true);
    const s = scoreAssessment(T, set(a), { areaMinimum: 'per_aspect' }).predicates[0]!;
    expect(s.rules.find((r) => r.id === 'area.1.reform')!.pass).toBe(false);
  });
});

describe('verdicts', () => {
  it('all best is WBK, and WBBM only with the WBK context flag', () => {
    const p = (ctx: boolean) => scoreAssessment(T, set(best(), ctx)).predicates;
    expect(p(false).map((x) => [x.id, x.eligible])).toEqual([
      ['WBK', true],
      ['WBBM', false],
    ]);
    expect(
      p(false)[1]!
        .rules.filter((r) => !r.pass)
        .map((r) => r.id),
    ).toEqual(['alreadyWbk']);
    expect(p(true).map((x) => x.eligible)).toEqual([true, true]);
  });
  it('refuses eligibility while an item is blank, even when the official score passes', () => {
    const a = best();
    delete a['P4.ii.c'];
    const s = scoreAssessment(T, set(a, true));
    expect(toNumber(s.total.score)).toBe(100);
    expect(s.predicates.map((x) => x.eligible)).toEqual([false, false]);
    const complete = s.predicates[0]!.rules.find((r) => r.id === 'complete')!;
    expect([toNumber(complete.required), toNumber(complete.actual), complete.pass]).toEqual([
      113,
      112,
      false,
    ]);
  });
});
