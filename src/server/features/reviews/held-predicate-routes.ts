import {
  HeldPredicate,
  HeldPredicateList,
  HeldPredicateParams,
  RecordHeldPredicateBody,
  VerifyHeldPredicateBody,
} from '../../../contracts/held-predicates.ts';
import { UnitParams } from '../../../contracts/reviews.ts';
import type { AppDeps } from '../../http/deps.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf } from '../../http/request-actor.ts';
import { requireUnitRef, unitOfParams } from '../units/unit-ref.ts';
import { listHeldPredicates, presentHeldPredicate } from './held-predicates-repo.ts';
import { recordHeldPredicate } from './record-held-predicate.ts';
import { verifyHeldPredicate } from './verify-held-predicate.ts';

const tags = ['reviews'];

/** Predicates won before Pulau: recorded by the unit's lead or the agency, verified by the agency or TPN. */
export const heldPredicateRoutes = (deps: AppDeps): AnyRouteSpec[] => [
  defineRoute({
    method: 'GET',
    url: '/api/units/:unitId/held-predicates',
    summary: 'Predicates the unit won before Pulau, recorded with their decree, and their verification',
    tags,
    access: { kind: 'action', action: 'unit.read', subject: unitOfParams(deps.db) },
    schema: { params: UnitParams, response: { 200: HeldPredicateList } },
    handler: async (req) => ({
      heldPredicates: (await listHeldPredicates(deps.db, req.params.unitId)).map(presentHeldPredicate),
    }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/units/:unitId/held-predicates',
    summary: 'Record a predicate won before Pulau: decree number and date, issuer, the decree PDF (evidence)',
    tags,
    access: { kind: 'action', action: 'proposal.prepare', subject: unitOfParams(deps.db) },
    schema: { params: UnitParams, body: RecordHeldPredicateBody, response: { 201: HeldPredicate } },
    handler: async (req, reply) => {
      const unit = await requireUnitRef(deps.db, req.params.unitId);
      const view = await deps.db.transaction((tx) =>
        recordHeldPredicate(tx, { unit, input: req.body, actor: auditActorOf(req), now: deps.now() }),
      );
      return reply.code(201).send(view);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/units/:unitId/held-predicates/:id/verify',
    summary: 'Verify (or reject, with a note) a recorded decree; a verified one joins the predicate history',
    tags,
    access: { kind: 'action', action: 'predicate.verify', subject: unitOfParams(deps.db) },
    schema: { params: HeldPredicateParams, body: VerifyHeldPredicateBody, response: { 200: HeldPredicate } },
    handler: async (req) => {
      const unit = await requireUnitRef(deps.db, req.params.unitId);
      return deps.db.transaction((tx) =>
        verifyHeldPredicate(tx, {
          unit,
          id: req.params.id,
          input: req.body,
          actor: auditActorOf(req),
          now: deps.now(),
        }),
      );
    },
  }),
];
