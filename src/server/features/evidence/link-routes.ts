import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Id } from '../../../contracts/common.ts';
import { Evidence, LinkEvidenceBody } from '../../../contracts/evidence.ts';
import type { Subject } from '../../../core/org/can.ts';
import type { AppDeps } from '../../http/deps.ts';
import { HttpError, notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf, authOf } from '../../http/request-actor.ts';
import { areaOfCode } from './item-link-rules.ts';
import { linkEvidence } from './link-evidence.ts';
import { findAssessmentRef } from './repo.ts';
import { unlinkEvidence } from './unlink-evidence.ts';

const tags = ['evidence'];
const ItemParams = z.object({ id: Id, code: z.string().min(1).max(40) });
const ItemEvidenceParams = ItemParams.extend({ evidenceId: Id });

/** Attaching evidence to an item is answering it: the same permission, area by area. */
export const linkRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const itemSubject = async (req: FastifyRequest): Promise<Subject> => {
    const { id, code } = req.params as { id: string; code: string };
    const assessment = await findAssessmentRef(deps.db, id);
    if (!assessment) throw notFound('Assessment');
    const area = areaOfCode(code);
    if (area === undefined) throw new HttpError(400, 'ITEM_UNKNOWN', `${code} is not an LKE item code.`);
    return { kind: 'item', unitPath: assessment.unitPath, area };
  };

  return [
    defineRoute({
      method: 'POST',
      url: '/api/assessments/:id/items/:code/evidence',
      summary: "Attach a piece of the unit's evidence to an item of a draft assessment",
      tags,
      access: { kind: 'action', action: 'assessment.answer', subject: itemSubject },
      schema: { params: ItemParams, body: LinkEvidenceBody, response: { 200: Evidence } },
      handler: async (req) =>
        deps.db.transaction((tx) =>
          linkEvidence(tx, {
            assessmentId: req.params.id,
            code: req.params.code,
            evidenceId: req.body.evidenceId,
            checklistIndex: req.body.checklistIndex,
            who: authOf(req).actor,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        ),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/assessments/:id/items/:code/evidence/:evidenceId',
      summary: 'Detach evidence from one item (it stays in the library and on its other items)',
      tags,
      access: { kind: 'action', action: 'assessment.answer', subject: itemSubject },
      schema: { params: ItemEvidenceParams, response: { 200: Evidence } },
      handler: async (req) =>
        deps.db.transaction((tx) =>
          unlinkEvidence(tx, {
            assessmentId: req.params.id,
            code: req.params.code,
            evidenceId: req.params.evidenceId,
            who: authOf(req).actor,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        ),
    }),
  ];
};
