import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computePerceptionIndex } from '../../../core/survey/perception-index.ts';
import type { SurveySubmission } from '../../../core/survey/response.ts';
import { answers, assessments, auditLog, periods } from '../../db/schema.ts';
import {
  createTestApp,
  logInAs,
  seedOrg,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';
import { todayWib } from './campaign-window.ts';
import { installedQuestionnaires } from './questionnaires.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let lead: Client;
let member: Client;
let foreignAdmin: Client;

const day = (offset: number) => todayWib(new Date(Date.now() + offset * 86_400_000));

const campaignBody = (unitId: string, extra: Record<string, unknown> = {}) => ({
  unitId,
  kind: 'ipak',
  periodLabel: 'Triwulan uji',
  services: [
    { code: 'loket_a', name: 'Loket A', population: 60 },
    { code: 'loket_b', name: 'Loket B', population: 40 },
  ],
  startsOn: day(-1),
  endsOn: day(1),
  ...extra,
});

/** An IPAK response; `scores` are the five aspects in template order. */
const ipak = (scores: number[], extra: { service?: string; duration?: number; directed?: boolean } = {}) => ({
  screening: 'sudah',
  profile: {
    usia: '26_35',
    jenis_kelamin: 'perempuan',
    pendidikan: 'sma',
    pekerjaan: 'swasta',
    layanan: extra.service ?? 'loket_a',
  },
  answers: {
    diskriminasi: scores[0],
    kecurangan: scores[1],
    imbalan: scores[2],
    percaloan: scores[3],
    pungli: scores[4],
    diarahkan: extra.directed ? 'ya' : 'tidak',
  },
  durationSeconds: extra.duration ?? 90,
});

const submit = (campaignId: string, body: unknown, key: string = randomUUID(), app = t.app) =>
  app.inject({
    method: 'POST',
    url: `/api/public/surveys/${campaignId}/responses`,
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    payload: JSON.stringify(body),
  });

const createCampaign = async (extra: Record<string, unknown> = {}) => {
  const res = await lead.post('/api/surveys/campaigns', campaignBody(org.sumenep.id, extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; targetSample: number };
};
const openCampaign = async (id: string, version = 1) => {
  const res = await lead.post(`/api/surveys/campaigns/${id}/open`, { version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { version: number };
};

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '1000', PULAU_SURVEY_RATE_PER_MINUTE: '10000' });
  org = await seedOrg(t.db);
  lead = await logInAs(t.app, 'lead@sumenep.test');
  member = await logInAs(t.app, 'member@sumenep.test');
  foreignAdmin = await logInAs(t.app, 'agency@bawaslu.test');
});
afterAll(() => t.close());

describe('survey campaigns: refusals', () => {
  it('401 without a session, 403 on a foreign unit or without survey.manage', async () => {
    const anonymous = await t.app.inject({
      method: 'GET',
      url: `/api/surveys/campaigns?unitId=${org.sumenep.id}`,
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await foreignAdmin.post('/api/surveys/campaigns', campaignBody(org.sumenep.id))).statusCode).toBe(
      403,
    );
    expect((await member.post('/api/surveys/campaigns', campaignBody(org.sumenep.id))).statusCode).toBe(403);
    const { id } = await createCampaign();
    expect((await foreignAdmin.get(`/api/surveys/campaigns/${id}/results`)).statusCode).toBe(403);
    expect((await member.get(`/api/surveys/campaigns/${id}/results`)).statusCode).toBe(200);
  });

  it('400 on a campaign that ends before it starts', async () => {
    const res = await lead.post('/api/surveys/campaigns', campaignBody(org.sumenep.id, { endsOn: day(-5) }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('CAMPAIGN_DATES_INVALID');
  });
});

describe('public submission', () => {
  it('404 on a draft, 400 on a bad response or a missing key, 409 once closed', async () => {
    const { id } = await createCampaign();
    expect((await submit(id, ipak([4, 4, 3, 4, 4]))).statusCode).toBe(404);
    const { version } = await openCampaign(id);
    const bad = await submit(id, { ...ipak([4, 4, 3, 4, 4]), answers: { diskriminasi: 9 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('SURVEY_RESPONSE_INVALID');
    expect(bad.json().error.details.errors.map((e: { code: string }) => e.code)).toContain(
      'survey_answer_invalid',
    );
    const phone = await submit(id, { ...ipak([4, 4, 3, 4, 4]), phone: '0812' });
    expect(phone.json().error.details.errors[0].code).toBe('survey_unknown_key');
    const noKey = await t.app.inject({
      method: 'POST',
      url: `/api/public/surveys/${id}/responses`,
      payload: ipak([4, 4, 3, 4, 4]),
    });
    expect(noKey.statusCode).toBe(400);
    expect((await lead.post(`/api/surveys/campaigns/${id}/close`, { version })).statusCode).toBe(200);
    const closed = await submit(id, ipak([4, 4, 3, 4, 4]));
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('CAMPAIGN_CLOSED');
  });

  it('the same idempotency key twice gives one response; another body under it is 409', async () => {
    const { id } = await createCampaign();
    await openCampaign(id);
    const key = randomUUID();
    const first = await submit(id, ipak([4, 4, 3, 4, 4]), key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await submit(id, ipak([4, 4, 3, 4, 4]), key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ id: first.json().id, replayed: true });
    const other = await submit(id, ipak([1, 1, 2, 1, 1]), key);
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('IDEMPOTENCY_MISMATCH');
    const campaign = await lead.get(`/api/surveys/campaigns/${id}`);
    expect(campaign.json().responseCount).toBe(1);
  });

  it('a one-time code works once; an unknown one is refused', async () => {
    const { id } = await createCampaign({ requireCodes: true });
    await openCampaign(id);
    const generated = await lead.post(`/api/surveys/campaigns/${id}/codes`, { count: 2 });
    expect(generated.statusCode).toBe(201);
    const [code] = generated.json().codes as string[];
    expect((await submit(id, ipak([4, 4, 3, 4, 4]))).json().error.code).toBe('CODE_REQUIRED');
    const key = randomUUID();
    expect((await submit(id, { ...ipak([4, 4, 3, 4, 4]), code }, key)).statusCode).toBe(201);
    // A retry of the same submission is not a second use.
    expect((await submit(id, { ...ipak([4, 4, 3, 4, 4]), code }, key)).statusCode).toBe(200);
    const reused = await submit(id, { ...ipak([3, 3, 3, 4, 4]), code });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('CODE_USED');
    const unknown = await submit(id, { ...ipak([3, 3, 3, 4, 4]), code: 'ZZZZZZZZ' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('CODE_INVALID');
  });

  it('answers 429 past the per-address limit', async () => {
    const small = await createTestApp({ PULAU_SURVEY_RATE_PER_MINUTE: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i += 1)
        codes.push((await submit(randomUUID(), ipak([4, 4, 4, 4, 3]), randomUUID(), small.app)).statusCode);
      expect(codes).toEqual([404, 404, 404, 429]);
    } finally {
      await small.close();
    }
  });

  it('serves the questionnaire without administrative data', async () => {
    const { id } = await createCampaign();
    await openCampaign(id);
    const res = await t.app.inject({ method: 'GET', url: `/api/public/surveys/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().services).toEqual([
      { code: 'loket_a', name: 'Loket A' },
      { code: 'loket_b', name: 'Loket B' },
    ]);
    expect(res.body).not.toContain(org.sumenep.id);
    expect(res.body).not.toContain('targetSample');
  });
});

describe('results, export and the LKE', () => {
  const KNOWN: Array<[number[], { service?: string; duration?: number; directed?: boolean }]> = [
    [[4, 3, 4, 3, 4], {}],
    [[3, 3, 4, 4, 3], { service: 'loket_b' }],
    [[4, 4, 3, 3, 4], {}],
    [[2, 3, 3, 4, 3], { service: 'loket_b' }],
    [[4, 3, 3, 4, 4], {}],
    [[4, 4, 4, 4, 4], {}], // straight-lining: kept, counted unless the owner leaves it out
    [[3, 4, 3, 4, 3], { duration: 3 }], // too fast: kept, flagged
    [[4, 3, 4, 4, 3], { directed: true }], // directed: kept, flagged
  ];
  const REASON = 'Uji: tiga jenis tanda dikecualikan atas keputusan pengelola.';
  const ALL_FLAGS = ['too_fast', 'straight_lining', 'directed'];

  it('refuses leaving flagged responses out without a reason, on create and on edit', async () => {
    const res = await lead.post(
      '/api/surveys/campaigns',
      campaignBody(org.sumenep.id, { excludeFlags: ['straight_lining'] }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('SURVEY_EXCLUSION_REASON_REQUIRED');
    const blank = await lead.post(
      '/api/surveys/campaigns',
      campaignBody(org.sumenep.id, { excludeFlags: ['directed'], exclusionReason: '   ' }),
    );
    expect(blank.json().error.code).toBe('SURVEY_EXCLUSION_REASON_REQUIRED');
    const { id, version } = await createCampaign();
    const edit = await lead.patch(`/api/surveys/campaigns/${id}`, { version, excludeFlags: ['too_fast'] });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().error.code).toBe('SURVEY_EXCLUSION_REASON_REQUIRED');
  });

  it('by default counts every valid response, straight-lining, too fast and directed alike, and shows the flags', async () => {
    const { id } = await createCampaign();
    await openCampaign(id);
    for (const [scores, extra] of KNOWN) expect((await submit(id, ipak(scores, extra))).statusCode).toBe(201);
    const results = (await member.get(`/api/surveys/campaigns/${id}/results`)).json();
    const q = (await installedQuestionnaires()).get('ipak')!;
    const all = computePerceptionIndex(
      q,
      KNOWN.map(([s, e]) => ipak(s, e) as unknown as SurveySubmission),
    );
    expect(results.excludeFlags).toEqual([]);
    expect(results.exclusionReason).toBeNull();
    expect(results.responses).toMatchObject({ total: 8, excluded: 0 });
    expect(results.responses.flagged).toEqual({ too_fast: 1, straight_lining: 1, directed: 1 });
    expect(results.n).toBe(8);
    expect(results.index).toBe(all.index);
  });

  it('matches the core on a known set, leaves out what the owner chose with her reason, exports CSV, applies to H1.a', async () => {
    const { id } = await createCampaign({ excludeFlags: ALL_FLAGS, exclusionReason: REASON });
    const { version } = await openCampaign(id);
    for (const [scores, extra] of KNOWN) expect((await submit(id, ipak(scores, extra))).statusCode).toBe(201);

    const res = await member.get(`/api/surveys/campaigns/${id}/results`);
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json();
    const q = (await installedQuestionnaires()).get('ipak')!;
    const expected = computePerceptionIndex(
      q,
      KNOWN.map(([s, e]) => ipak(s, e) as unknown as SurveySubmission),
      { populationSize: 100, excludeFlags: ['too_fast', 'straight_lining', 'directed'] },
    );
    expect(results.exclusionReason).toBe(REASON);
    expect(results.responses.total).toBe(8);
    expect(results.responses.excluded).toBe(3);
    expect(results.responses.flagged).toEqual({ too_fast: 1, straight_lining: 1, directed: 1 });
    expect(results.n).toBe(5);
    expect(results.index).toBe(expected.index);
    expect(results.marginOfError).toBeCloseTo(expected.precision!.marginOfError, 12);
    expect(results.lke.value).toBe(expected.lke!.value);
    expect(results.lke.item).toBe('H1.a');
    expect(results.services.map((s: { progress: { achieved: number } }) => s.progress.achieved)).toEqual([
      3, 2,
    ]);
    expect(results.sample).toMatchObject({ achieved: 5, target: 80 });

    const csv = await member.get(`/api/surveys/campaigns/${id}/responses.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(9);
    expect(lines[0]).toContain('"diskriminasi_label"');
    expect(csv.body).toContain('"Sangat setuju"');
    expect(csv.body).not.toContain('ip_hash');

    // The LKE: refused while open, then written with provenance and audited.
    const periodId = randomUUID();
    await t.db.insert(periods).values({
      id: periodId,
      agencyId: org.kpu.id,
      year: 2031,
      name: 'Survei',
      templateId: 'permenpanrb-90-2021',
      templateVersion: '1.0.0',
      fillFrom: '2031-01-01',
      fillUntil: '2031-03-31',
    });
    const assessmentId = randomUUID();
    await t.db
      .insert(assessments)
      .values({ id: assessmentId, periodId, unitId: org.sumenep.id, target: 'WBK' });
    const apply = (body: Record<string, unknown>, who = lead) =>
      who.post(`/api/surveys/campaigns/${id}/apply`, { assessmentId, version: 0, ...body });
    expect((await apply({}, member)).statusCode).toBe(403);
    expect((await apply({})).json().error.code).toBe('CAMPAIGN_NOT_CLOSED');
    expect((await lead.post(`/api/surveys/campaigns/${id}/close`, { version })).statusCode).toBe(200);
    const below = await apply({});
    expect(below.statusCode).toBe(400);
    expect(below.json().error.code).toBe('SURVEY_SAMPLE_BELOW_MINIMUM');
    const applied = await apply({ belowMinimumJustification: 'Uji integrasi' });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ itemCode: 'H1.a', value: expected.lke!.value, answerVersion: 1 });
    const [stored] = await t.db
      .select()
      .from(answers)
      .where(and(eq(answers.assessmentId, assessmentId), eq(answers.code, 'H1.a')));
    expect(stored?.value).toBe(expected.lke!.value);
    expect(stored?.explanation).toContain(id);
    expect(stored?.explanation).toContain('n = 5');
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.action, 'survey.applied'));
    expect(audited).toHaveLength(1);
    expect(audited[0]?.subjectId).toBe(id);
    // The owner's decision travels with the LKE value as data, not as a sentence.
    expect(audited[0]?.after).toMatchObject({
      provenance: { excluded: 3, exclusion: { flags: ALL_FLAGS, reason: REASON } },
    });
  });
});
