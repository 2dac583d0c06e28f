import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  logInAs,
  seedOrg,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';
import type { AuditEntry } from '../../../contracts/audit.ts';
import { auditLog } from '../../db/schema.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let kpu: Client;
let bawaslu: Client;
let leader: Client;
let member: Client;
let admin: Client;

const entriesOf = async (client: Client, query = '') => {
  const res = await client.get(`/api/audit${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().entries as AuditEntry[];
};

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  kpu = await logInAs(t.app, 'agency@kpu.test');
  bawaslu = await logInAs(t.app, 'agency@bawaslu.test');
  leader = await logInAs(t.app, 'leader@jatim.test');
  member = await logInAs(t.app, 'member@sumenep.test');
  admin = await logInAs(t.app, 'admin@pulau.test');
  await kpu.patch(`/api/units/${org.sumenep.id}`, { version: 1, name: 'KPU Kab. Sumenep' });
  await bawaslu.patch(`/api/units/${org.banten.id}`, { version: 1, name: 'Bawaslu Banten' });
});
afterAll(() => t.close());

describe('audit trail: refusals first', () => {
  it('401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/audit/verify' })).statusCode).toBe(401);
  });

  it('403 for a unit outside the caller’s audit.read: another agency, or above her own unit', async () => {
    expect((await kpu.get(`/api/audit?unitId=${org.banten.id}`)).statusCode).toBe(403);
    expect((await leader.get(`/api/audit?unitId=${org.kpu.id}`)).statusCode).toBe(403);
    expect((await member.get(`/api/audit?unitId=${org.sumenep.id}`)).statusCode).toBe(403);
  });

  it('403 verifying the chain for anyone but a system administrator', async () => {
    expect((await kpu.post('/api/audit/verify')).statusCode).toBe(403);
    expect((await leader.post('/api/audit/verify')).statusCode).toBe(403);
  });

  it('400 for a bad query, 404 for an unknown unit', async () => {
    expect((await kpu.get('/api/audit?limit=0')).statusCode).toBe(400);
    expect((await kpu.get('/api/audit?from=yesterday')).statusCode).toBe(400);
    expect((await kpu.get('/api/audit?unitId=not-a-uuid')).statusCode).toBe(400);
    const unknown = await kpu.get('/api/audit?unitId=00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
  });

  it('a caller without audit.read anywhere gets an empty page', async () => {
    expect(await entriesOf(member)).toEqual([]);
  });
});

describe('audit trail: reading', () => {
  it('lists a unit’s records and its sub-units’, with before and after', async () => {
    const entries = await entriesOf(kpu, `?unitId=${org.jatim.id}`);
    expect(entries.map((e) => `${e.action} ${e.unitId}`)).toEqual(
      expect.arrayContaining([
        `unit.created ${org.jatim.id}`,
        `unit.created ${org.sumenep.id}`,
        `unit.updated ${org.sumenep.id}`,
      ]),
    );
    expect(entries.map((e) => e.unitId)).not.toContain(org.kpu.id);
    expect(entries.find((e) => e.action === 'unit.updated')).toMatchObject({
      before: { name: 'KPU Kabupaten Sumenep' },
      after: { name: 'KPU Kab. Sumenep' },
      actorLabel: 'agency@kpu.test',
    });
  });

  it('never shows another agency’s records, nor records without a unit, to an agency admin', async () => {
    const all = await entriesOf(kpu);
    const units = new Set(all.map((e) => e.unitId));
    expect(units).toEqual(new Set([org.kpu.id, org.jatim.id, org.sumenep.id]));
    expect(JSON.stringify(all)).not.toContain('Bawaslu');
    expect(await entriesOf(kpu, '?action=user.login')).toEqual([]);
  });

  it('shows a leader her unit and those below it, not the agency above', async () => {
    const units = new Set((await entriesOf(leader)).map((e) => e.unitId));
    expect(units).toEqual(new Set([org.jatim.id, org.sumenep.id]));
  });

  it('shows a system administrator everything, logins included', async () => {
    const all = await entriesOf(admin, '?limit=500');
    expect(all.some((e) => e.action === 'user.login' && e.unitId === null)).toBe(true);
    expect(all.some((e) => e.unitId === org.banten.id)).toBe(true);
  });

  it('never records a temporary password, nor a password hash', async () => {
    const created = await kpu.post('/api/users', {
      email: 'sari@sumenep.test',
      name: 'Sari',
      homeUnitId: org.sumenep.id,
    });
    const { temporaryPassword, user } = created.json();
    await kpu.post(`/api/users/${user.id}/reset-password`);
    const entries = await entriesOf(kpu, `?unitId=${org.sumenep.id}&subjectType=user`);
    expect(entries.map((e) => e.action)).toEqual(['user.password_reset', 'user.created']);
    const text = JSON.stringify(entries);
    expect(text).not.toContain(temporaryPassword);
    expect(text).not.toMatch(/argon2|password_?hash/i);
  });

  it('filters by actor, exact action, action family and time', async () => {
    const me = (await kpu.get('/api/auth/me')).json().user.id as string;
    const mine = await entriesOf(admin, `?actorId=${me}`);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.actorId === me)).toBe(true);
    const exact = await entriesOf(admin, '?action=unit.updated');
    expect(exact.map((e) => e.action)).toEqual(['unit.updated', 'unit.updated']);
    expect(await entriesOf(admin, '?action=unit.')).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'unit.created' })]),
    );
    expect(await entriesOf(admin, '?action=unit')).toEqual([]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(await entriesOf(admin, `?from=${encodeURIComponent(future)}`)).toEqual([]);
    expect((await entriesOf(admin, `?to=${encodeURIComponent(future)}`)).length).toBeGreaterThan(0);
  });

  it('pages backwards, newest first, until there is no next page', async () => {
    const seen: number[] = [];
    let before: number | null = null;
    for (let i = 0; i < 10; i++) {
      const res = await admin.get(`/api/audit?action=unit.&limit=2${before ? `&before=${before}` : ''}`);
      const page = res.json() as { entries: AuditEntry[]; nextBefore: number | null };
      seen.push(...page.entries.map((e) => e.seq));
      before = page.nextBefore;
      if (before === null) break;
      expect(page.entries).toHaveLength(2);
      expect(before).toBe(page.entries[1]?.seq);
    }
    expect(before).toBeNull();
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(seen).toHaveLength(new Set(seen).size);
    expect(seen).toHaveLength(7); // five units created, two renamed
  });
});

describe('audit trail: the hash chain', () => {
  it('links each record into its unit’s chain (or its person’s), so units never wait for each other', async () => {
    const rows = await t.db.select().from(auditLog).orderBy(auditLog.seq);
    const chains = new Set(rows.map((r) => r.chain));
    expect(chains.size).toBeGreaterThan(2);
    for (const row of rows) {
      expect(row.chain).toBe(
        row.unitId ? `unit:${row.unitId}` : row.actorId ? `user:${row.actorId}` : 'system',
      );
    }
    // Each chain links to its own previous record, not to the record just before it in the table.
    const unitChain = rows.filter((r) => r.chain === rows.find((x) => x.unitId)?.chain);
    for (let i = 1; i < unitChain.length; i++) expect(unitChain[i]!.prevHash).toBe(unitChain[i - 1]!.hash);
  });

  it('verifies the whole chain with its count, then detects a tampered record', async () => {
    const n = await t.db.$count(auditLog);
    expect((await admin.post('/api/audit/verify')).json()).toEqual({
      ok: true,
      checked: n,
      firstBroken: null,
    });
    // drizzle wraps the database's error; the trigger's message is in its cause.
    await expect(
      t.db.execute(sql`UPDATE audit_log SET actor_label = 'x' WHERE seq = 3`),
    ).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/append-only/) },
    });
    await t.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await t.db.execute(sql`UPDATE audit_log SET after = '{"name":"forged"}' WHERE seq = 3`);
    const broken = (await admin.post('/api/audit/verify')).json();
    expect(broken).toMatchObject({ ok: false, checked: 2, firstBroken: { seq: 3 } });
  });
});
