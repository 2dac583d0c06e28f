import type { FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { Id, IdParams } from '../../../contracts/common.ts';
import type { Subject } from '../../../core/org/can.ts';
import type { AppDeps } from '../../http/deps.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { servicesOf } from './present-campaign.ts';
import { publicOrigin, resultsLink, surveyLink } from './public-link.ts';
import { findCampaign, findUnit } from './repo.ts';

const tags = ['surveys'];
const QrQuery = z.object({ service: z.string().trim().min(1).max(40).optional() });
const UnitQuery = z.object({ unitId: Id });

/**
 * A QR code per service counter, encoding the public form's link with the service pre-selected; staff only
 * (survey.read on the campaign's unit), like the campaign's other reads.
 */
export const surveyQrRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const loadCampaign = async (id: string) => {
    const found = await findCampaign(deps.db, id);
    if (!found) throw notFound('Campaign');
    return found;
  };
  const campaignUnit = async (req: FastifyRequest): Promise<Subject> => ({
    kind: 'unit',
    unitPath: (await loadCampaign((req.params as { id: string }).id)).unitPath,
  });
  const linkFor = async (req: FastifyRequest, id: string, service: string | undefined) => {
    const { campaign } = await loadCampaign(id);
    if (service !== undefined && !servicesOf(campaign).some((s) => s.code === service))
      throw badRequest('SERVICE_UNKNOWN', 'This campaign does not offer that service.');
    return surveyLink(publicOrigin(deps.config, req), campaign.id, service);
  };
  const filename = (id: string, service: string | undefined, ext: string) =>
    `qr-survei-${id}${service ? `-${service}` : ''}.${ext}`;

  return [
    defineRoute({
      method: 'GET',
      url: '/api/surveys/results-qr.svg',
      summary: "QR code (SVG) of a unit's public survey results page (?unitId=)",
      tags,
      access: {
        kind: 'action',
        action: 'survey.read',
        subject: async (req) => {
          const unit = await findUnit(deps.db, req.query.unitId);
          if (!unit) throw notFound('Unit');
          return { kind: 'unit', unitPath: unit.path };
        },
      },
      schema: { querystring: UnitQuery },
      handler: async (req, reply) => {
        const unit = await findUnit(deps.db, req.query.unitId);
        if (!unit) throw notFound('Unit');
        const svg = await QRCode.toString(resultsLink(publicOrigin(deps.config, req), unit.code), {
          type: 'svg',
        });
        return reply
          .type('image/svg+xml; charset=utf-8')
          .header('cache-control', 'private, no-cache')
          .header('content-disposition', `inline; filename="qr-hasil-survei-${unit.code}.svg"`)
          .send(svg);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/surveys/campaigns/:id/qr.svg',
      summary: "QR code (SVG) of the public form's link for a service counter (?service=CODE)",
      tags,
      access: { kind: 'action', action: 'survey.read', subject: campaignUnit },
      schema: { params: IdParams, querystring: QrQuery },
      handler: async (req, reply) => {
        const link = await linkFor(req, req.params.id, req.query.service);
        const svg = await QRCode.toString(link, { type: 'svg' });
        return reply
          .type('image/svg+xml; charset=utf-8')
          .header('cache-control', 'private, no-cache')
          .header(
            'content-disposition',
            `inline; filename="${filename(req.params.id, req.query.service, 'svg')}"`,
          )
          .send(svg);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/surveys/campaigns/:id/qr.png',
      summary: "QR code (PNG, 1024 px) of the public form's link for a service counter (?service=CODE)",
      tags,
      access: { kind: 'action', action: 'survey.read', subject: campaignUnit },
      schema: { params: IdParams, querystring: QrQuery },
      handler: async (req, reply) => {
        const link = await linkFor(req, req.params.id, req.query.service);
        const png = await QRCode.toBuffer(link, { type: 'png', width: 1024, margin: 4 });
        return reply
          .type('image/png')
          .header('cache-control', 'private, no-cache')
          .header(
            'content-disposition',
            `inline; filename="${filename(req.params.id, req.query.service, 'png')}"`,
          )
          .send(png);
      },
    }),
  ];
};
