import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bestAnswers, lkeTemplate, put } from '../../../../test/support/lke-answers.ts';
import {
  createTestApp,
  logInAs,
  seedOrg,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';
import type { Assessment } from '../../../contracts/assessments.ts';
import type { WorkbookPreview } from '../../../contracts/lke-workbook.ts';
import type { LkeTemplate } from '../../../core/lke/template-model.ts';
import { auditLog } from '../../db/schema.ts';
import { scoreSummary } from './score-summary.ts';
import { lkeWorkbook, rowOf } from './workbook-fixtures.ts';

let t: TestApp;
let lead: Client;
let template: LkeTemplate;
let assessment: Assessment;

beforeAll(async () => {
  t = await createTestApp();
  template = await lkeTemplate();
  const org = await seedOrg(t.db);
  const agency = await logInAs(t.app, 'agency@kpu.test');
  const period = await agency.post('/api/periods', {
    agencyId: org.kpu.id,
    year: 2026,
    name: 'ZI 2026',
    fillFrom: '2026-01-06',
    fillUntil: '2026-03-31',
  });
  lead = await logInAs(t.app, 'lead@sumenep.test');
  const created = await lead.post('/api/assessments', {
    periodId: period.json().id,
    unitId: org.sumenep.id,
    target: 'WBK',
  });
  assessment = created.json() as Assessment;
});
afterAll(() => t.close());

const preview = (bytes: Buffer, filename = 'lke.xlsx') =>
  lead.post(`/api/assessments/${assessment.id}/lke-workbook/preview`, {
    filename,
    content: bytes.toString('base64'),
  });
const apply = (changes: WorkbookPreview['changes']) =>
  lead.post(`/api/assessments/${assessment.id}/lke-workbook/apply`, { changes });

describe('importing an LKE workbook: refusals', () => {
  it('refuses what is not a workbook, an old .xls, a password-protected file, a file over the limit, a sheet that is not an LKE', async () => {
    const code = async (bytes: Buffer) => {
      const r = await preview(bytes);
      return [r.statusCode, r.json().error.code];
    };
    expect(await code(Buffer.from('hello, not a workbook'))).toEqual([400, 'WORKBOOK_UNREADABLE']);
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(600),
    ]);
    expect(await code(ole)).toEqual([400, 'WORKBOOK_OLD_XLS']);
    expect(await code(Buffer.concat([ole, Buffer.from('EncryptionInfo', 'utf16le')]))).toEqual([
      400,
      'WORKBOOK_ENCRYPTED',
    ]);
    const big = await preview(Buffer.alloc(t.config.bodyLimit));
    expect([big.statusCode, big.json().error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const other = await lkeWorkbook(
      template,
      {},
      {
        edit: (sheet) => {
          sheet.eachRow((row) => row.eachCell((c) => (c.value = null)));
          sheet.getCell('A1').value = 'Jawaban';
        },
      },
    );
    expect(await code(other.bytes)).toEqual([400, 'WORKBOOK_NOT_LKE']);
  });
});

describe('importing an LKE workbook', () => {
  it('previews a filled workbook (columns moved, rows inserted, merged cells) with the score it would give, changing nothing', async () => {
    const answers = bestAnswers(template);
    const { bytes } = await lkeWorkbook(template, answers, {
      columns: {
        code: 1,
        text: 2,
        weight: 4,
        type: 5,
        answer: 6,
        value: 7,
        percent: 8,
        explanation: 9,
        evidence: 10,
        links: 11,
        review: 12,
      },
      blankEvery: 9,
      data: {
        explanations: { 'P1.i.a': 'SK Tim ZI Nomor 1/2026' },
        evidence: { 'P1.i.a': ['SK Tim ZI.pdf'] },
      },
      edit: (sheet, layout) => {
        for (const r of layout.rows) sheet.mergeCells(r.row, 2, r.row, 3);
      },
    });
    const r = await preview(bytes);
    expect(r.statusCode).toBe(200);
    const p = r.json() as WorkbookPreview;
    expect(p.problems.filter((x) => x.severity === 'error')).toEqual([]);
    expect(p.blockers).toEqual([]);
    expect(p.score.imported).toEqual(scoreSummary(template, answers));
    expect(p.score.current.answered).toBe(0);
    expect(p.rows.find((x) => x.code === 'P1.i.a')).toMatchObject({
      current: null,
      imported: 'Ya',
      importedExplanation: 'SK Tim ZI Nomor 1/2026',
      status: 'changed',
      evidenceMissing: ['SK Tim ZI.pdf'],
    });
    const ws = (await lead.get(`/api/assessments/${assessment.id}/worksheet`)).json();
    expect(ws.answers).toEqual([]);
  });

  it('names the cell of an answer that is not an option and of a count over a zero denominator; the preview cannot be applied', async () => {
    const answers = { ...bestAnswers(template), 'R1.i.a.1': 0, 'R1.i.a.2': 3 };
    const { bytes, layout } = await lkeWorkbook(template, answers, {
      edit: (sheet, l) => {
        sheet.getCell(rowOf(l, 'P1.i.a'), l.columns.answer).value = 'Ya/Tidak';
      },
    });
    const p = (await preview(bytes)).json() as WorkbookPreview;
    const errors = p.problems.filter((x) => x.severity === 'error');
    expect(errors.map((e) => [e.code, e.cell])).toEqual([
      ['not_an_option', `LKE!E${rowOf(layout, 'P1.i.a')}`],
      ['core_refused', `LKE!E${rowOf(layout, 'R1.i.a.2')}`],
    ]);
    expect(errors[0]?.message).toBe(
      `LKE!E${rowOf(layout, 'P1.i.a')}: "Ya/Tidak" bukan jawaban P1.i.a; pilih Ya, Tidak`,
    );
    expect(p.blockers).toContain('problems');
  });

  it("lists the workbook's own arithmetic mistakes: a denominator typed over its formula", async () => {
    const { bytes, layout } = await lkeWorkbook(template, bestAnswers(template), {
      edit: (sheet, l) => {
        sheet.getCell(rowOf(l, 'R5.iii.a.1'), l.columns.answer).value = 25;
      },
    });
    const p = (await preview(bytes)).json() as WorkbookPreview;
    const found = p.problems.filter((x) => x.code === 'arithmetic');
    expect(found.map((x) => [x.cell, x.params.cause])).toEqual([
      [`LKE!E${rowOf(layout, 'R5.iii.a.1')}`, 'typed_over'],
    ]);
  });

  it('applies all or nothing: a change made since the preview refuses the whole import with 409', async () => {
    const answers = bestAnswers(template);
    const p = (await preview((await lkeWorkbook(template, answers)).bytes)).json() as WorkbookPreview;
    // Someone saves P1.i.b between preview and apply.
    const saved = await put(t.app, lead, `/api/assessments/${assessment.id}/answers/P1.i.b`, {
      version: 0,
      value: 'C',
      explanation: '',
    });
    expect(saved.statusCode).toBe(200);
    const refused = await apply(p.changes);
    expect(refused.statusCode).toBe(409);
    const ws = (await lead.get(`/api/assessments/${assessment.id}/worksheet`)).json();
    expect(ws.answers.map((a: { code: string }) => a.code)).toEqual(['P1.i.b']);

    const again = (await preview((await lkeWorkbook(template, answers)).bytes)).json() as WorkbookPreview;
    expect(again.rows.find((x) => x.code === 'P1.i.b')).toMatchObject({
      current: 'C',
      imported: 'A',
      status: 'changed',
    });
    const ok = await apply(again.changes);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ applied: again.changes.length, score: scoreSummary(template, answers) });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'lke_workbook.applied'));
    expect(audit).toHaveLength(1);
    const same = (await preview((await lkeWorkbook(template, answers)).bytes)).json() as WorkbookPreview;
    expect(same.blockers).toEqual(['nothing_to_change']);
  });

  it('exports the LKE as .xlsx that imports back to the same answers exactly', async () => {
    const r = await lead.get(`/api/assessments/${assessment.id}/lke-workbook/export`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const back = (await preview(r.rawPayload)).json() as WorkbookPreview;
    expect(back.problems.filter((x) => x.severity === 'error' || x.code === 'arithmetic')).toEqual([]);
    expect(back.blockers).toEqual(['nothing_to_change']);
    expect(back.workbookTotal).toBeCloseTo(back.score.current.total, 9);
  });
});
