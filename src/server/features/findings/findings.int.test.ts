import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateFindingBody, Finding, FindingList, FollowUpShare } from '../../../contracts/findings.ts';
import { auditLog, evidence } from '../../db/schema.ts';
import {
  createTestApp,
  logInAs,
  seedOrg,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';
import { followUpShareOf, percentOf } from './follow-up-share.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let lead: Client;

const finding = (over: Partial<CreateFindingBody> = {}): CreateFindingBody => ({
  source: 'inspectorate',
  reference: 'LHP-01/2026',
  finding: 'SOP pelayanan belum dievaluasi',
  recommendation: 'Evaluasi SOP pelayanan',
  dueDate: '2099-12-31',
  ...over,
});
const url = () => `/api/units/${org.sumenep.id}/findings`;
const create = async (over: Partial<CreateFindingBody> = {}) => {
  const res = await lead.post(url(), finding(over));
  expect(res.statusCode).toBe(201);
  return res.json() as Finding;
};
const share = async () => (await lead.get(`${url()}/follow-up`)).json() as FollowUpShare;

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '1000' });
  org = await seedOrg(t.db);
  lead = await logInAs(t.app, 'lead@sumenep.test');
});
afterAll(() => t.close());

describe('findings register: refusals', () => {
  it('refuses the agency admin above the unit, a member, and another agency', async () => {
    const agency = await logInAs(t.app, 'agency@kpu.test');
    expect((await agency.post(url(), finding())).statusCode).toBe(403);
    const member = await logInAs(t.app, 'member@sumenep.test');
    expect((await member.post(url(), finding())).statusCode).toBe(403);
    const foreign = await logInAs(t.app, 'agency@bawaslu.test');
    expect((await foreign.get(url())).statusCode).toBe(403);
    expect((await foreign.get(`${url()}/follow-up`)).statusCode).toBe(403);
    expect((await lead.post(`/api/units/${org.banten.id}/findings`, finding())).statusCode).toBe(403);
    const mine = await create();
    expect((await agency.patch(`/api/findings/${mine.id}`, { version: 1, reference: 'X' })).statusCode).toBe(
      403,
    );
    expect((await member.post(`/api/findings/${mine.id}/close`, { version: 1 })).statusCode).toBe(403);
    expect((await foreign.delete(`/api/findings/${mine.id}?version=1`)).statusCode).toBe(403);
    expect((await lead.delete(`/api/findings/${mine.id}?version=1`)).statusCode).toBe(204);
  });

  it('refuses bad input, unknown findings, foreign evidence, closing without follow-up, and stale versions', async () => {
    expect((await lead.post(url(), { ...finding(), source: 'kpk' })).statusCode).toBe(400);
    expect((await lead.post(url(), { ...finding(), dueDate: '31-12-2026' })).statusCode).toBe(400);
    expect((await lead.post(`/api/findings/${randomUUID()}/close`, { version: 1 })).statusCode).toBe(404);
    const f = await create();
    const close = await lead.post(`/api/findings/${f.id}/close`, { version: 1 });
    expect(close.statusCode).toBe(400);
    expect(close.json().error.code).toBe('FINDING_NO_FOLLOW_UP');
    const foreignEvidence = randomUUID();
    await t.db.insert(evidence).values({ id: foreignEvidence, unitId: org.jatim.id, title: 'Lain' });
    const fu = await lead.post(`/api/findings/${f.id}/follow-up`, {
      version: 1,
      followUp: 'Sudah',
      evidenceIds: [foreignEvidence],
    });
    expect(fu.json().error.code).toBe('EVIDENCE_NOT_IN_UNIT');
    expect((await lead.patch(`/api/findings/${f.id}`, { version: 1, reference: 'LHP-02' })).statusCode).toBe(
      200,
    );
    const stale = await lead.patch(`/api/findings/${f.id}`, { version: 1, reference: 'LHP-03' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_WRITE');
    expect((await lead.delete(`/api/findings/${f.id}?version=2`)).statusCode).toBe(204);
  });
});

describe('findings register and follow-up share', () => {
  it('0 findings is 100 % (nothing left to follow up)', async () => {
    const empty = await lead.get(`/api/units/${org.jatim.id}/findings/follow-up`);
    // The jatim lead is not the sumenep lead: the leader of Jawa Timur reads her own (empty) register instead.
    expect(empty.statusCode).toBe(403);
    const leader = await logInAs(t.app, 'leader@jatim.test');
    const own = (await leader.get(`/api/units/${org.jatim.id}/findings/follow-up`)).json();
    expect(own).toEqual({ percent: 100, followedUp: 0, total: 0, overdue: 0 });
    expect(await share()).toEqual({ percent: 100, followedUp: 0, total: 0, overdue: 0 });
  });

  it('follows three findings up one by one: 0 %, 33,33 %, overdue flagged, closed ones stay closed', async () => {
    const pdf = randomUUID();
    await t.db.insert(evidence).values({ id: pdf, unitId: org.sumenep.id, title: 'Bukti TL' });
    const a = await create({ source: 'bpk', reference: 'LHP-BPK-1' });
    const b = await create({ dueDate: '2020-06-30', reference: 'LHP-INSP-2' });
    const c = await create({ source: 'other', reference: 'Ombudsman-3' });
    expect(await share()).toEqual({ percent: 0, followedUp: 0, total: 3, overdue: 1 });
    const list = (await lead.get(url())).json() as FindingList;
    expect(list.findings.find((f) => f.id === b.id)?.overdue).toBe(true);
    expect(list.findings.find((f) => f.id === a.id)?.overdue).toBe(false);
    expect(list.share.total).toBe(3);

    const fu = await lead.post(`/api/findings/${b.id}/follow-up`, {
      version: 1,
      followUp: 'SOP dievaluasi dan direvisi',
      evidenceIds: [pdf],
    });
    expect(fu.statusCode).toBe(200);
    expect(fu.json()).toMatchObject({ status: 'in_progress', evidenceIds: [pdf], overdue: true });
    const closed = await lead.post(`/api/findings/${b.id}/close`, { version: 2 });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'followed_up', overdue: false });
    expect((closed.json() as Finding).closedAt).not.toBeNull();
    // 1 of 3 = 33,333… %, floored to two decimals.
    expect(await share()).toEqual({ percent: 33.33, followedUp: 1, total: 3, overdue: 0 });

    const reopen = await lead.post(`/api/findings/${b.id}/follow-up`, { version: 3, followUp: 'lagi' });
    expect(reopen.json().error.code).toBe('FINDING_CLOSED');
    expect((await lead.delete(`/api/findings/${b.id}?version=3`)).json().error.code).toBe('FINDING_CLOSED');

    for (const f of [a, c]) {
      await lead.post(`/api/findings/${f.id}/follow-up`, { version: 1, followUp: 'Selesai' });
      expect((await lead.post(`/api/findings/${f.id}/close`, { version: 2 })).statusCode).toBe(200);
    }
    expect(await share()).toEqual({ percent: 100, followedUp: 3, total: 3, overdue: 0 });
    expect(await followUpShareOf(t.db, org.sumenep.id, new Date())).toEqual(await share());

    const actions = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectId, b.id));
    expect(actions.map((x) => x.action)).toEqual([
      'finding.created',
      'finding.followed_up',
      'finding.closed',
    ]);
  });

  it('overdue turns on the day after the due date in WIB, not before', async () => {
    const f = await create({ dueDate: '2099-01-01' });
    // 2099-01-01 23:30 WIB is still the due day; 2099-01-02 00:30 WIB is past it.
    const before = await followUpShareOf(t.db, org.sumenep.id, new Date('2099-01-01T16:30:00Z'));
    const after = await followUpShareOf(t.db, org.sumenep.id, new Date('2099-01-01T17:30:00Z'));
    expect(before.overdue).toBe(0);
    expect(after.overdue).toBe(1);
    expect(after).toMatchObject({ followedUp: 3, total: 4, percent: 75 });
    await lead.delete(`/api/findings/${f.id}?version=1`);
  });

  it('floors the percentage so that only all followed up reads 100', () => {
    expect(percentOf(0, 0)).toBe(100);
    expect(percentOf(2, 3)).toBe(66.66);
    expect(percentOf(99_999, 100_000)).toBe(99.99);
    expect(percentOf(7, 7)).toBe(100);
  });
});
