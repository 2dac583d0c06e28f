import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxPage } from '../../../contracts/notifications.ts';
import {
  createTestApp,
  logInAs,
  seedOrg,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';
import { notifications, users } from '../../db/schema.ts';
import { notify } from './notify.ts';

let t: TestApp;
let lead: Client;
let member: Client;
let leadId: string;
let memberId: string;

const userId = async (email: string) =>
  (await t.db.select().from(users).where(eq(users.email, email)))[0]!.id;

beforeAll(async () => {
  t = await createTestApp();
  const org = await seedOrg(t.db);
  leadId = await userId('lead@sumenep.test');
  memberId = await userId('member@sumenep.test');
  const notice = (n: number, ids: string[]) => ({
    userIds: ids,
    unitId: org.sumenep.id,
    kind: 'review.tpi_return',
    params: { unit: 'KPU Kabupaten Sumenep', period: `P${n}`, note: 'x' },
    link: `/assessments/${n}`,
    email: false,
  });
  for (let n = 1; n <= 5; n++) await notify(t.db, notice(n, [leadId]), new Date(Date.UTC(2026, 4, n)));
  await notify(t.db, notice(9, [memberId]), new Date(Date.UTC(2026, 4, 9)));
  lead = await logInAs(t.app, 'lead@sumenep.test');
  member = await logInAs(t.app, 'member@sumenep.test');
});
afterAll(() => t.close());

const leadsNotice = async (period: string) =>
  (await t.db.select().from(notifications).where(eq(notifications.userId, leadId))).find(
    (n) => (n.params as { period: string }).period === period,
  )!;

describe('the inbox routes', () => {
  it('refuses the anonymous (401)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/inbox' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/inbox/read-all' })).statusCode).toBe(401);
  });

  it("answers 404 for another user's notice and leaves it unread", async () => {
    const theirs = await leadsNotice('P1');
    const res = await member.post(`/api/inbox/${theirs.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect((await member.post(`/api/inbox/${randomUUID()}/read`)).statusCode).toBe(404);
    expect((await leadsNotice('P1')).readAt).toBeNull();
  });

  it('refuses bad input with 400', async () => {
    expect((await lead.post('/api/inbox/not-a-uuid/read')).statusCode).toBe(400);
    expect((await lead.get('/api/inbox?page=0')).statusCode).toBe(400);
    expect((await lead.get('/api/inbox?pageSize=101')).statusCode).toBe(400);
  });

  it('lists only the caller’s notices, newest first, paged, with the unread count', async () => {
    const first = (await lead.get('/api/inbox?pageSize=2')).json() as InboxPage;
    expect(first).toMatchObject({ total: 5, unread: 5, page: 1, pageSize: 2 });
    expect(first.items.map((n) => n.params.period)).toEqual(['P5', 'P4']);
    expect(first.items[0]).toMatchObject({ kind: 'review.tpi_return', link: '/assessments/5', readAt: null });
    const third = (await lead.get('/api/inbox?pageSize=2&page=3')).json() as InboxPage;
    expect(third.items.map((n) => n.params.period)).toEqual(['P1']);
    const mine = (await member.get('/api/inbox')).json() as InboxPage;
    expect(mine.items.map((n) => n.params.period)).toEqual(['P9']);
  });

  it('marks one read (twice is harmless), then all; unread=true filters', async () => {
    const p4 = await leadsNotice('P4');
    expect((await lead.post(`/api/inbox/${p4.id}/read`)).json()).toEqual({ updated: 1 });
    expect((await lead.post(`/api/inbox/${p4.id}/read`)).json()).toEqual({ updated: 0 });
    const unread = (await lead.get('/api/inbox?unread=true')).json() as InboxPage;
    expect(unread).toMatchObject({ total: 4, unread: 4 });
    expect(unread.items.map((n) => n.params.period)).toEqual(['P5', 'P3', 'P2', 'P1']);
    expect(((await lead.get('/api/inbox')).json() as InboxPage).items[1]!.readAt).not.toBeNull();

    expect((await lead.post('/api/inbox/read-all')).json()).toEqual({ updated: 4 });
    expect(((await lead.get('/api/inbox')).json() as InboxPage).unread).toBe(0);
    // Another user's notices stay unread.
    expect(((await member.get('/api/inbox')).json() as InboxPage).unread).toBe(1);
  });
});
