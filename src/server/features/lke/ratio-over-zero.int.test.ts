import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../../contracts/assessments.ts';
import { put } from '../../../../test/support/lke-answers.ts';
import {
  createTestApp,
  logInAs,
  seedOrg,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';

let t: TestApp;
let lead: Client;
let assessment: Assessment;

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '1000' });
  const org = await seedOrg(t.db);
  const agencyAdmin = await logInAs(t.app, 'agency@kpu.test');
  lead = await logInAs(t.app, 'lead@sumenep.test');
  const period = await agencyAdmin.post('/api/periods', {
    agencyId: org.kpu.id,
    year: 2025,
    name: 'ZI 2025',
    fillFrom: '2025-01-06',
    fillUntil: '2025-03-31',
  });
  const created = await lead.post('/api/assessments', {
    periodId: (period.json() as { id: string }).id,
    unitId: org.sumenep.id,
    target: 'WBK',
  });
  assessment = created.json() as Assessment;
});
afterAll(() => t.close());

const url = (code: string) => `/api/assessments/${assessment.id}/answers/${code}`;
const save = (code: string, value: number, version = 0) =>
  put(t.app, lead, url(code), { version, value, explanation: '' });

describe('a positive count over a zero denominator (R5.ii.a: handled of to-handle)', () => {
  it('is refused whichever input is typed last, naming both, and nothing is saved', async () => {
    expect((await save('R5.ii.a.2', 0)).statusCode).toBe(200);
    expect((await save('R5.ii.a.1', 0)).statusCode).toBe(200);
    const res = await save('R5.ii.a.3', 2);
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as {
      error: { code: string; message: string; details: Record<string, unknown> };
    };
    expect(error.code).toBe('ANSWER_RATIO_OVER_ZERO');
    expect(error.details).toMatchObject({
      item: 'R5.ii.a',
      numerator: 'R5.ii.a.3',
      denominator: 'R5.ii.a.1',
    });
    expect(error.message).toContain('R5.ii.a.3 is 2 but R5.ii.a.1 is 0');
    const sheet = (await lead.get(`/api/assessments/${assessment.id}/worksheet`)).body;
    expect(sheet).not.toContain('"R5.ii.a.3"');
  });

  it('typed the other way round (the count first, then a zero denominator) it is refused too', async () => {
    expect((await save('R4.i.a.2', 3)).statusCode).toBe(200);
    const res = await save('R4.i.a.1', 0);
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { code: string } }).error.code).toBe('ANSWER_RATIO_OVER_ZERO');
  });

  it('0 of 0 keeps its documented rule: saved, with the zero-denominator warning', async () => {
    const res = await save('R5.ii.a.3', 0);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { warnings: { code: string }[] };
    expect(body.warnings.map((w) => w.code)).toContain('zero_denominator');
  });
});
