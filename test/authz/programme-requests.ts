import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/core/org/roles.ts';
import {
  assessments,
  changeAgentChanges,
  changeAgents,
  employees,
  findings,
  periods,
} from '../../src/server/db/schema.ts';
import type { MatrixContext, MatrixRequest, Target, Who } from './route-requests.ts';

/**
 * Matrix requests of the programme's work team, findings register and change agents. Reading is up the
 * hierarchy (programme.read), editing is the unit's own lead's (programme.manage): never a parent's.
 */
type Entry = {
  allowed: 'all' | readonly Who[];
  build: (ctx: MatrixContext, target: Target) => Promise<MatrixRequest>;
};

const unitOf = (ctx: MatrixContext, target: Target) => (target === 'own' ? ctx.org.sumenep : ctx.org.banten);
const agencyOf = (ctx: MatrixContext, target: Target) => (target === 'own' ? ctx.org.kpu : ctx.org.bawaslu);

const PROGRAMME_READERS: readonly Who[] = [
  'system_admin',
  'agency_admin',
  'zi_team_lead',
  'area_coordinator',
  'team_member',
  'leader',
  'tpi_evaluator',
  'tpn_evaluator',
] satisfies readonly (Role | 'system_admin')[];
const PROGRAMME_MANAGERS: readonly Who[] = ['system_admin', 'zi_team_lead'];

const byUnit = (path: string, body?: unknown) => async (ctx: MatrixContext, target: Target) => {
  const unitId = unitOf(ctx, target).id;
  return {
    url: `/api/units/${unitId}${path}`,
    params: { unitId },
    ...(body === undefined ? {} : { body }),
  };
};

const seedEmployee = async (ctx: MatrixContext, target: Target) => {
  const id = randomUUID();
  await ctx.t.db.insert(employees).values({ id, unitId: unitOf(ctx, target).id, name: 'Matrix' });
  return id;
};
const seedFinding = async (ctx: MatrixContext, target: Target, followUp = '') => {
  const id = randomUUID();
  await ctx.t.db.insert(findings).values({
    id,
    unitId: unitOf(ctx, target).id,
    source: 'inspectorate',
    reference: 'Matrix',
    finding: 'Matrix',
    recommendation: 'Matrix',
    dueDate: '2030-12-31',
    followUp,
  });
  return id;
};
const byFinding =
  (path: string, body?: unknown, followUp = '') =>
  async (ctx: MatrixContext, target: Target) => {
    const id = await seedFinding(ctx, target, followUp);
    return { url: `/api/findings/${id}${path}`, params: { id }, ...(body === undefined ? {} : { body }) };
  };
const seedAgent = async (ctx: MatrixContext, target: Target) => {
  const id = randomUUID();
  await ctx.t.db.insert(changeAgents).values({
    id,
    unitId: unitOf(ctx, target).id,
    employeeId: await seedEmployee(ctx, target),
    designatedOn: '2030-01-01',
    decreeRef: 'Matrix',
  });
  return id;
};
let nextYear = 2200;
/** A fresh draft of the target unit (its own period), so applying counts touches no other matrix request. */
const seedDraft = async (ctx: MatrixContext, target: Target) => {
  const periodId = randomUUID();
  await ctx.t.db.insert(periods).values({
    id: periodId,
    agencyId: agencyOf(ctx, target).id,
    year: nextYear++,
    name: 'Matrix',
    templateId: 'permenpanrb-90-2021',
    templateVersion: '1.0.0',
    fillFrom: '2030-01-01',
    fillUntil: '2030-03-31',
  });
  const id = randomUUID();
  await ctx.t.db.insert(assessments).values({ id, periodId, unitId: unitOf(ctx, target).id, target: 'WBK' });
  return id;
};

export const PROGRAMME_REQUESTS: Record<string, Entry> = {
  'GET /api/units/:unitId/team': { allowed: PROGRAMME_READERS, build: byUnit('/team') },
  'GET /api/units/:unitId/team/candidates': {
    allowed: PROGRAMME_MANAGERS,
    build: byUnit('/team/candidates'),
  },
  // Nobody of the unit is named: past the permission check it is a 400, and no grant changes.
  'POST /api/units/:unitId/team/decrees': {
    allowed: PROGRAMME_MANAGERS,
    build: byUnit('/team/decrees', {
      number: 'Matrix',
      decreedOn: '2030-01-01',
      validFrom: '2030-01-01',
      selectionMethod: 'Matrix',
      leadEmployeeId: randomUUID(),
      areas: [1, 2, 3, 4, 5, 6].map((area) => ({
        area,
        coordinatorEmployeeId: randomUUID(),
        memberEmployeeIds: [],
      })),
      currentDecreeId: null,
    }),
  },
  'GET /api/units/:unitId/findings': { allowed: PROGRAMME_READERS, build: byUnit('/findings') },
  'GET /api/units/:unitId/findings/follow-up': {
    allowed: PROGRAMME_READERS,
    build: byUnit('/findings/follow-up'),
  },
  'POST /api/units/:unitId/findings': {
    allowed: PROGRAMME_MANAGERS,
    build: byUnit('/findings', {
      source: 'bpk',
      reference: 'Matrix',
      finding: 'Matrix',
      recommendation: 'Matrix',
      dueDate: '2030-12-31',
    }),
  },
  'PATCH /api/findings/:id': {
    allowed: PROGRAMME_MANAGERS,
    build: byFinding('', { version: 1, reference: 'Edit' }),
  },
  'DELETE /api/findings/:id': {
    allowed: PROGRAMME_MANAGERS,
    build: async (ctx, target) => {
      const id = await seedFinding(ctx, target);
      return { url: `/api/findings/${id}?version=1`, params: { id }, query: { version: '1' } };
    },
  },
  'POST /api/findings/:id/follow-up': {
    allowed: PROGRAMME_MANAGERS,
    build: byFinding('/follow-up', { version: 1, followUp: 'Matrix' }),
  },
  'POST /api/findings/:id/close': {
    allowed: PROGRAMME_MANAGERS,
    build: byFinding('/close', { version: 1 }, 'Sudah ditindaklanjuti'),
  },
  'GET /api/units/:unitId/change-agents': { allowed: PROGRAMME_READERS, build: byUnit('/change-agents') },
  'GET /api/units/:unitId/change-agents/counts': {
    allowed: PROGRAMME_READERS,
    build: async (ctx, target) => ({
      ...(await byUnit('/change-agents/counts?from=2030-01-01&to=2030-12-31')(ctx, target)),
      query: { from: '2030-01-01', to: '2030-12-31' },
    }),
  },
  'POST /api/units/:unitId/change-agents': {
    allowed: PROGRAMME_MANAGERS,
    build: async (ctx, target) =>
      byUnit('/change-agents', {
        employeeId: await seedEmployee(ctx, target),
        designatedOn: '2030-01-01',
        decreeRef: 'Matrix',
      })(ctx, target),
  },
  'PATCH /api/change-agents/:id': {
    allowed: PROGRAMME_MANAGERS,
    build: async (ctx, target) => {
      const id = await seedAgent(ctx, target);
      return { url: `/api/change-agents/${id}`, params: { id }, body: { version: 1, decreeRef: 'Edit' } };
    },
  },
  'POST /api/change-agents/:id/changes': {
    allowed: PROGRAMME_MANAGERS,
    build: async (ctx, target) => {
      const id = await seedAgent(ctx, target);
      return {
        url: `/api/change-agents/${id}/changes`,
        params: { id },
        body: { title: 'Matrix', madeOn: '2030-02-01' },
      };
    },
  },
  'DELETE /api/change-agents/:id/changes/:changeId': {
    allowed: PROGRAMME_MANAGERS,
    build: async (ctx, target) => {
      const id = await seedAgent(ctx, target);
      const changeId = randomUUID();
      await ctx.t.db.insert(changeAgentChanges).values({
        id: changeId,
        agentId: id,
        unitId: unitOf(ctx, target).id,
        title: 'Matrix',
        madeOn: '2030-02-01',
      });
      return { url: `/api/change-agents/${id}/changes/${changeId}`, params: { id, changeId } };
    },
  },
  // Writing R1.i.a.1 … R1.i.b.2 is answering area-1 items: the lead, and the area-1 coordinator and member.
  'POST /api/assessments/:id/change-agent-inputs': {
    allowed: ['system_admin', 'zi_team_lead', 'area_coordinator', 'team_member'],
    build: async (ctx, target) => {
      const id = await seedDraft(ctx, target);
      return { url: `/api/assessments/${id}/change-agent-inputs`, params: { id }, body: {} };
    },
  },
  'GET /api/assessments/:id/answer-feeds': {
    allowed: ['system_admin', 'agency_admin', 'zi_team_lead', 'area_coordinator', 'team_member', 'leader'],
    build: async (ctx, target) => {
      const id = await seedDraft(ctx, target);
      return { url: `/api/assessments/${id}/answer-feeds`, params: { id } };
    },
  },
};
