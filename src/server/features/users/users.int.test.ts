import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  logInAs,
  seedOrg,
  seedUser,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';
import type { User } from '../../../contracts/users.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let agencyKpu: Client;
let lead: Client;
let member: Client;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  await seedUser(t.db, { email: 'staff@sumenep.test', homeUnit: org.sumenep });
  await seedUser(t.db, { email: 'staff@banten.test', homeUnit: org.banten });
  agencyKpu = await logInAs(t.app, 'agency@kpu.test');
  lead = await logInAs(t.app, 'lead@sumenep.test');
  member = await logInAs(t.app, 'member@sumenep.test');
});
afterAll(() => t.close());

const userByEmail = async (client: Client, email: string) =>
  ((await client.get('/api/users')).json().users as User[]).find((u) => u.email === email);

describe('users: refusals first', () => {
  it('401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });

  it('403 for a team member creating a user', async () => {
    const res = await member.post('/api/users', {
      email: 'x@sumenep.test',
      name: 'X',
      homeUnitId: org.sumenep.id,
    });
    expect(res.statusCode).toBe(403);
  });

  it('403 for a KPU admin creating, listing or granting in Bawaslu', async () => {
    expect(
      (await agencyKpu.post('/api/users', { email: 'y@b.test', name: 'Y', homeUnitId: org.banten.id }))
        .statusCode,
    ).toBe(403);
    expect((await agencyKpu.get(`/api/users?unitId=${org.banten.id}`)).statusCode).toBe(403);
    const sumenepStaff = await userByEmail(agencyKpu, 'staff@sumenep.test');
    const res = await agencyKpu.post(`/api/users/${sumenepStaff!.id}/grants`, {
      unitId: org.banten.id,
      role: 'team_member',
    });
    expect(res.statusCode).toBe(403);
  });

  it('a KPU admin never sees Bawaslu users in her list', async () => {
    const emails = ((await agencyKpu.get('/api/users')).json().users as User[]).map((u) => u.email);
    expect(emails).toContain('staff@sumenep.test');
    expect(emails).not.toContain('staff@banten.test');
  });

  it('403 for a team lead granting agency_admin, or granting on another unit', async () => {
    const staff = await userByEmail(lead, 'staff@sumenep.test');
    expect(staff).toBeDefined();
    const admin = await lead.post(`/api/users/${staff!.id}/grants`, {
      unitId: org.sumenep.id,
      role: 'agency_admin',
    });
    expect(admin.statusCode).toBe(403);
    const elsewhere = await lead.post(`/api/users/${staff!.id}/grants`, {
      unitId: org.jatim.id,
      role: 'team_member',
    });
    expect(elsewhere.statusCode).toBe(403);
  });

  it('400 for a bad email and for an area coordinator without an area', async () => {
    const bad = await agencyKpu.post('/api/users', {
      email: 'not-an-email',
      name: 'Z',
      homeUnitId: org.sumenep.id,
    });
    expect(bad.statusCode).toBe(400);
    const staff = await userByEmail(agencyKpu, 'staff@sumenep.test');
    const noArea = await agencyKpu.post(`/api/users/${staff!.id}/grants`, {
      unitId: org.sumenep.id,
      role: 'area_coordinator',
    });
    expect(noArea.statusCode).toBe(400);
  });

  it('404 for an unknown user', async () => {
    const res = await agencyKpu.post('/api/users/00000000-0000-4000-8000-000000000000/reset-password');
    expect(res.statusCode).toBe(404);
  });

  it('409 for a taken email, a duplicate grant and a stale write', async () => {
    const taken = await agencyKpu.post('/api/users', {
      email: 'STAFF@sumenep.test',
      name: 'Dup',
      homeUnitId: org.sumenep.id,
    });
    expect(taken.json().error.code).toBe('EMAIL_TAKEN');
    const staff = await userByEmail(agencyKpu, 'staff@sumenep.test');
    const grant = { unitId: org.sumenep.id, role: 'team_member' };
    expect((await agencyKpu.post(`/api/users/${staff!.id}/grants`, grant)).statusCode).toBe(201);
    expect((await agencyKpu.post(`/api/users/${staff!.id}/grants`, grant)).json().error.code).toBe(
      'GRANT_EXISTS',
    );
    expect(
      (await agencyKpu.patch(`/api/users/${staff!.id}`, { version: staff!.version, name: 'Staf Sumenep' }))
        .statusCode,
    ).toBe(200);
    const stale = await agencyKpu.patch(`/api/users/${staff!.id}`, { version: staff!.version, name: 'Lost' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.name).toBe('Staf Sumenep');
  });

  it('refuses deactivating oneself', async () => {
    const me = await userByEmail(agencyKpu, 'agency@kpu.test');
    const res = await agencyKpu.patch(`/api/users/${me!.id}`, { version: me!.version, active: false });
    expect(res.json().error.code).toBe('CANNOT_DEACTIVATE_SELF');
  });
});

describe('users: more refusals', () => {
  it('403 for an agency admin changing or resetting a system administrator', async () => {
    const sysadmin = await userByEmail(agencyKpu, 'admin@pulau.test');
    expect(sysadmin?.isSystemAdmin).toBe(true);
    const patch = await agencyKpu.patch(`/api/users/${sysadmin!.id}`, {
      version: sysadmin!.version,
      name: 'X',
    });
    expect(patch.statusCode).toBe(403);
    expect((await agencyKpu.post(`/api/users/${sysadmin!.id}/reset-password`)).statusCode).toBe(403);
  });

  it('403 for moving a user home to a unit where she may not create users', async () => {
    const staff = (await userByEmail(agencyKpu, 'staff@sumenep.test'))!;
    const res = await agencyKpu.patch(`/api/users/${staff.id}`, {
      version: staff.version,
      homeUnitId: org.banten.id,
    });
    expect(res.statusCode).toBe(403);
    expect((await userByEmail(agencyKpu, 'staff@sumenep.test'))!.homeUnitId).toBe(org.sumenep.id);
  });

  it('403 for a team lead revoking a grant on another unit, or editing a user', async () => {
    const leader = (await userByEmail(agencyKpu, 'leader@jatim.test'))!;
    const grantId = leader.grants[0]!.id;
    expect((await lead.delete(`/api/users/${leader.id}/grants/${grantId}`)).statusCode).toBe(403);
    const staff = (await userByEmail(lead, 'staff@sumenep.test'))!;
    expect(
      (await lead.patch(`/api/users/${staff.id}`, { version: staff.version, name: 'X' })).statusCode,
    ).toBe(403);
  });

  it('403 for a team lead granting to someone she cannot see', async () => {
    const leader = (await userByEmail(agencyKpu, 'leader@jatim.test'))!;
    const res = await lead.post(`/api/users/${leader.id}/grants`, {
      unitId: org.sumenep.id,
      role: 'team_member',
    });
    expect(res.statusCode).toBe(403);
  });

  it('404 for an unknown grant, or a grant of someone else', async () => {
    const staff = (await userByEmail(agencyKpu, 'staff@sumenep.test'))!;
    const leader = (await userByEmail(agencyKpu, 'leader@jatim.test'))!;
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await agencyKpu.delete(`/api/users/${staff.id}/grants/${unknown}`)).statusCode).toBe(404);
    const notHers = await agencyKpu.delete(`/api/users/${staff.id}/grants/${leader.grants[0]!.id}`);
    expect(notHers.statusCode).toBe(404);
    expect((await userByEmail(agencyKpu, 'leader@jatim.test'))!.grants).toHaveLength(1);
    const noUser = await agencyKpu.post(`/api/users/${unknown}/grants`, {
      unitId: org.sumenep.id,
      role: 'leader',
    });
    expect(noUser.statusCode).toBe(404);
  });

  it('400 UNIT_INACTIVE for a grant on a deactivated unit', async () => {
    const unit = (
      await agencyKpu.post('/api/units', {
        parentId: org.sumenep.id,
        code: 'SUMENEP-TUTUP',
        name: 'Tutup',
        type: 'upt',
      })
    ).json();
    expect(
      (await agencyKpu.post(`/api/units/${unit.id}/deactivate`, { version: unit.version })).statusCode,
    ).toBe(200);
    const staff = (await userByEmail(agencyKpu, 'staff@sumenep.test'))!;
    const res = await agencyKpu.post(`/api/users/${staff.id}/grants`, { unitId: unit.id, role: 'leader' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('UNIT_INACTIVE');
  });
});

describe('users: lists', () => {
  it('a team lead lists the users of her own unit only, with their grants', async () => {
    const users = (await lead.get('/api/users')).json().users as User[];
    expect(new Set(users.map((u) => u.homeUnitId))).toEqual(new Set([org.sumenep.id]));
    const me = users.find((u) => u.email === 'lead@sumenep.test');
    expect(me?.grants).toEqual([
      {
        id: expect.any(String),
        role: 'zi_team_lead',
        unitId: org.sumenep.id,
        unitName: org.sumenep.name,
        unitPath: org.sumenep.path,
        area: null,
      },
    ]);
    expect(JSON.stringify(users)).not.toMatch(/passwordHash|failedLogins|argon2/);
  });

  it('with unitId, only the users whose home is that very unit', async () => {
    const users = (await agencyKpu.get(`/api/users?unitId=${org.jatim.id}`)).json().users as User[];
    expect(users.map((u) => u.email)).toEqual(['leader@jatim.test']);
  });

  it('a system administrator lists every agency', async () => {
    const admin = await logInAs(t.app, 'admin@pulau.test');
    const emails = ((await admin.get('/api/users')).json().users as User[]).map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining(['staff@banten.test', 'staff@sumenep.test']));
  });
});

describe('users: the life of an account', () => {
  it('created with a temporary password, she logs in and must change it', async () => {
    const res = await agencyKpu.post('/api/users', {
      email: 'rina@sumenep.test',
      name: 'Rina',
      homeUnitId: org.sumenep.id,
    });
    expect(res.statusCode).toBe(201);
    const { user, temporaryPassword } = res.json();
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{14}$/);
    expect(JSON.stringify(res.json())).not.toContain('passwordHash');
    const rina = await logInAs(t.app, 'rina@sumenep.test', temporaryPassword);
    expect((await rina.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
    expect(user.mustChangePassword).toBe(true);
  });

  it('a grant shows her the unit; revoking it hides it again', async () => {
    const staff = await userByEmail(agencyKpu, 'staff@banten.test');
    expect(staff).toBeUndefined();
    const created = await agencyKpu.post('/api/users', {
      email: 'dewi@jatim.test',
      name: 'Dewi',
      homeUnitId: org.jatim.id,
      password: 'kata-sandi-dewi-1',
    });
    const dewiId = created.json().user.id as string;
    const dewi = await logInAs(t.app, 'dewi@jatim.test', 'kata-sandi-dewi-1');
    expect((await dewi.get('/api/units')).json().units).toEqual([]);
    const grant = await agencyKpu.post(`/api/users/${dewiId}/grants`, {
      unitId: org.jatim.id,
      role: 'area_coordinator',
      area: 2,
    });
    expect(grant.statusCode).toBe(201);
    expect(grant.json()).toMatchObject({
      role: 'area_coordinator',
      area: 2,
      unitName: 'KPU Provinsi Jawa Timur',
    });
    expect((await dewi.get('/api/units')).json().units.map((u: { code: string }) => u.code)).toEqual([
      'KPU-JATIM',
    ]);
    expect((await agencyKpu.delete(`/api/users/${dewiId}/grants/${grant.json().id}`)).statusCode).toBe(204);
    expect((await dewi.get('/api/units')).json().units).toEqual([]);
  });

  it('a team lead makes a colleague area coordinator of her own unit', async () => {
    const staff = await userByEmail(lead, 'staff@sumenep.test');
    const res = await lead.post(`/api/users/${staff!.id}/grants`, {
      unitId: org.sumenep.id,
      role: 'area_coordinator',
      area: 3,
    });
    expect(res.statusCode).toBe(201);
  });

  it('a password reset ends her sessions and hands out a new temporary password', async () => {
    await agencyKpu.post('/api/users', {
      email: 'andi@sumenep.test',
      name: 'Andi',
      homeUnitId: org.sumenep.id,
      password: 'kata-sandi-andi-1',
    });
    const andi = await logInAs(t.app, 'andi@sumenep.test', 'kata-sandi-andi-1');
    const id = (await userByEmail(agencyKpu, 'andi@sumenep.test'))!.id;
    const reset = await agencyKpu.post(`/api/users/${id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    expect((await andi.get('/api/auth/me')).statusCode).toBe(401);
    await expect(logInAs(t.app, 'andi@sumenep.test', reset.json().temporaryPassword)).resolves.toBeTruthy();
  });

  it('deactivating an account logs her out and keeps her out', async () => {
    await agencyKpu.post('/api/users', {
      email: 'tono@sumenep.test',
      name: 'Tono',
      homeUnitId: org.sumenep.id,
      password: 'kata-sandi-tono-1',
    });
    const tono = await logInAs(t.app, 'tono@sumenep.test', 'kata-sandi-tono-1');
    const u = (await userByEmail(agencyKpu, 'tono@sumenep.test'))!;
    expect(
      (await agencyKpu.patch(`/api/users/${u.id}`, { version: u.version, active: false })).json().active,
    ).toBe(false);
    expect((await tono.get('/api/auth/me')).statusCode).toBe(401);
    await expect(logInAs(t.app, 'tono@sumenep.test', 'kata-sandi-tono-1')).rejects.toThrow(/401/);
  });

  it('a team member may be given an area; every change leaves an audit record on its unit', async () => {
    const staff = (await userByEmail(lead, 'staff@sumenep.test'))!;
    const res = await lead.post(`/api/users/${staff.id}/grants`, {
      unitId: org.sumenep.id,
      role: 'team_member',
      area: 4,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ role: 'team_member', area: 4, unitId: org.sumenep.id });
    const entries = (await agencyKpu.get(`/api/audit?unitId=${org.sumenep.id}&subjectType=grant`)).json()
      .entries;
    expect(entries[0]).toMatchObject({
      action: 'grant.added',
      unitId: org.sumenep.id,
      actorLabel: 'lead@sumenep.test',
      after: { userId: staff.id, role: 'team_member', area: 4 },
    });
  });
});
