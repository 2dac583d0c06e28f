import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.ts';
import {
  createTestApp,
  logInAs,
  seedOrg,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';
import { todayWib } from './campaign-window.ts';
import { SURVEY_PAGE_CSP } from './page-route.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let lead: Client;
let member: Client;
let foreignAdmin: Client;
const webDir = mkdtempSync(join(tmpdir(), 'pulau-web-'));
const day = (offset: number) => todayWib(new Date(Date.now() + offset * 86_400_000));
const SKM_ITEMS = [
  'persyaratan',
  'prosedur',
  'waktu',
  'biaya',
  'produk',
  'kompetensi',
  'perilaku',
  'pengaduan',
  'sarana',
];

const skm = (scores: number[], duration = 120) => ({
  screening: 'sudah',
  profile: {
    usia: '26_35',
    jenis_kelamin: 'perempuan',
    pendidikan: 'sma',
    pekerjaan: 'swasta',
    layanan: 'loket',
  },
  answers: Object.fromEntries(SKM_ITEMS.map((c, i) => [c, scores[i % scores.length]])),
  durationSeconds: duration,
});

const submit = (campaignId: string, body: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `/api/public/surveys/${campaignId}/responses`,
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    payload: JSON.stringify(body),
  });
const publicResults = (code: string) =>
  t.app.inject({ method: 'GET', url: `/api/public/units/${encodeURIComponent(code)}/survey-results` });

/** An SKM campaign of Sumenep with responses (one of them too fast: flagged), closed. */
const closedSkm = async () => {
  const created = await lead.post('/api/surveys/campaigns', {
    unitId: org.sumenep.id,
    kind: 'skm',
    periodLabel: 'Semester I',
    services: [{ code: 'loket', name: 'Loket', population: 50 }],
    startsOn: day(-1),
    endsOn: day(1),
    excludeFlags: ['too_fast'],
    exclusionReason: 'Jawaban di bawah 3 detik berasal dari uji kios.',
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = (created.json() as { id: string }).id;
  expect((await lead.post(`/api/surveys/campaigns/${id}/open`, { version: 1 })).statusCode).toBe(200);
  for (const scores of [
    [4, 3, 4],
    [3, 3, 4],
    [4, 4, 4],
    [2, 3, 3],
  ])
    expect((await submit(id, skm(scores))).statusCode).toBe(201);
  expect((await submit(id, skm([1], 3))).statusCode).toBe(201); // too fast: kept, flagged, excluded
  const closed = await lead.post(`/api/surveys/campaigns/${id}/close`, { version: 2 });
  expect(closed.statusCode, closed.body).toBe(200);
  return { id, version: (closed.json() as { version: number }).version };
};

beforeAll(async () => {
  writeFileSync(
    join(webDir, 'survey.html'),
    '<!doctype html><html lang="id"><head><script type="module" src="/assets/survey.js"></script></head>' +
      '<body><div id="root"></div></body></html>',
  );
  t = await createTestApp({
    PULAU_WEB_DIR: webDir,
    PULAU_LOGIN_RATE_PER_MINUTE: '1000',
    PULAU_SURVEY_RATE_PER_MINUTE: '10000',
  });
  org = await seedOrg(t.db);
  lead = await logInAs(t.app, 'lead@sumenep.test');
  member = await logInAs(t.app, 'member@sumenep.test');
  foreignAdmin = await logInAs(t.app, 'agency@bawaslu.test');
});
afterAll(async () => {
  await t.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe('publishing: refusals', () => {
  it('401 without a session, 403 on a foreign unit or without survey.manage, 404 on an unknown campaign', async () => {
    const { id, version } = await closedSkm();
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/surveys/campaigns/${id}/publish`,
      payload: { version },
    });
    expect([401, 403]).toContain(anonymous.statusCode);
    expect((await foreignAdmin.post(`/api/surveys/campaigns/${id}/publish`, { version })).statusCode).toBe(
      403,
    );
    expect((await member.post(`/api/surveys/campaigns/${id}/publish`, { version })).statusCode).toBe(403);
    expect((await member.post(`/api/surveys/campaigns/${id}/unpublish`, { version })).statusCode).toBe(403);
    expect(
      (await lead.post(`/api/surveys/campaigns/${randomUUID()}/publish`, { version: 1 })).statusCode,
    ).toBe(404);
    const qr = await t.app.inject({
      method: 'GET',
      url: `/api/surveys/results-qr.svg?unitId=${org.sumenep.id}`,
    });
    expect(qr.statusCode).toBe(401);
    expect((await foreignAdmin.get(`/api/surveys/results-qr.svg?unitId=${org.sumenep.id}`)).statusCode).toBe(
      403,
    );
  });

  it('409 on a campaign that is not closed, on a stale version and on publishing twice', async () => {
    const created = await lead.post('/api/surveys/campaigns', {
      unitId: org.sumenep.id,
      kind: 'skm',
      periodLabel: 'Draft',
      services: [{ code: 'loket', name: 'Loket', population: 50 }],
      startsOn: day(-1),
      endsOn: day(1),
    });
    const draft = created.json() as { id: string };
    const notClosed = await lead.post(`/api/surveys/campaigns/${draft.id}/publish`, { version: 1 });
    expect(notClosed.statusCode).toBe(409);
    expect(notClosed.json().error.code).toBe('CAMPAIGN_NOT_CLOSED');
    const { id, version } = await closedSkm();
    const stale = await lead.post(`/api/surveys/campaigns/${id}/publish`, { version: version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_WRITE');
    const notPublished = await lead.post(`/api/surveys/campaigns/${id}/unpublish`, { version });
    expect(notPublished.json().error.code).toBe('CAMPAIGN_NOT_PUBLISHED');
    const ok = await lead.post(`/api/surveys/campaigns/${id}/publish`, { version });
    expect(ok.statusCode, ok.body).toBe(200);
    const twice = await lead.post(`/api/surveys/campaigns/${id}/publish`, { version: ok.json().version });
    expect(twice.json().error.code).toBe('CAMPAIGN_ALREADY_PUBLISHED');
    expect(
      (await lead.post(`/api/surveys/campaigns/${id}/unpublish`, { version: ok.json().version })).statusCode,
    ).toBe(200);
  });

  it('the public results of an unknown unit are 404', async () => {
    const res = await publicResults('NO-SUCH-UNIT');
    expect(res.statusCode).toBe(404);
  });
});

describe('the public results page', () => {
  it('shows only published closed campaigns, with the index’s figures and nothing of a response', async () => {
    const { id, version } = await closedSkm();
    const code = org.sumenep.code;
    const before = (await publicResults(code)).json() as { campaigns: { campaignId: string }[] };
    expect(before.campaigns.map((c) => c.campaignId)).not.toContain(id);

    const published = await lead.post(`/api/surveys/campaigns/${id}/publish`, { version });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ published: true, status: 'closed' });
    expect(published.json().publishedAt).toEqual(expect.any(String));

    const res = await publicResults(code.toLowerCase());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      unit: { code: string; name: string };
      campaigns: Array<
        Record<string, unknown> & { campaignId: string; items: { code: string; nrr: number }[] }
      >;
    };
    expect(body.unit.code).toBe(code);
    const shown = body.campaigns.find((c) => c.campaignId === id)!;
    const admin = (await lead.get(`/api/surveys/campaigns/${id}/results`)).json();
    // The same figures as the admin's index: flagged responses left out (and counted).
    expect(shown).toMatchObject({
      kind: 'skm',
      periodLabel: 'Semester I',
      n: 4,
      excluded: 1,
      exclusion: { flags: ['too_fast'], reason: 'Jawaban di bawah 3 detik berasal dari uji kios.' },
      index: admin.index,
      marginOfError: admin.marginOfError,
      ikm: {
        value: admin.ikm.convertedRounded,
        grade: admin.ikm.grade,
        performance: admin.ikm.performance,
      },
      lke: null,
    });
    expect(shown.items.map((i) => i.code)).toEqual(SKM_ITEMS);
    expect(shown.items.map((i) => i.nrr)).toEqual(
      SKM_ITEMS.map((c) => admin.items.find((i: { code: string }) => i.code === c).nrr),
    );
    // Nothing of a response or its respondent travels.
    const text = res.body;
    for (const leak of [
      'profile',
      'answers',
      'durationSeconds',
      'ipHash',
      'deviceToken',
      'perempuan',
      'breakdowns',
    ])
      expect(text).not.toContain(leak);

    const rows = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'survey.campaign_published')));
    expect(rows).toHaveLength(1);

    const withdrawn = await lead.post(`/api/surveys/campaigns/${id}/unpublish`, {
      version: published.json().version,
    });
    expect(withdrawn.statusCode).toBe(200);
    const after = (await publicResults(code)).json() as { campaigns: { campaignId: string }[] };
    expect(after.campaigns.map((c) => c.campaignId)).not.toContain(id);
  });

  it('is the light survey page at /hasil/:unitCode, and the admin gets its QR code', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/hasil/${org.sumenep.code}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(SURVEY_PAGE_CSP);
    expect(page.body).toContain('/assets/survey.js');
    const qr = await member.get(`/api/surveys/results-qr.svg?unitId=${org.sumenep.id}`);
    expect(qr.statusCode, qr.body).toBe(200);
    expect(qr.body).toBe(
      await QRCode.toString(`http://localhost:80/hasil/${encodeURIComponent(org.sumenep.code)}`, {
        type: 'svg',
      }),
    );
  });
});
