import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../../contracts/assessments.ts';
import type { ReviewItem, ReviewView } from '../../../contracts/reviews.ts';
import { users } from '../../db/schema.ts';
import { answerEverything, linkEvidence, lkeTemplate, put } from '../../../../test/support/lke-answers.ts';
import {
  createTestApp,
  logInAs,
  seedOrg,
  seedUser,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';

/**
 * An agency with its own settings: a preliminary review by the parent's leader, and two TPI stages whose
 * second is completed by either of two positions. The workspace's "Setujui" follows the settings.
 */
let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let agency: Client;
let lead: Client;
let unitLeader: Client;
let parentLeader: Client;
let anggota: Client;
let pengendali: Client;
let a: Assessment;

const review = (path = '') => `/api/assessments/${a.id}/review${path}`;
const step = async (c: Client, action: string, body: Record<string, unknown> = {}) => {
  const res = await c.post(review(`/${action}`), { version: a.version, ...body });
  expect(res.statusCode, res.body).toBe(200);
  a = res.json() as Assessment;
};

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '1000' });
  org = await seedOrg(t.db);
  const template = await lkeTemplate();
  await seedUser(t.db, {
    email: 'leader@sumenep.test',
    homeUnit: org.sumenep,
    grants: [{ role: 'leader', unit: org.sumenep }],
  });
  for (const email of ['anggota@kpu.test', 'pm@kpu.test'])
    await seedUser(t.db, { email, homeUnit: org.kpu, grants: [{ role: 'tpi_evaluator', unit: org.kpu }] });
  agency = await logInAs(t.app, 'agency@kpu.test');
  lead = await logInAs(t.app, 'lead@sumenep.test');
  unitLeader = await logInAs(t.app, 'leader@sumenep.test');
  parentLeader = await logInAs(t.app, 'leader@jatim.test');
  anggota = await logInAs(t.app, 'anggota@kpu.test');
  pengendali = await logInAs(t.app, 'pm@kpu.test');
  const settings = await put(t.app, agency, `/api/agencies/${org.kpu.id}/review-settings`, {
    version: 0,
    config: {
      preliminaryReview: true,
      tpiStages: [
        { id: 'anggota', completedBy: ['anggota'] },
        { id: 'akhir', completedBy: ['ketua', 'pengendali_mutu'] },
      ],
    },
  });
  expect(settings.statusCode, settings.body).toBe(200);
  for (const [email, positions] of [
    ['anggota@kpu.test', ['anggota']],
    ['pm@kpu.test', ['pengendali_mutu']],
  ] as const) {
    const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const res = await agency.post(`/api/units/${org.sumenep.id}/evaluators`, { userId: user?.id, positions });
    expect(res.statusCode, res.body).toBe(201);
  }
  const period = await agency.post('/api/periods', {
    agencyId: org.kpu.id,
    year: 2027,
    name: 'ZI 2027',
    fillFrom: '2027-01-06',
    fillUntil: '2027-03-31',
  });
  a = (
    await lead.post('/api/assessments', { periodId: period.json().id, unitId: org.sumenep.id, target: 'WBK' })
  ).json() as Assessment;
  await answerEverything(t.app, lead, a.id, template);
  const codes = template.items.filter((i) => i.evidence.length > 0).map((i) => i.code);
  await linkEvidence(t.db, { unitId: org.sumenep.id, assessmentId: a.id, codes });
  a = (await lead.post(`/api/assessments/${a.id}/submit`, { version: a.version })).json() as Assessment;
});
afterAll(() => t.close());

describe('an agency with a preliminary review and its own TPI stages', () => {
  it('refusals first: no direct step to TPI; the unit’s own leader is not the preliminary reviewer', async () => {
    const direct = await unitLeader.post(review('/approve_to_tpi'), { version: a.version });
    expect(direct.statusCode).toBe(409);
    expect(direct.json().error.code).toBe('TRANSITION_NOT_ALLOWED');
    const res = await unitLeader.post(`/api/assessments/${a.id}/approve`, { version: a.version });
    expect(res.statusCode, res.body).toBe(200);
    a = res.json() as Assessment;
    expect(a.status).toBe('preliminary_review');
    const own = await unitLeader.post(review('/preliminary_pass'), { version: a.version });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('ROLE_NOT_ALLOWED');
  });

  it('the parent’s leader answers at the preliminary level, then passes it to TPI', async () => {
    const v = (await parentLeader.get(review())).json() as ReviewView;
    expect(v).toMatchObject({ status: 'preliminary_review', myLevel: 'preliminary', canReturnItems: false });
    expect(v.levels.map((l) => l.level)).toEqual([
      'unit',
      'preliminary',
      'tpi:anggota',
      'tpi:akhir',
      'tpn_desk',
      'tpn_field',
    ]);
    const answer = await put(t.app, parentLeader, review('/items/P1.i.b'), {
      version: 0,
      value: 'B',
      note: 'Belum terukur',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect((answer.json().item as ReviewItem).levels[0]).toMatchObject({
      level: 'preliminary',
      value: 'B',
      own: true,
    });
    // Returning single items is TPI's.
    expect((await parentLeader.post(review('/items/P1.i.b/return'), { note: 'x' })).json().error.code).toBe(
      'ROLE_NOT_ALLOWED',
    );
    await step(parentLeader, 'preliminary_pass');
    expect(a).toMatchObject({ status: 'tpi_review' });
  });

  it('TPI starts from the preliminary answer; either position of the last stage completes it', async () => {
    const v = (await anggota.get(review())).json() as ReviewView;
    expect(v).toMatchObject({ myLevel: 'tpi:anggota', tpiStage: { id: 'anggota', isLast: false } });
    const items = (await anggota.get(review('/items?changed=true'))).json();
    expect(items.items.map((i: ReviewItem) => [i.code, i.levels[1]?.from])).toEqual([
      ['P1.i.b', 'preliminary'],
    ]);
    await step(anggota, 'tpi_complete_stage');
    const last = (await pengendali.get(review())).json() as ReviewView;
    expect(last).toMatchObject({ myLevel: 'tpi:akhir', tpiStage: { id: 'akhir', isLast: true } });
    expect(last.actions.map((x) => x.action)).toEqual(['tpi_return', 'tpi_find_meets', 'tpi_find_not_meets']);
    await step(pengendali, 'tpi_find_not_meets', { note: 'Area 1 belum memadai' });
    expect(a.status).toBe('tpi_verdict_not_meets');
  });
});
