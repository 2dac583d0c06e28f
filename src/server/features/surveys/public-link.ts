import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';

/** The origin of public links: PULAU_PUBLIC_URL when set, else the request's own scheme and Host. */
export const publicOrigin = (config: Config, req: FastifyRequest): string =>
  config.survey.publicUrl ?? `${req.protocol}://${req.host}`;

/** The link a QR code at a service counter opens: the public form, the service pre-selected. */
export const surveyLink = (origin: string, campaignId: string, service?: string): string =>
  `${origin}/s/${encodeURIComponent(campaignId)}${service ? `?layanan=${encodeURIComponent(service)}` : ''}`;

/** The unit's public results page. */
export const resultsLink = (origin: string, unitCode: string): string =>
  `${origin}/hasil/${encodeURIComponent(unitCode)}`;
