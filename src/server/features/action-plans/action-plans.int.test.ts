import { randomUUID } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, Plan, SavedRealisation, UnitPlans } from '../../../contracts/action-plans.ts';
import type { Worksheet } from '../../../contracts/assessments.ts';
import { auditLog, planRealisations } from '../../db/schema.ts';
import { activityBody, startPlanApp, YEAR, type PlanApp } from './test-kit.ts';

let p: PlanApp;
let assessmentId: string;
let plan1: Plan;
let plan2: Plan;

const LEAD = 'lead@sumenep.test';
const COORD1 = 'coord1@sumenep.test';
const MEMBER2 = 'member2@sumenep.test';

beforeAll(async () => {
  p = await startPlanApp();
  assessmentId = await p.seedAssessment(p.org.sumenep.id, YEAR);
  const lead = await p.as(LEAD);
  plan1 = (await lead.post(`/api/units/${p.org.sumenep.id}/action-plans`, { year: YEAR, area: 1 })).json();
  plan2 = (await lead.post(`/api/units/${p.org.sumenep.id}/action-plans`, { year: YEAR, area: 2 })).json();
});
afterAll(() => p.t.close());

const plansUrl = () => `/api/units/${p.org.sumenep.id}/action-plans?year=${YEAR}`;

describe('refusals', () => {
  it('asks for a login (401)', async () => {
    const res = await p.t.app.inject({ method: 'GET', url: plansUrl() });
    expect(res.statusCode).toBe(401);
  });

  it("an area's coordinator or member may not touch another area's plan (403)", async () => {
    const coord1 = await p.as(COORD1);
    expect(
      (await coord1.post(`/api/units/${p.org.sumenep.id}/action-plans`, { year: YEAR, area: 3 })).statusCode,
    ).toBe(403);
    expect(
      (await coord1.patch(`/api/action-plans/${plan2.id}`, { version: 1, summary: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await coord1.post(`/api/action-plans/${plan2.id}/activities`, activityBody({ lkeCodes: [] })))
        .statusCode,
    ).toBe(403);
    const member2 = await p.as(MEMBER2);
    const own = await member2.post(
      `/api/action-plans/${plan2.id}/activities`,
      activityBody({ lkeCodes: ['P2.i.a'] }),
    );
    expect(own.statusCode).toBe(201);
    const activity = own.json() as Activity;
    expect(
      (
        await p.putJson(COORD1, `/api/plan-activities/${activity.id}/realisations/1`, {
          version: 0,
          achieved: 1,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await coord1.patch(`/api/plan-activities/${activity.id}`, { version: 1, title: 'x' })).statusCode,
    ).toBe(403);
    expect((await coord1.delete(`/api/plan-activities/${activity.id}?version=1`)).statusCode).toBe(403);
    // Her own area she may edit.
    expect(
      (
        await coord1.patch(`/api/action-plans/${plan1.id}`, {
          version: plan1.version,
          summary: 'Target prioritas area 1',
        })
      ).statusCode,
    ).toBe(200);
  });

  it("a parent unit never edits a child's plan: its lead, its leader, the agency admin (403)", async () => {
    for (const email of ['lead@jatim.test', 'leader@jatim.test', 'agency@kpu.test']) {
      const c = await p.as(email);
      expect(
        (await c.post(`/api/units/${p.org.sumenep.id}/action-plans`, { year: YEAR, area: 4 })).statusCode,
        email,
      ).toBe(403);
      expect(
        (await c.post(`/api/action-plans/${plan1.id}/activities`, activityBody())).statusCode,
        email,
      ).toBe(403);
    }
  });

  it('commenting from another unit, or from the parent, is refused (403); from the staff route it is unknown (404)', async () => {
    const coord1 = await p.as(COORD1);
    const a = (
      await coord1.post(`/api/action-plans/${plan1.id}/activities`, activityBody({ title: 'Untuk komentar' }))
    ).json() as Activity;
    for (const email of [
      'lead@bangkalan.test',
      'leader@jatim.test',
      'agency@kpu.test',
      'agency@bawaslu.test',
    ]) {
      const res = await (
        await p.as(email)
      ).post(`/api/plan-activities/${a.id}/comments`, { body: 'Masukan' });
      expect(res.statusCode, email).toBe(403);
    }
    // A user with no role: refused on the team's route, and not an employee of Sumenep on the staff route.
    const bangkalan = await p.as('lead@bangkalan.test');
    expect(
      (await bangkalan.post('/api/me/plan-comments', { activityId: a.id, body: 'Masukan' })).statusCode,
    ).toBe(404);
    expect(
      (await (await p.as('staff@sumenep.test')).post(`/api/plan-activities/${a.id}/comments`, { body: 'x' }))
        .statusCode,
    ).toBe(403);
  });

  it('rejects bad input with stable codes (400) and unknown ids (404)', async () => {
    const coord1 = await p.as(COORD1);
    const bad = async (body: Record<string, unknown>) =>
      (await coord1.post(`/api/action-plans/${plan1.id}/activities`, activityBody(body))).json().error.code;
    expect(await bad({ lkeCodes: ['P3.i.a'] })).toBe('LKE_CODE_OUTSIDE_AREA');
    expect(await bad({ lkeCodes: ['P1.ix.z'] })).toBe('LKE_CODE_UNKNOWN');
    expect(await bad({ personInChargeId: p.people.foreign })).toBe('PERSON_NOT_EMPLOYEE');
    expect(await bad({ personInChargeId: randomUUID() })).toBe('PERSON_NOT_EMPLOYEE');
    expect(
      (await coord1.post(`/api/action-plans/${plan1.id}/activities`, activityBody({ target: 0 }))).statusCode,
    ).toBe(400);
    expect(
      (await coord1.post(`/api/action-plans/${plan1.id}/activities`, activityBody({ quarters: [1, 1] })))
        .statusCode,
    ).toBe(400);
    expect(
      (await coord1.post(`/api/action-plans/${randomUUID()}/activities`, activityBody())).statusCode,
    ).toBe(404);
    expect(
      (
        await p.putJson(COORD1, `/api/plan-activities/${randomUUID()}/realisations/1`, {
          version: 0,
          achieved: 1,
        })
      ).statusCode,
    ).toBe(404);
    const a = (
      await coord1.post(`/api/action-plans/${plan1.id}/activities`, activityBody())
    ).json() as Activity;
    const foreignEvidence = await p.seedEvidence(p.org.bangkalan.id, 'Bukti Bangkalan');
    const res = await p.putJson(COORD1, `/api/plan-activities/${a.id}/realisations/1`, {
      version: 0,
      achieved: 1,
      evidenceIds: [foreignEvidence],
    });
    expect(res.json().error.code).toBe('EVIDENCE_NOT_OF_UNIT');
  });

  it('a second plan for the same area and year is 409 PLAN_EXISTS; old versions are 409 STALE_WRITE', async () => {
    const lead = await p.as(LEAD);
    const again = await lead.post(`/api/units/${p.org.sumenep.id}/action-plans`, { year: YEAR, area: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PLAN_EXISTS');
    const a = (
      await lead.post(`/api/action-plans/${plan1.id}/activities`, activityBody({ title: 'Versi' }))
    ).json() as Activity;
    expect((await lead.patch(`/api/plan-activities/${a.id}`, { version: 1, target: 5 })).statusCode).toBe(
      200,
    );
    const stale = await lead.patch(`/api/plan-activities/${a.id}`, { version: 1, target: 6 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_WRITE');
    expect(stale.json().error.details.current.target).toBe(5);
    expect((await lead.delete(`/api/plan-activities/${a.id}?version=1`)).statusCode).toBe(409);
    const r1 = await p.putJson(LEAD, `/api/plan-activities/${a.id}/realisations/1`, {
      version: 0,
      achieved: 1,
    });
    expect(r1.statusCode).toBe(200);
    const r1again = await p.putJson(LEAD, `/api/plan-activities/${a.id}/realisations/1`, {
      version: 0,
      achieved: 2,
    });
    expect(r1again.json().error.code).toBe('STALE_WRITE');
    const del = await lead.delete(`/api/plan-activities/${a.id}?version=2`);
    expect(del.json().error.code).toBe('ACTIVITY_HAS_REALISATION');
  });
});

describe('activities, realisation and evidence attached to the LKE item in one step', () => {
  it('reports a quarter with evidence: it appears linked to the activity’s LKE items in the worksheet', async () => {
    const coord1 = await p.as(COORD1);
    const a = (
      await coord1.post(
        `/api/action-plans/${plan1.id}/activities`,
        activityBody({
          title: 'Penyusunan rencana kerja ZI',
          target: 1,
          targetUnit: 'dokumen',
          quarters: [1],
          lkeCodes: ['P1.ii.a', 'P1.ii.b'],
          personInChargeId: p.people.siti,
          budget: 2_500_000,
        }),
      )
    ).json() as Activity;
    expect(a.personInChargeName).toBe('Siti Aminah');
    const doc = await p.seedEvidence(p.org.sumenep.id, 'Dokumen Rencana Kerja ZI 2026');
    const res = await p.putJson(COORD1, `/api/plan-activities/${a.id}/realisations/1`, {
      version: 0,
      achieved: 1,
      note: 'Ditetapkan 12 Maret',
      evidenceIds: [doc],
    });
    expect(res.statusCode).toBe(200);
    const saved = res.json() as SavedRealisation;
    expect(saved.linked.map((l) => l.code).sort()).toEqual(['P1.ii.a', 'P1.ii.b']);
    expect(saved.activity.status.status).toBe('done');
    expect(saved.activity.realisations[0]?.evidence).toEqual([
      { id: doc, title: 'Dokumen Rencana Kerja ZI 2026' },
    ]);

    const sheet = (
      await (await p.as(LEAD)).get(`/api/assessments/${assessmentId}/worksheet`)
    ).json() as Worksheet;
    const onItems = sheet.evidence
      .filter((e) => e.evidenceId === doc)
      .map((e) => e.code)
      .sort();
    expect(onItems).toEqual(['P1.ii.a', 'P1.ii.b']);
    expect(sheet.evidence.find((e) => e.evidenceId === doc)?.title).toBe('Dokumen Rencana Kerja ZI 2026');
  });

  it('refuses when that year’s assessment is locked (409 ASSESSMENT_LOCKED) and saves nothing', async () => {
    const lead = await p.as(LEAD);
    await p.seedAssessment(p.org.sumenep.id, 2027, 'submitted');
    const plan = (
      await lead.post(`/api/units/${p.org.sumenep.id}/action-plans`, { year: 2027, area: 1 })
    ).json() as Plan;
    const a = (await lead.post(`/api/action-plans/${plan.id}/activities`, activityBody())).json() as Activity;
    const doc = await p.seedEvidence(p.org.sumenep.id, 'Bukti 2027');
    const res = await p.putJson(LEAD, `/api/plan-activities/${a.id}/realisations/1`, {
      version: 0,
      achieved: 1,
      evidenceIds: [doc],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ASSESSMENT_LOCKED');
    expect(await p.t.db.select().from(planRealisations).where(eq(planRealisations.activityId, a.id))).toEqual(
      [],
    );
    // Without evidence the realisation itself is recorded.
    const plain = await p.putJson(LEAD, `/api/plan-activities/${a.id}/realisations/1`, {
      version: 0,
      achieved: 1,
    });
    expect(plain.statusCode).toBe(200);
    expect((plain.json() as SavedRealisation).linked).toEqual([]);
  });

  it('computes each status from target, realisation and the quarter dates (hand-computed for 20 Aug 2026)', async () => {
    const lead = await p.as(LEAD);
    const plan = (
      await lead.post(`/api/units/${p.org.sumenep.id}/action-plans`, {
        year: YEAR,
        area: 5,
        summary: 'Pengawasan',
      })
    ).json() as Plan;
    const add = async (body: Record<string, unknown>) =>
      (
        await lead.post(`/api/action-plans/${plan.id}/activities`, activityBody({ lkeCodes: [], ...body }))
      ).json() as Activity;
    const quarterly = await add({ title: 'Triwulanan', target: 4, quarters: [1, 2, 3, 4] });
    const q2only = await add({ title: 'Hanya TW2', target: 2, quarters: [2] });
    await add({ title: 'TW3-4', target: 10, quarters: [3, 4] });
    const once = await add({ title: 'Sekali TW1', target: 1, quarters: [1] });
    for (const [id, q, achieved] of [
      [quarterly.id, 1, 1],
      [q2only.id, 2, 1],
      [once.id, 1, 1],
    ] as const)
      expect(
        (await p.putJson(LEAD, `/api/plan-activities/${id}/realisations/${q}`, { version: 0, achieved }))
          .statusCode,
      ).toBe(200);
    const plans = (await lead.get(plansUrl())).json() as UnitPlans;
    expect(plans.today).toBe('2026-08-20');
    const area5 = plans.areas.find((x) => x.area === 5)!.plan!;
    const status = (title: string) => area5.activities.find((a) => a.title === title)!.status;
    // 1 of 4, two of four quarters ended: 25 % vs 50 % expected → at risk (25 points short, less than half).
    expect(status('Triwulanan')).toEqual({
      achieved: 1,
      progress: 0.25,
      expected: 0.5,
      slippage: 0.25,
      status: 'at_risk',
    });
    // Its only quarter (Q2) is due since 16 July and half done → late.
    expect(status('Hanya TW2')).toMatchObject({ progress: 0.5, status: 'late' });
    expect(status('TW3-4')).toMatchObject({ progress: 0, expected: 0, status: 'on_track' });
    expect(status('Sekali TW1')).toMatchObject({ progress: 1, status: 'done' });
    expect(area5.totals).toEqual({
      activities: 4,
      progress: (0.25 + 0.5 + 0 + 1) / 4,
      counts: { on_track: 1, at_risk: 1, late: 1, done: 1 },
    });
    expect(plans.editableAreas).toEqual([1, 2, 3, 4, 5, 6]);
    expect(plans.employees.map((e) => e.name)).toContain('Siti Aminah');
  });

  it('reads up the hierarchy: the parent’s leader reads, without the employee list or editable areas', async () => {
    const res = await (await p.as('leader@jatim.test')).get(plansUrl());
    expect(res.statusCode).toBe(200);
    const plans = res.json() as UnitPlans;
    expect(plans.editableAreas).toEqual([]);
    expect(plans.employees).toEqual([]);
    expect(plans.areas.filter((a) => a.plan).map((a) => a.area)).toEqual([1, 2, 5]);
    expect((await (await p.as('lead@bangkalan.test')).get(plansUrl())).statusCode).toBe(403);
    const coord = (await (await p.as(COORD1)).get(plansUrl())).json() as UnitPlans;
    expect(coord.editableAreas).toEqual([1]);
  });
});

describe('comments', () => {
  it('the team, the unit’s leader and a linked employee comment; everyone of the unit reads them', async () => {
    const coord1 = await p.as(COORD1);
    const a = (
      await coord1.post(`/api/action-plans/${plan1.id}/activities`, activityBody({ title: 'Dikomentari' }))
    ).json() as Activity;
    expect(
      (await coord1.post(`/api/plan-activities/${a.id}/comments`, { body: 'Sudah dijadwalkan' })).statusCode,
    ).toBe(201);
    expect(
      (
        await (
          await p.as('leader@sumenep.test')
        ).post(`/api/plan-activities/${a.id}/comments`, { body: 'Percepat' })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await (
          await p.as(MEMBER2)
        ).post(`/api/plan-activities/${a.id}/comments`, { body: 'Area 2 siap membantu' })
      ).statusCode,
    ).toBe(201);
    const staff = await p.as('staff@sumenep.test');
    expect(
      (await staff.post('/api/me/plan-comments', { activityId: a.id, body: 'Usul: libatkan pegawai baru' }))
        .statusCode,
    ).toBe(201);
    expect((await staff.post('/api/me/plan-comments', { activityId: a.id, body: '' })).statusCode).toBe(400);
    const mine = (await staff.get(`/api/me/action-plans?year=${YEAR}`)).json() as { units: UnitPlans[] };
    expect(mine.units.map((u) => u.unitId)).toEqual([p.org.sumenep.id]);
    expect(mine.units[0]!.editableAreas).toEqual([]);
    const list = (
      await (await p.as('leader@jatim.test')).get(`/api/plan-activities/${a.id}/comments`)
    ).json();
    expect(list.comments.map((c: { body: string; authorName: string }) => [c.authorName, c.body])).toEqual([
      ['coord1', 'Sudah dijadwalkan'],
      ['leader', 'Percepat'],
      ['member2', 'Area 2 siap membantu'],
      ['staff', 'Usul: libatkan pegawai baru'],
    ]);
    expect((await staff.get(`/api/me/plan-activities/${a.id}/comments`)).json().comments).toHaveLength(4);
    expect(
      (await (await p.as('lead@bangkalan.test')).get(`/api/me/plan-activities/${a.id}/comments`)).statusCode,
    ).toBe(404);
    expect(
      (await (await p.as('lead@bangkalan.test')).get(`/api/plan-activities/${a.id}/comments`)).statusCode,
    ).toBe(403);
  });

  it('audits every change of the plans', async () => {
    const actions = (
      await p.t.db.select({ action: auditLog.action }).from(auditLog).where(like(auditLog.action, 'plan.%'))
    ).map((r) => r.action);
    for (const action of [
      'plan.created',
      'plan.updated',
      'plan.activity_created',
      'plan.activity_updated',
      'plan.realisation_reported',
      'plan.commented',
    ])
      expect(actions).toContain(action);
    expect(
      (await p.t.db.select().from(auditLog).where(eq(auditLog.action, 'evidence.linked'))).length,
    ).toBeGreaterThanOrEqual(2);
  });
});
