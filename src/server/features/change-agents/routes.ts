import type { FastifyRequest } from 'fastify';
import {
  AgentChange,
  AgentIdParams,
  AnswerFeedList,
  ApplyChangeAgentsBody,
  ChangeAgent,
  ChangeAgentCounts,
  ChangeAgentList,
  ChangeAgentsApplied,
  ChangeParams,
  CreateChangeAgentBody,
  CreateChangeBody,
  UpdateChangeAgentBody,
  YearQuery,
} from '../../../contracts/change-agents.ts';
import { IdParams } from '../../../contracts/common.ts';
import { UnitIdParams } from '../../../contracts/team.ts';
import type { Subject } from '../../../core/org/can.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf } from '../../http/request-actor.ts';
import { assessmentSubjects } from '../assessments/subjects.ts';
import { unitSubject } from '../units/unit-ref.ts';
import { applyChangeAgents, countsOf, yearOf } from './apply-to-lke.ts';
import { addChange, designateAgent, removeChange, updateAgent } from './change-agents.ts';
import { loadAgents } from './present-agents.ts';
import { findAgent, listCurrentFeeds } from './repo.ts';

const tags = ['change-agents'];

export const changeAgentRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const agentUnit = async (req: FastifyRequest): Promise<Subject> => {
    const found = await findAgent(deps.db, (req.params as { id: string }).id);
    if (!found) throw notFound('Change agent');
    return { kind: 'unit', unitPath: found.unitPath };
  };
  const unitOf = (req: FastifyRequest) => unitSubject(deps.db, (req.params as { unitId: string }).unitId);
  const assessment = assessmentSubjects(deps);

  return [
    defineRoute({
      method: 'GET',
      url: '/api/units/:unitId/change-agents',
      summary: "The unit's change agents and the changes each made",
      tags,
      access: { kind: 'action', action: 'programme.read', subject: unitOf },
      schema: { params: UnitIdParams, response: { 200: ChangeAgentList } },
      handler: async (req) => ({ agents: await loadAgents(deps.db, req.params.unitId) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/units/:unitId/change-agents/counts',
      summary: 'The LKE counts R1.i.a.1/.2 and R1.i.b.1/.2 of the unit over a date range',
      tags,
      access: { kind: 'action', action: 'programme.read', subject: unitOf },
      schema: { params: UnitIdParams, querystring: YearQuery, response: { 200: ChangeAgentCounts } },
      handler: async (req) => {
        const year = yearOf(0, req.query.from, req.query.to);
        return { ...year, inputs: await countsOf(deps.db, req.params.unitId, year) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/units/:unitId/change-agents',
      summary: 'Designate an employee of the unit as a change agent',
      tags,
      access: { kind: 'action', action: 'programme.manage', subject: unitOf },
      schema: { params: UnitIdParams, body: CreateChangeAgentBody, response: { 201: ChangeAgent } },
      handler: async (req, reply) => {
        const agent = await deps.db.transaction((tx) =>
          designateAgent(tx, {
            unitId: req.params.unitId,
            input: req.body,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return reply.code(201).send(agent);
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/change-agents/:id',
      summary: 'Correct a designation or end it (optimistic: send the version you read)',
      tags,
      access: { kind: 'action', action: 'programme.manage', subject: agentUnit },
      schema: { params: AgentIdParams, body: UpdateChangeAgentBody, response: { 200: ChangeAgent } },
      handler: async (req) =>
        deps.db.transaction((tx) =>
          updateAgent(tx, {
            agentId: req.params.id,
            input: req.body,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/change-agents/:id/changes',
      summary: 'Record a change the agent made (title, date, description, evidence)',
      tags,
      access: { kind: 'action', action: 'programme.manage', subject: agentUnit },
      schema: { params: AgentIdParams, body: CreateChangeBody, response: { 201: AgentChange } },
      handler: async (req, reply) => {
        const change = await deps.db.transaction((tx) =>
          addChange(tx, {
            agentId: req.params.id,
            input: req.body,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return reply.code(201).send(change);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/change-agents/:id/changes/:changeId',
      summary: 'Remove a change recorded by mistake',
      tags,
      access: { kind: 'action', action: 'programme.manage', subject: agentUnit },
      schema: { params: ChangeParams },
      handler: async (req, reply) => {
        await deps.db.transaction((tx) =>
          removeChange(tx, {
            agentId: req.params.id,
            changeId: req.params.changeId,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/assessments/:id/change-agent-inputs',
      summary:
        "Apply the unit's change-agent counts to R1.i.a/R1.i.b of its draft assessment, with the source",
      tags,
      // Writing R1.i.a.1 … R1.i.b.2 is answering those (area 1) items: the same rule as the worksheet.
      access: {
        kind: 'action',
        action: 'assessment.answer',
        subject: (req) => assessment.item({ id: req.params.id, code: 'R1.i.a.1' }),
      },
      schema: { params: IdParams, body: ApplyChangeAgentsBody, response: { 200: ChangeAgentsApplied } },
      handler: async (req) =>
        deps.db.transaction((tx) =>
          applyChangeAgents(tx, {
            assessmentId: req.params.id,
            ...(req.body.from ? { from: req.body.from } : {}),
            ...(req.body.to ? { to: req.body.to } : {}),
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/assessments/:id/answer-feeds',
      summary: "Where the assessment's answers came from when programme data wrote them (still unchanged)",
      tags,
      access: { kind: 'action', action: 'assessment.read', subject: (req) => assessment.unit(req.params) },
      schema: { params: IdParams, response: { 200: AnswerFeedList } },
      handler: async (req) => ({
        feeds: (await listCurrentFeeds(deps.db, req.params.id)).map((f) => ({
          ...f,
          appliedAt: f.appliedAt.toISOString(),
        })),
      }),
    }),
  ];
};
