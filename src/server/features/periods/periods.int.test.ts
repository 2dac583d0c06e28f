import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.ts';
import type { Period } from '../../../contracts/periods.ts';
import {
  createTestApp,
  logInAs,
  seedOrg,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let agencyAdmin: Client;
let lead: Client;
let member: Client;
let bawasluAdmin: Client;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  agencyAdmin = await logInAs(t.app, 'agency@kpu.test');
  lead = await logInAs(t.app, 'lead@sumenep.test');
  member = await logInAs(t.app, 'member@sumenep.test');
  bawasluAdmin = await logInAs(t.app, 'agency@bawaslu.test');
});
afterAll(() => t.close());

const body = (over: Record<string, unknown> = {}) => ({
  agencyId: org.kpu.id,
  year: 2025,
  name: 'Evaluasi ZI 2025',
  fillFrom: '2025-01-06',
  fillUntil: '2025-03-31',
  reviewFrom: '2025-04-01',
  reviewUntil: '2025-05-15',
  ...over,
});

describe('periods: refusals first', () => {
  it('401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/periods' });
    expect(res.statusCode).toBe(401);
  });

  it('403 for a team lead opening a period', async () => {
    expect((await lead.post('/api/periods', body())).statusCode).toBe(403);
  });

  it("403 for another agency's admin", async () => {
    expect((await bawasluAdmin.post('/api/periods', body())).statusCode).toBe(403);
  });

  it('400 NOT_AN_AGENCY for a unit inside the agency', async () => {
    const res = await agencyAdmin.post('/api/periods', body({ agencyId: org.jatim.id }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('NOT_AN_AGENCY');
  });

  it('400 TEMPLATE_UNKNOWN for a template that is not installed', async () => {
    const res = await agencyAdmin.post('/api/periods', body({ templateId: 'permenpanrb-99-2099' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('TEMPLATE_UNKNOWN');
  });

  it('400 PERIOD_WINDOWS_INVALID with every problem', async () => {
    const res = await agencyAdmin.post(
      '/api/periods',
      body({ fillUntil: '2025-01-01', reviewFrom: '2024-12-01', revisionFrom: '2025-06-01' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('PERIOD_WINDOWS_INVALID');
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'fillUntil',
      'reviewFrom',
      'revisionUntil',
    ]);
  });

  it('404 for an unknown agency', async () => {
    const res = await agencyAdmin.post(
      '/api/periods',
      body({ agencyId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(res.statusCode).toBe(404);
  });
});

describe('periods: the happy path and its conflicts', () => {
  let period: Period;

  it('an agency admin opens a year, pinning the template version', async () => {
    const res = await agencyAdmin.post('/api/periods', body());
    expect(res.statusCode).toBe(201);
    period = res.json();
    expect(period).toMatchObject({
      agencyId: org.kpu.id,
      year: 2025,
      templateId: 'permenpanrb-90-2021',
      templateVersion: '1.0.0',
      revisionFrom: null,
      requireAllAnswered: true,
      requireExplanation: true,
      requireEvidence: true,
      version: 1,
    });
  });

  it('409 PERIOD_EXISTS for a second period of the same year', async () => {
    const res = await agencyAdmin.post('/api/periods', body({ name: 'Again' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PERIOD_EXISTS');
  });

  it('a team member of a regency office sees her agency’s periods; another agency sees none', async () => {
    const mine = await member.get('/api/periods');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().periods.map((p: Period) => p.id)).toEqual([period.id]);
    expect((await member.get(`/api/periods?agencyId=${org.kpu.id}`)).json().periods).toHaveLength(1);
    expect((await member.get(`/api/periods?agencyId=${org.bawaslu.id}`)).json().periods).toEqual([]);
    expect((await bawasluAdmin.get('/api/periods')).json().periods).toEqual([]);
  });

  it('403 for a team lead editing a period', async () => {
    const res = await lead.patch(`/api/periods/${period.id}`, { version: 1, name: 'x' });
    expect(res.statusCode).toBe(403);
  });

  it('an admin relaxes the evidence rule; a stale edit gets 409 with the current period', async () => {
    const ok = await agencyAdmin.patch(`/api/periods/${period.id}`, { version: 1, requireEvidence: false });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ requireEvidence: false, version: 2 });
    const stale = await agencyAdmin.patch(`/api/periods/${period.id}`, { version: 1, name: 'Lama' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_WRITE');
    expect(stale.json().error.details.current).toMatchObject({ id: period.id, version: 2 });
  });

  it('400 when an edit puts the windows out of order', async () => {
    const res = await agencyAdmin.patch(`/api/periods/${period.id}`, { version: 2, fillUntil: '2025-04-30' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('PERIOD_WINDOWS_INVALID');
  });

  it('writes an audit record for each change', async () => {
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, period.id));
    expect(rows.map((r) => r.action)).toEqual(['period.created', 'period.updated']);
    expect(rows[1]?.unitPath).toBe(org.kpu.path);
  });
});
