import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  logInAs,
  seedOrg,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';
import type { Unit } from '../../../contracts/units.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let agencyAdmin: Client;
let member: Client;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  agencyAdmin = await logInAs(t.app, 'agency@kpu.test');
  member = await logInAs(t.app, 'member@sumenep.test');
});
afterAll(() => t.close());

const newUnit = (parentId: string | null, code: string) => ({
  parentId,
  code,
  name: `Unit ${code}`,
  type: 'upt',
});

describe('units: refusals first', () => {
  it('401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/units' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
  });

  it('403 without the CSRF header on a write', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie: agencyAdmin.cookie },
      payload: newUnit(org.sumenep.id, 'NO-CSRF'),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_TOKEN_INVALID');
  });

  it('403 for a team member creating a unit', async () => {
    const res = await member.post('/api/units', newUnit(org.sumenep.id, 'X1'));
    expect(res.statusCode).toBe(403);
  });

  it('403 for an agency admin creating under another agency', async () => {
    const res = await agencyAdmin.post('/api/units', newUnit(org.bawaslu.id, 'X2'));
    expect(res.statusCode).toBe(403);
  });

  it('403 for an agency admin creating a new agency', async () => {
    const res = await agencyAdmin.post('/api/units', { ...newUnit(null, 'X3'), type: 'instansi' });
    expect(res.statusCode).toBe(403);
  });

  it('400 with field details for a bad body', async () => {
    const res = await agencyAdmin.post('/api/units', {
      parentId: org.sumenep.id,
      code: 'bad code!',
      name: '',
      type: 'x',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['body.code', 'body.name', 'body.type']),
    );
  });

  it('404 for an unknown unit id', async () => {
    const res = await agencyAdmin.get('/api/units/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
  });

  it('409 for a taken code, case-insensitively', async () => {
    const res = await agencyAdmin.post('/api/units', newUnit(org.sumenep.id, 'kpu-jatim'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('UNIT_CODE_TAKEN');
  });

  it('409 with the current value for a stale write', async () => {
    const first = await agencyAdmin.patch(`/api/units/${org.banten.id}`, { version: 1, name: 'x' });
    expect(first.statusCode).toBe(403);
    const a = await agencyAdmin.patch(`/api/units/${org.sumenep.id}`, {
      version: 1,
      name: 'KPU Kab. Sumenep',
    });
    expect(a.statusCode).toBe(200);
    const b = await agencyAdmin.patch(`/api/units/${org.sumenep.id}`, { version: 1, name: 'Lost update' });
    expect(b.statusCode).toBe(409);
    expect(b.json().error).toMatchObject({
      code: 'STALE_WRITE',
      details: { current: { name: 'KPU Kab. Sumenep', version: 2 } },
    });
  });
});

describe('units: what each may do', () => {
  it('a team member sees only her own unit', async () => {
    const res = await member.get('/api/units');
    expect(res.statusCode).toBe(200);
    expect((res.json().units as Unit[]).map((u) => u.code)).toEqual(['KPU-SUMENEP']);
  });

  it('an agency admin sees her agency and nothing of Bawaslu', async () => {
    const codes = ((await agencyAdmin.get('/api/units')).json().units as Unit[]).map((u) => u.code);
    expect(codes).toContain('KPU-JATIM');
    expect(codes.some((c) => c.startsWith('BAWASLU'))).toBe(false);
  });

  it('creates, moves with its subtree, deactivates and reactivates, all audited', async () => {
    const created = await agencyAdmin.post('/api/units', newUnit(org.sumenep.id, 'UPT-A'));
    expect(created.statusCode).toBe(201);
    const upt = created.json() as Unit;
    expect(upt).toMatchObject({ parentId: org.sumenep.id, depth: 3, active: true, version: 1 });
    const child = (await agencyAdmin.post('/api/units', newUnit(upt.id, 'UPT-A-1'))).json() as Unit;

    const cycle = await agencyAdmin.post(`/api/units/${upt.id}/move`, { version: 1, newParentId: child.id });
    expect(cycle.json().error.code).toBe('UNIT_MOVE_CYCLE');
    const foreign = await agencyAdmin.post(`/api/units/${upt.id}/move`, {
      version: 1,
      newParentId: org.banten.id,
    });
    expect(foreign.statusCode).toBe(403);

    const moved = await agencyAdmin.post(`/api/units/${upt.id}/move`, {
      version: 1,
      newParentId: org.jatim.id,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      parentId: org.jatim.id,
      depth: 2,
      path: `${org.jatim.path}${upt.id}/`,
    });
    const movedChild = (await agencyAdmin.get(`/api/units/${child.id}`)).json() as Unit;
    expect(movedChild).toMatchObject({ depth: 3, path: `${org.jatim.path}${upt.id}/${child.id}/` });

    const refused = await agencyAdmin.post(`/api/units/${upt.id}/deactivate`, { version: 2 });
    expect(refused.json().error.code).toBe('UNIT_HAS_ACTIVE_CHILDREN');
    expect((await agencyAdmin.post(`/api/units/${child.id}/deactivate`, { version: 1 })).statusCode).toBe(
      200,
    );
    const off = await agencyAdmin.post(`/api/units/${upt.id}/deactivate`, { version: 2 });
    expect(off.json()).toMatchObject({ active: false, version: 3 });
    const on = await agencyAdmin.post(`/api/units/${upt.id}/reactivate`, { version: 3 });
    expect(on.json()).toMatchObject({ active: true });
  });

  it('imports a CSV all or nothing, reporting every bad line', async () => {
    const bad = await agencyAdmin.post('/api/units/import', {
      parentId: org.jatim.id,
      csv: 'code,name,type,parent_code\nKPU-SBY,KPU Surabaya,kabupaten_kota,\nKPU-X,,kabupaten_kota,\nKPU-Y,Y,upt,NOPE\n',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { line: 3, field: 'name', column: 'B', code: 'REQUIRED', value: '', message: expect.any(String) },
    ]);
    const csv = [
      'code;name;type;parent_code;region;is_public_service;afirmasi',
      'KPU-SBY-UPT;UPT Surabaya;upt;KPU-SBY;Kota Surabaya;ya;tidak',
      'KPU-SBY;KPU Kota Surabaya;kabupaten_kota;;Kota Surabaya;ya;tidak',
    ].join('\n');
    const good = await agencyAdmin.post('/api/units/import', { parentId: org.jatim.id, csv });
    expect(good.statusCode).toBe(200);
    expect(good.json().created).toBe(2);
    const upt = (good.json().units as Unit[]).find((u) => u.code === 'KPU-SBY-UPT');
    expect(upt?.depth).toBe(3);
    const unknownParent = await agencyAdmin.post('/api/units/import', {
      parentId: org.jatim.id,
      csv: 'code,name,type,parent_code\nKPU-Z,Z,upt,BAWASLU-BANTEN\n',
    });
    expect(unknownParent.json().error.details[0]).toMatchObject({ line: 2, field: 'parent_code' });
  });
});
