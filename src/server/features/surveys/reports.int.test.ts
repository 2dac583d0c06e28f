import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  logInAs,
  seedOrg,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';
import type { SurveyResults } from '../../../contracts/surveys.ts';
import { formatId } from '../../render/format.ts';
import { extractPdfText } from '../../render/pdf-text.ts';
import { todayWib } from './campaign-window.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let lead: Client;
let member: Client;
let foreignAdmin: Client;
let skmId: string;
let ipakId: string;

const day = (offset: number) => todayWib(new Date(Date.now() + offset * 86_400_000));
const UNSUR = [
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

/** surveys.md §1.6: ten respondents, IKM 300/90 → 83,33 (B, Baik); the columns are U1…U9 in unsur order. */
const WORKED = [
  [4, 3, 3, 4, 3, 4, 4, 3, 3],
  [3, 3, 2, 4, 3, 3, 4, 3, 3],
  [4, 4, 3, 4, 4, 4, 4, 3, 4],
  [3, 3, 3, 4, 3, 3, 3, 2, 3],
  [4, 4, 4, 4, 4, 4, 4, 4, 4],
  [3, 2, 2, 4, 3, 3, 3, 3, 2],
  [4, 3, 3, 4, 3, 4, 4, 3, 3],
  [3, 3, 3, 3, 3, 3, 4, 3, 3],
  [4, 4, 3, 4, 4, 4, 4, 4, 3],
  [3, 3, 2, 4, 3, 3, 3, 2, 3],
];

// The regulation's order puts Pengaduan 8th and Sarana 9th; the WORKED columns follow it.
const skm = (scores: number[], i: number, duration = 120) => ({
  screening: 'sudah',
  profile: {
    usia: i % 2 ? '26_35' : '36_45',
    jenis_kelamin: i % 3 ? 'perempuan' : 'laki_laki',
    pendidikan: 'sma',
    pekerjaan: 'swasta',
    layanan: i % 2 ? 'loket_a' : 'loket_b',
  },
  answers: Object.fromEntries(UNSUR.map((c, j) => [c, scores[j]])),
  durationSeconds: duration,
});

const submit = (campaignId: string, body: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `/api/public/surveys/${campaignId}/responses`,
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    payload: JSON.stringify(body),
  });

const openCampaign = async (kind: 'skm' | 'ipak', extra: Record<string, unknown> = {}) => {
  const res = await lead.post('/api/surveys/campaigns', {
    unitId: org.sumenep.id,
    kind,
    periodLabel: 'Triwulan IV 2026',
    services: [
      { code: 'loket_a', name: 'Pendaftaran Pemilih', population: 70 },
      { code: 'loket_b', name: 'Informasi Publik', population: 50 },
    ],
    startsOn: day(-1),
    endsOn: day(1),
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: string }).id;
  expect((await lead.post(`/api/surveys/campaigns/${id}/open`, { version: 1 })).statusCode).toBe(200);
  return id;
};

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '1000', PULAU_SURVEY_RATE_PER_MINUTE: '10000' });
  org = await seedOrg(t.db);
  lead = await logInAs(t.app, 'lead@sumenep.test');
  member = await logInAs(t.app, 'member@sumenep.test');
  foreignAdmin = await logInAs(t.app, 'agency@bawaslu.test');
  // R5 answers 4 everywhere (straight-lining): counted, as in the worked example; too fast is left out by choice.
  skmId = await openCampaign('skm', {
    excludeFlags: ['too_fast'],
    exclusionReason: 'Jawaban di bawah 3 detik berasal dari uji kios.',
  });
  for (const [i, scores] of WORKED.entries())
    expect((await submit(skmId, skm(scores, i))).statusCode).toBe(201);
  // Too fast: kept, flagged, left out of the index.
  expect((await submit(skmId, skm([1, 2, 1, 2, 1, 2, 1, 2, 1], 0, 3))).statusCode).toBe(201);

  ipakId = await openCampaign('ipak');
  const ipakScores = [
    [4, 3, 4, 3, 4],
    [3, 3, 4, 4, 3],
    [4, 4, 3, 3, 4],
    [2, 3, 3, 4, 3],
    [4, 3, 3, 4, 4],
  ];
  for (const [i, s] of ipakScores.entries()) {
    const body = {
      screening: 'sudah',
      profile: {
        usia: '26_35',
        jenis_kelamin: 'perempuan',
        pendidikan: 'sma',
        pekerjaan: 'swasta',
        layanan: i % 2 ? 'loket_a' : 'loket_b',
      },
      answers: {
        diskriminasi: s[0],
        kecurangan: s[1],
        imbalan: s[2],
        percaloan: s[3],
        pungli: s[4],
        diarahkan: 'tidak',
      },
      durationSeconds: 90,
    };
    expect((await submit(ipakId, body)).statusCode).toBe(201);
  }
});
afterAll(() => t.close());

const ROUTES = (id: string) => [
  `/api/surveys/campaigns/${id}/responses.xlsx`,
  `/api/surveys/campaigns/${id}/report.pdf`,
  `/api/surveys/campaigns/${id}/poster.pdf?service=loket_a`,
];

describe('survey exports and print-outs: access', () => {
  it('401 without a session and 403 on a foreign unit, on every route', async () => {
    for (const url of ROUTES(skmId)) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      expect((await foreignAdmin.get(url)).statusCode, url).toBe(403);
      expect((await member.get(url)).statusCode, url).toBe(200);
    }
  });
});

describe('responses.xlsx', () => {
  it('one row per response with codes and labels, the results route’s figures as values, a dictionary', async () => {
    const res = await member.get(`/api/surveys/campaigns/${skmId}/responses.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe(`attachment; filename="survei-skm-${skmId}.xlsx"`);
    const results = (await member.get(`/api/surveys/campaigns/${skmId}/results`)).json() as SurveyResults;

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Respon', 'Ringkasan', 'Kamus']);

    const sheet = wb.getWorksheet('Respon')!;
    expect(sheet.rowCount).toBe(1 + WORKED.length + 1);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (code: string) => header.indexOf(code) + 1;
    expect(col('persyaratan')).toBeGreaterThan(0);
    expect(header[col('persyaratan')]).toBe('persyaratan_label');
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
    // The responses in order: the first is WORKED[0], U4 (biaya) = 4 → "Gratis"; layanan → the service name.
    expect(rows[0]!.getCell(col('biaya')).value).toBe(4);
    expect(rows[0]!.getCell(col('biaya') + 1).value).toBe('Gratis');
    expect(rows[0]!.getCell(col('layanan')).value).toBe('loket_b');
    expect(rows[0]!.getCell(col('layanan') + 1).value).toBe('Informasi Publik');
    expect(rows[1]!.getCell(col('waktu') + 1).value).toBe('Kurang cepat');
    for (const [i, scores] of WORKED.entries())
      expect(UNSUR.map((c) => rows[i]!.getCell(col(c)).value)).toEqual(scores);
    const last = rows[WORKED.length]!;
    expect(last.getCell(col('flags')).value).toBe('too_fast');
    expect(last.getCell(col('included_in_index')).value).toBe('tidak');

    const summary = wb.getWorksheet('Ringkasan')!;
    const valueOf = (label: string) => {
      let found: unknown = undefined;
      summary.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2).value;
      });
      return found;
    };
    expect(results.ikm!.convertedRounded).toBe(83.33);
    expect(valueOf('IKM konversi (25–100)')).toBe(results.ikm!.convertedRounded);
    expect(valueOf('IKM (1–4)')).toBe(results.ikm!.value);
    expect(valueOf('Mutu pelayanan')).toBe('B');
    expect(valueOf('Kinerja unit pelayanan')).toBe('Baik');
    expect(valueOf('Indeks (skala butir)')).toBe(results.index);
    expect(valueOf('Margin of error 95 % (IKM konversi)')).toBe(results.ikm!.marginOfError);
    expect(valueOf('Respon diterima')).toBe(11);
    expect(valueOf('Respon dikecualikan (ditandai)')).toBe(results.responses.excluded);
    expect(valueOf('Sampel tercapai (n)')).toBe(results.n);
    // Values, never formulas.
    summary.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));

    const dict = wb.getWorksheet('Kamus')!;
    const codes: unknown[] = [];
    dict.eachRow((row) => codes.push(row.getCell(1).value));
    for (const c of UNSUR) expect(codes).toContain(c);
    let persyaratanText: unknown;
    dict.eachRow((row) => {
      if (row.getCell(1).value === 'persyaratan') persyaratanText = row.getCell(3).value;
    });
    expect(persyaratanText).toContain('kesesuaian persyaratan pelayanan');
  });
});

describe('report.pdf', () => {
  it('is a PDF attachment whose text carries the IKM as the results route gives it, with grade and priorities', async () => {
    const res = await member.get(`/api/surveys/campaigns/${skmId}/report.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="laporan-skm-${skmId}.pdf"`);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (process.env.PULAU_KEEP_PDF)
      writeFileSync(`${process.env.PULAU_KEEP_PDF}/report-skm.pdf`, res.rawPayload);
    const results = (await member.get(`/api/surveys/campaigns/${skmId}/results`)).json() as SurveyResults;
    const words = extractPdfText(res.rawPayload).split(/\s+/);
    const text = words.join(' ');
    expect(words).toContain(formatId(results.ikm!.convertedRounded, 2)); // '83,33'
    expect(text).toContain('KPU Kabupaten Sumenep');
    // Signed by the leader's title of the agency (KPU is led by a Ketua), with place and a NIP line.
    expect(text).toContain('Sumenep,');
    expect(text).toContain('Ketua KPU Kabupaten Sumenep,');
    expect(text).not.toContain('Kepala KPU');
    expect(text).toContain('NIP.');
    expect(text).toContain('Sangat Baik'); // the interval table
    expect(text).toContain('Mutu pelayanan');
    expect(text).toContain('Prioritas perbaikan');
    expect(text).toContain('Waktu Penyelesaian'); // the lowest unsur (NRR 2,80)
    expect(words).toContain('2,80');
    // The owner's decision and its reason, in words.
    expect(text).toContain(
      'tidak dihitung dalam indeks. Alasan: Jawaban di bawah 3 detik berasal dari uji kios.',
    );
  });

  it('for IPAK: the same structure on 1–4 with the LKE value', async () => {
    const res = await member.get(`/api/surveys/campaigns/${ipakId}/report.pdf`);
    expect(res.statusCode).toBe(200);
    if (process.env.PULAU_KEEP_PDF)
      writeFileSync(`${process.env.PULAU_KEEP_PDF}/report-ipak.pdf`, res.rawPayload);
    const results = (await member.get(`/api/surveys/campaigns/${ipakId}/results`)).json() as SurveyResults;
    const text = extractPdfText(res.rawPayload).split(/\s+/).join(' ');
    expect(text).toContain('Indeks Persepsi Anti Korupsi (IPAK)');
    expect(text).toContain(formatId(results.lke!.value, 2));
    expect(text).toContain('H1.a');
    expect(text).toContain('Seluruh respon yang sah dihitung dalam indeks');
  });
});

describe('a campaign without responses', () => {
  it('still gives a workbook with only the header row and a report that says there is no index yet', async () => {
    const id = await openCampaign('skm');
    const xlsx = await member.get(`/api/surveys/campaigns/${id}/responses.xlsx`);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Respon')!.rowCount).toBe(1);
    const pdf = await member.get(`/api/surveys/campaigns/${id}/report.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(extractPdfText(pdf.rawPayload).replace(/\s+/g, ' ')).toContain('Belum ada respon');
  });
});

describe('poster.pdf', () => {
  it('is an A4 PDF with the counter’s link in text and the service name', async () => {
    const res = await member.get(`/api/surveys/campaigns/${skmId}/poster.pdf?service=loket_a`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="poster-survei-${skmId}-loket_a.pdf"`,
    );
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (process.env.PULAU_KEEP_PDF) writeFileSync(`${process.env.PULAU_KEEP_PDF}/poster.pdf`, res.rawPayload);
    const text = extractPdfText(res.rawPayload).replace(/\s+/g, ' ');
    expect(text.replace(/ /g, '')).toContain(`http://localhost:80/s/${skmId}?layanan=loket_a`);
    expect(text).toContain('Pendaftaran Pemilih');
    expect(text).toContain('Bantu kami melayani lebih baik');
    expect(text).toContain('3 menit');
    expect(res.rawPayload.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/);
  });

  it('400 SERVICE_UNKNOWN for a service the campaign does not offer', async () => {
    const res = await lead.get(`/api/surveys/campaigns/${skmId}/poster.pdf?service=loket_z`);
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { code: string } }).error.code).toBe('SERVICE_UNKNOWN');
  });
});
