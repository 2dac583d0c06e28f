import {
  ApprovedReport,
  Report,
  ReportList,
  ReportPdfParams,
  ReportVersionBody,
  ReturnReportBody,
  SubmitReportBody,
  UnitYearParams,
  YearQuery,
} from '../../../contracts/action-plans.ts';
import { IdParams } from '../../../contracts/common.ts';
import { can } from '../../../core/org/can.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf, authOf } from '../../http/request-actor.ts';
import { findFiled } from '../../documents/filed-documents-repo.ts';
import { readFiledPdf } from '../../documents/file-document.ts';
import { openBlobStore } from '../../storage/open-blob-store.ts';
import { decideReport } from './decide-report.ts';
import { fileReportEvidence, reportFilename } from './file-report-evidence.ts';
import { listReports } from './list-reports.ts';
import { noticeForwarded, noticeReturned, noticeSubmitted } from './report-notices.ts';
import { loadReportData } from './report-data.ts';
import { findReportOf } from './repo.ts';
import { findUnitRef } from '../units/unit-ref.ts';
import { reopenReport } from './reopen-report.ts';
import { submitReport } from './submit-report.ts';
import { publicOrigin } from '../surveys/public-link.ts';
import { planSubjects } from './subjects.ts';

const tags = ['action-plans'];

/**
 * The quarterly monitoring report: the team lead submits it, the unit's own leader approves (forwarding it to
 * the parent unit) or returns it with a note. Until approval its PDF is rendered from live data; from approval
 * on the route serves the filed copy byte for byte, and only the leader's audited reopening unfreezes it.
 */
export const reportRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const subjects = planSubjects(deps.db);
  const blobs = deps.blobs ?? openBlobStore(deps.config);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/units/:unitId/plan-reports',
      summary: "A unit's four quarterly monitoring reports of a year (draft where none was submitted)",
      tags,
      access: {
        kind: 'action',
        action: 'programme.read',
        subject: (req) => subjects.unit(req.params.unitId),
      },
      schema: { params: UnitYearParams, querystring: YearQuery, response: { 200: ReportList } },
      handler: async (req) => {
        const unit = await findUnitRef(deps.db, req.params.unitId);
        if (!unit) throw notFound('Unit');
        const who = authOf(req).actor;
        return {
          reports: await listReports(deps.db, unit.id, req.query.year),
          canSubmit: can(who, 'programme.manage', { kind: 'unit', unitPath: unit.path }),
          canApprove: can(who, 'plan.approve', { kind: 'unit', unitPath: unit.path }),
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/units/:unitId/plan-reports',
      summary: "Submit (or resubmit after a return) a quarter's monitoring report to the unit's leader",
      tags,
      access: {
        kind: 'action',
        action: 'programme.manage',
        subject: (req) => subjects.unit(req.params.unitId),
      },
      schema: { params: UnitYearParams, body: SubmitReportBody, response: { 200: Report } },
      handler: async (req) =>
        deps.db.transaction(async (tx) => {
          const report = await submitReport(tx, {
            unitId: req.params.unitId,
            ...req.body,
            actor: auditActorOf(req),
            now: deps.now(),
          });
          const unit = await findUnitRef(tx, req.params.unitId);
          const row = await findReportOf(tx, req.params.unitId, req.body.year, req.body.quarter);
          if (unit && row) await noticeSubmitted(tx, unit, row, deps.now());
          return report;
        }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/plan-reports/:id/approve',
      summary:
        "The unit's own leader approves a submitted report; it is forwarded to the parent unit, and its PDF is kept as evidence linked to P1.iii.b",
      tags,
      access: { kind: 'action', action: 'plan.approve', subject: (req) => subjects.report(req.params.id) },
      schema: { params: IdParams, body: ReportVersionBody, response: { 200: ApprovedReport } },
      handler: async (req) =>
        deps.db.transaction(async (tx) => {
          const now = deps.now();
          const actor = auditActorOf(req);
          const decided = await decideReport(tx, {
            reportId: req.params.id,
            version: req.body.version,
            decision: 'approve',
            actor,
            now,
          });
          await noticeForwarded(tx, decided.unit, decided.row, now);
          const filed = await fileReportEvidence(tx, {
            unit: decided.unit,
            row: decided.row,
            actor,
            blobs,
            origin: publicOrigin(deps.config, req),
            now,
          });
          return { ...decided.report, filed };
        }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/plan-reports/:id/return',
      summary: 'The unit’s own leader returns a submitted report with a note',
      tags,
      access: { kind: 'action', action: 'plan.approve', subject: (req) => subjects.report(req.params.id) },
      schema: { params: IdParams, body: ReturnReportBody, response: { 200: Report } },
      handler: async (req) =>
        deps.db.transaction(async (tx) => {
          const now = deps.now();
          const decided = await decideReport(tx, {
            reportId: req.params.id,
            version: req.body.version,
            decision: 'return',
            note: req.body.note,
            actor: auditActorOf(req),
            now,
          });
          await noticeReturned(tx, decided.unit, decided.row, now);
          return decided.report;
        }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/plan-reports/:id/reopen',
      summary:
        "The unit's own leader reopens an approved report with a reason: its quarter can be corrected again, the filed copy is superseded (audited)",
      tags,
      access: { kind: 'action', action: 'plan.approve', subject: (req) => subjects.report(req.params.id) },
      schema: { params: IdParams, body: ReturnReportBody, response: { 200: Report } },
      handler: async (req) =>
        deps.db.transaction((tx) =>
          reopenReport(tx, {
            reportId: req.params.id,
            version: req.body.version,
            reason: req.body.note,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/units/:unitId/plan-reports/:year/:quarter/report.pdf',
      summary:
        'The quarterly monitoring report as PDF: per area, target vs realisation, status, evidence, approval',
      tags,
      access: {
        kind: 'action',
        action: 'programme.read',
        subject: (req) => subjects.unit(req.params.unitId),
      },
      schema: { params: ReportPdfParams },
      handler: async (req, reply) => {
        const { unitId, year, quarter } = req.params;
        const row = await findReportOf(deps.db, unitId, year, quarter);
        const filed = row?.status === 'approved' ? await findFiled(deps.db, 'plan_report', row.id) : null;
        let pdf: Buffer;
        let filename: string;
        if (filed) {
          pdf = await readFiledPdf(blobs, filed);
          filename = filed.filename;
          void reply.header('x-content-sha256', filed.sha256);
        } else {
          const data = await loadReportData(deps.db, unitId, year, quarter);
          // Loaded on first use: the PDF engine stays out of the server's start-up.
          const { reportDocument } = await import('./report-pdf.ts');
          const { renderPdf } = await import('../../render/pdf.ts');
          pdf = await renderPdf(reportDocument(data, deps.now()));
          filename = reportFilename(data.unit.code, year, quarter);
        }
        return reply
          .type('application/pdf')
          .header('cache-control', 'private, no-cache')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .send(pdf);
      },
    }),
  ];
};
