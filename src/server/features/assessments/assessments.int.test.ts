import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.ts';
import type { Assessment, AnswerView } from '../../../contracts/assessments.ts';
import { put } from '../../../../test/support/lke-answers.ts';
import { findUserByEmail } from '../auth/repo.ts';
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
let admin: Client;
let agencyAdmin: Client;
let bawasluAdmin: Client;
let lead: Client;
let member: Client;
let coordinator: Client;
let provincialLeader: Client;
let unitLeader: Client;
let evaluator: Client;
let coordinatorId: string;
let provincialLeaderId: string;
let mine: Assessment;
let foreign: Assessment;

const period = (agencyId: string, year: number) => ({
  agencyId,
  year,
  name: `ZI ${year}`,
  fillFrom: `${year}-01-06`,
  fillUntil: `${year}-03-31`,
});
const created = <T>(res: { statusCode: number; body: string; json(): unknown }): T => {
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as T;
};

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '1000' });
  org = await seedOrg(t.db);
  coordinatorId = await seedUser(t.db, {
    email: 'coord2@sumenep.test',
    homeUnit: org.sumenep,
    grants: [{ role: 'area_coordinator', unit: org.sumenep, area: 2 }],
  });
  await seedUser(t.db, {
    email: 'leader@sumenep.test',
    homeUnit: org.sumenep,
    grants: [{ role: 'leader', unit: org.sumenep }],
  });
  await seedUser(t.db, {
    email: 'tpi@kpu.test',
    homeUnit: org.kpu,
    grants: [{ role: 'tpi_evaluator', unit: org.kpu }],
  });
  admin = await logInAs(t.app, 'admin@pulau.test');
  agencyAdmin = await logInAs(t.app, 'agency@kpu.test');
  bawasluAdmin = await logInAs(t.app, 'agency@bawaslu.test');
  lead = await logInAs(t.app, 'lead@sumenep.test');
  member = await logInAs(t.app, 'member@sumenep.test');
  coordinator = await logInAs(t.app, 'coord2@sumenep.test');
  provincialLeader = await logInAs(t.app, 'leader@jatim.test');
  unitLeader = await logInAs(t.app, 'leader@sumenep.test');
  evaluator = await logInAs(t.app, 'tpi@kpu.test');
  provincialLeaderId = (await findUserByEmail(t.db, 'leader@jatim.test'))?.id ?? '';

  const kpu2025 = created<{ id: string }>(await agencyAdmin.post('/api/periods', period(org.kpu.id, 2025)));
  const bawaslu2025 = created<{ id: string }>(
    await bawasluAdmin.post('/api/periods', period(org.bawaslu.id, 2025)),
  );
  mine = created(
    await lead.post('/api/assessments', { periodId: kpu2025.id, unitId: org.sumenep.id, target: 'WBK' }),
  );
  foreign = created(
    await bawasluAdmin.post('/api/assessments', {
      periodId: bawaslu2025.id,
      unitId: org.banten.id,
      target: 'WBBM',
    }),
  );
});
afterAll(() => t.close());

const answerUrl = (code: string, id = mine.id) => `/api/assessments/${id}/answers/${code}`;

describe('assessments: refusals first', () => {
  it('401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/assessments/${mine.id}` })).statusCode).toBe(401);
  });

  it('403 for a team member starting an assessment', async () => {
    const res = await member.post('/api/assessments', {
      periodId: mine.periodId,
      unitId: org.jatim.id,
      target: 'WBK',
    });
    expect(res.statusCode).toBe(403);
  });

  it("403 reading a foreign unit's assessment by id, its worksheet and comments", async () => {
    for (const client of [lead, agencyAdmin, provincialLeader]) {
      expect((await client.get(`/api/assessments/${foreign.id}`)).statusCode).toBe(403);
      expect((await client.get(`/api/assessments/${foreign.id}/worksheet`)).statusCode).toBe(403);
      expect((await client.get(`/api/assessments/${foreign.id}/items/P1.i.a/comments`)).statusCode).toBe(403);
    }
    expect((await bawasluAdmin.get(`/api/assessments/${mine.id}`)).statusCode).toBe(403);
  });

  it('an evaluator sees nothing before the evaluation workflow: 403 by id, an empty list', async () => {
    expect((await evaluator.get(`/api/assessments/${mine.id}`)).statusCode).toBe(403);
    expect((await evaluator.get(`/api/assessments/${mine.id}/worksheet`)).statusCode).toBe(403);
    expect(
      (await evaluator.post(`/api/assessments/${mine.id}/items/P1.i.a/comments`, { body: 'x' })).statusCode,
    ).toBe(403);
    expect((await evaluator.get('/api/assessments')).json()).toEqual({ assessments: [] });
  });

  it('403 for an area coordinator writing outside her area: another area, a Hasil item, a count input', async () => {
    for (const code of ['P1.i.a', 'H1.b', 'R4.i.a.1']) {
      const res = await put(t.app, coordinator, answerUrl(code), { version: 0, value: 'A' });
      expect(res.statusCode, code).toBe(403);
    }
  });

  it('403 for a team member without an area, and for a leader', async () => {
    expect((await put(t.app, member, answerUrl('P2.i.a'), { version: 0, value: 'A' })).statusCode).toBe(403);
    expect((await put(t.app, unitLeader, answerUrl('P2.i.a'), { version: 0, value: 'A' })).statusCode).toBe(
      403,
    );
  });

  it('404 ITEM_UNKNOWN for a code the template does not have', async () => {
    const res = await put(t.app, lead, answerUrl('P9.ix.z'), { version: 0, value: 'A' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ITEM_UNKNOWN');
  });

  it('400 ANSWER_INVALID with the core message: a bad option letter, a negative or fractional count, an index above 4, a computed item', async () => {
    const cases: [Client, string, unknown, string][] = [
      [coordinator, 'P2.i.a', 'F', '"F" is not an option; choose A, B, C or D'],
      [lead, 'R4.i.a.1', -1, 'is a count'],
      [lead, 'R4.i.a.1', 2.5, 'is a count'],
      [lead, 'H1.a', 4.5, 'survey index from 0 to 4'],
      [lead, 'R4.i.a', 'A', 'is computed'],
    ];
    for (const [client, code, value, message] of cases) {
      const res = await put(t.app, client, answerUrl(code), { version: 0, value, explanation: 'x' });
      expect(res.statusCode, `${code} ${String(value)}`).toBe(400);
      expect(res.json().error.code).toBe('ANSWER_INVALID');
      expect(res.json().error.message).toContain(message);
    }
  });

  it('400 PERSON_NOT_ON_UNIT for a person in charge without a role on the unit', async () => {
    const res = await put(t.app, lead, answerUrl('P1.i.a'), {
      version: 0,
      value: 'Ya',
      personInChargeId: provincialLeaderId,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('PERSON_NOT_ON_UNIT');
  });

  it('409 ASSESSMENT_EXISTS, 400 UNIT_NOT_IN_AGENCY, 400 NO_PREVIOUS_ASSESSMENT', async () => {
    const again = await lead.post('/api/assessments', {
      periodId: mine.periodId,
      unitId: org.sumenep.id,
      target: 'WBK',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ASSESSMENT_EXISTS');
    const outside = await admin.post('/api/assessments', {
      periodId: mine.periodId,
      unitId: org.banten.id,
      target: 'WBK',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.code).toBe('UNIT_NOT_IN_AGENCY');
    const carry = await agencyAdmin.post('/api/assessments', {
      periodId: mine.periodId,
      unitId: org.jatim.id,
      target: 'WBK',
      carryFromPrevious: true,
    });
    expect(carry.statusCode).toBe(400);
    expect(carry.json().error.code).toBe('NO_PREVIOUS_ASSESSMENT');
  });

  it('409 TRANSITION_NOT_ALLOWED approving a draft; 403 for a team member submitting', async () => {
    const approve = await unitLeader.post(`/api/assessments/${mine.id}/approve`, { version: mine.version });
    expect(approve.statusCode).toBe(409);
    expect(approve.json().error.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(
      (await member.post(`/api/assessments/${mine.id}/submit`, { version: mine.version })).statusCode,
    ).toBe(403);
  });
});

describe('assessments: reading and answering', () => {
  it('the `can` block follows can(): a coordinator answers area 2 only, the lead everything', async () => {
    const asCoordinator = (await coordinator.get(`/api/assessments/${mine.id}`)).json() as Assessment;
    expect(asCoordinator.can).toEqual({
      answerAreas: [2],
      answerHasil: false,
      comment: true,
      submit: false,
      approve: false,
      uploadEvidence: true,
    });
    const asLead = (await lead.get(`/api/assessments/${mine.id}`)).json() as Assessment;
    expect(asLead).toMatchObject({ unitName: 'KPU Kabupaten Sumenep', year: 2025, templateVersion: '1.0.0' });
    expect(asLead.can).toMatchObject({ answerAreas: [1, 2, 3, 4, 5, 6], answerHasil: true, submit: true });
    expect((await unitLeader.get(`/api/assessments/${mine.id}`)).json().can).toMatchObject({
      answerAreas: [],
      comment: true,
      approve: false,
    });
  });

  it('lists what the caller may read: the lead her unit, the provincial leader below her, filters apply', async () => {
    const ids = async (c: Client, q = '') =>
      ((await c.get(`/api/assessments${q}`)).json() as { assessments: Assessment[] }).assessments.map(
        (a) => a.id,
      );
    expect(await ids(lead)).toEqual([mine.id]);
    expect(await ids(provincialLeader)).toEqual([mine.id]);
    expect(await ids(bawasluAdmin)).toEqual([foreign.id]);
    expect(await ids(lead, `?unitId=${org.jatim.id}`)).toEqual([]);
    expect(await ids(admin, `?periodId=${mine.periodId}`)).toEqual([mine.id]);
  });

  it('derives the status: a value alone is draft, with an explanation complete, nothing is empty', async () => {
    const first = await put(t.app, coordinator, answerUrl('P2.i.a'), { version: 0, value: 'b' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      answer: expect.objectContaining({
        code: 'P2.i.a',
        value: 'b',
        status: 'draft',
        version: 1,
        toReview: false,
      }),
      warnings: [],
    });
    const second = await put(t.app, coordinator, answerUrl('P2.i.a'), {
      version: 1,
      value: 'B',
      explanation: 'SOP telah disusun untuk sebagian besar kegiatan utama',
      personInChargeId: coordinatorId,
    });
    expect(second.json().answer).toMatchObject({
      status: 'complete',
      version: 2,
      personInChargeId: coordinatorId,
    });
    const cleared = await put(t.app, coordinator, answerUrl('P2.i.a'), { version: 2, value: null });
    expect(cleared.json().answer).toMatchObject({
      status: 'empty',
      value: null,
      personInChargeId: coordinatorId,
    });
    const marked = await put(t.app, coordinator, answerUrl('P2.i.a'), {
      version: 3,
      value: 'A',
      status: 'draft',
      explanation: 'x',
    });
    expect(marked.json().answer.status).toBe('draft');
  });

  it('409 STALE_WRITE with the stored answer for an old version, and for "I saw no answer"', async () => {
    const stale = await put(t.app, coordinator, answerUrl('P2.i.a'), { version: 2, value: 'C' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_WRITE');
    expect(stale.json().error.details.current).toMatchObject({ code: 'P2.i.a', value: 'A', version: 4 });
    const blind = await put(t.app, lead, answerUrl('P2.i.a'), { version: 0, value: 'C' });
    expect(blind.statusCode).toBe(409);
    expect(blind.json().error.details.current.version).toBe(4);
    const none = await put(t.app, lead, answerUrl('P2.i.b'), { version: 3, value: 'C' });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.details.current).toMatchObject({ code: 'P2.i.b', version: 0, value: null });
  });

  it('two first writes at once: one lands, the other gets 409 with it — never a silent overwrite', async () => {
    const [a, b] = await Promise.all([
      put(t.app, lead, answerUrl('P2.i.c'), { version: 0, value: 'A' }),
      put(t.app, coordinator, answerUrl('P2.i.c'), { version: 0, value: 'E' }),
    ]);
    expect([a?.statusCode, b?.statusCode].sort()).toEqual([200, 409]);
    const loser = a?.statusCode === 409 ? a : b;
    const winner = a?.statusCode === 200 ? a : b;
    expect(loser?.json().error.details.current).toEqual(winner?.json().answer);
  });

  it('saves counts; a numerator above its denominator is saved with a warning', async () => {
    const den = await put(t.app, lead, answerUrl('R4.i.a.1'), { version: 0, value: 4 });
    expect(den.json()).toMatchObject({ answer: { value: 4 }, warnings: [] });
    const num = await put(t.app, lead, answerUrl('R4.i.a.2'), { version: 0, value: 5, explanation: 'IKU' });
    expect(num.statusCode).toBe(200);
    expect(num.json().answer).toMatchObject({ value: 5, status: 'complete' });
    expect(num.json().warnings).toEqual([
      { code: 'ratio_capped', message: 'R4.i.a: 5 is more than 4; the value is capped at 100 %' },
    ]);
  });

  it('comments: a member adds one, the unit leader too, the provincial leader may only read; audited', async () => {
    const url = `/api/assessments/${mine.id}/items/P2.i.a/comments`;
    const added = await member.post(url, { body: 'SOP perlu ditandatangani pimpinan' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      code: 'P2.i.a',
      authorName: 'member',
      body: 'SOP perlu ditandatangani pimpinan',
    });
    expect((await unitLeader.post(url, { body: 'Setuju' })).statusCode).toBe(201);
    expect((await provincialLeader.post(url, { body: 'Dari provinsi' })).statusCode).toBe(403);
    const list = await provincialLeader.get(url);
    expect(list.json().comments.map((c: { body: string }) => c.body)).toEqual([
      'SOP perlu ditandatangani pimpinan',
      'Setuju',
    ]);
    expect(
      (await member.post(`/api/assessments/${mine.id}/items/Z1/comments`, { body: 'x' })).statusCode,
    ).toBe(404);
    const audited = await t.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.action, 'comment.added'));
    expect(audited.map((r) => (r.after as { body: string }).body)).toEqual([
      'SOP perlu ditandatangani pimpinan',
      'Setuju',
    ]);
  });

  it('the worksheet has every stored answer, evidence links and comment counts per code', async () => {
    const res = await coordinator.get(`/api/assessments/${mine.id}/worksheet`);
    expect(res.statusCode).toBe(200);
    const sheet = res.json() as {
      answers: AnswerView[];
      evidence: unknown[];
      commentCounts: Record<string, number>;
    };
    expect(sheet.answers.map((a) => a.code)).toEqual(['P2.i.a', 'P2.i.c', 'R4.i.a.1', 'R4.i.a.2']);
    expect(sheet.evidence).toEqual([]);
    expect(sheet.commentCounts).toEqual({ 'P2.i.a': 2 });
  });
});
