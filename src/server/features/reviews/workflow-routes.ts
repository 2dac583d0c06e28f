import { z } from 'zod';
import { Assessment } from '../../../contracts/assessments.ts';
import { Id } from '../../../contracts/common.ts';
import {
  AgencyParams,
  PredicateHistory,
  ReturnItemBody,
  ReviewActionParams,
  ReviewAnswerBody,
  ReviewItemList,
  ReviewItemParams,
  ReviewItemResult,
  ReviewItemsQuery,
  ReviewParams,
  ReviewQueue,
  ReviewSettings,
  ReviewSettingsBody,
  ReviewTransitionBody,
  ReviewView,
  UnitParams,
} from '../../../contracts/reviews.ts';
import type { Subject } from '../../../core/org/can.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf, authOf } from '../../http/request-actor.ts';
import { openBlobStore } from '../../storage/open-blob-store.ts';
import { presentAssessment } from '../assessments/present-assessment.ts';
import { assessmentSubjects } from '../assessments/subjects.ts';
import { DownloadQuery, sendVersion } from '../evidence/download-route.ts';
import { findUnit } from '../units/repo.ts';
import { answerReviewItem } from './answer-review-item.ts';
import { findLinkedVersion } from './evidence-repo.ts';
import { getReview } from './get-review.ts';
import { listReviewItems } from './list-review-items.ts';
import { loadReview } from './load-review.ts';
import { getPredicateHistory } from './predicate-history.ts';
import { recheckReviewItem, returnReviewItem } from './return-review-item.ts';
import { requireReviewReader } from './review-access.ts';
import { listReviewQueue } from './review-queue.ts';
import { getReviewSettings, putReviewSettings } from './review-settings.ts';
import { takeTransition } from './take-transition.ts';

const tags = ['reviews'];

const EvidenceParams = z.object({ id: Id, evidenceId: Id, versionId: Id });

/**
 * The evaluation workflow over HTTP. Route access is `review.read` on the assessment's unit; the core then
 * decides who takes which step (403 ROLE_NOT_ALLOWED with the reason) and the use cases narrow evaluators to
 * the units they review, when they may (403 FORBIDDEN with the reason).
 */
export const reviewWorkflowRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const subjects = assessmentSubjects(deps);
  const blobs = deps.blobs ?? openBlobStore(deps.config);
  const read = { kind: 'action' as const, action: 'review.read' as const, subject: subjects.unit };
  const unitSubject = async (unitId: string): Promise<Subject> => {
    const unit = await findUnit(deps.db, unitId);
    if (!unit) throw notFound('Unit');
    return { kind: 'unit', unitPath: unit.path };
  };
  const itemWrite = (
    req: { params: { id: string; code: string } },
    actor: ReturnType<typeof auditActorOf>,
  ) => ({
    assessmentId: req.params.id,
    code: req.params.code,
    actor,
    now: deps.now(),
  });

  return [
    defineRoute({
      method: 'GET',
      url: '/api/reviews',
      summary: "The evaluator's assessments: TPI on the units she is assigned to, TPN the proposed ones",
      tags,
      access: { kind: 'authenticated' },
      schema: { response: { 200: ReviewQueue } },
      handler: async (req) => listReviewQueue(deps.db, authOf(req).actor),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/assessments/:id/review',
      summary:
        "The review of an assessment: status, the caller's steps and what blocks them, scores per level",
      tags,
      access: { ...read, subject: (req) => subjects.unit(req.params) },
      schema: { params: ReviewParams, response: { 200: ReviewView } },
      handler: async (req) =>
        getReview(deps.db, {
          context: await subjects.loadOnce(req.params),
          who: authOf(req).actor,
          now: deps.now(),
        }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/assessments/:id/review/items',
      summary: "Per item: the unit's answer and evidence beside each level's answer and note; filters",
      tags,
      access: { ...read, subject: (req) => subjects.unit(req.params) },
      schema: { params: ReviewParams, querystring: ReviewItemsQuery, response: { 200: ReviewItemList } },
      handler: async (req) =>
        listReviewItems(deps.db, {
          context: await subjects.loadOnce(req.params),
          who: authOf(req).actor,
          now: deps.now(),
          filter: req.query,
        }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/assessments/:id/review/:action',
      summary: 'Take one step of the evaluation workflow (the core decides who, when, and what blocks it)',
      tags,
      access: { ...read, subject: (req) => subjects.unit(req.params) },
      schema: { params: ReviewActionParams, body: ReviewTransitionBody, response: { 200: Assessment } },
      handler: async (req) => {
        const who = authOf(req).actor;
        const ctx = await deps.db.transaction((tx) =>
          takeTransition(tx, {
            assessmentId: req.params.id,
            action: req.params.action,
            version: req.body.version,
            note: req.body.note,
            ...(req.body.decree ? { decree: req.body.decree } : {}),
            who,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return presentAssessment(ctx, who);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/assessments/:id/review/items/:code',
      summary: "A reviewer's answer and note at her current level (TPI stage, TPN desk or field)",
      tags,
      access: { ...read, subject: (req) => subjects.unit(req.params) },
      schema: { params: ReviewItemParams, body: ReviewAnswerBody, response: { 200: ReviewItemResult } },
      handler: async (req) =>
        deps.db.transaction((tx) =>
          answerReviewItem(tx, {
            ...itemWrite(req, auditActorOf(req)),
            input: req.body,
            who: authOf(req).actor,
          }),
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/assessments/:id/review/items/:code/return',
      summary: 'TPI returns one item to the unit for revision, with a note',
      tags,
      access: { ...read, subject: (req) => subjects.unit(req.params) },
      schema: { params: ReviewItemParams, body: ReturnItemBody, response: { 200: ReviewItemResult } },
      handler: async (req) =>
        deps.db.transaction((tx) =>
          returnReviewItem(tx, {
            ...itemWrite(req, auditActorOf(req)),
            note: req.body.note,
            who: authOf(req).actor,
          }),
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/assessments/:id/review/items/:code/recheck',
      summary: "TPI accepts the unit's revision of an item as it is",
      tags,
      access: { ...read, subject: (req) => subjects.unit(req.params) },
      schema: { params: ReviewItemParams, response: { 200: ReviewItemResult } },
      handler: async (req) =>
        deps.db.transaction((tx) =>
          recheckReviewItem(tx, { ...itemWrite(req, auditActorOf(req)), who: authOf(req).actor }),
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/assessments/:id/review/evidence/:evidenceId/versions/:versionId/download',
      summary:
        'Evidence linked to an item of the assessment, for those who read its review (evaluators included)',
      tags,
      access: { ...read, subject: (req) => subjects.unit(req.params) },
      schema: { params: EvidenceParams, querystring: DownloadQuery },
      handler: async (req, reply) => {
        const context = await subjects.loadOnce(req.params);
        requireReviewReader(
          await loadReview(deps.db, context, { now: deps.now(), forSteps: false }),
          authOf(req).actor,
        );
        const version = await findLinkedVersion(deps.db, req.params);
        if (!version) throw notFound('Evidence version');
        return sendVersion(blobs, req, reply, version, req.query.inline === '1');
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/agencies/:agencyId/review-settings',
      summary: "An agency's evaluation settings (the defaults, version 0, until changed)",
      tags,
      access: {
        kind: 'action',
        action: 'review.configure',
        subject: (req) => unitSubject(req.params.agencyId),
      },
      schema: { params: AgencyParams, response: { 200: ReviewSettings } },
      handler: async (req) => getReviewSettings(deps.db, req.params.agencyId),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/agencies/:agencyId/review-settings',
      summary: "Replace an agency's evaluation settings: preliminary review, TPI stages, deadline, offset",
      tags,
      access: {
        kind: 'action',
        action: 'review.configure',
        subject: (req) => unitSubject(req.params.agencyId),
      },
      schema: { params: AgencyParams, body: ReviewSettingsBody, response: { 200: ReviewSettings } },
      handler: async (req) =>
        deps.db.transaction((tx) =>
          putReviewSettings(tx, {
            agencyId: req.params.agencyId,
            input: req.body,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/units/:unitId/predicates',
      summary: "A unit's predicate history: decrees, revocations, the predicate held and the revocation ban",
      tags,
      access: { kind: 'action', action: 'unit.read', subject: (req) => unitSubject(req.params.unitId) },
      schema: { params: UnitParams, response: { 200: PredicateHistory } },
      handler: async (req) => getPredicateHistory(deps.db, req.params.unitId),
    }),
  ];
};
