import type { FastifyRequest } from 'fastify';
import { IdParams } from '../../../contracts/common.ts';
import {
  CreateFindingBody,
  Finding,
  FindingList,
  FindingVersionBody,
  FindingVersionQuery,
  FollowUpBody,
  FollowUpShare,
  UpdateFindingBody,
} from '../../../contracts/findings.ts';
import { UnitIdParams } from '../../../contracts/team.ts';
import type { Subject } from '../../../core/org/can.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf } from '../../http/request-actor.ts';
import { unitSubject } from '../units/unit-ref.ts';
import {
  closeFinding,
  createFinding,
  deleteFinding,
  recordFollowUp,
  updateFinding,
} from './change-finding.ts';
import { followUpShareOf, shareOfRows } from './follow-up-share.ts';
import { presentFinding } from './present-finding.ts';
import { findFinding, listFindings } from './repo.ts';

const tags = ['findings'];

export const findingRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const findingUnit = async (req: FastifyRequest): Promise<Subject> => {
    const found = await findFinding(deps.db, (req.params as { id: string }).id);
    if (!found) throw notFound('Finding');
    return { kind: 'unit', unitPath: found.unitPath };
  };
  const unitOf = (req: FastifyRequest) => unitSubject(deps.db, (req.params as { unitId: string }).unitId);

  return [
    defineRoute({
      method: 'GET',
      url: '/api/units/:unitId/findings',
      summary: "The unit's audit findings register (overdue flagged) and its live follow-up share",
      tags,
      access: { kind: 'action', action: 'programme.read', subject: unitOf },
      schema: { params: UnitIdParams, response: { 200: FindingList } },
      handler: async (req) => {
        const now = deps.now();
        const rows = await listFindings(deps.db, req.params.unitId);
        return { findings: rows.map((r) => presentFinding(r, now)), share: shareOfRows(rows, now) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/units/:unitId/findings/follow-up',
      summary: "The unit's follow-up share of audit findings (0 findings = 100 %), computed live",
      tags,
      access: { kind: 'action', action: 'programme.read', subject: unitOf },
      schema: { params: UnitIdParams, response: { 200: FollowUpShare } },
      handler: async (req) => followUpShareOf(deps.db, req.params.unitId, deps.now()),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/units/:unitId/findings',
      summary: 'Register an audit finding of the inspectorate, BPK or another auditor',
      tags,
      access: { kind: 'action', action: 'programme.manage', subject: unitOf },
      schema: { params: UnitIdParams, body: CreateFindingBody, response: { 201: Finding } },
      handler: async (req, reply) => {
        const finding = await deps.db.transaction((tx) =>
          createFinding(tx, {
            unitId: req.params.unitId,
            input: req.body,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return reply.code(201).send(finding);
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/findings/:id',
      summary: 'Correct a finding (optimistic: send the version you read)',
      tags,
      access: { kind: 'action', action: 'programme.manage', subject: findingUnit },
      schema: { params: IdParams, body: UpdateFindingBody, response: { 200: Finding } },
      handler: async (req) =>
        deps.db.transaction((tx) =>
          updateFinding(tx, {
            findingId: req.params.id,
            input: req.body,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        ),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/findings/:id',
      summary: 'Remove a finding entered by mistake (not a closed one)',
      tags,
      access: { kind: 'action', action: 'programme.manage', subject: findingUnit },
      schema: { params: IdParams, querystring: FindingVersionQuery },
      handler: async (req, reply) => {
        await deps.db.transaction((tx) =>
          deleteFinding(tx, {
            findingId: req.params.id,
            version: req.query.version,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/findings/:id/follow-up',
      summary: 'Record the follow-up of a finding (text and evidence); it is then in progress',
      tags,
      access: { kind: 'action', action: 'programme.manage', subject: findingUnit },
      schema: { params: IdParams, body: FollowUpBody, response: { 200: Finding } },
      handler: async (req) =>
        deps.db.transaction((tx) =>
          recordFollowUp(tx, {
            findingId: req.params.id,
            input: req.body,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/findings/:id/close',
      summary: 'Close a finding as followed up (needs a recorded follow-up)',
      tags,
      access: { kind: 'action', action: 'programme.manage', subject: findingUnit },
      schema: { params: IdParams, body: FindingVersionBody, response: { 200: Finding } },
      handler: async (req) =>
        deps.db.transaction((tx) =>
          closeFinding(tx, {
            findingId: req.params.id,
            version: req.body.version,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        ),
    }),
  ];
};
