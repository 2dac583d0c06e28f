import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDecreeBody, DecreeCreated, TeamView } from '../../../contracts/team.ts';
import { auditLog, employees, evidence, periods, assessments, roleGrants } from '../../db/schema.ts';
import { lkeTemplate, put } from '../../../../test/support/lke-answers.ts';
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

const employee = async (unitId: string, name: string, userId: string | null = null, active = true) => {
  const id = randomUUID();
  await t.db.insert(employees).values({ id, unitId, name, position: 'Staf', userId, active });
  return id;
};

/** Six areas, area N coordinated by coordinators[N-1] with the given members. */
const areasOf = (coordinators: string[], members: Record<number, string[]> = {}) =>
  [1, 2, 3, 4, 5, 6].map((area) => ({
    area,
    coordinatorEmployeeId: coordinators[area - 1]!,
    memberEmployeeIds: members[area] ?? [],
  }));

let pool: string[] = [];
const body = (over: Partial<CreateDecreeBody> = {}): CreateDecreeBody => ({
  kind: 'decree',
  number: 'SK-01/ZI/2026',
  decreedOn: '2026-01-05',
  validFrom: '2026-01-05',
  evidenceId: null,
  selectionMethod: 'Seleksi terbuka oleh pimpinan berdasarkan kompetensi',
  leadEmployeeId: pool[0]!,
  areas: areasOf(pool.slice(0, 6)),
  currentDecreeId: null,
  ...over,
});

const team = async (client: Client) =>
  (await client.get(`/api/units/${org.sumenep.id}/team`)).json() as TeamView;
const grantsOf = (userId: string) =>
  t.db
    .select({ role: roleGrants.role, area: roleGrants.area })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, userId), eq(roleGrants.unitId, org.sumenep.id)));

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '1000' });
  org = await seedOrg(t.db);
  lead = await logInAs(t.app, 'lead@sumenep.test');
  pool = [];
  for (let i = 0; i < 8; i++) pool.push(await employee(org.sumenep.id, `Pegawai ${i + 1}`));
});
afterAll(() => t.close());

describe('work team by decree: refusals', () => {
  it('refuses the agency admin above the unit (programme.manage is the unit lead’s) and a foreign agency', async () => {
    const agency = await logInAs(t.app, 'agency@kpu.test');
    expect((await agency.post(`/api/units/${org.sumenep.id}/team/decrees`, body())).statusCode).toBe(403);
    const foreign = await logInAs(t.app, 'agency@bawaslu.test');
    expect((await foreign.get(`/api/units/${org.sumenep.id}/team`)).statusCode).toBe(403);
    expect((await lead.get(`/api/units/${org.banten.id}/team`)).statusCode).toBe(403);
    expect((await lead.post(`/api/units/${org.banten.id}/team/decrees`, body())).statusCode).toBe(403);
    const member = await logInAs(t.app, 'member@sumenep.test');
    expect((await member.post(`/api/units/${org.sumenep.id}/team/decrees`, body())).statusCode).toBe(403);
    expect((await member.get(`/api/units/${org.sumenep.id}/team/candidates`)).statusCode).toBe(403);
  });

  it('refuses an employee of another unit, an inactive one, a missing area, a double place, and foreign evidence', async () => {
    const other = await employee(org.jatim.id, 'Pegawai Jatim');
    const gone = await employee(org.sumenep.id, 'Pensiun', null, false);
    const url = `/api/units/${org.sumenep.id}/team/decrees`;
    const res = await lead.post(url, body({ leadEmployeeId: other }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('TEAM_EMPLOYEE_NOT_IN_UNIT');
    const member = await lead.post(url, body({ areas: areasOf(pool.slice(0, 6), { 3: [other] }) }));
    expect(member.json().error.code).toBe('TEAM_EMPLOYEE_NOT_IN_UNIT');
    expect((await lead.post(url, body({ leadEmployeeId: gone }))).json().error.code).toBe(
      'TEAM_EMPLOYEE_NOT_IN_UNIT',
    );
    const fiveAreas = body();
    const areas = [...fiveAreas.areas.slice(0, 5), { ...fiveAreas.areas[0]!, area: 1 }];
    expect((await lead.post(url, { ...fiveAreas, areas })).json().error.code).toBe('TEAM_AREAS_INVALID');
    expect(
      (await lead.post(url, body({ areas: areasOf(pool.slice(0, 6), { 2: [pool[1]!] }) }))).json().error.code,
    ).toBe('TEAM_DUPLICATE_MEMBER');
    const foreignEvidence = randomUUID();
    await t.db.insert(evidence).values({ id: foreignEvidence, unitId: org.jatim.id, title: 'SK lain' });
    expect((await lead.post(url, body({ evidenceId: foreignEvidence }))).json().error.code).toBe(
      'EVIDENCE_NOT_IN_UNIT',
    );
    expect((await lead.post(url, body({ kind: 'amendment' }))).json().error.code).toBe(
      'TEAM_NOTHING_TO_AMEND',
    );
    expect((await lead.post(url, body({ currentDecreeId: randomUUID() }))).statusCode).toBe(409);
    expect((await team(lead)).current).toBeNull();
  });

  it('answers 404 for an unknown unit', async () => {
    expect((await lead.get(`/api/units/${randomUUID()}/team`)).statusCode).toBe(404);
  });
});

describe('work team by decree', () => {
  let coordinatorUser: string;
  let leadUser: string;
  let memberUser: string;
  let handUser: string;
  let assessmentId: string;
  let firstDecree: string;

  it('records a decree with six area teams, readable by the team and up the hierarchy', async () => {
    coordinatorUser = await seedUser(t.db, { email: 'koor2@sumenep.test', homeUnit: org.sumenep });
    leadUser = await seedUser(t.db, { email: 'ketua@sumenep.test', homeUnit: org.sumenep });
    memberUser = await seedUser(t.db, { email: 'anggota3@sumenep.test', homeUnit: org.sumenep });
    // A grant given by hand before any decree: the team must leave it alone.
    handUser = await seedUser(t.db, {
      email: 'manual@sumenep.test',
      homeUnit: org.sumenep,
      grants: [{ role: 'team_member', unit: org.sumenep, area: 4 }],
    });
    const leadEmp = await employee(org.sumenep.id, 'Ketua Tim', leadUser);
    const coordEmp = await employee(org.sumenep.id, 'Koordinator Dua', coordinatorUser);
    const memberEmp = await employee(org.sumenep.id, 'Anggota Tiga', memberUser);
    const handEmp = await employee(org.sumenep.id, 'Anggota Manual', handUser);
    const pdf = randomUUID();
    await t.db.insert(evidence).values({ id: pdf, unitId: org.sumenep.id, title: 'SK Tim ZI' });
    const coordinators = [...pool.slice(0, 6)];
    coordinators[1] = coordEmp;
    const res = await lead.post(
      `/api/units/${org.sumenep.id}/team/decrees`,
      body({
        leadEmployeeId: leadEmp,
        evidenceId: pdf,
        areas: areasOf(coordinators, { 3: [memberEmp], 4: [handEmp] }),
      }),
    );
    expect(res.statusCode).toBe(201);
    const created = res.json() as DecreeCreated;
    firstDecree = created.decree.id;
    // Lead, coordinator of area 2, member of area 3 are new; the hand-given member grant of area 4 already existed.
    expect(created.grants).toEqual({ added: 3, removed: 0 });
    expect(created.decree.lead).toMatchObject({ name: 'Ketua Tim', hasAccount: true });
    expect(created.decree.areas).toHaveLength(6);
    expect(created.decree.areas[1]!.coordinator?.name).toBe('Koordinator Dua');
    expect(created.decree.areas[2]!.members.map((m) => m.name)).toEqual(['Anggota Tiga']);
    expect(created.decree.evidenceId).toBe(pdf);
    // No assessment of 2026 yet: the decree stands, the reply says why P1.i.a got nothing.
    expect(created.lkeLink).toEqual({
      linked: false,
      code: 'P1.i.a',
      assessmentId: null,
      reason: 'no_assessment',
    });

    expect(await grantsOf(leadUser)).toEqual([{ role: 'zi_team_lead', area: null }]);
    expect(await grantsOf(coordinatorUser)).toEqual([{ role: 'area_coordinator', area: 2 }]);
    expect(await grantsOf(memberUser)).toEqual([{ role: 'team_member', area: 3 }]);

    const leader = await logInAs(t.app, 'leader@jatim.test');
    const seen = await team(leader);
    expect(seen.current?.id).toBe(firstDecree);
    expect(seen.history).toEqual([]);

    const audit = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, firstDecree));
    expect(audit.map((a) => a.action).sort()).toEqual(['team.decree_recorded', 'team.grants_synced']);
  });

  it('the synchronised grants work: the new lead answers any area, the coordinator only hers', async () => {
    const template = await lkeTemplate();
    const keyOf = (code: string) => {
      const item = template.itemByCode.get(code);
      if (!item || item.type === 'ratio' || item.type === 'index_0_4') throw new Error(code);
      return item.options[0]!.key;
    };
    const periodId = randomUUID();
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
    assessmentId = randomUUID();
    await t.db
      .insert(assessments)
      .values({ id: assessmentId, periodId, unitId: org.sumenep.id, target: 'WBK' });
    const answer = (client: Client, code: string) =>
      put(t.app, client, `/api/assessments/${assessmentId}/answers/${code}`, {
        version: 0,
        value: keyOf(code),
        explanation: 'Ada',
      });
    const newLead = await logInAs(t.app, 'ketua@sumenep.test');
    expect((await answer(newLead, 'P1.i.a')).statusCode).toBe(200);
    const coordinator = await logInAs(t.app, 'koor2@sumenep.test');
    expect((await answer(coordinator, 'P3.i.a')).statusCode).toBe(403);
    expect((await answer(coordinator, 'P2.i.a')).statusCode).toBe(200);
    expect((await newLead.post(`/api/units/${org.sumenep.id}/team/decrees`, body())).statusCode).toBe(409);
  });

  it('a new decree supersedes the old, keeps it as history and takes back only the grants the team gave', async () => {
    const current = (await team(lead)).current!;
    // The amendment drops the area-3 member and moves area 2 back to a person without an account.
    const res = await lead.post(
      `/api/units/${org.sumenep.id}/team/decrees`,
      body({
        kind: 'amendment',
        number: 'SK-02/ZI/2026',
        leadEmployeeId: current.lead!.employeeId,
        currentDecreeId: current.id,
        areas: areasOf(pool.slice(0, 6)),
      }),
    );
    expect(res.statusCode).toBe(201);
    expect((res.json() as DecreeCreated).grants).toEqual({ added: 0, removed: 2 });
    expect(await grantsOf(leadUser)).toEqual([{ role: 'zi_team_lead', area: null }]);
    expect(await grantsOf(coordinatorUser)).toEqual([]);
    expect(await grantsOf(memberUser)).toEqual([]);
    // Dropped from the team, but the grant was given by hand: it stays.
    expect(await grantsOf(handUser)).toEqual([{ role: 'team_member', area: 4 }]);
    const view = await team(lead);
    expect(view.current?.kind).toBe('amendment');
    expect(view.current?.supersedesId).toBe(firstDecree);
    expect(view.history.map((d) => d.id)).toEqual([firstDecree]);
    expect(view.history[0]!.areas[1]!.coordinator?.name).toBe('Koordinator Dua');
    expect(view.history[0]!.supersededAt).not.toBeNull();
    const coordinator = await logInAs(t.app, 'koor2@sumenep.test');
    const again = await put(t.app, coordinator, `/api/assessments/${assessmentId}/answers/P2.i.a`, {
      version: 1,
      value: 'Ya',
      explanation: 'x',
    });
    expect(again.statusCode).toBe(403);
  });

  it('lists the unit’s active employees as candidates for the lead', async () => {
    const res = await lead.get(`/api/units/${org.sumenep.id}/team/candidates`);
    expect(res.statusCode).toBe(200);
    const names = (res.json() as { employees: { name: string }[] }).employees.map((e) => e.name);
    expect(names).toContain('Ketua Tim');
    expect(names).not.toContain('Pensiun');
    expect(names).not.toContain('Pegawai Jatim');
  });

  it('links the signed decree to P1.i.a of the editable assessment of its year, and only reports a locked one', async () => {
    const url = `/api/units/${org.sumenep.id}/team/decrees`;
    const signed = randomUUID();
    await t.db
      .insert(evidence)
      .values({ id: signed, unitId: org.sumenep.id, title: 'SK-03 bertanda tangan' });
    const amend = async (number: string, evidenceId: string) => {
      const current = (await team(lead)).current!;
      const res = await lead.post(
        url,
        body({
          kind: 'amendment',
          number,
          evidenceId,
          leadEmployeeId: current.lead!.employeeId,
          currentDecreeId: current.id,
        }),
      );
      expect(res.statusCode).toBe(201);
      return res.json() as DecreeCreated;
    };
    const linked = await amend('SK-03/ZI/2026', signed);
    expect(linked.lkeLink).toEqual({ linked: true, code: 'P1.i.a', assessmentId });
    const sheet = (await lead.get(`/api/assessments/${assessmentId}/worksheet`)).json() as {
      evidence: { evidenceId: string; code: string; checklistIndex: number | null }[];
    };
    expect(sheet.evidence).toContainEqual(
      expect.objectContaining({ evidenceId: signed, code: 'P1.i.a', checklistIndex: 0 }),
    );
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, signed));
    expect(audit.map((a) => a.action)).toContain('evidence.linked');

    await t.db.update(assessments).set({ status: 'submitted' }).where(eq(assessments.id, assessmentId));
    const later = randomUUID();
    await t.db.insert(evidence).values({ id: later, unitId: org.sumenep.id, title: 'SK-04 bertanda tangan' });
    const locked = await amend('SK-04/ZI/2026', later);
    expect(locked.decree.number).toBe('SK-04/ZI/2026');
    expect(locked.lkeLink).toEqual({ linked: false, code: 'P1.i.a', assessmentId, reason: 'locked' });
    const after = (await lead.get(`/api/assessments/${assessmentId}/worksheet`)).json() as {
      evidence: { evidenceId: string }[];
    };
    expect(after.evidence.map((e) => e.evidenceId)).not.toContain(later);
  });
});
