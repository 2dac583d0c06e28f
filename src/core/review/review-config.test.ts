import { describe, expect, it } from 'vitest';
import { addYears, isCalendarDate, localDate } from './calendar.ts';
import { DEFAULT_TPI_STAGES, reviewConfigSchema } from './review-config.ts';

describe('review settings', () => {
  it('defaults: no preliminary review, three TPI stages, 31 May, WIB', () =>
    expect(reviewConfigSchema.parse({})).toEqual({
      preliminaryReview: false,
      tpiStages: DEFAULT_TPI_STAGES,
      proposalDeadline: '05-31',
      utcOffsetMinutes: 420,
    }));
  it('refuses duplicate stages, no stage, and a malformed deadline', () => {
    const stage = { id: 'member', completedBy: ['member'] };
    expect(reviewConfigSchema.safeParse({ tpiStages: [stage, stage] }).success).toBe(false);
    expect(reviewConfigSchema.safeParse({ tpiStages: [] }).success).toBe(false);
    expect(reviewConfigSchema.safeParse({ proposalDeadline: '5-31' }).success).toBe(false);
    expect(reviewConfigSchema.safeParse({ proposalDeadline: '13-01' }).success).toBe(false);
  });
});

describe('calendar', () => {
  it('reads the local day at a fixed offset', () => {
    expect(localDate(new Date('2025-05-31T16:59:59Z'), 420)).toBe('2025-05-31');
    expect(localDate(new Date('2025-05-31T17:00:00Z'), 420)).toBe('2025-06-01');
  });
  it('adds whole years, never ending a period early', () => {
    expect(addYears('2022-02-03', 2)).toBe('2024-02-03');
    expect(addYears('2024-02-29', 2)).toBe('2026-03-01');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(() => addYears('3 Feb 2022', 2)).toThrow(RangeError);
  });
  it('knows a real day', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
  });
});
