import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/core/org/roles.ts';
import type { UnitRow } from '../../src/server/features/units/repo.ts';
import { findUnit } from '../../src/server/features/units/repo.ts';
import { assessments, periods, surveyCampaigns } from '../../src/server/db/schema.ts';
import { seedUser, type TestApp } from '../support/test-app.ts';
import { findGrant } from '../../src/server/features/users/repo.ts';
import {
  blobs,
  evidence,
  evidenceLinks,
  evidenceVersions,
  reviewAssignments,
  roleGrants,
} from '../../src/server/db/schema.ts';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBlobStore } from '../../src/server/storage/open-blob-store.ts';
import type { seedOrg } from '../support/test-app.ts';
import { PROGRAMME_REQUESTS } from './programme-requests.ts';
import { PACT_REQUESTS } from './pact-requests.ts';
import { HELD_PREDICATE_REQUESTS } from './held-predicate-requests.ts';
import { PROPOSAL_REQUESTS } from './proposal-requests.ts';
import { ACTION_PLAN_REQUESTS } from './action-plan-requests.ts';
import { INBOX_REQUESTS } from './inbox-requests.ts';
import { REVIEW_REQUESTS } from './review-requests.ts';
import { RECAP_REQUESTS } from './recap-requests.ts';

export type Target = 'own' | 'foreign';
export type MatrixContext = {
  t: TestApp;
  org: Awaited<ReturnType<typeof seedOrg>>;
  /** A fresh leaf unit under `parent`, for requests that change or retire what they touch. */
  seedUnit(parent: UnitRow): Promise<UnitRow>;
};
export type MatrixRequest = {
  url: string;
  body?: unknown;
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** Requests that end the session (logout) get a session of their own. */
  freshSession?: boolean;
  after?: () => Promise<void>;
};
type Build = (ctx: MatrixContext, target: Target) => Promise<MatrixRequest>;
export type Who = Role | 'system_admin';
/**
 * Who may call the route on her own unit, written out by hand as the specification; on a foreign agency only
 * the system administrator may. `all` = every logged-in role.
 */
type Entry = {
  allowed: 'all' | readonly Who[];
  build: Build;
  /**
   * A workflow step whose takers the review table names (src/core/review/review-table.ts): a system
   * administrator passes the route's gate but is not the unit, so the step answers 403 ROLE_NOT_ALLOWED.
   */
  workflowRefusesSystemAdmin?: true;
};
const ADMINS: readonly Who[] = ['system_admin', 'agency_admin'];

const unitOf = (ctx: MatrixContext, target: Target) => (target === 'own' ? ctx.org.sumenep : ctx.org.banten);
const parentOf = (ctx: MatrixContext, target: Target) => (target === 'own' ? ctx.org.jatim : ctx.org.bawaslu);
const code = () => `R-${randomUUID().slice(0, 8)}`;
const version = async (ctx: MatrixContext, id: string) => (await findUnit(ctx.t.db, id))?.version ?? 1;

const agencyOf = (ctx: MatrixContext, target: Target) => (target === 'own' ? ctx.org.kpu : ctx.org.bawaslu);
let nextYear = 2030;
/** A fresh period of the target's agency (one per agency and year), written straight into the table. */
const seedPeriod = async (ctx: MatrixContext, target: Target): Promise<string> => {
  const id = randomUUID();
  await ctx.t.db.insert(periods).values({
    id,
    agencyId: agencyOf(ctx, target).id,
    year: nextYear++,
    name: 'Matrix',
    templateId: 'permenpanrb-90-2021',
    templateVersion: '1.0.0',
    fillFrom: '2030-01-01',
    fillUntil: '2030-03-31',
  });
  return id;
};
const draftOf = new Map<Target, string>();
/** One draft assessment of the target unit, shared by the routes that read it or are refused on it. */
const draft = async (ctx: MatrixContext, target: Target): Promise<string> => {
  const known = draftOf.get(target);
  if (known) return known;
  const id = randomUUID();
  await ctx.t.db.insert(assessments).values({
    id,
    periodId: await seedPeriod(ctx, target),
    unitId: unitOf(ctx, target).id,
    target: 'WBK',
  });
  draftOf.set(target, id);
  return id;
};
const READERS: readonly Who[] = [
  'system_admin',
  'agency_admin',
  'zi_team_lead',
  'area_coordinator',
  'team_member',
  'leader',
];
const byAssessment = (path: string, body?: unknown) => async (ctx: MatrixContext, target: Target) => {
  const id = await draft(ctx, target);
  return { url: `/api/assessments/${id}${path}`, params: { id }, ...(body === undefined ? {} : { body }) };
};
const byItem = (path: string, body?: unknown) => async (ctx: MatrixContext, target: Target) => {
  const id = await draft(ctx, target);
  // P1.i.a is in area 1, the area of the matrix's coordinator and member.
  return {
    url: `/api/assessments/${id}${path}`,
    params: { id, code: 'P1.i.a' },
    ...(body === undefined ? {} : { body }),
  };
};

/** A fresh account at home on the target unit, so that resets and edits touch nobody else. */
const subjectUser = async (ctx: MatrixContext, target: Target): Promise<string> =>
  seedUser(ctx.t.db, {
    email: `subject-${randomUUID().slice(0, 8)}@pulau.test`,
    homeUnit: unitOf(ctx, target),
  });
/** A team-member grant on the target unit to take away again. */
const subjectGrant = async (ctx: MatrixContext, target: Target) => {
  const userId = await subjectUser(ctx, target);
  const id = randomUUID();
  await ctx.t.db
    .insert(roleGrants)
    .values({ id, userId, unitId: unitOf(ctx, target).id, role: 'team_member', area: 1 });
  return { userId, grant: await findGrant(ctx.t.db, id) };
};
const GRANTERS: readonly Who[] = ['system_admin', 'agency_admin', 'zi_team_lead'];

/** A piece of evidence of the target unit with one stored version (real bytes, so downloads can stream). */
const seedEvidence = async (ctx: MatrixContext, target: Target) => {
  const bytes = Buffer.from(`matrix evidence ${randomUUID()}\n`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = join(mkdtempSync(join(tmpdir(), 'pulau-matrix-')), 'bukti.txt');
  writeFileSync(file, bytes);
  await openBlobStore(ctx.t.config).put(sha256, file, { move: true });
  await ctx.t.db.insert(blobs).values({ sha256, size: bytes.length, mime: 'text/plain', storageKey: sha256 });
  const id = randomUUID();
  const versionId = randomUUID();
  await ctx.t.db
    .insert(evidence)
    .values({ id, unitId: unitOf(ctx, target).id, title: 'Matrix', currentVersionId: versionId });
  await ctx.t.db.insert(evidenceVersions).values({
    id: versionId,
    evidenceId: id,
    blobSha256: sha256,
    filename: 'bukti.txt',
    mime: 'text/plain',
    size: bytes.length,
  });
  return { id, versionId };
};
const EVIDENCE_READERS: readonly Who[] = [
  'system_admin',
  'agency_admin',
  'zi_team_lead',
  'area_coordinator',
  'team_member',
  'leader',
];
const UPLOADERS: readonly Who[] = ['system_admin', 'zi_team_lead', 'area_coordinator', 'team_member'];

/** A fresh draft SKM campaign of the target unit, written straight into the table. */
const seedCampaign = async (ctx: MatrixContext, target: Target): Promise<string> => {
  const id = randomUUID();
  await ctx.t.db.insert(surveyCampaigns).values({
    id,
    unitId: unitOf(ctx, target).id,
    periodLabel: 'Matrix',
    kind: 'skm',
    questionnaireId: 'skm',
    questionnaireVersion: 'matrix',
    services: [{ code: 'matrix', name: 'Matrix', population: 100 }],
    samplingMethod: 'krejcie-morgan',
    targetSample: 80,
    startsOn: '2030-01-01',
    endsOn: '2030-03-31',
    excludeFlags: [],
  });
  return id;
};
const byCampaign = (path: string, body?: unknown) => async (ctx: MatrixContext, target: Target) => {
  const id = await seedCampaign(ctx, target);
  return {
    url: `/api/surveys/campaigns/${id}${path}`,
    params: { id },
    ...(body === undefined ? {} : { body }),
  };
};
const SURVEY_MANAGERS: readonly Who[] = ['system_admin', 'agency_admin', 'zi_team_lead'];
const SURVEY_READERS: readonly Who[] = [
  'system_admin',
  'agency_admin',
  'zi_team_lead',
  'area_coordinator',
  'team_member',
  'leader',
];

/** One request per route of the table, aimed at the caller's own unit or at a foreign agency's. */
const REQUESTS: Record<string, Entry> = {
  ...INBOX_REQUESTS,
  ...RECAP_REQUESTS,
  ...REVIEW_REQUESTS,
  ...PACT_REQUESTS,
  ...PROPOSAL_REQUESTS,
  ...HELD_PREDICATE_REQUESTS,
  ...ACTION_PLAN_REQUESTS,
  ...PROGRAMME_REQUESTS,
  'GET /api/units/:unitId/evaluators': {
    allowed: ADMINS,
    build: async (ctx, target) => ({
      url: `/api/units/${unitOf(ctx, target).id}/evaluators`,
      params: { unitId: unitOf(ctx, target).id },
    }),
  },
  'POST /api/units/:unitId/evaluators': {
    allowed: ADMINS,
    // A user who is no evaluator: past the permission check it is a 400, which is all the matrix needs.
    build: async (ctx, target) => {
      const userId = await subjectUser(ctx, target);
      return {
        url: `/api/units/${unitOf(ctx, target).id}/evaluators`,
        params: { unitId: unitOf(ctx, target).id },
        body: { userId },
      };
    },
  },
  'DELETE /api/units/:unitId/evaluators/:assignmentId': {
    allowed: ADMINS,
    build: async (ctx, target) => {
      const userId = await subjectUser(ctx, target);
      const assignmentId = randomUUID();
      await ctx.t.db
        .insert(reviewAssignments)
        .values({ id: assignmentId, unitId: unitOf(ctx, target).id, userId, level: 'tpi' });
      return {
        url: `/api/units/${unitOf(ctx, target).id}/evaluators/${assignmentId}`,
        params: { unitId: unitOf(ctx, target).id, assignmentId },
      };
    },
  },
  'POST /api/surveys/campaigns': {
    allowed: SURVEY_MANAGERS,
    build: async (ctx, target) => ({
      url: '/api/surveys/campaigns',
      body: {
        unitId: unitOf(ctx, target).id,
        kind: 'ipak',
        periodLabel: 'Matrix',
        services: [{ code: 'matrix', name: 'Matrix', population: 100 }],
        startsOn: '2030-01-01',
        endsOn: '2030-03-31',
      },
    }),
  },
  'GET /api/surveys/campaigns': {
    allowed: SURVEY_READERS,
    build: async (ctx, target) => ({
      url: `/api/surveys/campaigns?unitId=${unitOf(ctx, target).id}`,
      query: { unitId: unitOf(ctx, target).id },
    }),
  },
  'GET /api/surveys/campaigns/:id': { allowed: SURVEY_READERS, build: byCampaign('') },
  'PATCH /api/surveys/campaigns/:id': {
    allowed: SURVEY_MANAGERS,
    build: byCampaign('', { version: 1, periodLabel: 'Matrix edit' }),
  },
  'POST /api/surveys/campaigns/:id/open': {
    allowed: SURVEY_MANAGERS,
    build: byCampaign('/open', { version: 1 }),
  },
  // A draft cannot be closed: past the permission check it is a 409.
  'POST /api/surveys/campaigns/:id/close': {
    allowed: SURVEY_MANAGERS,
    build: byCampaign('/close', { version: 1 }),
  },
  // A draft cannot be published: past the permission check it is a 409.
  'POST /api/surveys/campaigns/:id/publish': {
    allowed: SURVEY_MANAGERS,
    build: byCampaign('/publish', { version: 1 }),
  },
  'POST /api/surveys/campaigns/:id/unpublish': {
    allowed: SURVEY_MANAGERS,
    build: byCampaign('/unpublish', { version: 1 }),
  },
  'GET /api/surveys/results-qr.svg': {
    allowed: SURVEY_READERS,
    build: async (ctx, target) => ({
      url: `/api/surveys/results-qr.svg?unitId=${unitOf(ctx, target).id}`,
      query: { unitId: unitOf(ctx, target).id },
    }),
  },
  'POST /api/surveys/campaigns/:id/codes': {
    allowed: SURVEY_MANAGERS,
    build: byCampaign('/codes', { count: 2 }),
  },
  // The matrix campaign pins a questionnaire version that is not installed: readers get 409, never 403.
  'GET /api/surveys/campaigns/:id/results': { allowed: SURVEY_READERS, build: byCampaign('/results') },
  'GET /api/surveys/campaigns/:id/responses.csv': {
    allowed: SURVEY_READERS,
    build: byCampaign('/responses.csv'),
  },
  'GET /api/surveys/campaigns/:id/qr.svg': {
    allowed: SURVEY_READERS,
    build: async (ctx, target) => {
      const req = await byCampaign('/qr.svg?service=matrix')(ctx, target);
      return { ...req, query: { service: 'matrix' } };
    },
  },
  'GET /api/surveys/campaigns/:id/qr.png': {
    allowed: SURVEY_READERS,
    build: async (ctx, target) => {
      const req = await byCampaign('/qr.png?service=matrix')(ctx, target);
      return { ...req, query: { service: 'matrix' } };
    },
  },
  // Past the permission check the matrix campaign's missing questionnaire version is a 409, never a 403.
  'GET /api/surveys/campaigns/:id/responses.xlsx': {
    allowed: SURVEY_READERS,
    build: byCampaign('/responses.xlsx'),
  },
  'GET /api/surveys/campaigns/:id/report.pdf': {
    allowed: SURVEY_READERS,
    build: byCampaign('/report.pdf'),
  },
  'GET /api/surveys/campaigns/:id/poster.pdf': {
    allowed: SURVEY_READERS,
    build: async (ctx, target) => {
      const req = await byCampaign('/poster.pdf?service=matrix')(ctx, target);
      return { ...req, query: { service: 'matrix' } };
    },
  },
  // Writing H1.a/H2.a is answering a Hasil item: the team lead, not the area-scoped roles or the agency admin.
  'POST /api/surveys/campaigns/:id/apply': {
    allowed: ['system_admin', 'zi_team_lead'],
    build: async (ctx, target) => ({
      ...(await byCampaign('/apply')(ctx, target)),
      body: { assessmentId: await draft(ctx, target), version: 0 },
    }),
  },
  'POST /api/units/:unitId/evidence': {
    allowed: UPLOADERS,
    // No such upload: past the permission check it is a 404, which is all the matrix needs.
    build: async (ctx, target) => ({
      url: `/api/units/${unitOf(ctx, target).id}/evidence`,
      params: { unitId: unitOf(ctx, target).id },
      body: { uploadId: randomUUID().replaceAll('-', ''), title: 'Matrix' },
    }),
  },
  'GET /api/units/:unitId/evidence': {
    allowed: EVIDENCE_READERS,
    build: async (ctx, target) => ({
      url: `/api/units/${unitOf(ctx, target).id}/evidence`,
      params: { unitId: unitOf(ctx, target).id },
    }),
  },
  'GET /api/evidence/:id': {
    allowed: EVIDENCE_READERS,
    build: async (ctx, target) => {
      const { id } = await seedEvidence(ctx, target);
      return { url: `/api/evidence/${id}`, params: { id } };
    },
  },
  'PATCH /api/evidence/:id': {
    allowed: UPLOADERS,
    build: async (ctx, target) => {
      const { id } = await seedEvidence(ctx, target);
      return { url: `/api/evidence/${id}`, params: { id }, body: { version: 1, title: 'Matrix renamed' } };
    },
  },
  'POST /api/evidence/:id/versions': {
    allowed: UPLOADERS,
    build: async (ctx, target) => {
      const { id } = await seedEvidence(ctx, target);
      return {
        url: `/api/evidence/${id}/versions`,
        params: { id },
        body: { uploadId: randomUUID().replaceAll('-', ''), version: 1 },
      };
    },
  },
  'POST /api/assessments/:id/items/:code/evidence': {
    allowed: ['system_admin', 'zi_team_lead', 'area_coordinator', 'team_member'],
    build: async (ctx, target) => {
      const { id: evidenceId } = await seedEvidence(ctx, target);
      return { ...(await byItem('/items/P1.i.a/evidence')(ctx, target)), body: { evidenceId } };
    },
  },
  'DELETE /api/assessments/:id/items/:code/evidence/:evidenceId': {
    allowed: ['system_admin', 'zi_team_lead', 'area_coordinator', 'team_member'],
    build: async (ctx, target) => {
      const { id: evidenceId } = await seedEvidence(ctx, target);
      const item = await byItem('/items/P1.i.a/evidence')(ctx, target);
      const assessmentId = item.params.id;
      await ctx.t.db.insert(evidenceLinks).values({ evidenceId, assessmentId, code: 'P1.i.a' });
      return { url: `${item.url}/${evidenceId}`, params: { ...item.params, evidenceId } };
    },
  },
  'GET /api/evidence/:id/versions/:versionId/download': {
    allowed: EVIDENCE_READERS,
    build: async (ctx, target) => {
      const { id, versionId } = await seedEvidence(ctx, target);
      return { url: `/api/evidence/${id}/versions/${versionId}/download`, params: { id, versionId } };
    },
  },
  'GET /api/users': { allowed: 'all', build: async () => ({ url: '/api/users' }) },
  'POST /api/users': {
    allowed: ADMINS,
    build: async (ctx, target) => ({
      url: '/api/users',
      body: {
        email: `new-${randomUUID().slice(0, 8)}@pulau.test`,
        name: 'Matrix',
        homeUnitId: unitOf(ctx, target).id,
      },
    }),
  },
  'PATCH /api/users/:id': {
    allowed: ADMINS,
    build: async (ctx, target) => {
      const id = await subjectUser(ctx, target);
      return { url: `/api/users/${id}`, params: { id }, body: { version: 1, name: 'Matrix renamed' } };
    },
  },
  'POST /api/users/:id/reset-password': {
    allowed: ADMINS,
    build: async (ctx, target) => {
      const id = await subjectUser(ctx, target);
      return { url: `/api/users/${id}/reset-password`, params: { id } };
    },
  },
  'POST /api/users/:id/grants': {
    allowed: GRANTERS,
    build: async (ctx, target) => {
      const id = await subjectUser(ctx, target);
      return {
        url: `/api/users/${id}/grants`,
        params: { id },
        body: { unitId: unitOf(ctx, target).id, role: 'team_member', area: 1 },
      };
    },
  },
  'DELETE /api/users/:id/grants/:grantId': {
    allowed: GRANTERS,
    build: async (ctx, target) => {
      const { userId, grant } = await subjectGrant(ctx, target);
      return { url: `/api/users/${userId}/grants/${grant!.id}`, params: { id: userId, grantId: grant!.id } };
    },
  },
  // A list narrowed to the caller's reach (like GET /api/units); a named foreign unit's 403 is in audit.int.test.ts.
  'GET /api/audit': { allowed: 'all', build: async () => ({ url: '/api/audit' }) },
  'POST /api/audit/verify': { allowed: ['system_admin'], build: async () => ({ url: '/api/audit/verify' }) },
  'GET /api/auth/me': {
    allowed: 'all',
    build: async () => ({ url: '/api/auth/me' }),
  },
  'PATCH /api/auth/me': {
    allowed: 'all',
    build: async () => ({ url: '/api/auth/me', body: { locale: 'id' } }),
  },
  'POST /api/auth/logout': {
    allowed: 'all',
    build: async () => ({ url: '/api/auth/logout', freshSession: true }),
  },
  'POST /api/auth/change-password': {
    allowed: 'all',
    build: async () => ({
      url: '/api/auth/change-password',
      body: { currentPassword: 'wrong-on-purpose', newPassword: 'kata-sandi-baru-789' },
    }),
  },
  'GET /api/units': {
    allowed: 'all',
    build: async () => ({ url: '/api/units' }),
  },
  'GET /api/units/:id': {
    allowed: 'all',
    build: async (ctx, target) => {
      const id = unitOf(ctx, target).id;
      return { url: `/api/units/${id}`, params: { id } };
    },
  },
  'POST /api/units': {
    allowed: ADMINS,
    build: async (ctx, target) => {
      const body = { parentId: unitOf(ctx, target).id, code: code(), name: 'Matrix', type: 'upt' };
      return { url: '/api/units', body };
    },
  },
  'PATCH /api/units/:id': {
    allowed: ADMINS,
    build: async (ctx, target) => {
      const id = unitOf(ctx, target).id;
      return {
        url: `/api/units/${id}`,
        params: { id },
        body: { version: await version(ctx, id), region: 'Matrix' },
      };
    },
  },
  'POST /api/units/:id/move': {
    allowed: ADMINS,
    build: async (ctx, target) => {
      const leaf = await ctx.seedUnit(unitOf(ctx, target));
      return {
        url: `/api/units/${leaf.id}/move`,
        params: { id: leaf.id },
        body: { version: 1, newParentId: unitOf(ctx, target).id },
      };
    },
  },
  'POST /api/units/:id/deactivate': {
    allowed: ADMINS,
    build: async (ctx, target) => {
      const leaf = await ctx.seedUnit(unitOf(ctx, target));
      return { url: `/api/units/${leaf.id}/deactivate`, params: { id: leaf.id }, body: { version: 1 } };
    },
  },
  'POST /api/units/:id/reactivate': {
    allowed: ADMINS,
    build: async (ctx, target) => {
      const leaf = await ctx.seedUnit(unitOf(ctx, target));
      return { url: `/api/units/${leaf.id}/reactivate`, params: { id: leaf.id }, body: { version: 1 } };
    },
  },
  'POST /api/units/import': {
    allowed: ADMINS,
    build: async (ctx, target) => ({
      url: '/api/units/import',
      body: { parentId: parentOf(ctx, target).id, csv: `code,name,type\n${code()},Matrix import,upt\n` },
    }),
  },
  'GET /api/periods': {
    allowed: 'all',
    build: async () => ({ url: '/api/periods' }),
  },
  'POST /api/periods': {
    allowed: ADMINS,
    build: async (ctx, target) => ({
      url: '/api/periods',
      body: {
        agencyId: agencyOf(ctx, target).id,
        year: nextYear++,
        name: 'Matrix',
        fillFrom: '2030-01-01',
        fillUntil: '2030-03-31',
      },
    }),
  },
  'PATCH /api/periods/:id': {
    allowed: ADMINS,
    build: async (ctx, target) => {
      const id = await seedPeriod(ctx, target);
      return { url: `/api/periods/${id}`, params: { id }, body: { version: 1, name: 'Matrix edit' } };
    },
  },
  'GET /api/assessments': {
    allowed: 'all',
    build: async () => ({ url: '/api/assessments' }),
  },
  'POST /api/assessments': {
    allowed: ['system_admin', 'agency_admin', 'zi_team_lead'],
    build: async (ctx, target) => ({
      url: '/api/assessments',
      body: { periodId: await seedPeriod(ctx, target), unitId: unitOf(ctx, target).id, target: 'WBK' },
    }),
  },
  'GET /api/assessments/:id': { allowed: READERS, build: byAssessment('') },
  'GET /api/assessments/:id/worksheet': { allowed: READERS, build: byAssessment('/worksheet') },
  'PUT /api/assessments/:id/answers/:code': {
    allowed: ['system_admin', 'zi_team_lead', 'area_coordinator', 'team_member'],
    // Version 0 after the first save is a 409, not a 403: the matrix checks the permission only.
    build: byItem('/answers/P1.i.a', { version: 0, value: 'Ya', explanation: 'Matrix' }),
  },
  'GET /api/assessments/:id/items/:code/comments': {
    allowed: READERS,
    build: byItem('/items/P1.i.a/comments'),
  },
  'POST /api/assessments/:id/items/:code/comments': {
    allowed: ['system_admin', 'zi_team_lead', 'area_coordinator', 'team_member', 'leader'],
    build: byItem('/items/P1.i.a/comments', { body: 'Matrix' }),
  },
  // A draft is refused by the gate (400) or the state (409), never submitted or approved by the matrix.
  'POST /api/assessments/:id/submit': {
    allowed: ['system_admin', 'zi_team_lead'],
    workflowRefusesSystemAdmin: true,
    build: byAssessment('/submit', { version: 1 }),
  },
  'POST /api/assessments/:id/approve': {
    allowed: ['system_admin', 'leader'],
    build: byAssessment('/approve', { version: 1 }),
  },
  'POST /api/assessments/:id/return': {
    allowed: ['system_admin', 'leader'],
    build: byAssessment('/return', { version: 1, note: 'Matrix' }),
  },
  'GET /api/assessments/:id/lke-workbook/export': {
    allowed: READERS,
    build: byAssessment('/lke-workbook/export'),
  },
  // An unreadable file is a 400 after the permission check: the matrix checks the permission only.
  'POST /api/assessments/:id/lke-workbook/preview': {
    allowed: ['system_admin', 'zi_team_lead', 'area_coordinator', 'team_member'],
    build: byAssessment('/lke-workbook/preview', { filename: 'lke.xlsx', content: 'bm90IGEgd29ya2Jvb2s=' }),
  },
  'POST /api/assessments/:id/lke-workbook/apply': {
    allowed: ['system_admin', 'zi_team_lead', 'area_coordinator', 'team_member'],
    build: byAssessment('/lke-workbook/apply', {
      changes: [{ code: 'P1.i.a', value: 'Ya', explanation: 'Matrix', version: 0 }],
    }),
  },
  'GET /api/lke/templates/:id': {
    allowed: 'all',
    build: async () => ({ url: '/api/lke/templates/permenpanrb-90-2021' }),
  },
};

export const requestFor = (id: string): Entry | undefined => REQUESTS[id];
