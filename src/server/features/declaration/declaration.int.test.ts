import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  logInAs,
  seedOrg,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';
import type { Declaration } from '../../../contracts/declaration.ts';
import { auditLog, evidence } from '../../db/schema.ts';
import { ziStartDateOf } from './zi-start-date.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let lead: Client;
let member: Client;
let leaderJatim: Client;
let agencyBawaslu: Client;
let url: string;
let minutesId: string;
let photoId: string;
let foreignEvidenceId: string;

const seedEvidence = async (unitId: string, title: string) => {
  const id = randomUUID();
  await t.db.insert(evidence).values({ id, unitId, title });
  return id;
};
const body = (extra: Record<string, unknown> = {}) => ({
  version: null,
  declaredOn: '2026-02-10',
  mode: 'in_person',
  place: 'Aula KPU Kabupaten Sumenep',
  witnesses: [
    { institution: 'KPK', name: 'Direktorat Pembinaan Peran Serta Masyarakat' },
    { institution: 'Ombudsman RI Perwakilan Jawa Timur' },
    { institution: 'Bawaslu Kabupaten Sumenep', name: '' },
  ],
  minutesEvidenceId: minutesId,
  mediaEvidenceIds: [photoId],
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '1000' });
  org = await seedOrg(t.db);
  lead = await logInAs(t.app, 'lead@sumenep.test');
  member = await logInAs(t.app, 'member@sumenep.test');
  leaderJatim = await logInAs(t.app, 'leader@jatim.test');
  agencyBawaslu = await logInAs(t.app, 'agency@bawaslu.test');
  url = `/api/units/${org.sumenep.id}/declaration`;
  minutesId = await seedEvidence(org.sumenep.id, 'Berita acara pencanangan');
  photoId = await seedEvidence(org.sumenep.id, 'Foto pencanangan');
  foreignEvidenceId = await seedEvidence(org.banten.id, 'Foto Banten');
});
afterAll(() => t.close());

const put = (client: Client, payload: unknown) =>
  t.app.inject({
    method: 'PUT',
    url,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });

describe('declaration: refusals first', () => {
  it('401 without a session; another agency may not read (403)', async () => {
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await agencyBawaslu.get(url)).statusCode).toBe(403);
  });

  it('a team member and the parent leader may read but not record (403)', async () => {
    expect((await member.get(url)).statusCode).toBe(200);
    expect((await leaderJatim.get(url)).statusCode).toBe(200);
    expect((await put(member, body())).statusCode).toBe(403);
    expect((await put(leaderJatim, body())).statusCode).toBe(403);
  });

  it("another unit's evidence is 400 EVIDENCE_NOT_IN_UNIT; in person without a place is 400", async () => {
    const foreign = await put(lead, body({ mediaEvidenceIds: [foreignEvidenceId] }));
    expect(foreign.statusCode).toBe(400);
    expect((foreign.json() as { error: { code: string } }).error.code).toBe('EVIDENCE_NOT_IN_UNIT');
    const noPlace = await put(lead, body({ place: '' }));
    expect((noPlace.json() as { error: { code: string } }).error.code).toBe('DECLARATION_PLACE_REQUIRED');
    expect((await put(lead, body({ declaredOn: '2026-02-30' }))).statusCode).toBe(400);
  });
});

describe('declaration: record and edit', () => {
  let saved: Declaration;
  it('is null until recorded; the ZI start date is null too', async () => {
    expect((await lead.get(url)).json()).toEqual({ declaration: null });
    expect(await ziStartDateOf(t.db, org.sumenep.id)).toBeNull();
  });

  it('records it, audited; its date is the ZI start date', async () => {
    const res = await put(lead, body());
    expect(res.statusCode, res.body).toBe(200);
    saved = res.json() as Declaration;
    expect(saved).toMatchObject({
      declaredOn: '2026-02-10',
      mode: 'in_person',
      minutesEvidenceId: minutesId,
      mediaEvidenceIds: [photoId],
      version: 1,
    });
    expect(saved.witnesses.map((w) => w.institution)).toEqual([
      'KPK',
      'Ombudsman RI Perwakilan Jawa Timur',
      'Bawaslu Kabupaten Sumenep',
    ]);
    expect(await ziStartDateOf(t.db, org.sumenep.id)).toBe('2026-02-10');
    expect((await leaderJatim.get(url)).json()).toMatchObject({ declaration: { declaredOn: '2026-02-10' } });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'declaration.recorded'));
    expect(audit).toHaveLength(1);
  });

  it('recording again as new (version null) is 409 STALE_WRITE; an edit with the version read works', async () => {
    expect((await put(lead, body())).statusCode).toBe(409);
    const res = await put(
      lead,
      body({ version: saved.version, mode: 'online', place: 'Zoom', declaredOn: '2026-02-11' }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ mode: 'online', version: 2 });
    expect(await ziStartDateOf(t.db, org.sumenep.id)).toBe('2026-02-11');
    const stale = await put(lead, body({ version: 1 }));
    expect((stale.json() as { error: { code: string } }).error.code).toBe('STALE_WRITE');
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'declaration.updated'));
    expect(audit).toHaveLength(1);
  });
});
