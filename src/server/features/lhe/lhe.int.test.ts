import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreAssessment } from '../../../core/lke/score-assessment.ts';
import type { LkeTemplate } from '../../../core/lke/template-model.ts';
import { formatId } from '../../../core/shared/exact.ts';
import { and, eq } from 'drizzle-orm';
import {
  answers,
  assessments,
  auditLog,
  filedDocuments,
  itemReviews,
  periods,
  reviewAssignments,
} from '../../db/schema.ts';
import { sha256Hex } from '../../documents/canonical-json.ts';
import { expectOfficialDocument } from '../../../../test/support/document-pages.ts';
import { extractPdfText } from '../../render/pdf-text.ts';
import { bestAnswers, lkeTemplate } from '../../../../test/support/lke-answers.ts';
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
let template: LkeTemplate;
let best: Record<string, string | number>;
let assessmentId: string;
let lead: Client;
let bawaslu: Client;
let assignedTpi: Client;
let otherTpi: Client;
/** The item TPI's first stage marked down, and its worst option. */
const CODE = 'P1.i.a';
let worst: string;

const lhe = (client: Client, level: string) =>
  client.get(`/api/assessments/${assessmentId}/lhe.pdf?level=${encodeURIComponent(level)}`);
const surveyCodes = () => template.items.filter((i) => i.type === 'index_0_4').map((i) => i.code);
const tpiAnswers = () => ({
  ...best,
  [CODE]: worst,
  ...Object.fromEntries(surveyCodes().map((c) => [c, 1])),
});
const textOf = (body: Buffer) => extractPdfText(body).replace(/\s+/g, ' ');

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  template = await lkeTemplate();
  best = bestAnswers(template);
  const item = template.items.find((i) => i.code === CODE);
  if (!item || item.type === 'ratio' || item.type === 'index_0_4')
    throw new Error(`${CODE} is not an option item`);
  worst = item.options[item.options.length - 1]!.key;

  const periodId = randomUUID();
  await t.db.insert(periods).values({
    id: periodId,
    agencyId: org.kpu.id,
    year: 2025,
    name: 'ZI 2025',
    templateId: 'permenpanrb-90-2021',
    templateVersion: '1.0.0',
    fillFrom: '2025-01-01',
    fillUntil: '2025-03-31',
  });
  assessmentId = randomUUID();
  // TPI's first stage (member) is behind; the team lead's stage is at work.
  await t.db.insert(assessments).values({
    id: assessmentId,
    periodId,
    unitId: org.sumenep.id,
    target: 'WBK',
    status: 'tpi_review',
    tpiStage: 1,
  });
  await t.db.insert(answers).values(
    Object.entries(best).map(([code, value]) => ({
      assessmentId,
      level: 'unit',
      code,
      value,
      explanation: `Penjelasan ${code}`,
      status: 'answered',
    })),
  );
  await t.db.insert(answers).values({
    assessmentId,
    level: 'tpi:member',
    code: CODE,
    value: worst,
    explanation: 'SK Tim belum ditandatangani pimpinan',
    status: 'answered',
  });
  // The survey indices marked down at TPI too, so the Hasil rules of §4.1 fail at this level.
  await t.db.insert(answers).values(
    surveyCodes().map((code) => ({
      assessmentId,
      level: 'tpi:member',
      code,
      value: 1,
      status: 'answered',
    })),
  );
  await t.db.insert(itemReviews).values({
    assessmentId,
    code: 'P2.i.a',
    status: 'returned',
    returnNote: 'Lengkapi SOP yang ditetapkan',
    returnedAt: 'tpi:member',
  });

  const tpiId = await seedUser(t.db, {
    email: 'tpi@kpu.test',
    homeUnit: org.kpu,
    grants: [{ role: 'tpi_evaluator', unit: org.kpu }],
  });
  await seedUser(t.db, {
    email: 'tpi-other@kpu.test',
    homeUnit: org.kpu,
    grants: [{ role: 'tpi_evaluator', unit: org.kpu }],
  });
  await t.db.insert(reviewAssignments).values({
    id: randomUUID(),
    unitId: org.sumenep.id,
    userId: tpiId,
    level: 'tpi',
    positions: ['team_lead'],
  });
  lead = await logInAs(t.app, 'lead@sumenep.test');
  bawaslu = await logInAs(t.app, 'agency@bawaslu.test');
  assignedTpi = await logInAs(t.app, 'tpi@kpu.test');
  otherTpi = await logInAs(t.app, 'tpi-other@kpu.test');
});
afterAll(() => t.close());

describe('LHE PDF: refusals first', () => {
  it("403 for another agency's admin and for a TPI evaluator not assigned to the unit", async () => {
    expect((await lhe(bawaslu, 'unit')).statusCode).toBe(403);
    expect((await lhe(otherTpi, 'tpi:member')).statusCode).toBe(403);
  });

  it('404 for an unknown assessment, 400 for a level the agency does not have', async () => {
    const missing = await lead.get(`/api/assessments/${randomUUID()}/lhe.pdf?level=unit`);
    expect(missing.statusCode).toBe(404);
    const res = await lhe(lead, 'tpi:nobody');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('LHE_LEVEL_UNKNOWN');
    expect((await lead.get(`/api/assessments/${assessmentId}/lhe.pdf`)).statusCode).toBe(400);
  });

  it('409 LHE_LEVEL_NOT_DONE for the unit while a level is still at work', async () => {
    const res = await lhe(lead, 'tpi:team_lead');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('LHE_LEVEL_NOT_DONE');
    expect((await lhe(lead, 'tpn_field')).statusCode).toBe(409);
  });
});

describe('LHE PDF: the real figures of the level', () => {
  it("prints TPI's first stage: its scores, the failing rule, its note and the returned item", async () => {
    const res = await lhe(lead, 'tpi:member');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['content-disposition']).toContain('LHE-KPU-SUMENEP-2025-tpi-member.pdf');
    const text = textOf(res.rawPayload);

    const score = scoreAssessment(template, {
      answers: tpiAnswers(),
      context: { alreadyWbk: false },
    });
    const unitScore = scoreAssessment(template, { answers: best, context: { alreadyWbk: false } });
    // The stage's own mark-down shows: its total is below the unit's.
    expect(formatId(score.total.score)).not.toBe(formatId(unitScore.total.score));
    expect(text).toContain('LAPORAN HASIL EVALUASI');
    expect(text).toContain('TPI — tahap Anggota');
    // Counts are integers, statuses and stages in words.
    expect(text).toMatch(/Semua butir LKE terjawab \d+ \d+ Memenuhi/);
    expect(text).not.toContain('tpi_review');
    expectOfficialDocument(res.rawPayload, 'lhe-tpi-member', [
      'KPU RI',
      'LAPORAN HASIL EVALUASI',
      'Tim evaluasi',
      'Ketua Tim',
      'Status penilaian Evaluasi TPI',
      'Butir rasio dan masukannya',
      'Tim Penilai Internal',
      'Kode verifikasi',
    ]);
    expect(text).toContain('KPU Kabupaten Sumenep');
    expect(text).toContain(formatId(score.total.score));
    expect(text).toContain(formatId(score.pengungkit.score));
    expect(text).toContain(formatId(score.hasil.score));
    const area1 = score.areas[0]!;
    expect(text).toContain(formatId(area1.total.score));
    const failing = score.predicates.find((p) => p.id === 'WBK')!.rules.filter((r) => !r.pass);
    expect(failing.length).toBeGreaterThan(0);
    expect(text).toContain('belum memenuhi syarat nilai Menuju WBK');
    // A cell wraps long texts over lines: compare without the spaces the wrapping adds.
    const squashed = text.replace(/\s+/g, '');
    for (const r of failing) {
      expect(squashed).toContain((r.text ?? r.id).replace(/\s+/g, ''));
      expect(squashed).toContain(`capaian${formatId(r.actual)}dibawahminimum${formatId(r.required)}`);
    }
    expect(text).toContain('SK Tim belum ditandatangani pimpinan');
    expect(text).toContain('Lengkapi SOP yang ditetapkan');
    expect(text).toContain('P2.i.a');
  });

  it("prints the unit's own level with the unit's scores", async () => {
    const res = await lhe(lead, 'unit');
    expect(res.statusCode).toBe(200);
    const text = textOf(res.rawPayload);
    const unitScore = scoreAssessment(template, { answers: best, context: { alreadyWbk: false } });
    expect(text).toContain('Penilaian mandiri unit kerja');
    expect(text).toContain(formatId(unitScore.total.score));
    expect(text).not.toContain('SK Tim belum ditandatangani pimpinan');
    expect(text).toContain('memenuhi syarat nilai Menuju WBK');
    expect(text).not.toContain('belum memenuhi syarat nilai Menuju WBK');
  });

  it("an assigned TPI evaluator reads her team's stage still at work", async () => {
    const res = await lhe(assignedTpi, 'tpi:team_lead');
    expect(res.statusCode).toBe(200);
    expect(textOf(res.rawPayload)).toContain('TPI — tahap Ketua Tim');
    expect(textOf(res.rawPayload)).toContain('DRAF');
  });
});

describe('LHE PDF: filed once its level is done', () => {
  it('the same bytes after the answers change, hash as in the audit record; superseded (audited) when the level is reopened', async () => {
    const first = await lhe(lead, 'tpi:member');
    const sha = sha256Hex(first.rawPayload);
    expect(first.headers['x-content-sha256']).toBe(sha);
    const filings = await t.db.select().from(auditLog).where(eq(auditLog.action, 'document.filed'));
    const filing = filings.find(
      (f) => (f.after as { subjectKey: string }).subjectKey === `${assessmentId}:tpi:member`,
    );
    expect((filing?.after as { sha256: string }).sha256).toBe(sha);
    const [row] = await t.db.select().from(filedDocuments).where(eq(filedDocuments.sha256, sha));
    expect(textOf(first.rawPayload)).toContain(row!.dataSha256);

    // The stage's answer changes in the database (it should not, the stage is behind): the filed copy stands.
    await t.db
      .update(answers)
      .set({ explanation: 'Catatan diubah kemudian' })
      .where(
        and(eq(answers.assessmentId, assessmentId), eq(answers.level, 'tpi:member'), eq(answers.code, CODE)),
      );
    const again = await lhe(assignedTpi, 'tpi:member');
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);

    // The unit gets its work back: the unit's level and the stage are at work again, nothing filed stands.
    await t.db.update(assessments).set({ status: 'returned' }).where(eq(assessments.id, assessmentId));
    expect((await lhe(lead, 'unit')).json().error.code).toBe('LHE_LEVEL_NOT_DONE');
    const live = await lhe(assignedTpi, 'tpi:member');
    expect(live.statusCode).toBe(200);
    expect(live.headers['x-content-sha256']).toBeUndefined();
    expect(textOf(live.rawPayload)).toContain('Catatan diubah kemudian');
    const superseded = await t.db.select().from(auditLog).where(eq(auditLog.action, 'document.superseded'));
    expect(superseded.map((s) => (s.after as { sha256: string }).sha256)).toContain(sha);
  });
});
