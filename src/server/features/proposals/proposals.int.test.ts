import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../core/review/calendar.ts';
import {
  answers,
  assessments,
  auditLog,
  declarations,
  evidence,
  periods,
  predicateAwards,
  units,
} from '../../db/schema.ts';
import { bestAnswers, lkeTemplate, put } from '../../../../test/support/lke-answers.ts';
import {
  createTestApp,
  logInAs,
  seedOrg,
  seedUnit,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let agency: Client;
let bawaslu: Client;
let lead: Client;
let member: Client;
let admin: Client;
let periodId: string;
let foreignPeriodId: string;
/** Sumenep: TPI found it meets, every answer at its best. */
let sumenepA: string;
/** Bangkalan: already proposed (counts against the quota). */
let bangkalanA: string;
/** Pamekasan: afirmasi unit, TPI found it meets. */
let pamekasanA: string;
let evKpu: string;
let evSumenep: string;
let evBawaslu: string;

const today = () => localDate(new Date(), 420);
const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const seedEvidence = async (unitId: string, title: string) => {
  const id = randomUUID();
  await t.db.insert(evidence).values({ id, unitId, title });
  return id;
};
const seedAssessment = async (unitId: string, status: string, pid = periodId) => {
  const id = randomUUID();
  await t.db.insert(assessments).values({ id, periodId: pid, unitId, target: 'WBK', status });
  return id;
};
const seedPeriod = async (agencyId: string, year: number) => {
  const id = randomUUID();
  await t.db.insert(periods).values({
    id,
    agencyId,
    year,
    name: `ZI ${year}`,
    templateId: 'permenpanrb-90-2021',
    templateVersion: '1.0.0',
    fillFrom: `${year}-01-01`,
    fillUntil: `${year}-03-31`,
  });
  return id;
};

const AGENCY_VALUES: Record<string, unknown> = {
  bpk_opinion: { opinion: 'WTP' },
  sakip_agency: { grade: 'BB' },
  rb_index: { grade: 'BB', agencyKind: 'kl' },
  spip_maturity: { level: 3 },
};
const UNIT_VALUES: Record<string, unknown> = {
  core_service: { yes: true },
  public_impact: { yes: true },
  audit_follow_up: { percent: 100 },
  wealth_reports: { percent: 100 },
  zi_one_year: { startDate: '2020-01-02' },
  sakip_unit: { grade: 'B' },
};

const periodUrl = (path = '') => `/api/periods/${periodId}${path}`;
const assessmentUrl = (id: string, path = '') => `/api/assessments/${id}${path}`;
const putPrereq = (client: Client, url: string, value: unknown, extra: Record<string, unknown> = {}) =>
  put(t.app, client, url, { value, evidenceId: null, note: '', version: 0, ...extra });
type Overview = {
  period: { deadline: string; quota: number | null; proposed: number; version: number };
  assessments: {
    assessmentId: string;
    blockers: { code: string }[];
    proposable: boolean;
    prerequisites: { unmet: string[] };
    documents: { coverLetter: boolean; sptjm: boolean };
    tpiVerdict: string | null;
    scores: { total: string } | null;
  }[];
};
const overview = async (): Promise<Overview> => {
  const res = await agency.get(periodUrl('/proposals'));
  expect(res.statusCode).toBe(200);
  return res.json() as Overview;
};
const rowOf = (o: Overview, id: string) => o.assessments.find((a) => a.assessmentId === id)!;
const codesOf = (o: Overview, id: string) => rowOf(o, id).blockers.map((b) => b.code);
const setWindow = async (proposalDeadline: string | null, proposalQuota: number | null) => {
  const { period } = await overview();
  const res = await put(t.app, admin, periodUrl('/proposal-window'), {
    proposalDeadline,
    proposalQuota,
    version: period.version,
  });
  expect(res.statusCode).toBe(200);
};

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  periodId = await seedPeriod(org.kpu.id, 2025);
  foreignPeriodId = await seedPeriod(org.bawaslu.id, 2025);
  const bangkalan = await seedUnit(t.db, org.jatim, 'KPU-BANGKALAN', 'KPU Kabupaten Bangkalan');
  const pamekasan = await seedUnit(t.db, org.jatim, 'KPU-PAMEKASAN', 'KPU Kabupaten Pamekasan');
  await t.db.update(units).set({ afirmasi: true }).where(eq(units.id, pamekasan.id));
  sumenepA = await seedAssessment(org.sumenep.id, 'tpi_verdict_meets');
  bangkalanA = await seedAssessment(bangkalan.id, 'proposed');
  pamekasanA = await seedAssessment(pamekasan.id, 'tpi_verdict_meets');
  await seedAssessment(org.banten.id, 'tpi_verdict_meets', foreignPeriodId);
  // The unit's own best answers: TPI's levels read them through, so TPI's scores pass WBK.
  const template = await lkeTemplate();
  await t.db.insert(answers).values(
    Object.entries(bestAnswers(template)).map(([code, value]) => ({
      assessmentId: sumenepA,
      level: 'unit',
      code,
      value,
      explanation: `Penjelasan ${code}`,
      status: 'answered',
    })),
  );
  evKpu = await seedEvidence(org.kpu.id, 'Opini BPK 2024');
  evSumenep = await seedEvidence(org.sumenep.id, 'SPTJM Sumenep');
  evBawaslu = await seedEvidence(org.bawaslu.id, 'Bawaslu');
  agency = await logInAs(t.app, 'agency@kpu.test');
  bawaslu = await logInAs(t.app, 'agency@bawaslu.test');
  lead = await logInAs(t.app, 'lead@sumenep.test');
  member = await logInAs(t.app, 'member@sumenep.test');
  admin = await logInAs(t.app, 'admin@pulau.test');
});
afterAll(() => t.close());

describe('refusals first: who may prepare a proposal', () => {
  it("403 for another agency's admin on every proposal route", async () => {
    expect((await bawaslu.get(periodUrl('/prerequisites'))).statusCode).toBe(403);
    expect(
      (await putPrereq(bawaslu, periodUrl('/prerequisites/bpk_opinion'), { opinion: 'WTP' })).statusCode,
    ).toBe(403);
    expect((await bawaslu.get(periodUrl('/proposals'))).statusCode).toBe(403);
    expect((await bawaslu.get(assessmentUrl(sumenepA, '/prerequisites'))).statusCode).toBe(403);
    expect(
      (
        await put(t.app, bawaslu, assessmentUrl(sumenepA, '/proposal'), {
          coverLetterEvidenceId: null,
          sptjmEvidenceId: null,
          version: 0,
        })
      ).statusCode,
    ).toBe(403);
    expect((await bawaslu.get(assessmentUrl(sumenepA, '/lhe.pdf?level=unit'))).statusCode).toBe(403);
  });

  it("403 for a unit's lead on the agency-level prerequisites and the overview; 403 for a team member", async () => {
    expect((await lead.get(periodUrl('/prerequisites'))).statusCode).toBe(403);
    expect(
      (await putPrereq(lead, periodUrl('/prerequisites/bpk_opinion'), { opinion: 'WTP' })).statusCode,
    ).toBe(403);
    expect((await lead.get(periodUrl('/proposals'))).statusCode).toBe(403);
    expect(
      (await putPrereq(member, assessmentUrl(sumenepA, '/prerequisites/core_service'), { yes: true }))
        .statusCode,
    ).toBe(403);
  });

  it("403 for anyone but a system administrator on TPN's window", async () => {
    const body = { proposalDeadline: '2025-06-30', proposalQuota: 2, version: 1 };
    expect((await put(t.app, agency, periodUrl('/proposal-window'), body)).statusCode).toBe(403);
    expect((await put(t.app, lead, periodUrl('/proposal-window'), body)).statusCode).toBe(403);
  });

  it('404 for an unknown period, assessment or prerequisite code', async () => {
    expect((await agency.get(`/api/periods/${randomUUID()}/prerequisites`)).statusCode).toBe(404);
    expect((await agency.get(`/api/assessments/${randomUUID()}/prerequisites`)).statusCode).toBe(404);
    expect((await putPrereq(agency, periodUrl('/prerequisites/nope'), { yes: true })).statusCode).toBe(404);
  });
});

describe('refusals: what may be entered', () => {
  it('400 for a code of the other level, a malformed value, or a typed "met"', async () => {
    const wrong = await putPrereq(agency, periodUrl('/prerequisites/core_service'), { yes: true });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('PREREQUISITE_WRONG_LEVEL');
    const bad = await putPrereq(agency, periodUrl('/prerequisites/spip_maturity'), { level: 7 });
    expect(bad.json().error.code).toBe('PREREQUISITE_VALUE_INVALID');
    const typedMet = await putPrereq(agency, periodUrl('/prerequisites/spip_maturity'), {
      level: 1,
      met: true,
    });
    expect(typedMet.json().error.code).toBe('PREREQUISITE_VALUE_INVALID');
  });

  it('400 for evidence of another unit or that does not exist', async () => {
    const foreign = await putPrereq(
      agency,
      periodUrl('/prerequisites/bpk_opinion'),
      { opinion: 'WTP' },
      { evidenceId: evBawaslu },
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('EVIDENCE_WRONG_UNIT');
    // The unit's own evidence is not the agency's.
    const unitEvidence = await putPrereq(
      agency,
      periodUrl('/prerequisites/bpk_opinion'),
      { opinion: 'WTP' },
      { evidenceId: evSumenep },
    );
    expect(unitEvidence.json().error.code).toBe('EVIDENCE_WRONG_UNIT');
    const missing = await putPrereq(
      lead,
      assessmentUrl(sumenepA, '/prerequisites/wealth_reports'),
      { percent: 100 },
      { evidenceId: randomUUID() },
    );
    expect(missing.json().error.code).toBe('EVIDENCE_NOT_FOUND');
    const cover = await put(t.app, agency, assessmentUrl(sumenepA, '/proposal'), {
      coverLetterEvidenceId: evSumenep,
      sptjmEvidenceId: null,
      version: 0,
    });
    expect(cover.json().error.code).toBe('EVIDENCE_WRONG_UNIT');
  });

  it('409 STALE_WRITE with the current value for an old version', async () => {
    const url = periodUrl('/prerequisites/spip_maturity');
    expect((await putPrereq(agency, url, { level: 2 })).statusCode).toBe(200);
    const stale = await putPrereq(agency, url, { level: 3 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_WRITE');
    expect(stale.json().error.details.current).toMatchObject({ value: { level: 2 }, version: 1 });
  });

  it("409 PREREQUISITE_FROM_RECORD where Pulau holds the fact (the declaration's date)", async () => {
    const unit = await seedUnit(t.db, org.jatim, 'KPU-SAMPANG', 'KPU Kabupaten Sampang');
    const id = await seedAssessment(unit.id, 'tpi_verdict_meets');
    await t.db.insert(declarations).values({ unitId: unit.id, declaredOn: '2024-01-15', mode: 'in_person' });
    const res = await putPrereq(agency, assessmentUrl(id, '/prerequisites/zi_one_year'), {
      startDate: '2020-01-01',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PREREQUISITE_FROM_RECORD');
    const list = await agency.get(assessmentUrl(id, '/prerequisites'));
    const row = list.json().prerequisites.find((p: { code: string }) => p.code === 'zi_one_year');
    expect(row).toMatchObject({
      source: 'declaration',
      value: { startDate: '2024-01-15' },
      editable: false,
      met: { WBK: today() >= '2025-01-15', WBBM: today() >= '2025-01-15' },
    });
  });

  it('409 PROPOSAL_LOCKED on a proposed assessment', async () => {
    const res = await putPrereq(agency, assessmentUrl(bangkalanA, '/prerequisites/core_service'), {
      yes: true,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PROPOSAL_LOCKED');
    const docs = await put(t.app, agency, assessmentUrl(bangkalanA, '/proposal'), {
      coverLetterEvidenceId: evKpu,
      sptjmEvidenceId: null,
      version: 0,
    });
    expect(docs.json().error.code).toBe('PROPOSAL_LOCKED');
  });
});

describe('what blocks a proposal (the core guards, shown and enforced)', () => {
  it('missing documents block even an afirmasi unit; afirmasi waives the Tabel 5 prerequisites', async () => {
    await setWindow(addDays(30), null);
    const o = await overview();
    expect(codesOf(o, pamekasanA)).not.toContain('PREREQUISITES_UNMET');
    expect(codesOf(o, pamekasanA)).toContain('PROPOSAL_DOCUMENTS_MISSING');
    expect(codesOf(o, sumenepA)).toEqual(
      expect.arrayContaining(['PREREQUISITES_UNMET', 'PROPOSAL_DOCUMENTS_MISSING']),
    );
    expect(rowOf(o, sumenepA).proposable).toBe(false);
    const refused = await agency.post(assessmentUrl(pamekasanA, '/review/propose'), { version: 1 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('GUARD_FAILED');
    const reasons = refused.json().error.details.reasons.map((r: { code: string }) => r.code);
    expect(reasons).toContain('PROPOSAL_DOCUMENTS_MISSING');
  });

  it('a unit lead enters her unit-level prerequisites with her evidence; the system decides met', async () => {
    for (const [code, value] of Object.entries(UNIT_VALUES)) {
      const res = await putPrereq(lead, assessmentUrl(sumenepA, `/prerequisites/${code}`), value, {
        evidenceId: code === 'wealth_reports' ? evSumenep : null,
      });
      expect(res.statusCode, `${code}: ${res.body}`).toBe(200);
      expect(res.json().met.WBK).toBe(true);
    }
    // SAKIP B meets WBK but not WBBM: the bar is the target's.
    const list = (await lead.get(assessmentUrl(sumenepA, '/prerequisites'))).json();
    const sakip = list.prerequisites.find((p: { code: string }) => p.code === 'sakip_unit');
    expect(sakip.met).toEqual({ WBK: true, WBBM: false });
    const wealth = list.prerequisites.find((p: { code: string }) => p.code === 'wealth_reports');
    expect(wealth.evidence).toMatchObject({ id: evSumenep, title: 'SPTJM Sumenep' });
    // Agency-level rows show, read-only, in the unit's list.
    expect(list.prerequisites.find((p: { code: string }) => p.code === 'bpk_opinion').editable).toBe(false);
  });

  it('the agency enters its own prerequisites with its evidence; audited', async () => {
    const current = (await agency.get(periodUrl('/prerequisites'))).json();
    for (const [code, value] of Object.entries(AGENCY_VALUES)) {
      const version = current.prerequisites.find((p: { code: string }) => p.code === code).version;
      const res = await putPrereq(agency, periodUrl(`/prerequisites/${code}`), value, {
        version,
        evidenceId: code === 'bpk_opinion' ? evKpu : null,
        note: code === 'bpk_opinion' ? 'LHP BPK 2024' : '',
      });
      expect(res.statusCode, `${code}: ${res.body}`).toBe(200);
      expect(res.json().met).toEqual({ WBK: true, WBBM: true });
    }
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'proposal.prerequisite_set'));
    // Six unit-level entries by the lead, then the agency's four (and the earlier SPIP attempt).
    expect(audited.length).toBeGreaterThanOrEqual(10);
    const o = await overview();
    expect(rowOf(o, sumenepA).prerequisites.unmet).toEqual([]);
    expect(codesOf(o, sumenepA)).toEqual(['PROPOSAL_DOCUMENTS_MISSING']);
  });

  it('documents attached: only the deadline, the quota or a revocation ban can still block', async () => {
    const res = await put(t.app, agency, assessmentUrl(sumenepA, '/proposal'), {
      coverLetterEvidenceId: evKpu,
      sptjmEvidenceId: evSumenep,
      version: 0,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ coverLetter: { id: evKpu }, sptjm: { id: evSumenep }, version: 1 });
    const o = await overview();
    expect(rowOf(o, sumenepA)).toMatchObject({ blockers: [], proposable: true, tpiVerdict: 'meets' });
  });

  it('past the deadline TPN set: refused with DEADLINE_PASSED', async () => {
    await setWindow(addDays(-2), null);
    expect(codesOf(await overview(), sumenepA)).toEqual(['DEADLINE_PASSED']);
    const refused = await agency.post(assessmentUrl(sumenepA, '/review/propose'), { version: 1 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.reasons.map((r: { code: string }) => r.code)).toEqual([
      'DEADLINE_PASSED',
    ]);
  });

  it('over quota: refused with QUOTA_REACHED (Bangkalan is already proposed)', async () => {
    await setWindow(addDays(30), 1);
    const o = await overview();
    expect(o.period).toMatchObject({ quota: 1, proposed: 1 });
    expect(codesOf(o, sumenepA)).toEqual(['QUOTA_REACHED']);
    const refused = await agency.post(assessmentUrl(sumenepA, '/review/propose'), { version: 1 });
    expect(refused.json().error.details.reasons.map((r: { code: string }) => r.code)).toEqual([
      'QUOTA_REACHED',
    ]);
  });

  it('a unit under a revocation ban: refused with REVOCATION_BAN for two years', async () => {
    await setWindow(addDays(30), 2);
    const awardId = randomUUID();
    await t.db.insert(predicateAwards).values({
      id: awardId,
      unitId: org.sumenep.id,
      assessmentId: randomUUID(),
      predicate: 'WBK',
      decreeNumber: 'KEP/1/2020',
      decreeDate: '2020-12-10',
      revokedOn: addDays(-300),
      revocationReason: 'Maladministrasi',
    });
    expect(codesOf(await overview(), sumenepA)).toEqual(['REVOCATION_BAN']);
    const refused = await agency.post(assessmentUrl(sumenepA, '/review/propose'), { version: 1 });
    expect(refused.json().error.details.reasons.map((r: { code: string }) => r.code)).toEqual([
      'REVOCATION_BAN',
    ]);
    await t.db.delete(predicateAwards).where(eq(predicateAwards.id, awardId));
  });

  it('nothing blocks: the agency proposes; the proposal data is then frozen and counts against the quota', async () => {
    const res = await agency.post(assessmentUrl(sumenepA, '/review/propose'), { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('proposed');
    const locked = await putPrereq(lead, assessmentUrl(sumenepA, '/prerequisites/core_service'), {
      yes: true,
    });
    expect(locked.json().error.code).toBe('PROPOSAL_LOCKED');
    const o = await overview();
    expect(o.period.proposed).toBe(2);
    expect(codesOf(o, pamekasanA)).toContain('QUOTA_REACHED');
  });

  it("a system administrator sets TPN's window; the change is audited and clearing it restores 31 May", async () => {
    await setWindow(null, null);
    const o = await overview();
    expect(o.period).toMatchObject({ deadline: '2025-05-31', quota: null });
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.action, 'proposal.window_set'));
    expect(audited.length).toBeGreaterThanOrEqual(5);
    const stale = await put(t.app, admin, periodUrl('/proposal-window'), {
      proposalDeadline: null,
      proposalQuota: null,
      version: 1,
    });
    expect(stale.json().error.code).toBe('STALE_WRITE');
  });
});
