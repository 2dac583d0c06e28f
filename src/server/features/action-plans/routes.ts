import { z } from 'zod';
import {
  Activity,
  CreateActivityBody,
  CreatePlanBody,
  DeleteActivityQuery,
  Plan,
  RealisationParams,
  SaveRealisationBody,
  SavedRealisation,
  UnitPlans,
  UnitYearParams,
  UpdateActivityBody,
  UpdatePlanBody,
  YearQuery,
} from '../../../contracts/action-plans.ts';
import { IdParams } from '../../../contracts/common.ts';
import type { AppDeps } from '../../http/deps.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf, authOf } from '../../http/request-actor.ts';
import { commentRoutes } from './comment-routes.ts';
import { createActivity } from './create-activity.ts';
import { createPlan } from './create-plan.ts';
import { dashboardRoutes } from './dashboard-routes.ts';
import { deleteActivity } from './delete-activity.ts';
import { employeeRoutes } from './employee-routes.ts';
import { loadUnitPlans } from './load-unit-plans.ts';
import { reportRoutes } from './report-routes.ts';
import { saveRealisation } from './save-realisation.ts';
import { planSubjects } from './subjects.ts';
import { updateActivity } from './update-activity.ts';
import { updatePlan } from './update-plan.ts';

const tags = ['action-plans'];

/** Action plans per area (rencana aksi): plans, activities and quarterly realisation with evidence. */
export const actionPlanRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const subjects = planSubjects(deps.db);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/units/:unitId/action-plans',
      summary: "A unit's six area plans of a year, with activities, realisations and live status",
      tags,
      access: {
        kind: 'action',
        action: 'programme.read',
        subject: (req) => subjects.unit(req.params.unitId),
      },
      schema: { params: UnitYearParams, querystring: YearQuery, response: { 200: UnitPlans } },
      handler: async (req) =>
        loadUnitPlans(deps.db, {
          unitId: req.params.unitId,
          year: req.query.year,
          who: authOf(req).actor,
          now: deps.now(),
        }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/units/:unitId/action-plans',
      summary: "Start an area's plan of a year (its team or the lead); 409 PLAN_EXISTS",
      tags,
      access: {
        kind: 'action',
        action: 'plan.edit',
        subject: (req) => subjects.unitArea(req.params.unitId, req.body.area),
      },
      schema: { params: UnitYearParams, body: CreatePlanBody, response: { 201: Plan } },
      handler: async (req, reply) => {
        const plan = await deps.db.transaction((tx) =>
          createPlan(tx, {
            unitId: req.params.unitId,
            ...req.body,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return reply.code(201).send(plan);
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/action-plans/:id',
      summary: "Edit a plan's summary of priority targets (optimistic)",
      tags,
      access: { kind: 'action', action: 'plan.edit', subject: (req) => subjects.plan(req.params.id) },
      schema: { params: IdParams, body: UpdatePlanBody, response: { 200: Plan } },
      handler: async (req) =>
        deps.db.transaction((tx) =>
          updatePlan(tx, { planId: req.params.id, ...req.body, actor: auditActorOf(req), now: deps.now() }),
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/action-plans/:id/activities',
      summary:
        'Add an activity: output, target and unit of measure, quarters, person in charge, budget, LKE items',
      tags,
      access: { kind: 'action', action: 'plan.edit', subject: (req) => subjects.plan(req.params.id) },
      schema: { params: IdParams, body: CreateActivityBody, response: { 201: Activity } },
      handler: async (req, reply) => {
        const activity = await deps.db.transaction((tx) =>
          createActivity(tx, {
            planId: req.params.id,
            input: req.body,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return reply.code(201).send(activity);
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/plan-activities/:id',
      summary: 'Edit an activity (optimistic: 409 STALE_WRITE with the current value)',
      tags,
      access: { kind: 'action', action: 'plan.edit', subject: (req) => subjects.activity(req.params.id) },
      schema: { params: IdParams, body: UpdateActivityBody, response: { 200: Activity } },
      handler: async (req) =>
        deps.db.transaction((tx) =>
          updateActivity(tx, {
            activityId: req.params.id,
            input: req.body,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        ),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/plan-activities/:id',
      summary: 'Remove an activity never realised (?version=N)',
      tags,
      access: { kind: 'action', action: 'plan.edit', subject: (req) => subjects.activity(req.params.id) },
      schema: {
        params: IdParams,
        querystring: DeleteActivityQuery,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
      handler: async (req) => {
        await deps.db.transaction((tx) =>
          deleteActivity(tx, {
            activityId: req.params.id,
            version: req.query.version,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/plan-activities/:id/realisations/:quarter',
      summary:
        "Report a quarter's realisation with evidence; the evidence is attached to the activity's LKE items at once",
      tags,
      access: { kind: 'action', action: 'plan.edit', subject: (req) => subjects.activity(req.params.id) },
      schema: { params: RealisationParams, body: SaveRealisationBody, response: { 200: SavedRealisation } },
      handler: async (req) =>
        deps.db.transaction((tx) =>
          saveRealisation(tx, {
            activityId: req.params.id,
            quarter: req.params.quarter,
            input: req.body,
            who: authOf(req).actor,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        ),
    }),
    ...commentRoutes(deps),
    ...reportRoutes(deps),
    ...dashboardRoutes(deps),
    ...employeeRoutes(deps),
  ];
};
