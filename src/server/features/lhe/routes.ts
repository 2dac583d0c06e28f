import { IdParams } from '../../../contracts/common.ts';
import { LheQuery } from '../../../contracts/proposals.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { authOf } from '../../http/request-actor.ts';
import { contentDisposition } from '../evidence/content-disposition.ts';
import { findAssessmentWithUnit } from '../proposals/repo.ts';
import { openBlobStore } from '../../storage/open-blob-store.ts';
import { publicOrigin } from '../surveys/public-link.ts';
import { readLhe } from './read-lhe.ts';

export const lheRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const blobs = deps.blobs ?? openBlobStore(deps.config);
  return [
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
        const { pdf, filename, sha256 } = await deps.db.transaction((tx) =>
          readLhe(tx, {
            assessmentId: req.params.id,
            level: req.query.level,
            actor: authOf(req).actor,
            now: deps.now(),
            blobs,
            origin: publicOrigin(deps.config, req),
          }),
        );
        if (sha256) void reply.header('x-content-sha256', sha256);
        return reply
          .type('application/pdf')
          .header('cache-control', 'private, no-cache')
          .header('content-disposition', contentDisposition('attachment', filename))
          .send(pdf);
      },
    }),
  ];
};
