import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activityStatus,
  addDays,
  AT_RISK_TOLERANCE,
  LATE_SLIPPAGE,
  quarterEnd,
  quarterOf,
  reportAsOf,
  REPORTING_GRACE_DAYS,
  summarise,
} from './plan-status.ts';

const yearly = (achieved: Array<[number, number]>, target = 4, quarters = [1, 2, 3, 4]) => ({
  target,
  quarters,
  realisations: achieved.map(([quarter, a]) => ({ quarter, achieved: a })),
});

describe('dates', () => {
  it('quarter ends, day arithmetic across months and leap years, quarter of a date', () => {
    expect(quarterEnd(2026, 1)).toBe('2026-03-31');
    expect(quarterEnd(2026, 4)).toBe('2026-12-31');
    expect(addDays('2026-03-31', REPORTING_GRACE_DAYS)).toBe('2026-04-15');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(quarterOf('2026-01-01')).toBe(1);
    expect(quarterOf('2026-06-30')).toBe(2);
    expect(quarterOf('2026-07-01')).toBe(3);
    expect(reportAsOf(2026, 2)).toBe('2026-07-01');
  });
});

describe('activityStatus (hand-computed cases)', () => {
  it('before any planned quarter ends, nothing is expected: on track at 0 %', () => {
    expect(activityStatus(yearly([]), 2026, '2026-02-10')).toEqual({
      achieved: 0,
      progress: 0,
      expected: 0,
      slippage: 0,
      status: 'on_track',
    });
  });

  it('one quarter behind after Q2 ended is at risk (25 % short, over the 10 % tolerance)', () => {
    const s = activityStatus(yearly([[1, 1]]), 2026, '2026-07-01');
    expect(s).toMatchObject({
      achieved: 1,
      progress: 0.25,
      expected: 0.5,
      slippage: 0.25,
      status: 'at_risk',
    });
  });

  it('within the tolerance is still on track: 0.9 of 2 expected (5 % short)', () => {
    const s = activityStatus(yearly([[1, 1.8]], 4, [1, 2, 3, 4]), 2026, '2026-07-01');
    expect(s.progress).toBeCloseTo(0.45, 12);
    expect(s.status).toBe('on_track');
  });

  it('half the target behind what was due is late before the year ends', () => {
    // Q1 and Q2 due by 16 July (ends + 15 days): 50 % due, nothing done.
    expect(activityStatus(yearly([]), 2026, '2026-07-16').status).toBe('late');
    // On 15 July Q2 is not due yet: 25 % due, 50 % ended → at risk, not late.
    expect(activityStatus(yearly([]), 2026, '2026-07-15').status).toBe('at_risk');
  });

  it('a one-quarter activity is late once its quarter is due and unmet, done once met', () => {
    const a = yearly([[2, 3]], 5, [2]);
    expect(activityStatus(a, 2026, '2026-07-15').status).toBe('at_risk');
    expect(activityStatus(a, 2026, '2026-07-16').status).toBe('late');
    expect(activityStatus(yearly([[2, 5]], 5, [2]), 2026, '2026-07-16').status).toBe('done');
  });

  it('over-achievement is capped at 100 % and realisation early counts', () => {
    const s = activityStatus(yearly([[1, 3]], 2, [4]), 2026, '2026-02-01');
    expect(s).toMatchObject({ achieved: 3, progress: 1, status: 'done' });
  });

  it('a plan of a later year is on track, of an earlier year unmet is late', () => {
    expect(activityStatus(yearly([]), 2027, '2026-12-01').status).toBe('on_track');
    expect(activityStatus(yearly([[1, 1]]), 2025, '2026-01-20').status).toBe('late');
  });
});

describe('summarise', () => {
  it('counts per status and the mean progress; none is 0', () => {
    expect(summarise([])).toEqual({
      activities: 0,
      progress: 0,
      counts: { on_track: 0, at_risk: 0, late: 0, done: 0 },
    });
    const today = '2026-07-16';
    const s = summarise([
      activityStatus(yearly([[1, 4]]), 2026, today),
      activityStatus(yearly([]), 2026, today),
      activityStatus(yearly([[1, 1]]), 2026, today),
    ]);
    expect(s.counts).toEqual({ on_track: 0, at_risk: 1, late: 1, done: 1 });
    expect(s.progress).toBeCloseTo((1 + 0 + 0.25) / 3, 12);
  });
});

describe('activityStatus (properties)', () => {
  const day = fc
    .integer({ min: 0, max: 365 * 3 })
    .map((d) => addDays('2025-01-01', d))
    .filter(Boolean);
  const figures = fc.record({
    target: fc.integer({ min: 1, max: 1000 }),
    quarters: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
    realisations: fc.array(
      fc.record({ quarter: fc.integer({ min: 1, max: 4 }), achieved: fc.integer({ min: 0, max: 500 }) }),
      { maxLength: 4 },
    ),
  });

  it('progress and expected stay in [0, 1]; done exactly when the target is met', () => {
    fc.assert(
      fc.property(figures, day, (a, today) => {
        const s = activityStatus(a, 2026, today);
        const sum = a.realisations.reduce((x, r) => x + r.achieved, 0);
        expect(s.progress).toBeGreaterThanOrEqual(0);
        expect(s.progress).toBeLessThanOrEqual(1);
        expect(s.expected).toBeGreaterThanOrEqual(0);
        expect(s.expected).toBeLessThanOrEqual(1);
        expect(s.status === 'done').toBe(sum >= a.target);
      }),
    );
  });

  it('time only makes things worse: an unmet activity never improves as days pass', () => {
    const rank = { done: 0, on_track: 1, at_risk: 2, late: 3 } as const;
    fc.assert(
      fc.property(figures, day, fc.integer({ min: 0, max: 400 }), (a, today, later) => {
        const before = activityStatus(a, 2026, today);
        const after = activityStatus(a, 2026, addDays(today, later));
        expect(rank[after.status]).toBeGreaterThanOrEqual(rank[before.status]);
      }),
    );
  });

  it('more realisation never makes the status worse', () => {
    const rank = { done: 0, on_track: 1, at_risk: 2, late: 3 } as const;
    fc.assert(
      fc.property(
        figures,
        day,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 100 }),
        (a, today, q, x) => {
          const before = activityStatus(a, 2026, today);
          const more = { ...a, realisations: [...a.realisations, { quarter: q, achieved: x }] };
          expect(rank[activityStatus(more, 2026, today).status]).toBeLessThanOrEqual(rank[before.status]);
        },
      ),
    );
  });

  it('late needs slippage or a passed deadline; at risk needs a shortfall over the tolerance', () => {
    fc.assert(
      fc.property(figures, day, (a, today) => {
        const s = activityStatus(a, 2026, today);
        if (s.status === 'at_risk') expect(s.slippage).toBeGreaterThan(AT_RISK_TOLERANCE);
        if (s.status === 'on_track') expect(s.slippage).toBeLessThanOrEqual(AT_RISK_TOLERANCE + 1e-9);
        if (s.status === 'late') {
          const lastDue = addDays(quarterEnd(2026, Math.max(...a.quarters)), REPORTING_GRACE_DAYS) < today;
          expect(lastDue || s.expected - s.progress >= LATE_SLIPPAGE - 1e-9).toBe(true);
        }
      }),
    );
  });
});
