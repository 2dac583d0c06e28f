import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, ApprovedReport, Dashboard, Plan, Report } from '../../../contracts/action-plans.ts';
import {
  assessments,
  auditLog,
  filedDocuments,
  notifications,
  planActivities,
  users,
} from '../../db/schema.ts';
import { sha256Hex } from '../../documents/canonical-json.ts';
import { expectOfficialDocument } from '../../../../test/support/document-pages.ts';
import { extractPdfText } from '../../render/pdf-text.ts';
import { activityBody, startPlanApp, YEAR, type PlanApp } from './test-kit.ts';

let p: PlanApp;
const LEAD = 'lead@sumenep.test';
const LEADER = 'leader@sumenep.test';
let evidenceId: string;
let assessmentId: string;
let sosialisasiId: string;

const reportsUrl = () => `/api/units/${p.org.sumenep.id}/plan-reports`;
const pdfUrl = (q: number) => `/api/units/${p.org.sumenep.id}/plan-reports/${YEAR}/${q}/report.pdf`;
const listReports = async (email: string) =>
  (await (await p.as(email)).get(`${reportsUrl()}?year=${YEAR}`)).json() as {
    reports: Report[];
    canSubmit: boolean;
    canApprove: boolean;
  };

const worksheetLinks = async () =>
  (
    (await (await p.as(LEAD)).get(`/api/assessments/${assessmentId}/worksheet`)).json() as {
      evidence: { evidenceId: string; code: string; checklistIndex: number | null }[];
    }
  ).evidence;
/** The filed evidence is a stored PDF of the report, downloadable by the team. */
const expectFiledPdf = async (id: string, quarterLine: string) => {
  const lead = await p.as(LEAD);
  const ev = (await lead.get(`/api/evidence/${id}`)).json() as { current: { id: string; mime: string } };
  expect(ev.current.mime).toBe('application/pdf');
  const download = await lead.get(`/api/evidence/${id}/versions/${ev.current.id}/download`);
  expect(download.statusCode).toBe(200);
  expect(download.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = extractPdfText(download.rawPayload).replace(/\s+/g, ' ');
  expect(text).toContain(quarterLine);
  expect(text).toContain('Disetujui pimpinan');
};

beforeAll(async () => {
  p = await startPlanApp();
  assessmentId = await p.seedAssessment(p.org.sumenep.id, YEAR);
  const lead = await p.as(LEAD);
  // Area 1: one quarterly activity (1 of 4 done in Q1, 1 more in Q2) and one done in Q1 with evidence.
  const plan = (
    await lead.post(`/api/units/${p.org.sumenep.id}/action-plans`, {
      year: YEAR,
      area: 1,
      summary: 'Target prioritas: sosialisasi dan rencana kerja',
    })
  ).json() as Plan;
  const sosialisasi = (
    await lead.post(
      `/api/action-plans/${plan.id}/activities`,
      activityBody({
        title: 'Sosialisasi ZI ke pegawai',
        target: 4,
        targetUnit: 'kegiatan',
        personInChargeId: p.people.siti,
      }),
    )
  ).json() as Activity;
  const dokumen = (
    await lead.post(
      `/api/action-plans/${plan.id}/activities`,
      activityBody({
        title: 'Rencana kerja ZI',
        target: 1,
        targetUnit: 'dokumen',
        quarters: [1],
        lkeCodes: ['P1.ii.a'],
      }),
    )
  ).json() as Activity;
  sosialisasiId = sosialisasi.id;
  evidenceId = await p.seedEvidence(p.org.sumenep.id, 'SK Rencana Kerja ZI 2026');
  await p.putJson(LEAD, `/api/plan-activities/${sosialisasi.id}/realisations/1`, { version: 0, achieved: 1 });
  await p.putJson(LEAD, `/api/plan-activities/${sosialisasi.id}/realisations/2`, { version: 0, achieved: 1 });
  await p.putJson(LEAD, `/api/plan-activities/${sosialisasi.id}/realisations/3`, { version: 0, achieved: 7 });
  await p.putJson(LEAD, `/api/plan-activities/${dokumen.id}/realisations/1`, {
    version: 0,
    achieved: 1,
    evidenceIds: [evidenceId],
  });
  // The sibling regency has a plan too, with one late activity.
  const bangkalan = await p.as('lead@bangkalan.test');
  const bplan = (
    await bangkalan.post(`/api/units/${p.org.bangkalan.id}/action-plans`, { year: YEAR, area: 6 })
  ).json() as Plan;
  await bangkalan.post(
    `/api/action-plans/${bplan.id}/activities`,
    activityBody({
      title: 'Maklumat pelayanan',
      target: 1,
      targetUnit: 'dokumen',
      quarters: [1],
      lkeCodes: [],
    }),
  );
});
afterAll(() => p.t.close());

describe('refusals', () => {
  it('only the team lead submits; only the unit’s own leader decides (the parent’s leader is refused)', async () => {
    for (const email of ['coord1@sumenep.test', LEADER, 'leader@jatim.test', 'lead@jatim.test']) {
      const res = await (await p.as(email)).post(reportsUrl(), { year: YEAR, quarter: 2, version: 0 });
      expect(res.statusCode, email).toBe(403);
    }
    const submitted = (
      await (await p.as(LEAD)).post(reportsUrl(), { year: YEAR, quarter: 2, version: 0 })
    ).json() as Report;
    expect(submitted.status).toBe('submitted');
    for (const email of ['leader@jatim.test', LEAD, 'agency@kpu.test', 'coord1@sumenep.test']) {
      const c = await p.as(email);
      expect(
        (await c.post(`/api/plan-reports/${submitted.id}/approve`, { version: 1 })).statusCode,
        email,
      ).toBe(403);
      expect(
        (await c.post(`/api/plan-reports/${submitted.id}/return`, { version: 1, note: 'x' })).statusCode,
        email,
      ).toBe(403);
    }
    expect((await (await p.as('lead@bangkalan.test')).get(pdfUrl(2))).statusCode).toBe(403);
    expect((await (await p.as('lead@bangkalan.test')).get(`${reportsUrl()}?year=${YEAR}`)).statusCode).toBe(
      403,
    );
  });

  it('refuses states and versions with stable codes', async () => {
    const lead = await p.as(LEAD);
    const again = await lead.post(reportsUrl(), { year: YEAR, quarter: 2, version: 1 });
    expect(again.json().error.code).toBe('REPORT_ALREADY_SUBMITTED');
    expect((await lead.post(reportsUrl(), { year: YEAR, quarter: 2, version: 0 })).json().error.code).toBe(
      'STALE_WRITE',
    );
    expect((await lead.post(reportsUrl(), { year: YEAR, quarter: 4, version: 0 })).json().error.code).toBe(
      'QUARTER_NOT_STARTED',
    );
    expect((await lead.post(reportsUrl(), { year: 2031, quarter: 1, version: 0 })).json().error.code).toBe(
      'QUARTER_NOT_STARTED',
    );
    expect((await lead.post(reportsUrl(), { year: 2025, quarter: 1, version: 0 })).json().error.code).toBe(
      'PLAN_EMPTY',
    );
    const leader = await p.as(LEADER);
    const [, q2] = (await listReports(LEADER)).reports;
    expect(
      (await leader.post(`/api/plan-reports/${q2!.id}/return`, { version: 1, note: '' })).statusCode,
    ).toBe(400);
    expect((await leader.post(`/api/plan-reports/${q2!.id}/approve`, { version: 9 })).json().error.code).toBe(
      'STALE_WRITE',
    );
  });
});

describe('the quarterly monitoring report', () => {
  it('is returned with a note, resubmitted, approved and forwarded to the parent, whose leaders are told', async () => {
    const leader = await p.as(LEADER);
    let list = await listReports(LEADER);
    expect(list.canApprove).toBe(true);
    expect(list.canSubmit).toBe(false);
    expect(list.reports.map((r) => r.status)).toEqual(['draft', 'submitted', 'draft', 'draft']);
    const q2 = list.reports[1]!;
    const returned = (
      await leader.post(`/api/plan-reports/${q2.id}/return`, {
        version: q2.version,
        note: 'Lengkapi bukti sosialisasi',
      })
    ).json() as Report;
    expect(returned).toMatchObject({ status: 'returned', returnNote: 'Lengkapi bukti sosialisasi' });
    expect(
      (await leader.post(`/api/plan-reports/${q2.id}/approve`, { version: returned.version })).json().error
        .code,
    ).toBe('REPORT_NOT_SUBMITTED');
    const resubmitted = (
      await (await p.as(LEAD)).post(reportsUrl(), { year: YEAR, quarter: 2, version: returned.version })
    ).json() as Report;
    expect(resubmitted.status).toBe('submitted');
    const approved = (
      await leader.post(`/api/plan-reports/${q2.id}/approve`, { version: resubmitted.version })
    ).json() as ApprovedReport;
    expect(approved).toMatchObject({
      status: 'approved',
      approvedByName: 'leader',
      forwardedToUnitId: p.org.jatim.id,
      forwardedToUnitName: 'KPU Provinsi Jawa Timur',
      returnNote: '',
    });
    expect(approved.forwardedAt).not.toBeNull();
    // Kept as evidence of the unit and linked to P1.iii.b of the draft assessment of 2026.
    expect(approved.filed.lkeLink).toEqual({ linked: true, code: 'P1.iii.b', assessmentId });
    await expectFiledPdf(approved.filed.evidenceId, 'Triwulan 2 Tahun 2026');
    expect(await worksheetLinks()).toContainEqual(
      expect.objectContaining({ evidenceId: approved.filed.evidenceId, code: 'P1.iii.b', checklistIndex: 0 }),
    );
    expect(
      (await leader.post(`/api/plan-reports/${q2.id}/approve`, { version: approved.version })).json().error
        .code,
    ).toBe('REPORT_NOT_SUBMITTED');
    // The team lead cannot resubmit an approved report.
    expect(
      (
        await (await p.as(LEAD)).post(reportsUrl(), { year: YEAR, quarter: 2, version: approved.version })
      ).json().error.code,
    ).toBe('REPORT_APPROVED');
    list = await listReports('leader@jatim.test');
    expect(list.canApprove).toBe(false);
    expect(list.reports[1]?.status).toBe('approved');

    const [jatimLeader] = await p.t.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'leader@jatim.test'));
    const inbox = await p.t.db.select().from(notifications).where(eq(notifications.userId, jatimLeader!.id));
    expect(inbox.map((n) => n.kind)).toEqual(['plan.report_forwarded']);
    expect(inbox[0]?.params).toEqual({ unit: 'KPU Kabupaten Sumenep', year: YEAR, quarter: 2 });
    const [sumenepLeader] = await p.t.db.select({ id: users.id }).from(users).where(eq(users.email, LEADER));
    const leaderInbox = await p.t.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, sumenepLeader!.id));
    expect(leaderInbox.map((n) => n.kind)).toEqual(['plan.report_submitted', 'plan.report_submitted']);
  });

  it('the PDF holds the real figures: per area, target vs realisation up to its quarter, status, evidence, approval', async () => {
    const res = await (await p.as('leader@jatim.test')).get(pdfUrl(2));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(
      'attachment; filename="monev-rencana-aksi-KPU-SUMENEP-2026-tw2.pdf"',
    );
    const text = extractPdfText(res.rawPayload).replace(/\n/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('LAPORAN MONITORING DAN EVALUASI');
    expect(text).toContain('Triwulan 2 Tahun 2026');
    expect(text).toContain('Area 1. Manajemen Perubahan');
    expect(text).toContain('Target prioritas: sosialisasi dan rencana kerja');
    expect(text).toContain('Sosialisasi ZI ke pegawai');
    expect(text).toContain('4 kegiatan');
    expect(text).toContain('PJ: Siti Aminah');
    // Q3's 7 is after the report's quarter: realisation to Q2 is 1 + 1 = 2 of 4 (50 %), on track at Q2's end.
    expect(text).toContain('2 (50 %)');
    expect(text).not.toContain('9 (100 %)');
    expect(text).toContain('Rencana kerja ZI');
    expect(text).toContain('1 (100 %)');
    expect(text).toContain('SK Rencana Kerja ZI 2026');
    expect(text).toContain('Selesai: 1 · Sesuai rencana: 1 · Berisiko: 0 · Terlambat: 0');
    // pdfkit breaks words at hyphens: 'rata-' and 'rata' are separate runs.
    expect(text).toContain('Capaian rata- rata 75,0 %');
    // The row: target, planned quarters, Q1 and Q2 realised, Q3/Q4 left blank, total, status.
    expect(text).toContain('4 kegiatan TW 1, TW 2, TW 3, TW 4 1 1 2 (50 %) Sesuai rencana');
    expect(text).toContain('1 dokumen TW 1 1 – 1 (100 %) Selesai SK Rencana Kerja ZI 2026');
    expect(text).toContain('Disetujui pimpinan');
    expect(text).toContain('oleh leader');
    expect(text).toContain('KPU Provinsi Jawa Timur');
    // As an office files it: letterhead, title, all six areas (without a plan said so), signatures, pages.
    expectOfficialDocument(res.rawPayload, 'monitoring-report-approved', [
      'KPU RI',
      'KPU KABUPATEN SUMENEP',
      'LAPORAN MONITORING DAN EVALUASI',
      'Area 6. Peningkatan Kualitas Pelayanan Publik',
      'Belum ada rencana aksi untuk area ini.',
      'Anggaran kegiatan Rp 0',
      'Sumenep, 20 Agustus 2026',
      'Yang melaporkan,',
      'Menyetujui,',
      'Ketua KPU Kabupaten Sumenep,',
      'NIP.',
      'Kode verifikasi',
    ]);
  });

  it('a quarter not yet submitted prints as a draft', async () => {
    const text = extractPdfText((await (await p.as(LEAD)).get(pdfUrl(1))).rawPayload);
    expect(text.replace(/\s+/g, ' ')).toContain('Draf (belum diajukan)');
  });
});

describe('the parent’s dashboard', () => {
  it('shows the children side by side, with the last approved quarter; deeper with ?deep', async () => {
    const jatim = await p.as('leader@jatim.test');
    const dash = (
      await jatim.get(`/api/units/${p.org.jatim.id}/action-plans/children?year=${YEAR}`)
    ).json() as Dashboard;
    expect(dash.today).toBe('2026-08-20');
    expect(dash.children.map((c) => c.unitName).sort()).toEqual([
      'KPU Kabupaten Bangkalan',
      'KPU Kabupaten Sumenep',
    ]);
    const sumenep = dash.children.find((c) => c.unitId === p.org.sumenep.id)!;
    // Today (20 Aug) with Q3's 7: sosialisasi 9 of 4 → done; rencana kerja done.
    expect(sumenep.totals).toEqual({
      activities: 2,
      progress: 1,
      counts: { on_track: 0, at_risk: 0, late: 0, done: 2 },
    });
    expect(sumenep.areas.find((a) => a.area === 1)).toMatchObject({
      hasPlan: true,
      totals: { activities: 2 },
    });
    expect(sumenep.areas.find((a) => a.area === 2)).toMatchObject({
      hasPlan: false,
      totals: { activities: 0 },
    });
    expect(sumenep.lastApprovedQuarter).toBe(2);
    expect(sumenep.lastReport).toEqual({ quarter: 2, status: 'approved' });
    const bangkalan = dash.children.find((c) => c.unitId === p.org.bangkalan.id)!;
    expect(bangkalan.totals.counts.late).toBe(1);
    expect(bangkalan.areas.find((a) => a.area === 6)?.totals.counts.late).toBe(1);
    expect(bangkalan.lastApprovedQuarter).toBeNull();

    // The agency admin on KPU RI: direct children = the province only; deep = everything below.
    const agency = await p.as('agency@kpu.test');
    const direct = (
      await agency.get(`/api/units/${p.org.kpu.id}/action-plans/children?year=${YEAR}`)
    ).json() as Dashboard;
    expect(direct.children.map((c) => c.unitCode)).toEqual(['KPU-JATIM']);
    const deep = (
      await agency.get(`/api/units/${p.org.kpu.id}/action-plans/children?year=${YEAR}&deep=true`)
    ).json() as Dashboard;
    expect(deep.children.map((c) => c.unitCode).sort()).toEqual([
      'KPU-BANGKALAN',
      'KPU-JATIM',
      'KPU-SUMENEP',
    ]);
  });

  it("a parent's team lead reads her own unit but not the children's plans; another agency is refused", async () => {
    const lead = await p.as('lead@jatim.test');
    const dash = (
      await lead.get(`/api/units/${p.org.jatim.id}/action-plans/children?year=${YEAR}`)
    ).json() as Dashboard;
    expect(dash.children).toEqual([]);
    const foreign = await (
      await p.as('agency@bawaslu.test')
    ).get(`/api/units/${p.org.jatim.id}/action-plans/children?year=${YEAR}`);
    expect(foreign.statusCode).toBe(403);
  });
});

describe('an approved report while the assessment is locked', () => {
  it('is kept as evidence but not linked, and the reply says why', async () => {
    await p.t.db.update(assessments).set({ status: 'submitted' }).where(eq(assessments.id, assessmentId));
    const submitted = (
      await (await p.as(LEAD)).post(reportsUrl(), { year: YEAR, quarter: 1, version: 0 })
    ).json() as Report;
    expect(submitted.status).toBe('submitted');
    const res = await (
      await p.as(LEADER)
    ).post(`/api/plan-reports/${submitted.id}/approve`, {
      version: submitted.version,
    });
    expect(res.statusCode).toBe(200);
    const approved = res.json() as ApprovedReport;
    expect(approved.status).toBe('approved');
    expect(approved.filed.lkeLink).toEqual({
      linked: false,
      code: 'P1.iii.b',
      assessmentId,
      reason: 'locked',
    });
    await expectFiledPdf(approved.filed.evidenceId, 'Triwulan 1 Tahun 2026');
    expect((await worksheetLinks()).map((l) => l.evidenceId)).not.toContain(approved.filed.evidenceId);
  });
});

describe('an approved report is frozen', () => {
  const auditOf = async (action: string) =>
    (await p.t.db.select().from(auditLog).where(eq(auditLog.action, action))).map((a) => ({
      subjectId: a.subjectId,
      actorLabel: a.actorLabel,
      after: a.after as Record<string, unknown>,
    }));

  it('serves the filed copy byte for byte after the data changed, refuses realisations of its quarter, and is reopened only by the leader, audited', async () => {
    const q1 = (await listReports(LEADER)).reports[0]!;
    expect(q1.status).toBe('approved');
    const first = await (await p.as(LEAD)).get(pdfUrl(1));
    expect(first.statusCode).toBe(200);
    const sha = sha256Hex(first.rawPayload);
    expect(first.headers['x-content-sha256']).toBe(sha);
    // The audit record of the filing carries the same hash; the PDF prints the data's hash and the code.
    const filings = (await auditOf('document.filed')).filter((a) => a.after.kind === 'plan_report');
    const filing = filings.find((a) => a.after.subjectKey === q1.id);
    expect(filing?.after.sha256).toBe(sha);
    const [row] = await p.t.db.select().from(filedDocuments).where(eq(filedDocuments.sha256, sha));
    const text = extractPdfText(first.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain(row!.dataSha256);
    expect(text).toContain('Keaslian dokumen');

    // A realisation of the approved quarter is refused with a stable code, nothing saved.
    const refused = await p.putJson(LEAD, `/api/plan-activities/${sosialisasiId}/realisations/1`, {
      version: 1,
      achieved: 3,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('QUARTER_REPORT_APPROVED');
    // The data behind the report changes anyway (an activity renamed), and time passes: same bytes.
    await p.t.db
      .update(planActivities)
      .set({ title: 'Sosialisasi diganti' })
      .where(eq(planActivities.id, sosialisasiId));
    p.t.advance(600_000);
    const again = await (await p.as('leader@jatim.test')).get(pdfUrl(1));
    expect(again.headers['x-content-sha256'], again.body.slice(0, 300)).toBe(sha);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);

    // Reopening: the team lead and the parent's leader are refused; the unit's leader reopens with a reason.
    for (const email of [LEAD, 'leader@jatim.test']) {
      const res = await (
        await p.as(email)
      ).post(`/api/plan-reports/${q1.id}/reopen`, { version: q1.version, note: 'Koreksi realisasi' });
      expect(res.statusCode, email).toBe(403);
    }
    expect((await auditOf('plan.report_reopened')).length).toBe(0);
    const reopened = await (
      await p.as(LEADER)
    ).post(`/api/plan-reports/${q1.id}/reopen`, { version: q1.version, note: 'Koreksi realisasi TW 1' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'returned', returnNote: 'Koreksi realisasi TW 1' });
    const [audit] = await auditOf('plan.report_reopened');
    expect(audit).toMatchObject({ subjectId: q1.id, actorLabel: LEADER });
    expect(audit?.after).toMatchObject({
      reason: 'Koreksi realisasi TW 1',
      supersededDocument: { sha256: sha },
    });
    // Reopened: the quarter takes corrections again and the report is live (and no longer the filed copy).
    const saved = await p.putJson(LEAD, `/api/plan-activities/${sosialisasiId}/realisations/1`, {
      version: 1,
      achieved: 3,
    });
    expect(saved.statusCode).toBe(200);
    const live = await (await p.as(LEAD)).get(pdfUrl(1));
    expect(live.headers['x-content-sha256']).toBeUndefined();
    expect(extractPdfText(live.rawPayload).replace(/\s+/g, ' ')).toContain('Sosialisasi diganti');
    expect(
      (await (await p.as(LEADER)).post(`/api/plan-reports/${q1.id}/reopen`, { version: 2, note: 'x' })).json()
        .error.code,
    ).toMatch(/STALE_WRITE|REPORT_NOT_APPROVED/);
  });
});
