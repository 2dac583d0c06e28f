import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { put } from '../../../../test/support/lke-answers.ts';
import {
  createTestApp,
  logInAs,
  seedOrg,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';
import type { Assessment } from '../../../contracts/assessments.ts';
import { saveAnswer } from './save-answer.ts';

let t: TestApp;
let lead: Client;
let assessment: Assessment;

beforeAll(async () => {
  t = await createTestApp();
  const org = await seedOrg(t.db);
  const agency = await logInAs(t.app, 'agency@kpu.test');
  const period = await agency.post('/api/periods', {
    agencyId: org.kpu.id,
    year: 2026,
    name: 'ZI 2026',
    fillFrom: '2026-01-06',
    fillUntil: '2026-03-31',
  });
  lead = await logInAs(t.app, 'lead@sumenep.test');
  const created = await lead.post('/api/assessments', {
    periodId: period.json().id,
    unitId: org.sumenep.id,
    target: 'WBK',
  });
  assessment = created.json() as Assessment;
});
afterAll(() => t.close());

describe('an answer applied from a survey campaign', () => {
  it('is locked against hand edits, and only another applied campaign changes it', async () => {
    const campaignId = randomUUID();
    const applied = await t.db.transaction((tx) =>
      saveAnswer(tx, {
        assessmentId: assessment.id,
        code: 'H1.a',
        input: { version: 0, value: 3.72, explanation: 'Nilai H1.a dari survei Pulau.', status: 'complete' },
        actor: { id: null, label: 'test', ip: null },
        now: new Date(),
        sourceCampaignId: campaignId,
      }),
    );
    expect(applied.answer).toMatchObject({ value: 3.72, sourceCampaignId: campaignId, version: 1 });

    const byHand = await put(t.app, lead, `/api/assessments/${assessment.id}/answers/H1.a`, {
      version: 1,
      value: 4,
      explanation: 'diketik tangan',
    });
    expect(byHand.statusCode).toBe(409);
    expect(byHand.json().error.code).toBe('ANSWER_FROM_SURVEY');

    const worksheet = (await lead.get(`/api/assessments/${assessment.id}/worksheet`)).json();
    const h1a = worksheet.answers.find((a: { code: string }) => a.code === 'H1.a');
    expect(h1a).toMatchObject({ value: 3.72, sourceCampaignId: campaignId });

    const next = randomUUID();
    const reapplied = await t.db.transaction((tx) =>
      saveAnswer(tx, {
        assessmentId: assessment.id,
        code: 'H1.a',
        input: { version: 1, value: 3.8, explanation: 'Kampanye berikutnya.', status: 'complete' },
        actor: { id: null, label: 'test', ip: null },
        now: new Date(),
        sourceCampaignId: next,
      }),
    );
    expect(reapplied.answer).toMatchObject({ value: 3.8, sourceCampaignId: next, version: 2 });
  });
});
