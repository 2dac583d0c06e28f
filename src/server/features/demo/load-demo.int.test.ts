import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, logInAs, type TestApp } from '../../../../test/support/test-app.ts';
import { answers } from '../../db/schema.ts';
import { verifyAuditChain } from '../audit/verify-audit-chain.ts';
import { loadDemo, type DemoAccount } from './load-demo.ts';

let t: TestApp;
let accounts: DemoAccount[];
beforeAll(async () => {
  t = await createTestApp();
  accounts = await loadDemo(t.db, new Date());
});
afterAll(() => t.close());

describe('the demo', () => {
  it('has one account per role, each able to log in with the password printed once', async () => {
    const roles = new Set(accounts.map((a) => a.role.replace(/ \(area \d\)$/, '')));
    for (const role of [
      'system_admin',
      'agency_admin',
      'zi_team_lead',
      'area_coordinator',
      'team_member',
      'leader',
      'tpi_evaluator',
      'tpn_evaluator',
    ]) {
      expect(roles).toContain(role);
    }
    const lead = accounts.find((a) => a.role === 'zi_team_lead')!;
    const client = await logInAs(t.app, lead.email, lead.password);
    const list = (await client.get('/api/assessments')).json().assessments;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ unitName: 'KPU Kabupaten Sumenep', target: 'WBK', status: 'draft' });
  });

  it('half fills Sumenep’s worksheet, every change audited and chained', async () => {
    const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(answers);
    expect(row!.n).toBeGreaterThan(30);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('refuses a database that already has users', async () => {
    await expect(loadDemo(t.db, new Date())).rejects.toThrow(/already has users/);
  });
});
