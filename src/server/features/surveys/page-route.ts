import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../http/deps.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';

/**
 * The survey page has no inline styles or scripts, so its policy is stricter than the admin app's (which
 * needs 'unsafe-inline' styles for Mantine).
 */
export const SURVEY_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * GET /s/:campaignId: the public form's own small page (dist/web/survey.html), never the admin application.
 * The page reads the campaign from the public API itself, so an unknown id still gets the page (it says so).
 */
export const surveyPageRoutes = (deps: AppDeps): AnyRouteSpec[] => [
  defineRoute({
    method: 'GET',
    url: '/s/:campaignId',
    summary: 'The public survey form (HTML page; the QR codes at the counters open it)',
    tags: ['surveys (public)'],
    access: { kind: 'public' },
    schema: { params: z.object({ campaignId: z.string().max(100) }), hide: true },
    handler: async (_req, reply) => surveyPage(deps, reply),
  }),
  defineRoute({
    method: 'GET',
    url: '/hasil/:unitCode',
    summary: "A unit's public survey results page (same light page as the form; it reads the public API)",
    tags: ['surveys (public)'],
    access: { kind: 'public' },
    schema: { params: z.object({ unitCode: z.string().max(100) }), hide: true },
    handler: async (_req, reply) => surveyPage(deps, reply),
  }),
];

const surveyPage = async (deps: AppDeps, reply: FastifyReply) => {
  let html: string;
  try {
    html = await readFile(join(deps.config.webDir, 'survey.html'), 'utf8');
  } catch {
    return reply
      .code(503)
      .type('text/plain; charset=utf-8')
      .send(
        'Halaman survei belum dibangun: jalankan `npm run build:web`. / The survey page is not built: run `npm run build:web`.',
      );
  }
  return reply
    .type('text/html; charset=utf-8')
    .header('content-security-policy', SURVEY_PAGE_CSP)
    .header('cache-control', 'no-cache')
    .send(html);
};
