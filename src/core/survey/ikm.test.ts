import { describe, expect, it } from 'vitest';
import { classifyIkm, computeIkm, convertedHundredths, IKM_INTERVALS } from './ikm.ts';
import { ratio, roundHalfUp } from '../shared/exact.ts';
import { respond, skm, WORKED_SKM } from './test-fixtures.ts';

// R5 of the worked example answers 4 everywhere: a normal respondent under 14/2017, counted by default.
const noExclusion = { excludeFlags: [] } as const;
const worked = WORKED_SKM.map((row) => respond(skm, row));

describe('IKM: the surveys.md §1.6 worked example', () => {
  const r = computeIkm(skm, worked, noExclusion);

  it('gives Σ and NRR per unsur', () => {
    expect(r.items.map((i) => i.sum)).toEqual([35, 32, 28, 39, 33, 35, 37, 30, 31]);
    expect(r.items.map((i) => i.nrr)).toEqual([3.5, 3.2, 2.8, 3.9, 3.3, 3.5, 3.7, 3.0, 3.1]);
    expect(r.items[0]?.weightedNrr).toBeCloseTo(0.3889, 4);
    expect(r.items[3]?.weightedNrr).toBeCloseTo(0.4333, 4);
  });

  it('gives IKM 3,3333 → 83,33, mutu B "Baik"', () => {
    expect(r.index).toBeCloseTo(10 / 3, 12);
    expect(r.ikm?.convertedRounded).toBe(83.33);
    expect(r.ikm?.grade).toBe('B');
    expect(r.ikm?.performance.id).toBe('Baik');
  });

  it('grades each unsur on 25 × NRR', () => {
    expect(r.itemGrades.map((g) => g.grade).join('')).toBe('BBCABBACB');
    expect(r.itemGrades.map((g) => g.convertedRounded)).toEqual([
      87.5, 80, 70, 97.5, 82.5, 87.5, 92.5, 75, 77.5,
    ]);
  });

  it('reproduces the legacy 0,111 weight only on request (83,25)', () => {
    expect(computeIkm(skm, worked, { ...noExclusion, weight: 'legacy-0.111' }).ikm?.convertedRounded).toBe(
      83.25,
    );
  });

  it('gives ME 0,2998 and CI [75,84; 90,83] on the ×25 scale', () => {
    expect(r.precision?.standardError).toBeCloseTo(0.1325, 4);
    expect(r.precision?.tQuantile).toBeCloseTo(2.2622, 4);
    expect(r.precision?.marginOfError).toBeCloseTo(0.2998, 4);
    expect(r.ikm?.ci?.[0]).toBeCloseTo(75.84, 2);
    expect(r.ikm?.ci?.[1]).toBeCloseTo(90.83, 2);
  });

  it('applies the finite-population correction when N = 120 is known (ME 0,2882)', () => {
    const withN = computeIkm(skm, worked, { ...noExclusion, populationSize: 120 });
    expect(withN.precision?.fpc).toBeCloseTo(0.9614, 4);
    expect(withN.precision?.marginOfError).toBeCloseTo(0.2882, 4);
  });

  it('a perfect score is exactly 100 and A', () => {
    const perfect = computeIkm(skm, [respond(skm, Array(9).fill(4))], noExclusion);
    expect(perfect.ikm?.convertedRounded).toBe(100);
    expect(perfect.ikm?.grade).toBe('A');
    expect(perfect.precision).toBeNull();
  });

  it("with the defaults the regulation's worked example gives 83,33: the all-4s respondent counts", () => {
    const d = computeIkm(skm, worked);
    expect(d.ikm?.convertedRounded).toBe(83.33);
    expect(d.responses.excluded).toBe(0);
    expect(d.n).toBe(10);
    // The flag stays visible even though nobody is left out for it.
    expect(d.responses.flagged.straight_lining).toBe(1);
  });

  it('leaves the straight-lining respondent out only when asked (81,48) and shows the effect', () => {
    const d = computeIkm(skm, worked, { excludeFlags: ['straight_lining'] });
    expect(d.responses.excluded).toBe(1);
    expect(d.n).toBe(9);
    expect(d.ikm?.convertedRounded).toBe(81.48);
    expect(d.indexIncludingFlagged).toBeCloseTo(10 / 3, 12);
  });

  it('divides by the unsur actually answered ("total unsur yang terisi")', () => {
    const partial = { ...respond(skm, [4, 4, 4, 4, 4, 4, 4, 4, 4]), answers: { u1: 2, u2: 3 } };
    const r2 = computeIkm(skm, [partial, respond(skm, [4, 3, 4, 3, 4, 3, 4, 3, 4])], noExclusion);
    expect(r2.items[0]?.n).toBe(2);
    expect(r2.items[2]?.n).toBe(1);
    expect(r2.warnings).toContain('item_nonresponse');
    // NRR: u1 3, u2 3, u3..u9 from the second respondent alone.
    expect(r2.index).toBeCloseTo((3 + 3 + 4 + 3 + 4 + 3 + 4 + 3 + 4) / 9, 12);
  });
});

describe('IKM grade intervals (PermenPANRB 14/2017), boundaries exact', () => {
  it.each([
    [10000, 'A', 'Sangat Baik'],
    [8831, 'A', 'Sangat Baik'],
    [8830, 'B', 'Baik'],
    [7661, 'B', 'Baik'],
    [7660, 'C', 'Kurang Baik'],
    [6500, 'C', 'Kurang Baik'],
    [6499, 'D', 'Tidak Baik'],
    [2500, 'D', 'Tidak Baik'],
  ])('%i hundredths → %s (%s)', (h, grade, label) => {
    expect(classifyIkm(h).grade).toBe(grade);
    expect(classifyIkm(h).performance.id).toBe(label);
  });

  it('rounds half-up before classifying, which closes the table gaps', () => {
    expect(roundHalfUp(ratio(76605, 1000), 2)).toBe(7661n); // 76,605 → 76,61 → B
    expect(roundHalfUp(ratio(7660499, 100000), 2)).toBe(7660n); // 76,60499 → 76,60 → C
    expect(roundHalfUp(ratio(88305, 1000), 2)).toBe(8831n); // 88,305 → A
    expect(roundHalfUp(ratio(64995, 1000), 2)).toBe(6500n); // 64,995 → C
    expect(classifyIkm(convertedHundredths(ratio(35324, 10000))).grade).toBe('A'); // NI 3,5324 → 88,31
    expect(classifyIkm(convertedHundredths(ratio(3064, 1000))).grade).toBe('C'); // NI 3,064 → 76,60
    expect(classifyIkm(convertedHundredths(ratio(30644, 10000))).grade).toBe('B'); // NI 3,0644 → 76,61
    expect(classifyIkm(convertedHundredths(ratio(26, 10))).grade).toBe('C'); // NI 2,60 → 65,00
  });

  it('the table covers 25,00–100,00 without gaps or overlaps', () => {
    const sorted = [...IKM_INTERVALS].sort((a, b) => a.minHundredths - b.minHundredths);
    expect(sorted[0]?.minHundredths).toBe(2500);
    sorted.slice(1).forEach((iv, i) => expect(iv.minHundredths).toBe((sorted[i]?.maxHundredths ?? 0) + 1));
    expect(sorted.at(-1)?.maxHundredths).toBe(10000);
  });
});

describe('breakdowns', () => {
  it('gives each service and each profile value its own n and index, suppressing small cells', async () => {
    const { breakdownBy } = await import('./breakdown.ts');
    const rs = WORKED_SKM.map((row, i) =>
      respond(skm, row, { profile: { layanan: i < 6 ? 'paspor' : 'visa', usia: i < 6 ? '17_25' : '26_35' } }),
    );
    const bySvc = breakdownBy(skm, rs, 'layanan', noExclusion);
    expect(bySvc.groups.map((g) => [g.value, g.summary.n, g.suppressed])).toEqual([
      ['paspor', 6, false],
      ['visa', 4, true],
    ]);
    const byAge = breakdownBy(skm, rs, 'usia', noExclusion);
    expect(byAge.groups.map((g) => g.label?.id)).toEqual(['17–25', '26–35']);
    expect(byAge.groups[0]?.summary.index).toBeCloseTo(bySvc.groups[0]?.summary.index ?? NaN, 12);
  });
});
