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
import { applyImport } from './apply-import.ts';
import { previewImport } from './preview-import.ts';

const tags = ['lke-workbook'];

/** The LKE as an Excel workbook: import a filled one (preview, then apply). */
export const lkeWorkbookRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const subjects = assessmentSubjects(deps);
  return [
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
