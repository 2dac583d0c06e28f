import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../../contracts/assessments.ts';
import type { Recap } from '../../../contracts/recap.ts';
import { assessmentScores } from '../../db/schema.ts';
import { lkeTemplate, put } from '../../../../test/support/lke-answers.ts';
import {
  createTestApp,
  logInAs,
  seedOrg,
  seedUnit,
  seedUser,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let jabar: Awaited<ReturnType<typeof seedUnit>>;
let agency: Client;
let lead: Client;
let jatimLeader: Client;
let jabarLeader: Client;
let bawasluAdmin: Client;
let periodId: string;
let bawasluPeriodId: string;
let sumenepAssessment: Assessment;

const recap = (c: Client, unitId: string, period = periodId) =>
  c.get(`/api/units/${unitId}/recap?periodId=${period}`);

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '1000' });
  org = await seedOrg(t.db);
  jabar = await seedUnit(t.db, org.kpu, 'KPU-JABAR', 'KPU Provinsi Jawa Barat', 'provinsi');
  await seedUser(t.db, {
    email: 'leader@jabar.test',
    homeUnit: jabar,
    grants: [{ role: 'leader', unit: jabar }],
  });
  agency = await logInAs(t.app, 'agency@kpu.test');
  lead = await logInAs(t.app, 'lead@sumenep.test');
  jatimLeader = await logInAs(t.app, 'leader@jatim.test');
  jabarLeader = await logInAs(t.app, 'leader@jabar.test');
  bawasluAdmin = await logInAs(t.app, 'agency@bawaslu.test');
  const period = await agency.post('/api/periods', {
    agencyId: org.kpu.id,
    year: 2027,
    name: 'ZI 2027',
    fillFrom: '2027-01-06',
    fillUntil: '2099-03-31',
  });
  periodId = (period.json() as { id: string }).id;
  const other = await bawasluAdmin.post('/api/periods', {
    agencyId: org.bawaslu.id,
    year: 2027,
    name: 'ZI 2027',
    fillFrom: '2027-01-06',
    fillUntil: '2027-03-31',
  });
  bawasluPeriodId = (other.json() as { id: string }).id;
  sumenepAssessment = (
    await lead.post('/api/assessments', { periodId, unitId: org.sumenep.id, target: 'WBK' })
  ).json() as Assessment;
  const template = await lkeTemplate();
  const option = template.items.find((i) => i.type !== 'ratio' && i.type !== 'index_0_4');
  const res = await put(t.app, lead, `/api/assessments/${sumenepAssessment.id}/answers/${option!.code}`, {
    version: 0,
    value: 'Ya',
    explanation: 'SK Tim ZI',
  });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(() => t.close());

describe('GET /api/units/:unitId/recap', () => {
  it('refuses first: no period 400, unknown unit 404, a period of another agency 404 PERIOD_NOT_FOUND', async () => {
    expect((await jatimLeader.get(`/api/units/${org.jatim.id}/recap`)).statusCode).toBe(400);
    const unknown = await recap(agency, '00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    const foreignPeriod = await recap(agency, org.kpu.id, bawasluPeriodId);
    expect(foreignPeriod.statusCode).toBe(404);
    expect(foreignPeriod.json().error.code).toBe('PERIOD_NOT_FOUND');
    const noPeriod = await recap(agency, org.kpu.id, '00000000-0000-4000-8000-000000000000');
    expect(noPeriod.json().error.code).toBe('PERIOD_NOT_FOUND');
  });

  it('refuses a district user the province, a sibling province, and a foreign agency (403)', async () => {
    const up = await recap(lead, org.jatim.id);
    expect(up.statusCode).toBe(403);
    expect(up.json().error.code).toBe('FORBIDDEN');
    expect((await recap(jabarLeader, org.jatim.id)).statusCode).toBe(403);
    expect((await recap(jatimLeader, jabar.id)).statusCode).toBe(403);
    expect((await recap(bawasluAdmin, org.kpu.id)).statusCode).toBe(403);
  });

  it('the province leader reads her subtree only, with the stored figures of each unit', async () => {
    const res = await recap(jatimLeader, org.jatim.id);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Recap;
    expect(body.rows.map((r) => r.name)).toEqual(['KPU Provinsi Jawa Timur', 'KPU Kabupaten Sumenep']);
    expect(body.rows[0]).toMatchObject({ parentId: null, depth: 0, assessment: null, plans: null });
    const row = body.rows[1]!;
    expect(row.parentId).toBe(org.jatim.id);
    const [stored] = await t.db
      .select()
      .from(assessmentScores)
      .where(eq(assessmentScores.assessmentId, sumenepAssessment.id));
    expect(row.assessment).toMatchObject({
      id: sumenepAssessment.id,
      status: 'draft',
      target: 'WBK',
      nextDeadline: { kind: 'fill', date: '2099-03-31' },
      answered: 1,
      withExplanation: 1,
      withEvidence: 0,
      unitTotal: stored!.total,
      reviewer: null,
      wbkEligible: false,
      failedRules: stored!.wbkFailed,
    });
    expect(row.assessment?.areaShares).toHaveLength(6);
  });

  it('the agency admin reads the whole agency, the province and its sibling', async () => {
    const body = (await recap(agency, org.kpu.id)).json() as Recap;
    expect(body.rows.map((r) => r.code)).toEqual(
      expect.arrayContaining(['KPU', 'KPU-JATIM', 'KPU-SUMENEP', 'KPU-JABAR']),
    );
    expect(body.rows.find((r) => r.code === 'KPU-SUMENEP')?.depth).toBe(2);
  });
});
