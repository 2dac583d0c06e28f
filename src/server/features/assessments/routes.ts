import { reachOf } from '../../../core/org/can.ts';
import { IdParams } from '../../../contracts/common.ts';
import {
  Assessment,
  AssessmentList,
  AssessmentListQuery,
  CreateAssessmentBody,
  Worksheet,
} from '../../../contracts/assessments.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf, authOf } from '../../http/request-actor.ts';
import { answerRoutes } from './answer-routes.ts';
import { createAssessment } from './create-assessment.ts';
import { presentAssessment } from './present-assessment.ts';
import { readWorksheet } from './read-worksheet.ts';
import { findUnitInfo, listAssessmentContexts } from './repo.ts';
import { assessmentSubjects } from './subjects.ts';
import { transitionRoutes } from './transition-routes.ts';
import { createWorksheetCache } from './worksheet-cache.ts';

const tags = ['assessments'];

export const assessmentRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const subjects = assessmentSubjects(deps);
  const worksheets = createWorksheetCache();
  return [
    defineRoute({
      method: 'GET',
      url: '/api/assessments',
      summary: 'The assessments the caller may read, optionally of one unit or period',
      tags,
      access: { kind: 'authenticated' },
      schema: { querystring: AssessmentListQuery, response: { 200: AssessmentList } },
      handler: async (req) => {
        const { actor } = authOf(req);
        const rows = await listAssessmentContexts(deps.db, reachOf(actor, 'assessment.read'), req.query);
        return { assessments: rows.map((ctx) => presentAssessment(ctx, actor)) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/assessments',
      summary: "Start a unit's self-assessment in a period, empty or carried from the previous period",
      tags,
      access: {
        kind: 'action',
        action: 'assessment.create',
        subject: async (req) => {
          const unit = await findUnitInfo(deps.db, req.body.unitId);
          if (!unit) throw notFound('Unit');
          return { kind: 'unit', unitPath: unit.path };
        },
      },
      schema: { body: CreateAssessmentBody, response: { 201: Assessment } },
      handler: async (req, reply) => {
        const ctx = await deps.db.transaction((tx) =>
          createAssessment(tx, { input: req.body, actor: auditActorOf(req), now: deps.now() }),
        );
        return reply.code(201).send(presentAssessment(ctx, authOf(req).actor));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/assessments/:id',
      summary: 'One assessment, with what the caller may do on it',
      tags,
      access: { kind: 'action', action: 'assessment.read', subject: (req) => subjects.unit(req.params) },
      schema: { params: IdParams, response: { 200: Assessment } },
      handler: async (req) => presentAssessment(await subjects.loadOnce(req.params), authOf(req).actor),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/assessments/:id/worksheet',
      summary: "The worksheet: the unit's answers, evidence links and comment counts per item",
      tags,
      access: { kind: 'action', action: 'assessment.read', subject: (req) => subjects.unit(req.params) },
      // The reply is written as text (read-worksheet); the schema documents it, the contract test holds it to it.
      schema: { params: IdParams, response: { 200: Worksheet } },
      handler: async (req, reply) => {
        const read = await readWorksheet(deps.db, worksheets, {
          context: await subjects.loadOnce(req.params),
          who: authOf(req).actor,
          ifNoneMatch: req.headers['if-none-match'],
        });
        // private: the reply depends on the caller; no-cache: the browser asks again each time, with the ETag.
        reply.header('etag', read.etag).header('cache-control', 'private, no-cache');
        if (read.kind === 'not-modified') return reply.code(304).send();
        return reply.type('application/json; charset=utf-8').send(read.json);
      },
    }),
    ...answerRoutes(deps, subjects),
    ...transitionRoutes(deps, subjects),
  ];
};
