import { IdParams } from '../../../contracts/common.ts';
import {
  ApplyWorkbookBody,
  ApplyWorkbookResult,
  WorkbookPreview,
  WorkbookUploadBody,
} from '../../../contracts/lke-workbook.ts';
import type { AppDeps } from '../../http/deps.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf, authOf } from '../../http/request-actor.ts';
import { assessmentSubjects } from '../assessments/subjects.ts';
import { contentDisposition } from '../evidence/content-disposition.ts';
import { publicOrigin } from '../surveys/public-link.ts';
import { applyImport } from './apply-import.ts';
import { exportWorkbook } from './export-workbook.ts';
import { previewImport } from './preview-import.ts';

const tags = ['lke-workbook'];

/** The LKE as an Excel workbook: import a filled one (preview, then apply). */
export const lkeWorkbookRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const subjects = assessmentSubjects(deps);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/assessments/:id/lke-workbook/export',
      summary:
        "The unit's LKE as .xlsx: answers, explanations, evidence with links, live formulas with cached values",
      tags,
      access: { kind: 'action', action: 'assessment.read', subject: (req) => subjects.unit(req.params) },
      schema: { params: IdParams },
      handler: async (req, reply) => {
        const { bytes, filename } = await exportWorkbook(deps.db, {
          assessmentId: req.params.id,
          origin: publicOrigin(deps.config, req),
          now: deps.now(),
        });
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('cache-control', 'private, no-cache')
          .header('content-disposition', contentDisposition('attachment', filename))
          .send(bytes);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/assessments/:id/lke-workbook/preview',
      summary: 'What importing a filled LKE workbook (.xlsx, base64) would change; changes nothing',
      tags,
      access: { kind: 'action', action: 'assessment.answer', subject: (req) => subjects.unit(req.params) },
      schema: { params: IdParams, body: WorkbookUploadBody, response: { 200: WorkbookPreview } },
      handler: async (req) =>
        previewImport(deps.db, {
          assessmentId: req.params.id,
          bytes: Buffer.from(req.body.content, 'base64'),
        }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/assessments/:id/lke-workbook/apply',
      summary: "Apply a previewed import's changes, all or nothing (409 if any answer changed since)",
      tags,
      access: { kind: 'action', action: 'assessment.answer', subject: (req) => subjects.unit(req.params) },
      schema: { params: IdParams, body: ApplyWorkbookBody, response: { 200: ApplyWorkbookResult } },
      handler: async (req) =>
        deps.db.transaction((tx) =>
          applyImport(tx, {
            assessmentId: req.params.id,
            changes: req.body.changes,
            actor: authOf(req).actor,
            audit: auditActorOf(req),
            now: deps.now(),
          }),
        ),
    }),
  ];
};
