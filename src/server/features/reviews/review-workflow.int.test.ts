import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, Worksheet } from '../../../contracts/assessments.ts';
import type {
  PredicateHistory,
  ReviewItem,
  ReviewItemList,
  ReviewQueue,
  ReviewSettings,
  ReviewView,
} from '../../../contracts/reviews.ts';
import { addYears, localDate } from '../../../core/review/calendar.ts';
import type { LkeTemplate } from '../../../core/lke/template-model.ts';
import {
  assessments,
  auditLog,
  blobs,
  evidence,
  evidenceLinks,
  evidenceVersions,
  itemReviews,
  notifications,
  reviewAssignments,
  units,
  users,
} from '../../db/schema.ts';
import { openBlobStore } from '../../storage/open-blob-store.ts';
import { answerEverything, linkEvidence, lkeTemplate, put } from '../../../../test/support/lke-answers.ts';
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
let agency: Client;
let bawasluAdmin: Client;
let admin: Client;
let lead: Client;
let unitLeader: Client;
let member: Client;
let teamLead: Client;
let qc: Client;
let unassigned: Client;
let conflicted: Client;
let foreignTpi: Client;
let tpn: Client;
/** The refusals' assessment (2027) and the full walk's (2028), both of KPU Kabupaten Sumenep. */
let early: Assessment;
let walk: Assessment;
let evidenceFile: { evidenceId: string; versionId: string; bytes: Buffer };

const withEvidence = () => template.items.filter((i) => i.evidence.length > 0).map((i) => i.code);
const review = (a: Assessment, path = '') => `/api/assessments/${a.id}/review${path}`;
const step = (c: Client, a: Assessment, action: string, body: Record<string, unknown> = {}) =>
  c.post(review(a, `/${action}`), { version: a.version, ...body });
const view = async (c: Client, a: Assessment): Promise<ReviewView> => {
  const res = await c.get(review(a));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ReviewView;
};
const item = async (c: Client, a: Assessment, code: string): Promise<ReviewItem> => {
  const res = await c.get(review(a, `/items?code=${code}`));
  expect(res.statusCode, res.body).toBe(200);
  const found = (res.json() as ReviewItemList).items.find((i) => i.code === code);
  if (!found) throw new Error(`no item ${code}`);
  return found;
};
const reload = async (a: Assessment): Promise<Assessment> =>
  (await lead.get(`/api/assessments/${a.id}`)).json() as Assessment;
const userId = async (email: string) =>
  (await t.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;

/** Real bytes in the blob store, linked to P1.i.a, so the evaluators' download streams them. */
const storedEvidence = async (assessmentId: string) => {
  const bytes = Buffer.from(`%PDF-1.4 bukti ${randomUUID()}\n`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = join(mkdtempSync(join(tmpdir(), 'pulau-review-')), 'sk.pdf');
  writeFileSync(file, bytes);
  await openBlobStore(t.config).put(sha256, file, { move: true });
  await t.db
    .insert(blobs)
    .values({ sha256, size: bytes.length, mime: 'application/pdf', storageKey: sha256 });
  const evidenceId = randomUUID();
  const versionId = randomUUID();
  await t.db
    .insert(evidence)
    .values({ id: evidenceId, unitId: org.sumenep.id, title: 'SK Tim ZI', currentVersionId: versionId });
  await t.db.insert(evidenceVersions).values({
    id: versionId,
    evidenceId,
    blobSha256: sha256,
    filename: 'sk.pdf',
    mime: 'application/pdf',
    size: bytes.length,
  });
  await t.db.insert(evidenceLinks).values({ evidenceId, assessmentId, code: 'P1.i.a' });
  return { evidenceId, versionId, bytes };
};

/** A complete, submitted and approved assessment of Sumenep in `year`, in TPI review at its first stage. */
const approved = async (year: number): Promise<Assessment> => {
  const period = await agency.post('/api/periods', {
    agencyId: org.kpu.id,
    year,
    name: `ZI ${year}`,
    fillFrom: `${year}-01-06`,
    fillUntil: `${year}-03-31`,
  });
  expect(period.statusCode, period.body).toBe(201);
  const created = await lead.post('/api/assessments', {
    periodId: period.json().id,
    unitId: org.sumenep.id,
    target: 'WBK',
  });
  let a = created.json() as Assessment;
  await answerEverything(t.app, lead, a.id, template);
  await linkEvidence(t.db, { unitId: org.sumenep.id, assessmentId: a.id, codes: withEvidence() });
  const submitted = await lead.post(`/api/assessments/${a.id}/submit`, { version: a.version });
  expect(submitted.statusCode, submitted.body).toBe(200);
  a = submitted.json() as Assessment;
  return a;
};

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '1000' });
  org = await seedOrg(t.db);
  template = await lkeTemplate();
  await seedUser(t.db, {
    email: 'leader@sumenep.test',
    homeUnit: org.sumenep,
    grants: [{ role: 'leader', unit: org.sumenep }],
  });
  for (const email of ['member', 'lead', 'qc', 'free'])
    await seedUser(t.db, {
      email: `tpi-${email}@kpu.test`,
      homeUnit: org.kpu,
      grants: [{ role: 'tpi_evaluator', unit: org.kpu }],
    });
  // She joined the province's ZI team after her assignment: a conflict of interest on Sumenep's parent chain.
  await seedUser(t.db, {
    email: 'tpi-conflict@kpu.test',
    homeUnit: org.kpu,
    grants: [
      { role: 'tpi_evaluator', unit: org.kpu },
      { role: 'team_member', unit: org.jatim, area: 1 },
    ],
  });
  await seedUser(t.db, {
    email: 'tpi@bawaslu.test',
    homeUnit: org.bawaslu,
    grants: [{ role: 'tpi_evaluator', unit: org.bawaslu }],
  });
  await seedUser(t.db, {
    email: 'tpn@pulau.test',
    homeUnit: org.kpu,
    grants: [{ role: 'tpn_evaluator', unit: org.kpu }],
  });
  const login = (email: string) => logInAs(t.app, email);
  agency = await login('agency@kpu.test');
  bawasluAdmin = await login('agency@bawaslu.test');
  admin = await login('admin@pulau.test');
  lead = await login('lead@sumenep.test');
  unitLeader = await login('leader@sumenep.test');
  member = await login('tpi-member@kpu.test');
  teamLead = await login('tpi-lead@kpu.test');
  qc = await login('tpi-qc@kpu.test');
  unassigned = await login('tpi-free@kpu.test');
  conflicted = await login('tpi-conflict@kpu.test');
  foreignTpi = await login('tpi@bawaslu.test');
  tpn = await login('tpn@pulau.test');
  // The TPI team of Sumenep, with the positions that complete each default stage.
  const assign = async (email: string, positions?: string[]) => {
    const res = await agency.post(`/api/units/${org.sumenep.id}/evaluators`, {
      userId: await userId(email),
      ...(positions ? { positions } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  expect((await assign('tpi-member@kpu.test')).positions).toEqual(['member']);
  expect((await assign('tpi-lead@kpu.test', ['team_lead'])).positions).toEqual(['team_lead']);
  await assign('tpi-qc@kpu.test', ['quality_controller']);
  await t.db.insert(reviewAssignments).values({
    id: randomUUID(),
    unitId: org.sumenep.id,
    userId: await userId('tpi-conflict@kpu.test'),
    level: 'tpi',
    positions: ['member'],
  });
  early = await approved(2027);
  walk = await approved(2028);
  evidenceFile = await storedEvidence(walk.id);
});
afterAll(() => t.close());

describe('refusals first', () => {
  it('TPI reads nothing before the unit hands the assessment over (403 not_yet); TPN nothing before the proposal', async () => {
    const res = await member.get(review(early));
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'not_yet' } });
    expect((await tpn.get(review(early))).json().error.details.reason).toBe('not_yet');
  });

  it('403 for an evaluator of another agency, at every review route', async () => {
    for (const res of [
      await foreignTpi.get(review(early)),
      await foreignTpi.get(review(early, '/items')),
      await step(foreignTpi, early, 'tpi_complete_stage'),
      await put(t.app, foreignTpi, review(early, '/items/P1.i.a'), { version: 0, value: 'Ya' }),
      await foreignTpi.post(review(early, '/items/P1.i.a/return'), { note: 'x' }),
    ])
      expect(res.statusCode).toBe(403);
  });

  it('409 STALE_WRITE for a step on an old version; the leader then approves into TPI review', async () => {
    const stale = await unitLeader.post(review(early, '/approve_to_tpi'), { version: early.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_WRITE');
    const res = await step(unitLeader, early, 'approve_to_tpi');
    expect(res.statusCode, res.body).toBe(200);
    early = res.json() as Assessment;
    expect(early.status).toBe('tpi_review');
  });

  it('403 for an unassigned evaluator and for one with a conflict of interest, reading or acting', async () => {
    const free = await unassigned.get(review(early));
    expect(free.statusCode).toBe(403);
    expect(free.json().error.details.reason).toBe('not_assigned');
    const coi = await conflicted.get(review(early));
    expect(coi.statusCode).toBe(403);
    expect(coi.json().error.details).toMatchObject({
      reason: 'conflict_of_interest',
      conflicts: [{ on: 'parent_chain' }],
    });
    const acting = await step(conflicted, early, 'tpi_complete_stage');
    expect(acting.statusCode).toBe(403);
    expect(acting.json().error).toMatchObject({
      code: 'ROLE_NOT_ALLOWED',
      details: { reason: 'conflict_of_interest' },
    });
    const answering = await put(t.app, conflicted, review(early, '/items/P1.i.a'), {
      version: 0,
      value: 'Ya',
    });
    expect(answering.statusCode).toBe(403);
    expect((await step(unassigned, early, 'tpi_complete_stage')).json().error.details.reason).toBe(
      'not_assigned',
    );
  });

  it('the evaluators may not use the unit-side evidence route, nor download evidence of a review they may not read', async () => {
    const own = `/api/evidence/${evidenceFile.evidenceId}/versions/${evidenceFile.versionId}/download`;
    expect((await member.get(own)).statusCode).toBe(403);
    const other = `/api/assessments/${early.id}/review/evidence/${evidenceFile.evidenceId}/versions/${evidenceFile.versionId}/download`;
    // Linked to the walk's assessment, not to this one: unknown here.
    expect((await member.get(other)).statusCode).toBe(404);
    const walkUrl = `/api/assessments/${walk.id}/review/evidence/${evidenceFile.evidenceId}/versions/${evidenceFile.versionId}/download`;
    expect((await member.get(walkUrl)).statusCode).toBe(403); // the walk is still only submitted
    expect((await unassigned.get(walkUrl)).statusCode).toBe(403);
  });

  it('a stage is completed only by its position; a return needs a note; the wrong level cannot answer', async () => {
    const notYours = await step(teamLead, early, 'tpi_complete_stage');
    expect(notYours.statusCode).toBe(409);
    expect(notYours.json().error).toMatchObject({
      code: 'GUARD_FAILED',
      details: { reasons: [{ guard: 'tpi_stage_holder', code: 'TPI_STAGE_NOT_YOURS' }] },
    });
    const answer = await put(t.app, teamLead, review(early, '/items/P1.i.a'), { version: 0, value: 'Ya' });
    expect(answer.statusCode).toBe(403);
    expect(answer.json().error.details.reason).toBe('not_stage_holder');
    const noNote = await step(member, early, 'tpi_return');
    expect(noNote.json().error.details.reasons.map((r: { code: string }) => r.code)).toEqual([
      'NOTE_REQUIRED',
    ]);
    const tpnAnswer = await put(t.app, tpn, review(early, '/items/P1.i.a'), { version: 0, value: 'Ya' });
    expect(tpnAnswer.statusCode).toBe(403);
    expect(tpnAnswer.json().error.code).toBe('ROLE_NOT_ALLOWED');
    // A decision that does not exist from here; a team lead of the unit is no evaluator.
    expect((await step(tpn, early, 'decide_wbk')).json().error.code).toBe('TRANSITION_NOT_ALLOWED');
    expect((await step(lead, early, 'tpi_return', { note: 'x' })).statusCode).toBe(403);
    // Nobody reviews items of a draft or submitted assessment: the state answers first.
    const submitted = await put(t.app, member, review(walk, '/items/P1.i.a'), { version: 0, value: 'Ya' });
    expect(submitted.statusCode).toBe(409);
    expect(submitted.json().error.code).toBe('REVIEW_NOT_OPEN');
  });

  it('while returned, the unit edits only the returned items (409 ASSESSMENT_LOCKED), and resubmits only when each is answered', async () => {
    expect(
      (await member.post(review(early, '/items/P1.i.a/return'), { note: 'SK belum ditandatangani' }))
        .statusCode,
    ).toBe(200);
    const back = await step(member, early, 'tpi_return', { note: 'Satu butir perlu diperbaiki' });
    expect(back.statusCode, back.body).toBe(200);
    early = back.json() as Assessment;
    expect(early.status).toBe('returned');
    expect((await reload(early)).can).toMatchObject({ submit: true, answerAreas: [1, 2, 3, 4, 5, 6] });
    const sheet = (await lead.get(`/api/assessments/${early.id}/worksheet`)).json() as Worksheet;
    const versionOf = (code: string) => sheet.answers.find((a) => a.code === code)?.version ?? 0;
    const locked = await put(t.app, lead, `/api/assessments/${early.id}/answers/P1.i.b`, {
      version: versionOf('P1.i.b'),
      value: 'Ya',
      explanation: 'x',
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toMatchObject({ code: 'ASSESSMENT_LOCKED', details: { item: 'P1.i.b' } });
    const pending = await lead.post(`/api/assessments/${early.id}/submit`, { version: early.version });
    expect(pending.statusCode).toBe(409);
    expect(pending.json().error.details.reasons[0]).toMatchObject({ code: 'REVISION_PENDING' });
  });

  it('400 DECREE_REQUIRED for a decision without its decree, 400 DECREE_NOT_EXPECTED for a decree elsewhere', async () => {
    const res = await step(unitLeader, walk, 'approve_to_tpi', {
      decree: { number: 'x', date: '2026-01-01' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('DECREE_NOT_EXPECTED');
  });
});

describe('the full walk: unit → TPI (return, revision, stages) → proposal → TPN desk and field → WBK → revocation', () => {
  it('the leader approves; TPI member sees her level, her steps and the evidence', async () => {
    const res = await step(unitLeader, walk, 'approve_to_tpi');
    expect(res.statusCode, res.body).toBe(200);
    walk = res.json() as Assessment;
    const v = await view(member, walk);
    expect(v).toMatchObject({
      // The template the period pinned, so the review screen reads the items the unit answered.
      assessment: { templateId: walk.templateId, templateVersion: walk.templateVersion },
      status: 'tpi_review',
      tpiStage: { index: 0, id: 'member', isLast: false },
      myLevel: 'tpi:member',
      canReturnItems: true,
    });
    expect(v.actions.map((a) => [a.action, a.blocked.length, a.needsNote])).toEqual([
      ['tpi_complete_stage', 0, false],
      ['tpi_return', 0, true],
    ]);
    expect(v.levels.map((l) => l.level)).toEqual([
      'unit',
      'tpi:member',
      'tpi:team_lead',
      'tpi:quality_controller',
      'tpn_desk',
      'tpn_field',
    ]);
    expect(v.levels[0]?.predicates.find((p) => p.id === 'WBK')?.eligible).toBe(true);
    const download = await member.get(
      `/api/assessments/${walk.id}/review/evidence/${evidenceFile.evidenceId}/versions/${evidenceFile.versionId}/download?inline=1`,
    );
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(evidenceFile.bytes)).toBe(true);
    expect(download.headers['content-security-policy']).toBe('sandbox');
    // The unit's own people read the review too, without a level of their own.
    expect((await view(lead, walk)).myLevel).toBeNull();
    const queue = async (c: Client) =>
      ((await c.get('/api/reviews')).json() as ReviewQueue).reviews.map((q) => [q.assessmentId, q.as]);
    expect((await queue(member)).sort()).toEqual(
      [
        [early.id, 'tpi'],
        [walk.id, 'tpi'],
      ].sort(),
    );
    for (const nobody of [unassigned, conflicted, foreignTpi, tpn, lead])
      expect(await queue(nobody)).toEqual([]);
  });

  it('TPI answers at her level (the unit’s answer untouched), returns one item; the changed filter finds hers', async () => {
    const res = await put(t.app, member, review(walk, '/items/P1.i.b'), {
      version: 0,
      value: 'B',
      note: 'Rencana kerja tanpa target terukur',
    });
    expect(res.statusCode, res.body).toBe(200);
    const answered = res.json().item as ReviewItem;
    expect(answered.changed).toBe(true);
    expect(answered.levels[0]).toMatchObject({
      level: 'tpi:member',
      own: true,
      version: 1,
      differsFromBelow: true,
    });
    expect(answered.levels[1]).toMatchObject({ level: 'tpi:team_lead', from: 'tpi:member', own: false });
    expect(answered.unit).toMatchObject({ value: 'A', explanation: 'Penjelasan P1.i.b' });
    const stale = await put(t.app, member, review(walk, '/items/P1.i.b'), { version: 0, value: 'C' });
    expect(stale.json().error.code).toBe('STALE_WRITE');
    const changed = (await member.get(review(walk, '/items?changed=true'))).json() as ReviewItemList;
    expect(changed.items.map((i) => i.code)).toEqual(['P1.i.b']);
    const noEvidence = (await member.get(review(walk, '/items?no_evidence=true'))).json() as ReviewItemList;
    expect(noEvidence.items.some((i) => i.item === 'P1.i.a')).toBe(false);
    const returned = await member.post(review(walk, '/items/P1.i.a/return'), {
      note: 'SK Tim belum ditandatangani',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect((returned.json().item as ReviewItem).review).toMatchObject({
      status: 'returned',
      returnNote: 'SK Tim belum ditandatangani',
      returnedAt: 'tpi:member',
      revisions: 0,
    });
    const filtered = (await member.get(review(walk, '/items?returned=true'))).json() as ReviewItemList;
    expect(filtered.items.map((i) => i.code)).toEqual(['P1.i.a']);
    const back = await step(member, walk, 'tpi_return', { note: 'Perbaiki SK Tim' });
    expect(back.statusCode, back.body).toBe(200);
    walk = back.json() as Assessment;
    expect(walk.status).toBe('returned');
  });

  it('the unit revises the returned item: awaiting recheck, one revision however often it edits, then resubmits', async () => {
    const sheet = (await lead.get(`/api/assessments/${walk.id}/worksheet`)).json() as Worksheet;
    expect(sheet.itemReviews).toEqual({
      'P1.i.a': { status: 'returned', returnNote: 'SK Tim belum ditandatangani', revisions: 0 },
    });
    let version = sheet.answers.find((a) => a.code === 'P1.i.a')?.version ?? 0;
    for (const explanation of ['SK Tim ditandatangani', 'SK Tim ditandatangani, nomor 12/2028']) {
      const res = await put(t.app, lead, `/api/assessments/${walk.id}/answers/P1.i.a`, {
        version,
        value: 'Ya',
        explanation,
      });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().answer.version;
    }
    const mark = await t.db
      .select()
      .from(itemReviews)
      .where(and(eq(itemReviews.assessmentId, walk.id), eq(itemReviews.code, 'P1.i.a')));
    expect(mark[0]).toMatchObject({ status: 'awaiting_recheck', revisions: 1 });
    expect((await item(member, walk, 'P1.i.a')).review).toMatchObject({
      status: 'awaiting_recheck',
      revisions: 1,
      returnNote: 'SK Tim belum ditandatangani',
    });
    // The signed SK the note asked for: new evidence on the returned item only.
    const signed = await linkEvidence(t.db, {
      unitId: org.sumenep.id,
      assessmentId: walk.id,
      codes: [],
      title: 'SK',
    });
    const linked = await lead.post(`/api/assessments/${walk.id}/items/P1.i.a/evidence`, {
      evidenceId: signed,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    const refused = await lead.post(`/api/assessments/${walk.id}/items/P1.i.b/evidence`, {
      evidenceId: signed,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ASSESSMENT_LOCKED');
    const res = await lead.post(`/api/assessments/${walk.id}/submit`, {
      version: (await reload(walk)).version,
    });
    expect(res.statusCode, res.body).toBe(200);
    walk = res.json() as Assessment;
    expect(walk.status).toBe('resubmitted');
  });

  it('TPI rechecks, and the stages pass member → team lead → quality controller, who finds it meets', async () => {
    const recheck = await member.post(review(walk, '/items/P1.i.a/recheck'), {});
    expect(recheck.statusCode, recheck.body).toBe(200);
    expect((recheck.json().item as ReviewItem).review).toMatchObject({ status: 'open', revisions: 1 });
    expect((await member.post(review(walk, '/items/P1.i.a/recheck'), {})).json().error.code).toBe(
      'NOT_AWAITING_RECHECK',
    );
    for (const [who, action, status, stage] of [
      [member, 'tpi_complete_stage', 'tpi_review', 1],
      [teamLead, 'tpi_complete_stage', 'tpi_review', 2],
      [qc, 'tpi_find_meets', 'tpi_verdict_meets', 2],
    ] as const) {
      const res = await step(who, walk, action);
      expect(res.statusCode, res.body).toBe(200);
      walk = res.json() as Assessment;
      expect(walk.status).toBe(status);
      expect((await view(member, walk)).tpiStage.index).toBe(stage);
    }
    const v = await view(agency, walk);
    expect(v.tpiStage).toMatchObject({ index: 2, id: 'quality_controller', isLast: true });
    const tpiFinal = v.levels.find((l) => l.level === 'tpi:quality_controller');
    expect(tpiFinal?.changedFromUnit).toEqual(['P1.i.b']);
    expect(v.counts).toMatchObject({ returned: 0, awaitingRecheck: 0, changed: 1 });
  });

  it('the agency proposes: refused while §4.2 prerequisites and documents are missing, then with the documents and afirmasi', async () => {
    const propose = (await view(agency, walk)).actions.find((a) => a.action === 'propose');
    expect(propose?.blocked.map((b) => b.code)).toEqual(
      expect.arrayContaining(['PREREQUISITES_UNMET', 'PROPOSAL_DOCUMENTS_MISSING']),
    );
    const refused = await step(agency, walk, 'propose');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('GUARD_FAILED');
    // The proposals feature's own route takes the cover letter (the agency's) and the SPTJM (the unit's).
    const cover = await linkEvidence(t.db, {
      unitId: org.kpu.id,
      assessmentId: walk.id,
      codes: [],
      title: 'Surat usulan',
    });
    const sptjm = await linkEvidence(t.db, {
      unitId: org.sumenep.id,
      assessmentId: walk.id,
      codes: [],
      title: 'SPTJM',
    });
    const docs = await put(t.app, agency, `/api/assessments/${walk.id}/proposal`, {
      coverLetterEvidenceId: cover,
      sptjmEvidenceId: sptjm,
      version: 0,
    });
    expect(docs.statusCode, docs.body).toBe(200);
    await t.db.update(units).set({ afirmasi: true }).where(eq(units.id, org.sumenep.id));
    const res = await step(agency, walk, 'propose');
    expect(res.statusCode, res.body).toBe(200);
    walk = res.json() as Assessment;
    expect(walk.status).toBe('proposed');
  });

  it('TPN reads from the proposal on; desk, then field; the field result prevails; TPN’s own survey index', async () => {
    expect((await view(tpn, walk)).myLevel).toBeNull();
    const queue = (await tpn.get('/api/reviews')).json() as ReviewQueue;
    expect(queue.reviews).toMatchObject([
      {
        assessmentId: walk.id,
        as: 'tpn',
        status: 'proposed',
        unitName: 'KPU Kabupaten Sumenep',
        periodName: 'ZI 2028',
        tpiStage: { index: 2, id: 'quality_controller' },
      },
    ]);
    walk = (await step(tpn, walk, 'tpn_start_desk')).json() as Assessment;
    expect(walk.status).toBe('tpn_desk');
    const desk = await put(t.app, tpn, review(walk, '/items/H1.a'), {
      version: 0,
      value: 3.2,
      note: 'Survei TPN',
    });
    expect(desk.statusCode, desk.body).toBe(200);
    const deskOnB = await put(t.app, tpn, review(walk, '/items/P1.i.b'), {
      version: 0,
      value: 'A',
      note: 'Desk',
    });
    expect(deskOnB.statusCode, deskOnB.body).toBe(200);
    // Dropping the desk's own answer reads TPI's again.
    const cleared = await put(t.app, tpn, review(walk, '/items/P1.i.b'), {
      version: 1,
      value: null,
      clear: true,
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect((cleared.json().item as ReviewItem).levels.find((l) => l.level === 'tpn_desk')).toMatchObject({
      own: false,
      value: 'B',
      from: 'tpi:member',
    });
    walk = (await step(tpn, walk, 'tpn_start_field')).json() as Assessment;
    expect(walk.status).toBe('tpn_field');
    const field = await put(t.app, tpn, review(walk, '/items/H1.a'), {
      version: 0,
      value: 3.6,
      note: 'Survei lapangan',
    });
    expect(field.statusCode, field.body).toBe(200);
    const h1a = field.json().item as ReviewItem;
    const at = (level: string) => h1a.levels.find((l) => l.level === level);
    expect(at('tpn_desk')).toMatchObject({ value: 3.2, own: true });
    expect(at('tpn_field')).toMatchObject({ value: 3.6, own: true, differsFromBelow: true });
    expect(h1a.unit.value).toBe(4);
    const v = await view(tpn, walk);
    expect(v.myLevel).toBe('tpn_field');
    const fieldLevel = v.levels.find((l) => l.level === 'tpn_field');
    expect(fieldLevel?.changedFromBelow).toEqual(['H1.a']);
    expect(fieldLevel?.changedFromUnit).toEqual(['H1.a', 'P1.i.b']);
    expect(v.actions.map((a) => [a.action, a.needsDecree])).toEqual([
      ['tpn_not_award', false],
      ['decide_wbk', true],
    ]);
  });

  it('TPN decides WBK with the decree; the unit’s predicate history shows it', async () => {
    expect((await step(tpn, walk, 'decide_wbk')).json().error.code).toBe('DECREE_REQUIRED');
    const today = localDate(new Date(), 420);
    const future = addYears(today, 1);
    expect(
      (await step(tpn, walk, 'decide_wbk', { decree: { number: 'SK-1', date: future } })).json().error.code,
    ).toBe('DECREE_DATE_IN_FUTURE');
    const res = await step(tpn, walk, 'decide_wbk', {
      decree: { number: 'B/123/M.PANRB/2028', date: today },
    });
    expect(res.statusCode, res.body).toBe(200);
    walk = res.json() as Assessment;
    expect(walk.status).toBe('decided_wbk');
    const history = (await lead.get(`/api/units/${org.sumenep.id}/predicates`)).json() as PredicateHistory;
    expect(history).toMatchObject({ holds: 'WBK', revokedOn: null, proposableFrom: null });
    expect(history.awards).toHaveLength(1);
    expect(history.awards[0]).toMatchObject({
      predicate: 'WBK',
      decreeNumber: 'B/123/M.PANRB/2028',
      decreeDate: today,
      assessmentId: walk.id,
    });
    expect((await view(lead, walk)).award?.decreeNumber).toBe('B/123/M.PANRB/2028');
  });

  it('revocation with its reason; the two-year ban shows in the history and blocks the next proposal', async () => {
    const noReason = await step(admin, walk, 'revoke');
    expect(noReason.json().error.details.reasons[0].code).toBe('NOTE_REQUIRED');
    const res = await step(admin, walk, 'revoke', { note: 'Terbukti praktik pungli' });
    expect(res.statusCode, res.body).toBe(200);
    walk = res.json() as Assessment;
    expect(walk.status).toBe('revoked');
    const today = localDate(new Date(), 420);
    const history = (await agency.get(`/api/units/${org.sumenep.id}/predicates`)).json() as PredicateHistory;
    expect(history).toMatchObject({ holds: null, revokedOn: today, proposableFrom: addYears(today, 2) });
    expect(history.awards[0]).toMatchObject({
      revokedOn: today,
      revocationReason: 'Terbukti praktik pungli',
    });
    // The 2027 assessment, found to meet (set here), can no longer be proposed for two years.
    await t.db
      .update(assessments)
      .set({ status: 'tpi_verdict_meets', tpiStage: 2 })
      .where(eq(assessments.id, early.id));
    const propose = (await view(agency, early)).actions.find((a) => a.action === 'propose');
    expect(propose?.blocked.find((b) => b.code === 'REVOCATION_BAN')?.details).toMatchObject({
      revokedOn: today,
      proposableFrom: addYears(today, 2),
    });
  });

  it('one audit record per step, with from, to and note; the people of each step were told', async () => {
    const rows = await t.db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, walk.id), like(auditLog.action, 'review.%')))
      .orderBy(auditLog.seq);
    expect(rows.map((r) => r.action)).toEqual([
      'review.submit',
      'review.approve_to_tpi',
      'review.tpi_return',
      'review.resubmit',
      'review.tpi_complete_stage',
      'review.tpi_complete_stage',
      'review.tpi_find_meets',
      'review.propose',
      'review.tpn_start_desk',
      'review.tpn_start_field',
      'review.decide_wbk',
      'review.revoke',
    ]);
    expect(rows[2]?.after).toMatchObject({ from: 'tpi_review', to: 'returned', note: 'Perbaiki SK Tim' });
    expect(rows[10]?.after).toMatchObject({
      award: { predicate: 'WBK', decreeNumber: 'B/123/M.PANRB/2028' },
    });
    const items = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(like(auditLog.subjectId, `${walk.id}/%`));
    const actions = items.map((r) => r.action);
    expect(actions).toContain('review.item_returned');
    expect(actions).toContain('review.item_rechecked');
    expect(actions.filter((a) => a === 'review.answer_saved')).toHaveLength(5);
    const told = await t.db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.userId, await userId('tpi-member@kpu.test')));
    expect(told.map((n) => n.kind)).toContain('review.approve_to_tpi');
  });
});

describe('settings per agency', () => {
  it('403 for another agency’s admin; the defaults at version 0; a stale or invalid write is refused', async () => {
    const url = `/api/agencies/${org.bawaslu.id}/review-settings`;
    expect((await agency.get(url)).statusCode).toBe(403);
    const first = (await bawasluAdmin.get(url)).json() as ReviewSettings;
    expect(first).toMatchObject({
      version: 0,
      config: { preliminaryReview: false, proposalDeadline: '05-31' },
    });
    expect(first.config.tpiStages.map((s) => s.id)).toEqual(['member', 'team_lead', 'quality_controller']);
    const invalid = await put(t.app, bawasluAdmin, url, {
      version: 0,
      config: { proposalDeadline: '31-05' },
    });
    expect(invalid.statusCode).toBe(400);
    const body = {
      version: 0,
      config: {
        preliminaryReview: true,
        tpiStages: [
          { id: 'anggota', completedBy: ['anggota'] },
          { id: 'ketua', completedBy: ['ketua', 'pengendali_mutu'] },
        ],
        proposalDeadline: '06-15',
        utcOffsetMinutes: 480,
      },
    };
    const saved = await put(t.app, bawasluAdmin, url, body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, config: body.config });
    expect((await put(t.app, bawasluAdmin, url, body)).json().error.code).toBe('STALE_WRITE');
    expect((await bawasluAdmin.get(url)).json()).toMatchObject({
      version: 1,
      config: { proposalDeadline: '06-15' },
    });
    expect((await bawasluAdmin.get(`/api/agencies/${org.banten.id}/review-settings`)).json().error.code).toBe(
      'NOT_AN_AGENCY',
    );
  });
});
