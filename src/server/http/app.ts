import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import Fastify, { LogController, type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.ts';
import { frameworkErrors, registerErrorHandling } from './error-handler.ts';
import { registerTextCheck } from './text-check.ts';
import { registerSessionLoader } from './session-plugin.ts';
import { authenticationHook, authorisationHook } from './access-hooks.ts';
import type { AnyRouteSpec } from './route.ts';
import { readableLogStream, wantsJsonLogs } from './log-lines.ts';
import { allRoutes } from './route-table.ts';
import { rateLimitHook, rateLimitOf } from './rate-limit.ts';
import { openBlobStore } from '../storage/open-blob-store.ts';
import { registerUploadRoutes } from '../features/evidence/upload-routes.ts';

export type BuildAppOptions = AppDeps & { logger?: boolean };

export type PulauApp = FastifyInstance & { pulauRoutes: AnyRouteSpec[] };

/** The composition of the HTTP adapter: plugins, the route table with its permissions, the web UI. */
export const buildApp = async (options: BuildAppOptions): Promise<PulauApp> => {
  const deps = { ...options, blobs: options.blobs ?? openBlobStore(options.config) };
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : wantsJsonLogs(process.env)
          ? { level: deps.config.logLevel }
          : { level: deps.config.logLevel, stream: readableLogStream() },
    // Fastify's two lines per request (incoming, completed) become one, from the hook below.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: deps.config.bodyLimit,
    trustProxy: trustProxyOption(deps.config.trustProxy),
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerTextCheck(app);
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(`${req.method} ${req.url} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine writes style attributes; scripts stay strictly same-origin.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Pulau API',
        description: 'Zona Integritas (WBK/WBBM): programme, LKE, evaluation, surveys.',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerSessionLoader(app, deps);

  const routes = allRoutes(deps);
  for (const spec of routes) {
    app.route({
      method: spec.method,
      url: spec.url,
      schema: { ...spec.schema, summary: spec.summary, tags: spec.tags },
      ...rateLimitOption(deps, spec),
      preValidation: authenticationHook(spec),
      preHandler: authorisationHook(spec),
      handler: async (req, reply) => {
        const body = await spec.handler(req, reply);
        return reply.sent ? reply : body;
      },
    });
  }
  // tus speaks its own protocol, not JSON: registered beside the table (see uploadRoutesDescription).
  await registerUploadRoutes(app, deps);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerWebUi(app, deps);
  await app.ready();
  return Object.assign(app, { pulauRoutes: routes }) as unknown as PulauApp;
};

/** A hop count trusts that many proxies from the socket inward, as Fastify does for a number. */
const trustProxyOption = (trust: AppDeps['config']['trustProxy']) =>
  typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;

/** A limited route counts its requests in the database before anything else runs (see rate-limit.ts). */
const rateLimitOption = (deps: AppDeps, spec: AnyRouteSpec) => {
  const limit = rateLimitOf(spec, deps.config);
  return limit ? { onRequest: rateLimitHook(deps, spec, limit) } : {};
};

/**
 * Vite names every file under assets/ by its content hash: a new build makes new names, so they never change and
 * are cached for a year. The pages (index.html, survey.html) name the current ones: revalidated every time.
 */
export const cacheControlOf = (pathInWebDir: string): string =>
  /^assets[\\/]/.test(pathInWebDir) ? 'public, max-age=31536000, immutable' : 'no-cache';

/** Serves the built single-page app; every non-API path falls back to index.html so deep links work. */
const registerWebUi = (app: FastifyInstance, deps: AppDeps) => {
  const indexHtml = join(deps.config.webDir, 'index.html');
  const built = existsSync(indexHtml);
  if (built) {
    void app.register(fastifyStatic, {
      root: deps.config.webDir,
      wildcard: false,
      index: false,
      // file.br / file.gz written at build time (vite.precompress.ts), chosen by Accept-Encoding, Vary set.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply: FastifyReply, path: string) =>
        reply.header('cache-control', cacheControlOf(relative(deps.config.webDir, path))),
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api' || req.method !== 'GET') {
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'No such route.' } });
    }
    if (!built) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(
          'Antarmuka web belum dibangun: jalankan `npm run build:web`. / The web UI is not built: run `npm run build:web`.',
        );
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
  });
};
