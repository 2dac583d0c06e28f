import { z } from 'zod';
import type { AppDeps } from '../../http/deps.ts';
import { HttpError } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { loadLkeTemplate } from '../../lke/load-lke-template.ts';

const tags = ['lke'];

const TemplateParams = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(100),
});
const TemplateQuery = z.object({ version: z.string().max(40).optional() });

/** A day when the URL names only the id (a template file may get a corrected version); a year when it names the version. */
const CACHE_BY_ID = 'private, max-age=86400';
const CACHE_BY_VERSION = 'private, max-age=31536000, immutable';

export const lkeRoutes = (_deps: AppDeps): AnyRouteSpec[] => [
  defineRoute({
    method: 'GET',
    url: '/api/lke/templates/:id',
    summary: "An LKE template file as JSON, for the browser's own parseLkeTemplate (render and live score)",
    tags,
    access: { kind: 'authenticated' },
    schema: { params: TemplateParams, querystring: TemplateQuery },
    handler: async (req, reply) => {
      const loaded = await loadLkeTemplate(req.params.id);
      if (!loaded.ok) {
        if (loaded.error.code === 'lke_template_not_found')
          throw new HttpError(404, 'TEMPLATE_UNKNOWN', loaded.error.message);
        throw new Error(loaded.error.message);
      }
      const template = loaded.value;
      const wanted = req.query.version;
      if (wanted !== undefined && wanted !== template.version) {
        throw new HttpError(
          404,
          'TEMPLATE_VERSION_UNKNOWN',
          `${template.id} is installed in version ${template.version}, not ${wanted}.`,
        );
      }
      const etag = `"${template.id}@${template.version}"`;
      void reply.header('cache-control', wanted === undefined ? CACHE_BY_ID : CACHE_BY_VERSION);
      void reply.header('etag', etag);
      if (req.headers['if-none-match'] === etag) return reply.code(304).send();
      // The validated file (the YAML document as data): it re-parses with the same parseLkeTemplate in the browser.
      return template.file;
    },
  }),
];
