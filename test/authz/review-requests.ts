import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import {
  assessments,
  blobs,
  evidence,
  evidenceLinks,
  evidenceVersions,
  periods,
  reviewAssignments,
  users,
} from '../../src/server/db/schema.ts';
import { openBlobStore } from '../../src/server/storage/open-blob-store.ts';
import type { MatrixContext, MatrixRequest, Target, Who } from './route-requests.ts';

type Entry = {
  allowed: 'all' | readonly Who[];
  build: (ctx: MatrixContext, target: Target) => Promise<MatrixRequest>;
};

const unitOf = (ctx: MatrixContext, target: Target) => (target === 'own' ? ctx.org.sumenep : ctx.org.banten);
const agencyOf = (ctx: MatrixContext, target: Target) => (target === 'own' ? ctx.org.kpu : ctx.org.bawaslu);

const ADMINS: readonly Who[] = ['system_admin', 'agency_admin'];
/** `review.read`: the unit's people, those above them, and the evaluators (narrowed by the use case). */
const REVIEW_READERS: readonly Who[] = [
  'system_admin',
  'agency_admin',
  'zi_team_lead',
  'area_coordinator',
  'team_member',
  'leader',
  'tpi_evaluator',
  'tpn_evaluator',
];

let nextYear = 2900;
const seedAssessment = async (ctx: MatrixContext, target: Target, status: string): Promise<string> => {
  const periodId = randomUUID();
  await ctx.t.db.insert(periods).values({
    id: periodId,
    agencyId: agencyOf(ctx, target).id,
    year: nextYear++,
    name: 'Matrix review',
    templateId: 'permenpanrb-90-2021',
    templateVersion: '1.0.0',
    fillFrom: '2030-01-01',
    fillUntil: '2030-03-31',
  });
  const id = randomUUID();
  await ctx.t.db
    .insert(assessments)
    .values({ id, periodId, unitId: unitOf(ctx, target).id, target: 'WBK', status });
  return id;
};

/**
 * One assessment per target in TPN's desk review, with the matrix's TPI evaluator assigned to the unit: every
 * evaluator may read it (TPI once handed over, TPN once proposed), so `review.read` alone decides the answer.
 */
const inReview = new Map<Target, string>();
const reviewed = async (ctx: MatrixContext, target: Target): Promise<string> => {
  const known = inReview.get(target);
  if (known) return known;
  const id = await seedAssessment(ctx, target, 'tpn_desk');
  const [tpi] = await ctx.t.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'matrix-tpi_evaluator@pulau.test'));
  if (tpi)
    await ctx.t.db
      .insert(reviewAssignments)
      .values({ id: randomUUID(), unitId: unitOf(ctx, target).id, userId: tpi.id, level: 'tpi' })
      .onConflictDoNothing();
  inReview.set(target, id);
  return id;
};

/** A draft: every step and item write is refused by the state (409) once past the permission check. */
const drafts = new Map<Target, string>();
const draft = async (ctx: MatrixContext, target: Target): Promise<string> => {
  const known = drafts.get(target);
  if (known) return known;
  const id = await seedAssessment(ctx, target, 'draft');
  drafts.set(target, id);
  return id;
};

const onDraft =
  (path: string, body?: unknown, code?: string) => async (ctx: MatrixContext, target: Target) => {
    const id = await draft(ctx, target);
    return {
      url: `/api/assessments/${id}${path}`,
      params: {
        id,
        ...(code ? { code } : {}),
        ...(path.startsWith('/review/revoke') ? { action: 'revoke' } : {}),
      },
      ...(body === undefined ? {} : { body }),
    };
  };
const onReviewed = (path: string) => async (ctx: MatrixContext, target: Target) => {
  const id = await reviewed(ctx, target);
  return { url: `/api/assessments/${id}${path}`, params: { id } };
};

/** Evidence of the target unit linked to P1.i.a of the reviewed assessment (real bytes, so it streams). */
const linkedEvidence = async (ctx: MatrixContext, target: Target) => {
  const assessmentId = await reviewed(ctx, target);
  const bytes = Buffer.from(`matrix review evidence ${randomUUID()}\n`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = join(mkdtempSync(join(tmpdir(), 'pulau-matrix-')), 'bukti.txt');
  writeFileSync(file, bytes);
  await openBlobStore(ctx.t.config).put(sha256, file, { move: true });
  await ctx.t.db.insert(blobs).values({ sha256, size: bytes.length, mime: 'text/plain', storageKey: sha256 });
  const evidenceId = randomUUID();
  const versionId = randomUUID();
  await ctx.t.db
    .insert(evidence)
    .values({ id: evidenceId, unitId: unitOf(ctx, target).id, title: 'Matrix', currentVersionId: versionId });
  await ctx.t.db.insert(evidenceVersions).values({
    id: versionId,
    evidenceId,
    blobSha256: sha256,
    filename: 'bukti.txt',
    mime: 'text/plain',
    size: bytes.length,
  });
  await ctx.t.db.insert(evidenceLinks).values({ evidenceId, assessmentId, code: 'P1.i.a' });
  return { assessmentId, evidenceId, versionId };
};

/** The evaluation workflow's routes (src/server/features/reviews/workflow-routes.ts). */
export const REVIEW_REQUESTS: Record<string, Entry> = {
  // The caller's own queue: only what her evaluator grants and assignments give her.
  'GET /api/reviews': { allowed: 'all', build: async () => ({ url: '/api/reviews' }) },
  'GET /api/assessments/:id/review': { allowed: REVIEW_READERS, build: onReviewed('/review') },
  'GET /api/assessments/:id/review/items': {
    allowed: REVIEW_READERS,
    build: onReviewed('/review/items?code=P1.i.a'),
  },
  // `revoke` does not exist from draft: 409 TRANSITION_NOT_ALLOWED for everyone past the permission check.
  'POST /api/assessments/:id/review/:action': {
    allowed: REVIEW_READERS,
    build: onDraft('/review/revoke', { version: 1, note: 'Matrix' }),
  },
  'PUT /api/assessments/:id/review/items/:code': {
    allowed: REVIEW_READERS,
    build: onDraft('/review/items/P1.i.a', { version: 0, value: 'Ya', note: 'Matrix' }, 'P1.i.a'),
  },
  'POST /api/assessments/:id/review/items/:code/return': {
    allowed: REVIEW_READERS,
    build: onDraft('/review/items/P1.i.a/return', { note: 'Matrix' }, 'P1.i.a'),
  },
  'POST /api/assessments/:id/review/items/:code/recheck': {
    allowed: REVIEW_READERS,
    build: onDraft('/review/items/P1.i.a/recheck', {}, 'P1.i.a'),
  },
  'GET /api/assessments/:id/review/evidence/:evidenceId/versions/:versionId/download': {
    allowed: REVIEW_READERS,
    build: async (ctx, target) => {
      const { assessmentId, evidenceId, versionId } = await linkedEvidence(ctx, target);
      return {
        url: `/api/assessments/${assessmentId}/review/evidence/${evidenceId}/versions/${versionId}/download`,
        params: { id: assessmentId, evidenceId, versionId },
      };
    },
  },
  'GET /api/agencies/:agencyId/review-settings': {
    allowed: ADMINS,
    build: async (ctx, target) => ({
      url: `/api/agencies/${agencyOf(ctx, target).id}/review-settings`,
      params: { agencyId: agencyOf(ctx, target).id },
    }),
  },
  // Version 0 after the first save is a 409, not a 403: the matrix checks the permission only.
  'PUT /api/agencies/:agencyId/review-settings': {
    allowed: ADMINS,
    build: async (ctx, target) => ({
      url: `/api/agencies/${agencyOf(ctx, target).id}/review-settings`,
      params: { agencyId: agencyOf(ctx, target).id },
      body: { version: 0, config: {} },
    }),
  },
  'GET /api/units/:unitId/predicates': {
    allowed: 'all',
    build: async (ctx, target) => ({
      url: `/api/units/${unitOf(ctx, target).id}/predicates`,
      params: { unitId: unitOf(ctx, target).id },
    }),
  },
};
