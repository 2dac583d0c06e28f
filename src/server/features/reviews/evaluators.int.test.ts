import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let agency: Client;
let bawaslu: Client;
let admin: Client;
let inspector: string;
let conflicted: string;
let tpn: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  inspector = await seedUser(t.db, {
    email: 'tpi@kpu.test',
    homeUnit: org.kpu,
    grants: [{ role: 'tpi_evaluator', unit: org.kpu }],
  });
  // An inspector who also sits on the ZI team of the province above Sumenep: she may not review Sumenep.
  conflicted = await seedUser(t.db, {
    email: 'tpi2@kpu.test',
    homeUnit: org.kpu,
    grants: [
      { role: 'tpi_evaluator', unit: org.kpu },
      { role: 'team_member', unit: org.jatim, area: 1 },
    ],
  });
  tpn = await seedUser(t.db, {
    email: 'tpn@pulau.test',
    homeUnit: org.kpu,
    grants: [{ role: 'tpn_evaluator', unit: org.kpu }],
  });
  agency = await logInAs(t.app, 'agency@kpu.test');
  bawaslu = await logInAs(t.app, 'agency@bawaslu.test');
  admin = await logInAs(t.app, 'admin@pulau.test');
});
afterAll(() => t.close());

const url = (unitId: string) => `/api/units/${unitId}/evaluators`;

describe('who reviews whom: refusals first', () => {
  it('403 for another agency and for a team lead', async () => {
    expect((await bawaslu.post(url(org.sumenep.id), { userId: inspector })).statusCode).toBe(403);
    const lead = await logInAs(t.app, 'lead@sumenep.test');
    expect((await lead.get(url(org.sumenep.id))).statusCode).toBe(403);
  });

  it('400 with the reason for a conflict of interest on the parent chain', async () => {
    const res = await agency.post(url(org.sumenep.id), { userId: conflicted });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('CONFLICT_OF_INTEREST');
    expect(body.error.message).toContain('team_member');
    expect(body.error.details.conflicts[0]).toMatchObject({ on: 'parent_chain' });
  });

  it('400 for someone who is not an evaluator, 404 for nobody', async () => {
    const lead = (await t.db.query.users.findFirst({
      where: (u, { eq }) => eq(u.email, 'lead@sumenep.test'),
    }))!;
    expect((await agency.post(url(org.sumenep.id), { userId: lead.id })).json().error.code).toBe(
      'NOT_AN_EVALUATOR',
    );
    expect(
      (await agency.post(url(org.sumenep.id), { userId: '00000000-0000-4000-8000-000000000000' })).statusCode,
    ).toBe(404);
  });

  it('403 for an agency admin assigning a national (TPN) evaluator', async () => {
    expect((await agency.post(url(org.sumenep.id), { userId: tpn, level: 'tpn' })).statusCode).toBe(403);
  });
});

describe('assignments', () => {
  it('assigns, lists, refuses a duplicate, ends — all audited', async () => {
    const res = await agency.post(url(org.sumenep.id), { userId: inspector });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ userEmail: 'tpi@kpu.test', level: 'tpi', unitId: org.sumenep.id });
    expect((await agency.post(url(org.sumenep.id), { userId: inspector })).json().error.code).toBe(
      'ALREADY_ASSIGNED',
    );
    expect((await agency.get(url(org.sumenep.id))).json().assignments).toHaveLength(1);
    expect((await admin.post(url(org.sumenep.id), { userId: tpn, level: 'tpn' })).statusCode).toBe(201);
    expect((await agency.delete(`${url(org.sumenep.id)}/${res.json().id}`)).statusCode).toBe(204);
    const audit = (await admin.get(`/api/audit?unitId=${org.sumenep.id}&action=review.`)).json().entries;
    expect(audit.map((e: { action: string }) => e.action).sort()).toEqual([
      'review.evaluator_assigned',
      'review.evaluator_assigned',
      'review.evaluator_unassigned',
    ]);
  });
});
