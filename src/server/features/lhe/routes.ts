import { IdParams } from '../../../contracts/common.ts';
import { LheQuery } from '../../../contracts/proposals.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { authOf } from '../../http/request-actor.ts';
import { contentDisposition } from '../evidence/content-disposition.ts';
import { findAssessmentWithUnit } from '../proposals/repo.ts';
import { readLhe } from './read-lhe.ts';

export const lheRoutes = (deps: AppDeps): AnyRouteSpec[] => [
  defineRoute({
    method: 'GET',
    url: '/api/assessments/:id/lhe.pdf',
    summary:
      'The evaluation report (LHE) of one level (?level=unit|preliminary|tpi:<stage>|tpn_desk|tpn_field) as PDF',
    tags: ['reviews'],
    access: {
      kind: 'action',
      action: 'review.read',
      subject: async (req) => {
        const a = await findAssessmentWithUnit(deps.db, req.params.id);
        if (!a) throw notFound('Assessment');
        return { kind: 'unit', unitPath: a.unitPath };
      },
    },
    schema: { params: IdParams, querystring: LheQuery },
    handler: async (req, reply) => {
      const { pdf, filename } = await readLhe(deps.db, {
        assessmentId: req.params.id,
        level: req.query.level,
        actor: authOf(req).actor,
        now: deps.now(),
      });
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-cache')
        .header('content-disposition', contentDisposition('attachment', filename))
        .send(pdf);
    },
  }),
];
