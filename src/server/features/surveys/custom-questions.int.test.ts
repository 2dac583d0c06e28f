import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  logInAs,
  seedOrg,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';
import { todayWib } from './campaign-window.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let lead: Client;
let member: Client;
let foreignAdmin: Client;
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

const PARKIR = {
  code: 'custom_parkir',
  type: 'single-choice',
  required: true,
  text: { id: 'Apakah tempat parkir memadai?', en: 'Was the parking adequate?' },
  options: [
    { value: 'ya', text: { id: 'Ya', en: 'Yes' } },
    { value: 'tidak', text: { id: 'Tidak', en: 'No' } },
  ],
};
const KANAL = {
  code: 'custom_kanal',
  type: 'multi-choice',
  text: { id: 'Dari mana Anda tahu layanan ini?', en: 'How did you hear of this service?' },
  options: [
    { value: 'web', text: { id: 'Situs web', en: 'Website' } },
    { value: 'teman', text: { id: 'Teman', en: 'A friend' } },
  ],
};
const CATATAN = { code: 'custom_catatan', type: 'text', text: { id: 'Catatan lain', en: 'Other notes' } };

const skm = (scores: number[], custom: Record<string, unknown> = {}) => ({
  screening: 'sudah',
  profile: {
    usia: '26_35',
    jenis_kelamin: 'laki_laki',
    pendidikan: 'd4_s1',
    pekerjaan: 'pns',
    layanan: 'loket',
  },
  answers: { ...Object.fromEntries(SKM_ITEMS.map((c, i) => [c, scores[i % scores.length]])), ...custom },
  durationSeconds: 120,
});
const submit = (campaignId: string, body: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `/api/public/surveys/${campaignId}/responses`,
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    payload: JSON.stringify(body),
  });
const create = async (customQuestions?: unknown[]) => {
  const res = await lead.post('/api/surveys/campaigns', {
    unitId: org.sumenep.id,
    kind: 'skm',
    periodLabel: 'Pertanyaan sendiri',
    services: [{ code: 'loket', name: 'Loket', population: 50 }],
    startsOn: day(-1),
    endsOn: day(1),
    ...(customQuestions ? { customQuestions } : {}),
  });
  return res;
};

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '1000', PULAU_SURVEY_RATE_PER_MINUTE: '10000' });
  org = await seedOrg(t.db);
  lead = await logInAs(t.app, 'lead@sumenep.test');
  member = await logInAs(t.app, 'member@sumenep.test');
  foreignAdmin = await logInAs(t.app, 'agency@bawaslu.test');
});
afterAll(() => t.close());

describe('custom questions: refusals', () => {
  it('403 for a reader or a foreign unit; 409 once the campaign is open; 409 on a stale version', async () => {
    const { id } = (await create()).json() as { id: string };
    const body = { version: 1, customQuestions: [PARKIR] };
    expect((await member.patch(`/api/surveys/campaigns/${id}`, body)).statusCode).toBe(403);
    expect((await foreignAdmin.patch(`/api/surveys/campaigns/${id}`, body)).statusCode).toBe(403);
    expect(
      (await lead.patch(`/api/surveys/campaigns/${id}`, { ...body, version: 7 })).json().error.code,
    ).toBe('STALE_WRITE');
    expect((await lead.post(`/api/surveys/campaigns/${id}/open`, { version: 1 })).statusCode).toBe(200);
    const open = await lead.patch(`/api/surveys/campaigns/${id}`, { ...body, version: 2 });
    expect(open.statusCode).toBe(409);
    expect(open.json().error.code).toBe('CAMPAIGN_NOT_DRAFT');
  });

  it('400 when a question would be scored, lacks the prefix, or takes a template code', async () => {
    const scored = await create([{ ...PARKIR, type: 'scale', aspect: PARKIR.text, options: [] }]);
    expect(scored.statusCode).toBe(400);
    expect(scored.json().error.code).toBe('SURVEY_CUSTOM_QUESTION_INVALID');
    const flagging = await create([{ ...PARKIR, flagWhen: ['ya'] }]);
    expect(flagging.json().error.code).toBe('SURVEY_CUSTOM_QUESTION_INVALID');
    const noPrefix = await create([{ ...CATATAN, code: 'catatan' }]);
    expect(noPrefix.json().error.code).toBe('SURVEY_CUSTOM_QUESTION_COLLISION');
    const { id } = (await create()).json() as { id: string };
    const taken = await lead.patch(`/api/surveys/campaigns/${id}`, {
      version: 1,
      customQuestions: [{ ...CATATAN, code: 'persyaratan' }],
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.code).toBe('SURVEY_CUSTOM_QUESTION_COLLISION');
    const twice = await lead.patch(`/api/surveys/campaigns/${id}`, {
      version: 1,
      customQuestions: [CATATAN, CATATAN],
    });
    expect(twice.json().error.code).toBe('SURVEY_CUSTOM_QUESTION_COLLISION');
  });
});

describe('custom questions: add, edit, remove, answer, export', () => {
  it('are edited on a draft, asked after the scored ones, exported, and never move an index', async () => {
    const created = await create([PARKIR]);
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: string };
    // Add one, edit one, then remove one: the list is replaced each time.
    let res = await lead.patch(`/api/surveys/campaigns/${id}`, {
      version: 1,
      customQuestions: [PARKIR, KANAL, CATATAN],
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await lead.patch(`/api/surveys/campaigns/${id}`, {
      version: 2,
      customQuestions: [
        { ...PARKIR, text: { id: 'Parkir memadai?', en: 'Parking adequate?' } },
        KANAL,
        CATATAN,
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await lead.patch(`/api/surveys/campaigns/${id}`, {
      version: 3,
      customQuestions: [{ ...PARKIR, text: { id: 'Parkir memadai?', en: 'Parking adequate?' } }, KANAL],
    });
    expect(res.statusCode, res.body).toBe(200);
    const campaign = res.json() as {
      version: number;
      customQuestions: { code: string; text: { id: string } }[];
    };
    expect(campaign.customQuestions.map((q) => q.code)).toEqual(['custom_parkir', 'custom_kanal']);
    expect(campaign.customQuestions[0]!.text.id).toBe('Parkir memadai?');
    expect(
      (await lead.post(`/api/surveys/campaigns/${id}/open`, { version: campaign.version })).statusCode,
    ).toBe(200);

    // The twin: the same campaign without custom questions, the same scored answers.
    const twin = ((await create()).json() as { id: string }).id;
    expect((await lead.post(`/api/surveys/campaigns/${twin}/open`, { version: 1 })).statusCode).toBe(200);

    const form = (await t.app.inject({ method: 'GET', url: `/api/public/surveys/${id}` })).json() as {
      questionnaire: { questions: { code: string; type: string }[] };
    };
    const codes = form.questionnaire.questions.map((q) => q.code);
    expect(codes.slice(-2)).toEqual(['custom_parkir', 'custom_kanal']);
    const lastScored = Math.max(
      ...form.questionnaire.questions.flatMap((q, i) => (q.type === 'scale' ? [i] : [])),
    );
    expect(codes.indexOf('custom_parkir')).toBeGreaterThan(lastScored);

    // A required custom question must be answered; an unknown option is refused.
    expect((await submit(id, skm([4]))).json().error.code).toBe('SURVEY_RESPONSE_INVALID');
    expect((await submit(id, skm([4], { custom_parkir: 'mungkin' }))).statusCode).toBe(400);
    const sets = [
      [4, 3, 4],
      [3, 3, 2],
      [4, 4, 4],
      [2, 3, 3],
      [1, 2, 4],
    ];
    for (const [i, scores] of sets.entries()) {
      const custom = {
        custom_parkir: i % 2 ? 'ya' : 'tidak',
        custom_kanal: i % 2 ? ['web'] : ['web', 'teman'],
      };
      expect((await submit(id, skm(scores, custom))).statusCode).toBe(201);
      expect((await submit(twin, skm(scores))).statusCode).toBe(201);
    }
    const withCustom = (await member.get(`/api/surveys/campaigns/${id}/results`)).json();
    const without = (await member.get(`/api/surveys/campaigns/${twin}/results`)).json();
    for (const key of ['n', 'index', 'marginOfError', 'ci', 'items', 'ikm'])
      expect(withCustom[key], key).toEqual(without[key]);
    expect(withCustom.items.map((i: { code: string }) => i.code)).toEqual(SKM_ITEMS);

    const csv = (await member.get(`/api/surveys/campaigns/${id}/responses.csv`)).body;
    const header = csv.replace('\uFEFF', '').split('\r\n')[0]!;
    expect(header).toContain('"custom_parkir","custom_parkir_label","custom_kanal","custom_kanal_label"');
    expect(csv).toContain('"web|teman","Situs web|Teman"');

    const xlsx = await member.get(`/api/surveys/campaigns/${id}/responses.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const head = (wb.getWorksheet('Respon')!.getRow(1).values as unknown[]).slice(1);
    expect(head).toEqual(expect.arrayContaining(['custom_parkir', 'custom_parkir_label', 'custom_kanal']));
    const col = head.indexOf('custom_parkir') + 1;
    expect(
      wb
        .getWorksheet('Respon')!
        .getRow(2)
        .getCell(col + 1).value,
    ).toBe('Tidak');
  });
});
