import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.ts';
import type { Subject } from '../../../core/org/can.ts';
import type { AppDeps } from '../../http/deps.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { renderPdf } from '../../render/pdf.ts';
import { exportResponsesXlsx } from './export-responses-xlsx.ts';
import { posterDocument } from './poster-pdf.ts';
import { servicesOf } from './present-campaign.ts';
import { publicOrigin, surveyLink } from './public-link.ts';
import { findUnitIdentity, loadReportData } from './report-data.ts';
import { reportDocument } from './report-pdf.ts';
import { findCampaign } from './repo.ts';

const tags = ['surveys'];
const PosterQuery = z.object({ service: z.string().trim().min(1).max(40) });

/** An ASCII file name for Content-Disposition (codes are lower_snake_case, ids are UUIDs). */
const attachment = (name: string) => `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`;

/**
 * Exports and print-outs of a campaign, staff only (survey.read on the campaign's unit): the responses as
 * XLSX, the SKM report as PDF, and an A4 poster per service counter. Rendering happens outside any
 * transaction: the data is read first, then the document is built.
 */
export const surveyReportRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const loadCampaign = async (id: string) => {
    const found = await findCampaign(deps.db, id);
    if (!found) throw notFound('Campaign');
    return found;
  };
  const campaignUnit = async (req: FastifyRequest): Promise<Subject> => ({
    kind: 'unit',
    unitPath: (await loadCampaign((req.params as { id: string }).id)).unitPath,
  });

  return [
    defineRoute({
      method: 'GET',
      url: '/api/surveys/campaigns/:id/responses.xlsx',
      summary: 'Every response as XLSX (codes and labels), the computed indices and a code dictionary',
      tags,
      access: { kind: 'action', action: 'survey.read', subject: campaignUnit },
      schema: { params: IdParams },
      handler: async (req, reply) => {
        const { campaign } = await loadCampaign(req.params.id);
        const data = await loadReportData(deps.db, campaign);
        const xlsx = await exportResponsesXlsx(deps.db, data);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('cache-control', 'private, no-cache')
          .header('content-disposition', attachment(`survei-${campaign.kind}-${campaign.id}.xlsx`))
          .send(xlsx);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/surveys/campaigns/:id/report.pdf',
      summary: 'The survey report as PDF (PermenPANRB 14/2017 layout; IPAK/IPKP on their own scale)',
      tags,
      access: { kind: 'action', action: 'survey.read', subject: campaignUnit },
      schema: { params: IdParams },
      handler: async (req, reply) => {
        const { campaign } = await loadCampaign(req.params.id);
        const data = await loadReportData(deps.db, campaign);
        const pdf = await renderPdf(reportDocument(data, deps.now()));
        return reply
          .type('application/pdf')
          .header('cache-control', 'private, no-cache')
          .header('content-disposition', attachment(`laporan-${campaign.kind}-${campaign.id}.pdf`))
          .send(pdf);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/surveys/campaigns/:id/poster.pdf',
      summary: 'A printable A4 poster with the QR code of a service counter (?service=CODE)',
      tags,
      access: { kind: 'action', action: 'survey.read', subject: campaignUnit },
      schema: { params: IdParams, querystring: PosterQuery },
      handler: async (req, reply) => {
        const { campaign } = await loadCampaign(req.params.id);
        const service = servicesOf(campaign).find((s) => s.code === req.query.service);
        if (!service) throw badRequest('SERVICE_UNKNOWN', 'This campaign does not offer that service.');
        const unit = await findUnitIdentity(deps.db, campaign.unitId);
        const doc = await posterDocument({
          unitName: unit?.name ?? '',
          serviceName: service.name,
          kind: campaign.kind as 'skm' | 'ipak' | 'ipkp',
          periodLabel: campaign.periodLabel,
          link: surveyLink(publicOrigin(deps.config, req), campaign.id, service.code),
        });
        const pdf = await renderPdf(doc);
        return reply
          .type('application/pdf')
          .header('cache-control', 'private, no-cache')
          .header('content-disposition', attachment(`poster-survei-${campaign.id}-${service.code}.pdf`))
          .send(pdf);
      },
    }),
  ];
};
