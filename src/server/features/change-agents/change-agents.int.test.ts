import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AnswerFeedList,
  ChangeAgent,
  ChangeAgentCounts,
  ChangeAgentList,
  ChangeAgentsApplied,
} from '../../../contracts/change-agents.ts';
import { answers, assessments, auditLog, employees, evidence, periods } from '../../db/schema.ts';
import { put } from '../../../../test/support/lke-answers.ts';
import {
  createTestApp,
  logInAs,
  seedOrg,
  seedUnit,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let lead: Client;
let periodId: string;

const employee = async (unitId: string, name: string) => {
  const id = randomUUID();
  await t.db.insert(employees).values({ id, unitId, name });
  return id;
};
const assessmentOf = async (unitId: string) => {
  const id = randomUUID();
  await t.db.insert(assessments).values({ id, periodId, unitId, target: 'WBK' });
  return id;
};
const agentsUrl = (unitId = org.sumenep.id) => `/api/units/${unitId}/change-agents`;
const designate = async (employeeId: string, designatedOn: string) => {
  const res = await lead.post(agentsUrl(), { employeeId, designatedOn, decreeRef: 'SK-AP/2025' });
  expect(res.statusCode).toBe(201);
  return res.json() as ChangeAgent;
};
const change = async (agentId: string, madeOn: string, integrated: boolean, evidenceIds: string[] = []) => {
  const res = await lead.post(`/api/change-agents/${agentId}/changes`, {
    title: `Perubahan ${madeOn}`,
    madeOn,
    integrated,
    evidenceIds,
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string };
};

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '1000' });
  org = await seedOrg(t.db);
  lead = await logInAs(t.app, 'lead@sumenep.test');
  periodId = randomUUID();
  await t.db.insert(periods).values({
    id: periodId,
    agencyId: org.kpu.id,
    year: 2026,
    name: '2026',
    templateId: 'permenpanrb-90-2021',
    templateVersion: '1.0.0',
    fillFrom: '2026-01-01',
    fillUntil: '2026-12-31',
  });
});
afterAll(() => t.close());

describe('change agents: refusals', () => {
  it('refuses the agency admin above, a member, another agency, and an employee of another unit', async () => {
    const own = await employee(org.sumenep.id, 'Agen Satu');
    const body = { employeeId: own, designatedOn: '2026-01-02', decreeRef: 'SK-AP/2026' };
    const agency = await logInAs(t.app, 'agency@kpu.test');
    expect((await agency.post(agentsUrl(), body)).statusCode).toBe(403);
    const member = await logInAs(t.app, 'member@sumenep.test');
    expect((await member.post(agentsUrl(), body)).statusCode).toBe(403);
    const foreign = await logInAs(t.app, 'agency@bawaslu.test');
    expect((await foreign.get(agentsUrl())).statusCode).toBe(403);
    expect((await lead.post(agentsUrl(org.banten.id), body)).statusCode).toBe(403);
    const other = await employee(org.jatim.id, 'Pegawai Jatim');
    const res = await lead.post(agentsUrl(), { ...body, employeeId: other });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('AGENT_EMPLOYEE_NOT_IN_UNIT');
    expect((await lead.post(agentsUrl(), { ...body, employeeId: randomUUID() })).statusCode).toBe(400);
  });

  it('refuses a second designation, dates out of order, foreign evidence, stale versions, unknown agents', async () => {
    const e = await employee(org.sumenep.id, 'Agen Dua');
    const agent = await designate(e, '2026-02-01');
    const again = await lead.post(agentsUrl(), { employeeId: e, designatedOn: '2026-02-02', decreeRef: 'x' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('AGENT_ALREADY_DESIGNATED');
    const bad = await lead.patch(`/api/change-agents/${agent.id}`, { version: 1, revokedOn: '2026-01-01' });
    expect(bad.json().error.code).toBe('AGENT_DATES_INVALID');
    const foreignEvidence = randomUUID();
    await t.db.insert(evidence).values({ id: foreignEvidence, unitId: org.jatim.id, title: 'Lain' });
    const ev = await lead.post(`/api/change-agents/${agent.id}/changes`, {
      title: 'x',
      madeOn: '2026-03-01',
      evidenceIds: [foreignEvidence],
    });
    expect(ev.json().error.code).toBe('EVIDENCE_NOT_IN_UNIT');
    expect(
      (await lead.patch(`/api/change-agents/${agent.id}`, { version: 1, decreeRef: 'SK-2' })).statusCode,
    ).toBe(200);
    expect(
      (await lead.patch(`/api/change-agents/${agent.id}`, { version: 1, decreeRef: 'SK-3' })).statusCode,
    ).toBe(409);
    expect(
      (await lead.post(`/api/change-agents/${randomUUID()}/changes`, { title: 'x', madeOn: '2026-01-01' }))
        .statusCode,
    ).toBe(404);
    expect((await lead.delete(`/api/change-agents/${agent.id}/changes/${randomUUID()}`)).statusCode).toBe(
      404,
    );
  });

  it('refuses applying to the LKE to who may not answer R1 items and on a locked assessment', async () => {
    const id = await assessmentOf(org.sumenep.id);
    const agency = await logInAs(t.app, 'agency@kpu.test');
    expect((await agency.post(`/api/assessments/${id}/change-agent-inputs`, {})).statusCode).toBe(403);
    // The member's grant names no area: she answers no area-1 item.
    const member = await logInAs(t.app, 'member@sumenep.test');
    expect((await member.post(`/api/assessments/${id}/change-agent-inputs`, {})).statusCode).toBe(403);
    const foreign = await logInAs(t.app, 'agency@bawaslu.test');
    expect((await foreign.get(`/api/assessments/${id}/answer-feeds`)).statusCode).toBe(403);
    expect((await lead.post(`/api/assessments/${randomUUID()}/change-agent-inputs`, {})).statusCode).toBe(
      404,
    );
    const range = await lead.post(`/api/assessments/${id}/change-agent-inputs`, {
      from: '2026-12-31',
      to: '2026-01-01',
    });
    expect(range.json().error.code).toBe('YEAR_RANGE_INVALID');
    await t.db.update(assessments).set({ status: 'submitted' }).where(eq(assessments.id, id));
    const locked = await lead.post(`/api/assessments/${id}/change-agent-inputs`, {});
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('ASSESSMENT_LOCKED');
    await t.db.delete(assessments).where(eq(assessments.id, id));
  });
});

describe('change agents feed R1.i.a and R1.i.b', () => {
  it('counts by hand: agents serving in 2026 and their 2026 changes only', async () => {
    // Earlier tests designated "Agen Dua" on 2026-02-01 with no change: he counts as an agent.
    const pdf = randomUUID();
    await t.db.insert(evidence).values({ id: pdf, unitId: org.sumenep.id, title: 'Notulen' });
    const a = await designate(await employee(org.sumenep.id, 'Agen A'), '2025-01-10');
    await change(a.id, '2026-02-01', true, [pdf]);
    await change(a.id, '2026-05-01', false);
    await change(a.id, '2025-12-31', true); // before the year
    const b = await designate(await employee(org.sumenep.id, 'Agen B'), '2026-03-01');
    await change(b.id, '2026-04-01', true);
    expect(
      (await lead.patch(`/api/change-agents/${b.id}`, { version: 1, revokedOn: '2026-06-30' })).statusCode,
    ).toBe(200);
    const c = await designate(await employee(org.sumenep.id, 'Agen C'), '2024-01-01');
    await change(c.id, '2026-01-15', true); // made after the designation ended: not counted
    await lead.patch(`/api/change-agents/${c.id}`, { version: 1, revokedOn: '2025-12-31' });
    const d = await designate(await employee(org.sumenep.id, 'Agen D'), '2027-01-01');
    const removed = await change(d.id, '2026-08-01', true);
    expect((await lead.delete(`/api/change-agents/${d.id}/changes/${removed.id}`)).statusCode).toBe(204);

    const leader = await logInAs(t.app, 'leader@jatim.test');
    const counts = await leader.get(`${agentsUrl()}/counts?from=2026-01-01&to=2026-12-31`);
    expect(counts.statusCode).toBe(200);
    // Agents: Dua, A, B (C ended before 2026, D starts 2027). Changes: A 2, B 1. Integrated: A 1, B 1.
    expect((counts.json() as ChangeAgentCounts).inputs).toEqual({
      'R1.i.a.1': 3,
      'R1.i.a.2': 3,
      'R1.i.b.1': 3,
      'R1.i.b.2': 2,
    });
    const list = (await leader.get(agentsUrl())).json() as ChangeAgentList;
    expect(list.agents).toHaveLength(5);
    expect(list.agents.find((x) => x.id === a.id)?.changes.map((ch) => ch.madeOn)).toEqual([
      '2025-12-31',
      '2026-02-01',
      '2026-05-01',
    ]);
    expect(list.agents.find((x) => x.id === d.id)?.changes).toEqual([]);
  });

  it('applies the counts to the draft, shows the source, and drops the source once edited by hand', async () => {
    const id = await assessmentOf(org.sumenep.id);
    const res = await lead.post(`/api/assessments/${id}/change-agent-inputs`, {});
    expect(res.statusCode).toBe(200);
    const applied = res.json() as ChangeAgentsApplied;
    expect(applied).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    expect(applied.note).toBe(
      'Dari data Agen Perubahan Pulau: 3 agen, 3 perubahan (2 terintegrasi dalam sistem manajemen), 01-01-2026 s.d. 31-12-2026.',
    );
    const stored = await t.db
      .select({ code: answers.code, value: answers.value, explanation: answers.explanation })
      .from(answers)
      .where(eq(answers.assessmentId, id))
      .orderBy(answers.code);
    expect(stored.map((s) => [s.code, s.value])).toEqual([
      ['R1.i.a.1', 3],
      ['R1.i.a.2', 3],
      ['R1.i.b.1', 3],
      ['R1.i.b.2', 2],
    ]);
    expect(stored.every((s) => s.explanation === applied.note)).toBe(true);
    const feeds = (await lead.get(`/api/assessments/${id}/answer-feeds`)).json() as AnswerFeedList;
    expect(feeds.feeds.map((f) => f.code)).toEqual(['R1.i.a.1', 'R1.i.a.2', 'R1.i.b.1', 'R1.i.b.2']);
    expect(feeds.feeds[0]).toMatchObject({ kind: 'change_agents', note: applied.note });

    // Re-applying over a narrower range overwrites with fresh counts (versions taken as they are).
    const narrow = await lead.post(`/api/assessments/${id}/change-agent-inputs`, {
      from: '2026-01-01',
      to: '2026-03-31',
    });
    // Serving then: Dua, A, B (from 1 March); changes: A 2026-02-01 only.
    expect((narrow.json() as ChangeAgentsApplied).inputs).toEqual({
      'R1.i.a.1': 3,
      'R1.i.a.2': 1,
      'R1.i.b.1': 1,
      'R1.i.b.2': 1,
    });

    const [current] = await t.db
      .select({ version: answers.version })
      .from(answers)
      .where(and(eq(answers.assessmentId, id), eq(answers.code, 'R1.i.a.1')));
    t.advance(1000);
    const edited = await put(t.app, lead, `/api/assessments/${id}/answers/R1.i.a.1`, {
      version: current!.version,
      value: 5,
      explanation: 'Dihitung manual',
    });
    expect(edited.statusCode).toBe(200);
    const after = (await lead.get(`/api/assessments/${id}/answer-feeds`)).json() as AnswerFeedList;
    expect(after.feeds.map((f) => f.code)).toEqual(['R1.i.a.2', 'R1.i.b.1', 'R1.i.b.2']);
    const audit = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectId, id));
    expect(audit.filter((x) => x.action === 'change_agents.applied')).toHaveLength(2);
  });

  it('a unit without change agents gets zeros (0 agents, 0 changes: the LKE’s 0/0)', async () => {
    const unit = await seedUnit(t.db, org.jatim, 'KPU-PAMEKASAN', 'KPU Kabupaten Pamekasan');
    const id = await assessmentOf(unit.id);
    const admin = await logInAs(t.app, 'admin@pulau.test');
    const res = await admin.post(`/api/assessments/${id}/change-agent-inputs`, {});
    expect(res.statusCode).toBe(200);
    expect((res.json() as ChangeAgentsApplied).inputs).toEqual({
      'R1.i.a.1': 0,
      'R1.i.a.2': 0,
      'R1.i.b.1': 0,
      'R1.i.b.2': 0,
    });
    const counts = await admin.get(
      `/api/units/${unit.id}/change-agents/counts?from=2026-01-01&to=2026-12-31`,
    );
    expect((counts.json() as ChangeAgentCounts).inputs['R1.i.a.1']).toBe(0);
  });
});
