import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../../contracts/assessments.ts';
import type { TodoList } from '../../../contracts/home.ts';
import { planReports } from '../../db/schema.ts';
import { put } from '../../../../test/support/lke-answers.ts';
import {
  createTestApp,
  logInAs,
  seedOrg,
  seedUser,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let lead: Client;
let leader: Client;
let jatimLeader: Client;
let a: Assessment;
const inDays = (n: number) =>
  new Date(Date.now() + n * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
const todos = async (c: Client) => ((await c.get('/api/me/todos')).json() as TodoList).todos;

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '1000' });
  org = await seedOrg(t.db);
  await seedUser(t.db, {
    email: 'leader@sumenep.test',
    homeUnit: org.sumenep,
    grants: [{ role: 'leader', unit: org.sumenep }],
  });
  const agency = await logInAs(t.app, 'agency@kpu.test');
  lead = await logInAs(t.app, 'lead@sumenep.test');
  leader = await logInAs(t.app, 'leader@sumenep.test');
  jatimLeader = await logInAs(t.app, 'leader@jatim.test');
  // The fill window closes in five days: within the fourteen the home page looks ahead, whatever today is.
  const period = await agency.post('/api/periods', {
    agencyId: org.kpu.id,
    year: 2027,
    name: 'ZI 2027',
    fillFrom: inDays(-30),
    fillUntil: inDays(5),
    requireAllAnswered: false,
    requireExplanation: false,
    requireEvidence: false,
  });
  expect(period.statusCode, period.body).toBe(201);
  a = (
    await lead.post('/api/assessments', { periodId: period.json().id, unitId: org.sumenep.id, target: 'WBK' })
  ).json() as Assessment;
});
afterAll(() => t.close());

describe('GET /api/me/todos', () => {
  it('refuses an anonymous caller (401)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me/todos' });
    expect(res.statusCode).toBe(401);
  });

  it('the team lead sees the closing window of her draft; nobody above sees it', async () => {
    expect(await todos(lead)).toEqual([
      {
        kind: 'deadline_soon',
        count: 1,
        unitName: 'KPU Kabupaten Sumenep',
        link: `/assessments/${a.id}`,
        date: inDays(5),
      },
    ]);
    expect(await todos(leader)).toEqual([]);
    expect(await todos(jatimLeader)).toEqual([]);
  });

  it('once submitted, the unit’s own leader has it to approve and the lead’s deadline is gone', async () => {
    const answered = await put(t.app, lead, `/api/assessments/${a.id}/answers/P1.i.a`, {
      version: 0,
      value: 'Ya',
      explanation: 'SK',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const sub = await lead.post(`/api/assessments/${a.id}/submit`, { version: a.version });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(await todos(lead)).toEqual([]);
    expect(await todos(leader)).toEqual([
      expect.objectContaining({ kind: 'approval_waiting', link: `/assessments/${a.id}`, count: 1 }),
    ]);
    // The province's leader approves only her own unit's submission, not her regencies'.
    expect(await todos(jatimLeader)).toEqual([]);
  });

  it('a quarterly report submitted by the province waits for its own leader', async () => {
    await t.db
      .insert(planReports)
      .values({ id: randomUUID(), unitId: org.jatim.id, year: 2027, quarter: 1, status: 'submitted' });
    expect(await todos(jatimLeader)).toEqual([
      {
        kind: 'report_to_approve',
        count: 1,
        unitName: 'KPU Provinsi Jawa Timur',
        link: `/action-plans/reports?unit=${org.jatim.id}`,
        date: null,
      },
    ]);
  });
});
