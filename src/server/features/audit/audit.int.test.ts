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

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let kpu: Client;
let bawaslu: Client;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  kpu = await logInAs(t.app, 'agency@kpu.test');
  bawaslu = await logInAs(t.app, 'agency@bawaslu.test');
  admin = await logInAs(t.app, 'admin@pulau.test');
  await kpu.patch(`/api/units/${org.sumenep.id}`, { version: 1, name: 'KPU Kab. Sumenep' });
  await bawaslu.patch(`/api/units/${org.banten.id}`, { version: 1, name: 'Bawaslu Banten' });
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('refuses a team member, and a KPU admin asking for a Bawaslu unit', async () => {
    const member = await logInAs(t.app, 'member@sumenep.test');
    expect((await member.get('/api/audit')).statusCode).toBe(403);
    expect((await kpu.get(`/api/audit?unitId=${org.banten.id}`)).statusCode).toBe(403);
  });

  it('lists a unit’s changes with before and after, never another agency’s', async () => {
    const res = await kpu.get(`/api/audit?unitId=${org.sumenep.id}`);
    const entries = res.json().entries as AuditEntry[];
    const update = entries.find((e) => e.action === 'unit.updated');
    expect(update).toMatchObject({
      before: { name: 'KPU Kabupaten Sumenep' },
      after: { name: 'KPU Kab. Sumenep' },
    });
    const all = (await kpu.get('/api/audit')).json().entries as AuditEntry[];
    expect(all.length).toBeGreaterThan(0);
    expect(JSON.stringify(all)).not.toContain('Bawaslu');
  });

  it('filters by action prefix and pages backwards', async () => {
    const page1 = (await admin.get('/api/audit?action=unit.&limit=2')).json();
    expect(page1.entries).toHaveLength(2);
    expect(page1.entries.every((e: AuditEntry) => e.action.startsWith('unit.'))).toBe(true);
    const page2 = (await admin.get(`/api/audit?action=unit.&limit=2&before=${page1.nextBefore}`)).json();
    expect(page2.entries[0].seq).toBeLessThan(page1.entries[1].seq);
  });

  it('verifies the chain, and detects a tampered record', async () => {
    expect((await kpu.post('/api/audit/verify')).statusCode).toBe(403);
    const ok = (await admin.post('/api/audit/verify')).json();
    expect(ok).toMatchObject({ ok: true, firstBroken: null });
    expect(ok.checked).toBeGreaterThan(5);
    // drizzle wraps the database's error; the trigger's message is in its cause.
    await expect(t.db.execute(sql`UPDATE audit_log SET actor_label = 'x' WHERE seq = 3`)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/append-only/) },
    });
    await t.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await t.db.execute(sql`UPDATE audit_log SET after = '{"name":"forged"}' WHERE seq = 3`);
    const broken = (await admin.post('/api/audit/verify')).json();
    expect(broken).toMatchObject({ ok: false, firstBroken: { seq: 3 } });
  });
});
