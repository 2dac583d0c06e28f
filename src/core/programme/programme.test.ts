import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ONE, ratio, eq } from '../shared/exact.ts';
import { scoreAssessment } from '../lke/score-assessment.ts';
import { T } from '../lke/test-support.ts';
import { followUp, type Finding } from './follow-up.ts';
import { changeAgentInputs, type ChangeAgent } from './change-agent-inputs.ts';

const finding = (id: string, status: Finding['status'], dueDate = '2026-06-30'): Finding => ({
  id,
  source: 'bpk',
  dueDate,
  status,
});

describe('follow-up of audit findings', () => {
  it('counts by hand: 3 of 4 followed up is 75 %, the open one past its date is overdue', () => {
    const result = followUp(
      [
        finding('a', 'done'),
        finding('b', 'done'),
        finding('c', 'done'),
        finding('d', 'in_progress', '2026-09-30'),
      ],
      '2026-11-23',
    );
    expect(result).toMatchObject({ total: 4, done: 3, overdue: ['d'] });
    expect(eq(result.percentage, ratio(3, 4))).toBe(true);
  });

  it('treats no finding as fully followed up (0/0 → 100 %)', () => {
    expect(eq(followUp([], '2026-11-23').percentage, ONE)).toBe(true);
  });

  it('is not overdue on the due date itself', () => {
    expect(followUp([finding('a', 'open', '2026-11-23')], '2026-11-23').overdue).toEqual([]);
  });

  it('lies in [0, 1] and is 1 exactly when every finding is done', () => {
    const statuses = fc.array(fc.constantFrom<Finding['status']>('open', 'in_progress', 'done'), {
      maxLength: 30,
    });
    fc.assert(
      fc.property(statuses, (list) => {
        const result = followUp(
          list.map((s, i) => finding(String(i), s)),
          '2026-11-23',
        );
        expect(result.percentage.n >= 0n && result.percentage.n <= result.percentage.d).toBe(true);
        expect(eq(result.percentage, ONE)).toBe(list.every((s) => s === 'done'));
      }),
    );
  });
});

describe('change agents into R1.i.a and R1.i.b', () => {
  const year = { from: '2026-01-01', to: '2026-12-31' };
  const agent = (
    id: string,
    designatedOn: string,
    revokedOn: string | null,
    changes: ChangeAgent['changes'],
  ): ChangeAgent => ({
    id,
    designatedOn,
    revokedOn,
    changes,
  });

  it('counts by hand: agents serving in the year, changes made in it, integrated ones', () => {
    const agents = [
      agent('a', '2025-03-01', null, [
        { madeOn: '2025-12-31', integrated: true }, // last year: not counted
        { madeOn: '2026-02-01', integrated: true },
        { madeOn: '2026-08-17', integrated: false },
      ]),
      agent('b', '2026-06-01', null, [{ madeOn: '2026-07-01', integrated: true }]),
      agent('c', '2024-01-01', '2025-12-31', [{ madeOn: '2026-01-05', integrated: true }]), // revoked before the year
      agent('d', '2027-01-01', null, []), // designated after the year
    ];
    expect(changeAgentInputs(agents, year)).toEqual({
      'R1.i.a.1': 2,
      'R1.i.a.2': 3,
      'R1.i.b.1': 3,
      'R1.i.b.2': 2,
    });
  });

  it('gives zeros without agents, which the LKE scores by its 0/0 rule', () => {
    const inputs = changeAgentInputs([], year);
    expect(inputs).toEqual({ 'R1.i.a.1': 0, 'R1.i.a.2': 0, 'R1.i.b.1': 0, 'R1.i.b.2': 0 });
    const score = scoreAssessment(T, { answers: inputs });
    const r1ia = score.items.find((i) => i.code === 'R1.i.a')?.value;
    expect(r1ia && eq(r1ia, ONE)).toBe(true);
  });

  it('feeds the LKE: 2 agents who made 3 changes, 2 integrated, score R1.i.a = 1 (capped) and R1.i.b = 2/3', () => {
    const inputs = { 'R1.i.a.1': 2, 'R1.i.a.2': 3, 'R1.i.b.1': 3, 'R1.i.b.2': 2 };
    const score = scoreAssessment(T, { answers: inputs });
    const value = (code: string) => score.items.find((i) => i.code === code)?.value;
    expect(eq(value('R1.i.a')!, ONE)).toBe(true);
    expect(eq(value('R1.i.b')!, ratio(2, 3))).toBe(true);
  });
});
