import type { Subject } from '../../../core/org/can.ts';
import {
  AssignEvaluatorBody,
  AssignmentParams,
  EvaluatorAssignment,
  EvaluatorAssignmentList,
  UnitParams,
} from '../../../contracts/reviews.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf } from '../../http/request-actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { findUnit } from '../units/repo.ts';
import { assignEvaluator } from './assign-evaluator.ts';
import { positionsOf } from './positions.ts';
import { deleteAssignment, findAssignment, listAssignments, type AssignmentRow } from './repo.ts';
import { heldPredicateRoutes } from './held-predicate-routes.ts';
import { reviewWorkflowRoutes } from './workflow-routes.ts';

const tags = ['reviews'];

const present = (row: AssignmentRow): EvaluatorAssignment => ({
  ...row,
  level: row.level === 'tpn' ? 'tpn' : 'tpi',
  positions: positionsOf(row.positions),
  createdAt: row.createdAt.toISOString(),
});

export const reviewRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const unitSubject = async (unitId: string): Promise<Subject> => {
    const unit = await findUnit(deps.db, unitId);
    if (!unit) throw notFound('Unit');
    return { kind: 'unit', unitPath: unit.path };
  };
  /** TPN evaluators are national: only the system assigns them. */
  const assignSubject = async (unitId: string, level: 'tpi' | 'tpn'): Promise<Subject> =>
    level === 'tpn' ? { kind: 'system' } : unitSubject(unitId);

  return [
    defineRoute({
      method: 'GET',
      url: '/api/units/:unitId/evaluators',
      summary: 'The evaluators assigned to review a unit',
      tags,
      access: { kind: 'action', action: 'review.assign', subject: (req) => unitSubject(req.params.unitId) },
      schema: { params: UnitParams, response: { 200: EvaluatorAssignmentList } },
      handler: async (req) => ({
        assignments: (await listAssignments(deps.db, req.params.unitId)).map(present),
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/units/:unitId/evaluators',
      summary: 'Assign an evaluator to a unit (refused with the reason on a conflict of interest)',
      tags,
      access: {
        kind: 'action',
        action: 'review.assign',
        subject: (req) => assignSubject(req.params.unitId, req.body.level),
      },
      schema: { params: UnitParams, body: AssignEvaluatorBody, response: { 201: EvaluatorAssignment } },
      handler: async (req, reply) => {
        const id = await deps.db.transaction((tx) =>
          assignEvaluator(tx, {
            unitId: req.params.unitId,
            userId: req.body.userId,
            level: req.body.level,
            positions: req.body.positions,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        const row = await findAssignment(deps.db, id);
        if (!row) throw notFound('Assignment');
        return reply.code(201).send(present(row));
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/units/:unitId/evaluators/:assignmentId',
      summary: 'End an evaluator assignment',
      tags,
      access: {
        kind: 'action',
        action: 'review.assign',
        subject: async (req) => {
          const row = await findAssignment(deps.db, req.params.assignmentId);
          if (!row || row.unitId !== req.params.unitId) throw notFound('Assignment');
          return assignSubject(row.unitId, row.level === 'tpn' ? 'tpn' : 'tpi');
        },
      },
      schema: { params: AssignmentParams },
      handler: async (req, reply) => {
        const unit = await findUnit(deps.db, req.params.unitId);
        if (!unit) throw notFound('Unit');
        await deps.db.transaction(async (tx) => {
          await deleteAssignment(tx, req.params.assignmentId);
          await writeAudit(tx, {
            actor: auditActorOf(req),
            action: 'review.evaluator_unassigned',
            subjectType: 'review_assignment',
            subjectId: req.params.assignmentId,
            unit: { id: unit.id, path: unit.path },
            now: deps.now(),
          });
        });
        return reply.code(204).send();
      },
    }),
    ...reviewWorkflowRoutes(deps),
    ...heldPredicateRoutes(deps),
  ];
};
