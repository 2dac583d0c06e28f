import { IdParams } from '../../../contracts/common.ts';
import { Assessment, TransitionBody } from '../../../contracts/assessments.ts';
import type { Action } from '../../../core/org/can.ts';
import type { AppDeps } from '../../http/deps.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf, authOf } from '../../http/request-actor.ts';
import { approveAssessment } from './approve-assessment.ts';
import { presentAssessment } from './present-assessment.ts';
import { returnAssessment } from './return-assessment.ts';
import { submitAssessment } from './submit-assessment.ts';
import type { assessmentSubjects } from './subjects.ts';

const tags = ['assessments'];

const STEPS = [
  {
    verb: 'submit',
    action: 'assessment.submit',
    summary: 'Submit a complete draft for approval (refused with every gate problem at once)',
    run: submitAssessment,
  },
  {
    verb: 'approve',
    action: 'assessment.approve',
    summary: "The unit's own leader approves a submission; it is then locked",
    run: approveAssessment,
  },
  {
    verb: 'return',
    action: 'assessment.approve',
    summary: 'The leader returns a submission to the team as a draft, with a note',
    run: returnAssessment,
  },
] as const satisfies readonly { verb: string; action: Action; summary: string; run: unknown }[];

export const transitionRoutes = (
  deps: AppDeps,
  subjects: ReturnType<typeof assessmentSubjects>,
): AnyRouteSpec[] =>
  STEPS.map((step) =>
    defineRoute({
      method: 'POST',
      url: `/api/assessments/:id/${step.verb}`,
      summary: step.summary,
      tags,
      access: { kind: 'action', action: step.action, subject: (req) => subjects.unit(req.params) },
      schema: { params: IdParams, body: TransitionBody, response: { 200: Assessment } },
      handler: async (req) => {
        const who = authOf(req).actor;
        const ctx = await deps.db.transaction((tx) =>
          step.run(tx, {
            assessmentId: req.params.id,
            version: req.body.version,
            ...(req.body.note === undefined ? {} : { note: req.body.note }),
            who,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return presentAssessment(ctx, who);
      },
    }),
  );
