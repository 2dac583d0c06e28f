import { describe, expect, it } from 'vitest';
import { computePerceptionIndex } from './perception-index.ts';
import { toLkeHasilInput } from './lke-hasil.ts';
import { ipak, ipkp6, respond } from './test-fixtures.ts';
import { scoreAssessment } from '../lke/score-assessment.ts';
import { T } from '../lke/test-support.ts';
import { toNumber } from '../shared/exact.ts';

/** 40 IPAK respondents: 28 give 4,4,4,4,3 and 12 give 3,3,4,3,3 → composites 3,8 and 3,2. */
const forty = [
  ...Array.from({ length: 28 }, () => respond(ipak, [4, 4, 4, 4, 3], { answers: { diarahkan: 'tidak' } })),
  ...Array.from({ length: 12 }, () => respond(ipak, [3, 3, 4, 3, 3], { answers: { diarahkan: 'tidak' } })),
];
const mean = (28 * 3.8 + 12 * 3.2) / 40; // 3,62
const sd = Math.sqrt((28 * (3.8 - mean) ** 2 + 12 * (3.2 - mean) ** 2) / 39);

describe('IPAK on the 0–4 scale', () => {
  const r = computePerceptionIndex(ipak, forty);

  it('is the mean of the item NRRs on the item scale, 1:1 on the LKE scale for a 1–4 questionnaire', () => {
    expect(r.index).toBeCloseTo(mean, 12);
    expect(r.lke?.item).toBe('H1.a');
    expect(r.lke?.value).toBe(3.62);
  });

  it('has ME = t(0,975; 39)·s/√n and the one-sided bound of surveys.md §2.5', () => {
    expect(r.precision?.marginOfError).toBeCloseTo((2.0227 * sd) / Math.sqrt(40), 4);
    expect(r.lke?.oneSidedLowerBound).toBeCloseTo(mean - (1.6849 * sd) / Math.sqrt(40), 4);
    expect(r.lke?.ci?.[0]).toBeLessThan(3.62);
    expect(r.lke?.ci?.[1]).toBeGreaterThan(3.62);
  });

  it('flags a respondent steered by staff (control question = ya); leaves her out only when asked', () => {
    const steered = respond(ipak, [1, 1, 1, 1, 1], { answers: { diarahkan: 'ya' } });
    const counted = computePerceptionIndex(ipak, [...forty, steered]);
    expect(counted.responses.flagged.directed).toBe(1);
    expect(counted.responses.excluded).toBe(0);
    expect(counted.index).toBeLessThan(r.index!);
    const left = computePerceptionIndex(ipak, [...forty, steered], { excludeFlags: ['directed'] });
    expect(left.responses.excluded).toBe(1);
    expect(left.index).toBe(r.index);
  });
});

describe('straight-lining respondents count by default (PermenPANRB 14/2017, 90/2021 exclude nobody for it)', () => {
  // 35 respondents answer 4 to every item, 5 others 4,4,3,3,3 (composite 3,4).
  const campaign = [
    ...Array.from({ length: 35 }, () => respond(ipak, [4, 4, 4, 4, 4], { answers: { diarahkan: 'tidak' } })),
    ...Array.from({ length: 5 }, () => respond(ipak, [4, 4, 3, 3, 3], { answers: { diarahkan: 'tidak' } })),
  ];
  const h1a = (value: number) => {
    const s = scoreAssessment(T, { answers: { 'H1.a': value } });
    return toNumber(s.hasilParts.find((p) => p.code === 'H1.a')!.score.score);
  };

  it('gives 3,925 → LKE 3,93 → H1.a 17,19, above the 15,75 of IPAK 3,60', () => {
    const r = computePerceptionIndex(ipak, campaign);
    expect(r.index).toBeCloseTo(3.925, 12);
    expect(r.responses.excluded).toBe(0);
    expect(r.responses.flagged.straight_lining).toBe(35);
    expect(r.lke?.value).toBe(3.93);
    expect(h1a(3.93)).toBeCloseTo(17.19375, 10);
    expect(h1a(3.6)).toBeCloseTo(15.75, 10);
  });

  it("left out by the owner's choice only, the same campaign gives 3,40 (H1.a 14,875)", () => {
    const r = computePerceptionIndex(ipak, campaign, { excludeFlags: ['straight_lining'] });
    expect(r.lke?.value).toBe(3.4);
    expect(h1a(3.4)).toBeCloseTo(14.875, 10);
  });
});

describe('1–6 star scales: the conversion is a named template rule (surveys.md §2.3)', () => {
  const rs = (q: ReturnType<typeof ipkp6>) =>
    Array.from({ length: 10 }, (_, i) => respond(q, i < 7 ? [6, 6] : [5, 4])).map((x, i) =>
      i < 7 ? x : { ...x, answers: { p1: 5, p2: 5 } },
    ); // mean 5,70
  it('percent-of-max: 5,70 × 4/6 = 3,80', () => {
    const q = ipkp6('percent-of-max');
    const r = computePerceptionIndex(q, rs(q), { excludeFlags: [] });
    expect(r.index).toBeCloseTo(5.7, 12);
    expect(r.lke?.value).toBe(3.8);
  });
  it('endpoint: 1 + 4,70 × 3/5 = 3,82', () => {
    const q = ipkp6('endpoint');
    expect(computePerceptionIndex(q, rs(q), { excludeFlags: [] }).lke?.value).toBe(3.82);
  });
});

describe('LKE Hasil input with provenance', () => {
  const campaign = {
    id: 'c-2025-q2',
    period: { start: '2025-04-01T00:00:00+07:00', end: '2025-07-01T00:00:00+07:00' },
  };
  const result = computePerceptionIndex(ipak, forty);
  const after = new Date('2025-07-02T00:00:00Z');

  it('maps a finished IPAK campaign to H1.a with n, margin of error and period', () => {
    const r = toLkeHasilInput({ campaign, result, now: after });
    expect(r.ok && r.value).toMatchObject({
      itemCode: 'H1.a',
      value: 3.62,
      provenance: {
        campaignId: 'c-2025-q2',
        n: 40,
        excluded: 0,
        period: campaign.period,
        conversion: 'percent-of-max',
      },
    });
    expect(r.ok && r.value.provenance.marginOfError).toBeCloseTo(result.precision?.marginOfError ?? NaN, 12);
  });

  it('refuses a campaign that has not ended', () => {
    const r = toLkeHasilInput({ campaign, result, now: new Date('2025-06-30T00:00:00Z') });
    expect(!r.ok && r.error.code).toBe('survey_campaign_not_finished');
  });

  it('refuses fewer than 30 respondents unless the unit recorded why', () => {
    const small = computePerceptionIndex(ipak, forty.slice(0, 20));
    const r = toLkeHasilInput({ campaign, result: small, now: after });
    expect(!r.ok && r.error.code).toBe('survey_sample_below_minimum');
    const justified = toLkeHasilInput({
      campaign,
      result: small,
      now: after,
      belowMinimumJustification: 'ramai',
    });
    expect(justified.ok && justified.value.provenance.belowMinimumJustification).toBe('ramai');
    const smallUnit = toLkeHasilInput({
      campaign: { ...campaign, populationSize: 20 },
      result: small,
      now: after,
    });
    expect(smallUnit.ok).toBe(true);
  });
});
