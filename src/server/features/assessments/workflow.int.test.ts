import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerView, Assessment, GateProblem, Worksheet } from '../../../contracts/assessments.ts';
import type { LkeTemplate } from '../../../core/lke/template-model.ts';
import { auditLog } from '../../db/schema.ts';
import {
  answerEverything,
  bestAnswers,
  linkEvidence,
  lkeTemplate,
  put,
} from '../../../../test/support/lke-answers.ts';
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
let agencyAdmin: Client;
let lead: Client;
let coordinator: Client;
let provincialLeader: Client;
let unitLeader: Client;
let assessment: Assessment;
let evidenceId: string;

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '1000' });
  org = await seedOrg(t.db);
  template = await lkeTemplate();
  await seedUser(t.db, {
    email: 'coord2@sumenep.test',
    homeUnit: org.sumenep,
    grants: [{ role: 'area_coordinator', unit: org.sumenep, area: 2 }],
  });
  await seedUser(t.db, {
    email: 'leader@sumenep.test',
    homeUnit: org.sumenep,
    grants: [{ role: 'leader', unit: org.sumenep }],
  });
  agencyAdmin = await logInAs(t.app, 'agency@kpu.test');
  lead = await logInAs(t.app, 'lead@sumenep.test');
  coordinator = await logInAs(t.app, 'coord2@sumenep.test');
  provincialLeader = await logInAs(t.app, 'leader@jatim.test');
  unitLeader = await logInAs(t.app, 'leader@sumenep.test');
});
afterAll(() => t.close());

const url = (path = '') => `/api/assessments/${assessment.id}${path}`;
const worksheet = async (): Promise<Worksheet> => (await lead.get(url('/worksheet'))).json() as Worksheet;
const versionsOf = (sheet: Worksheet) => Object.fromEntries(sheet.answers.map((a) => [a.code, a.version]));
const openPeriod = async (year: number) => {
  const res = await agencyAdmin.post('/api/periods', {
    agencyId: org.kpu.id,
    year,
    name: `ZI ${year}`,
    fillFrom: `${year}-01-06`,
    fillUntil: `${year}-03-31`,
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string };
};
const withEvidence = () => template.items.filter((i) => i.evidence.length > 0).map((i) => i.code);

describe('the self-assessment from a new period to an approved, locked assessment', () => {
  it('an agency admin opens 2024 and the team lead starts Sumenep’s assessment', async () => {
    const period = await openPeriod(2024);
    const res = await lead.post('/api/assessments', {
      periodId: period.id,
      unitId: org.sumenep.id,
      target: 'WBK',
    });
    expect(res.statusCode).toBe(201);
    assessment = res.json();
    expect(assessment).toMatchObject({ status: 'draft', year: 2024, carriedFromId: null, version: 1 });
  });

  it('the team answers some items: options, counts (one with a warning), a Hasil index', async () => {
    expect(
      (await put(t.app, coordinator, url('/answers/P2.i.a'), { version: 0, value: 'A' })).statusCode,
    ).toBe(200);
    expect((await put(t.app, lead, url('/answers/H1.a'), { version: 0, value: 3.72 })).statusCode).toBe(200);
    expect((await put(t.app, lead, url('/answers/R1.i.a.1'), { version: 0, value: 3 })).statusCode).toBe(200);
    const capped = await put(t.app, lead, url('/answers/R1.i.a.2'), { version: 0, value: 7 });
    expect(capped.json().warnings.map((w: { code: string }) => w.code)).toEqual(['ratio_capped']);
  });

  it('the gate refuses with every problem at once, per rule', async () => {
    const res = await lead.post(url('/submit'), { version: assessment.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('SUBMISSION_INCOMPLETE');
    const problems = res.json().error.details as GateProblem[];
    const of = (rule: GateProblem['rule']) => problems.filter((p) => p.rule === rule).map((p) => p.code);
    expect(of('answered')).toHaveLength(template.items.length - 3);
    expect(of('answered')).not.toContain('P2.i.a');
    expect(of('explained')).toEqual(['P2.i.a', 'R1.i.a', 'H1.a']);
    expect(of('evidence')).toEqual(withEvidence());
    expect(of('invalid')).toEqual([]);
  });

  it('with every item answered and explained, only the evidence is missing', async () => {
    await answerEverything(t.app, lead, assessment.id, template, versionsOf(await worksheet()));
    const res = await lead.post(url('/submit'), { version: assessment.version });
    const problems = res.json().error.details as GateProblem[];
    expect(new Set(problems.map((p) => p.rule))).toEqual(new Set(['evidence']));
    expect(problems).toHaveLength(withEvidence().length);
  });

  it('with evidence linked the lead submits; the worksheet shows the links with their file', async () => {
    evidenceId = await linkEvidence(t.db, {
      unitId: org.sumenep.id,
      assessmentId: assessment.id,
      codes: withEvidence(),
    });
    const sheet = await worksheet();
    expect(sheet.evidence).toHaveLength(withEvidence().length);
    expect(sheet.evidence[0]).toMatchObject({
      evidenceId,
      title: 'SK Tim ZI',
      filename: 'sk-tim.pdf',
      mime: 'application/pdf',
    });
    const res = await lead.post(url('/submit'), { version: assessment.version });
    expect(res.statusCode).toBe(200);
    assessment = res.json();
    expect(assessment).toMatchObject({ status: 'submitted', version: 2 });
    expect(assessment.submittedAt).not.toBeNull();
    expect(assessment.can).toMatchObject({
      answerAreas: [],
      answerHasil: false,
      submit: false,
      approve: false,
    });
  });

  it('409 ASSESSMENT_LOCKED for an answer after submission; 409 TRANSITION_NOT_ALLOWED for a second submission', async () => {
    const res = await put(t.app, lead, url('/answers/P1.i.a'), { version: 1, value: 'Tidak' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ASSESSMENT_LOCKED');
    const again = await lead.post(url('/submit'), { version: assessment.version });
    expect(again.json().error.code).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('403 for the provincial leader approving or returning; the unit’s own leader may', async () => {
    expect((await provincialLeader.post(url('/approve'), { version: assessment.version })).statusCode).toBe(
      403,
    );
    expect((await provincialLeader.post(url('/return'), { version: 2, note: 'x' })).statusCode).toBe(403);
    expect((await lead.post(url('/approve'), { version: assessment.version })).statusCode).toBe(403);
    expect((await unitLeader.get(url())).json().can.approve).toBe(true);
  });

  it('the leader returns it with a note (required); the team fixes one answer and submits again', async () => {
    const noNote = await unitLeader.post(url('/return'), { version: 2 });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.code).toBe('NOTE_REQUIRED');
    const back = await unitLeader.post(url('/return'), { version: 2, note: 'Lengkapi bukti SOP' });
    expect(back.json()).toMatchObject({ status: 'draft', submittedAt: null, version: 3 });
    const current = (await worksheet()).answers.find((a) => a.code === 'P2.i.a') as AnswerView;
    const fixed = await put(t.app, coordinator, url('/answers/P2.i.a'), {
      version: current.version,
      value: 'A',
      explanation: 'SOP lengkap, ditandatangani pimpinan',
    });
    expect(fixed.statusCode).toBe(200);
    const res = await lead.post(url('/submit'), { version: 3 });
    expect(res.statusCode).toBe(200);
    assessment = res.json();
  });

  it('the unit’s leader approves: the assessment goes to TPI review and is locked', async () => {
    const res = await unitLeader.post(url('/approve'), { version: assessment.version });
    expect(res.statusCode).toBe(200);
    assessment = res.json();
    expect(assessment).toMatchObject({ status: 'tpi_review', version: 5 });
    expect(assessment.approvedAt).not.toBeNull();
    expect((await put(t.app, lead, url('/answers/P1.i.a'), { version: 1, value: 'Tidak' })).statusCode).toBe(
      409,
    );
    expect((await unitLeader.post(url('/approve'), { version: 5 })).json().error.code).toBe(
      'TRANSITION_NOT_ALLOWED',
    );
    expect((await unitLeader.post(url('/return'), { version: 5, note: 'x' })).json().error.code).toBe(
      'TRANSITION_NOT_ALLOWED',
    );
  });

  it('next year starts from this one: every answer carried and marked to review, the evidence links too', async () => {
    const period = await openPeriod(2025);
    const res = await lead.post('/api/assessments', {
      periodId: period.id,
      unitId: org.sumenep.id,
      target: 'WBBM',
      alreadyWbk: true,
      carryFromPrevious: true,
    });
    expect(res.statusCode).toBe(201);
    const next = res.json() as Assessment;
    expect(next).toMatchObject({ carriedFromId: assessment.id, status: 'draft', target: 'WBBM', year: 2025 });
    const sheet = (await lead.get(`/api/assessments/${next.id}/worksheet`)).json() as Worksheet;
    expect(sheet.answers).toHaveLength(Object.keys(bestAnswers(template)).length);
    expect(sheet.answers.every((a) => a.toReview && a.version === 1)).toBe(true);
    expect(sheet.answers.find((a) => a.code === 'P2.i.a')).toMatchObject({
      value: 'A',
      explanation: 'SOP lengkap, ditandatangani pimpinan',
      status: 'complete',
    });
    expect(sheet.evidence.map((e) => e.code)).toEqual([...withEvidence()].sort());
    const reviewed = await put(t.app, coordinator, `/api/assessments/${next.id}/answers/P2.i.a`, {
      version: 1,
      value: 'A',
      explanation: 'Masih berlaku',
    });
    expect(reviewed.json().answer).toMatchObject({ toReview: false, version: 2 });
    const first = (await lead.get(`/api/assessments/${assessment.id}/worksheet`)).json() as Worksheet;
    expect(first.answers.find((a) => a.code === 'P2.i.a')?.toReview).toBe(false);
  });

  it('every step left an audit record on the unit', async () => {
    const rows = await t.db
      .select({ action: auditLog.action, subjectId: auditLog.subjectId, after: auditLog.after })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.unitPath, org.sumenep.path),
          inArray(auditLog.action, [
            'assessment.created',
            'review.submit',
            'review.leader_return',
            'review.approve_to_tpi',
          ]),
        ),
      )
      .orderBy(auditLog.seq);
    expect(rows.map((r) => r.action)).toEqual([
      'assessment.created',
      'review.submit',
      'review.leader_return',
      'review.submit',
      'review.approve_to_tpi',
      'assessment.created',
    ]);
    expect(rows[2]?.after).toMatchObject({
      status: 'draft',
      from: 'submitted',
      to: 'draft',
      note: 'Lengkapi bukti SOP',
    });
    expect(rows[4]?.after).toMatchObject({ from: 'submitted', to: 'tpi_review', tpiStage: 0 });
    expect(rows[5]?.after).toMatchObject({ carried: { answers: Object.keys(bestAnswers(template)).length } });
    const saves = await t.db
      .select({ subjectId: auditLog.subjectId, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'answer.saved'), eq(auditLog.subjectId, `${assessment.id}/P2.i.a`)))
      .orderBy(auditLog.seq);
    expect(saves.map((s) => (s.after as AnswerView).version)).toEqual([1, 2, 3]);
    expect(saves[0]?.before).toBeNull();
    expect((saves[2]?.before as AnswerView).explanation).toBe('Penjelasan P2.i.a');
  });
});
