import {
  DecreeCreated,
  CreateDecreeBody,
  TeamCandidates,
  TeamView,
  UnitIdParams,
} from '../../../contracts/team.ts';
import type { AppDeps } from '../../http/deps.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf, authOf } from '../../http/request-actor.ts';
import { createDecree } from './create-decree.ts';
import { loadTeam } from './present-team.ts';
import { listActiveEmployees } from './repo.ts';
import { unitSubject } from '../units/unit-ref.ts';

const tags = ['team'];

export const teamRoutes = (deps: AppDeps): AnyRouteSpec[] => [
  defineRoute({
    method: 'GET',
    url: '/api/units/:unitId/team',
    summary: "The unit's work team: the current decree with its six area teams, and the superseded decrees",
    tags,
    access: {
      kind: 'action',
      action: 'programme.read',
      subject: (req) => unitSubject(deps.db, req.params.unitId),
    },
    schema: { params: UnitIdParams, response: { 200: TeamView } },
    handler: async (req) => loadTeam(deps.db, req.params.unitId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/units/:unitId/team/candidates',
    summary: "The unit's active employees, to pick the team from",
    tags,
    // Personal data stays inside the unit: only who may edit the team sees the pool.
    access: {
      kind: 'action',
      action: 'programme.manage',
      subject: (req) => unitSubject(deps.db, req.params.unitId),
    },
    schema: { params: UnitIdParams, response: { 200: TeamCandidates } },
    handler: async (req) => ({
      employees: (await listActiveEmployees(deps.db, req.params.unitId)).map((e) => ({
        employeeId: e.id,
        name: e.name,
        position: e.position,
        hasAccount: e.userId !== null,
      })),
    }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/units/:unitId/team/decrees',
    summary: 'Record a decree (or an amendment) forming the work team; synchronises the role grants',
    tags,
    access: {
      kind: 'action',
      action: 'programme.manage',
      subject: (req) => unitSubject(deps.db, req.params.unitId),
    },
    schema: { params: UnitIdParams, body: CreateDecreeBody, response: { 201: DecreeCreated } },
    handler: async (req, reply) => {
      const created = await deps.db.transaction((tx) =>
        createDecree(tx, {
          unitId: req.params.unitId,
          input: req.body,
          who: authOf(req).actor,
          actor: auditActorOf(req),
          now: deps.now(),
        }),
      );
      return reply.code(201).send(created);
    },
  }),
];
