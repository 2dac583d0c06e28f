import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { assessments, periods, reviewAssignments, users } from '../../src/server/db/schema.ts';
import type { MatrixContext, MatrixRequest, Target, Who } from './route-requests.ts';

type Entry = {
  allowed: 'all' | readonly Who[];
  build: (ctx: MatrixContext, target: Target) => Promise<MatrixRequest>;
};

const unitOf = (ctx: MatrixContext, target: Target) => (target === 'own' ? ctx.org.sumenep : ctx.org.banten);
const agencyOf = (ctx: MatrixContext, target: Target) => (target === 'own' ? ctx.org.kpu : ctx.org.bawaslu);

const ADMINS: readonly Who[] = ['system_admin', 'agency_admin'];
const PREPARERS: readonly Who[] = ['system_admin', 'agency_admin', 'zi_team_lead'];
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

let nextYear = 2800;
const seedPeriod = async (ctx: MatrixContext, target: Target): Promise<string> => {
  const id = randomUUID();
  await ctx.t.db.insert(periods).values({
    id,
    agencyId: agencyOf(ctx, target).id,
    year: nextYear++,
    name: 'Matrix proposals',
    templateId: 'permenpanrb-90-2021',
    templateVersion: '1.0.0',
    fillFrom: '2030-01-01',
    fillUntil: '2030-03-31',
  });
  return id;
};

const seedAssessment = async (ctx: MatrixContext, target: Target, status: string) => {
  const periodId = await seedPeriod(ctx, target);
  const id = randomUUID();
  await ctx.t.db
    .insert(assessments)
    .values({ id, periodId, unitId: unitOf(ctx, target).id, target: 'WBK', status });
  return { periodId, id };
};

/** One assessment per target with TPI's verdict "meets": the state a proposal is prepared in. */
const ready = new Map<Target, { periodId: string; id: string }>();
const prepared = async (ctx: MatrixContext, target: Target) => {
  const known = ready.get(target);
  if (known) return known;
  const found = await seedAssessment(ctx, target, 'tpi_verdict_meets');
  ready.set(target, found);
  return found;
};

/**
 * One assessment per target in TPN's desk review with the matrix's TPI evaluator assigned to the unit, so the
 * reviews feature's reader rule (TPI assigned and handed over, TPN once proposed) lets every evaluator read it.
 */
const inDesk = new Map<Target, string>();
const atDesk = async (ctx: MatrixContext, target: Target) => {
  const known = inDesk.get(target);
  if (known) return known;
  const { id } = await seedAssessment(ctx, target, 'tpn_desk');
  const [tpi] = await ctx.t.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'matrix-tpi_evaluator@pulau.test'));
  if (tpi)
    await ctx.t.db
      .insert(reviewAssignments)
      .values({ id: randomUUID(), unitId: unitOf(ctx, target).id, userId: tpi.id, level: 'tpi' })
      .onConflictDoNothing();
  inDesk.set(target, id);
  return id;
};

const byPeriod = (path: string, body?: unknown) => async (ctx: MatrixContext, target: Target) => {
  const { periodId } = await prepared(ctx, target);
  return {
    url: `/api/periods/${periodId}${path}`,
    params: {
      id: periodId,
      ...(path.includes('prerequisites/') ? { code: path.split('/').pop() ?? '' } : {}),
    },
    ...(body === undefined ? {} : { body }),
  };
};
const byAssessment = (path: string, body?: unknown) => async (ctx: MatrixContext, target: Target) => {
  const { id } = await prepared(ctx, target);
  return {
    url: `/api/assessments/${id}${path}`,
    params: { id, ...(path.includes('prerequisites/') ? { code: path.split('/').pop() ?? '' } : {}) },
    ...(body === undefined ? {} : { body }),
  };
};

/** §4.2 prerequisites, proposal documents, TPN's window, the overview and the LHE PDF. */
export const PROPOSAL_REQUESTS: Record<string, Entry> = {
  // Agency-level prerequisites hang on the agency unit: the unit's lead is refused there.
  'GET /api/periods/:id/prerequisites': { allowed: ADMINS, build: byPeriod('/prerequisites') },
  'PUT /api/periods/:id/prerequisites/:code': {
    allowed: ADMINS,
    // Later callers get 409 STALE_WRITE (version 0 after the first write): past the check is all that counts.
    build: byPeriod('/prerequisites/spip_maturity', {
      value: { level: 3 },
      evidenceId: null,
      note: 'Matrix',
      version: 0,
    }),
  },
  'GET /api/periods/:id/proposals': { allowed: ADMINS, build: byPeriod('/proposals') },
  'PUT /api/periods/:id/proposal-window': {
    allowed: ['system_admin'],
    build: async (ctx, target) => {
      const id = await seedPeriod(ctx, target);
      return {
        url: `/api/periods/${id}/proposal-window`,
        params: { id },
        body: { proposalDeadline: '2030-06-30', proposalQuota: 3, version: 1 },
      };
    },
  },
  'GET /api/assessments/:id/prerequisites': { allowed: PREPARERS, build: byAssessment('/prerequisites') },
  'PUT /api/assessments/:id/prerequisites/:code': {
    allowed: PREPARERS,
    build: byAssessment('/prerequisites/wealth_reports', {
      value: { percent: 100 },
      evidenceId: null,
      note: 'Matrix',
      version: 0,
    }),
  },
  'GET /api/assessments/:id/proposal': { allowed: PREPARERS, build: byAssessment('/proposal') },
  'PUT /api/assessments/:id/proposal': {
    allowed: PREPARERS,
    build: byAssessment('/proposal', { coverLetterEvidenceId: null, sptjmEvidenceId: null, version: 0 }),
  },
  'GET /api/assessments/:id/lhe.pdf': {
    allowed: REVIEW_READERS,
    build: async (ctx, target) => {
      const id = await atDesk(ctx, target);
      return { url: `/api/assessments/${id}/lhe.pdf?level=unit`, params: { id }, query: { level: 'unit' } };
    },
  },
};
