import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can, type Action } from '../../../core/org/can.ts';
import type { AppDeps } from '../../http/deps.ts';
import { authenticationHook } from '../../http/access-hooks.ts';
import { badRequest, forbidden, HttpError, notFound } from '../../http/errors.ts';
import type { AnyRouteSpec } from '../../http/route.ts';
import { authOf } from '../../http/request-actor.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import { safeFileName } from './file-name.ts';
import { checkDeclaredName } from './file-policy.ts';
import { parseUploadMetadata } from './parse-upload-metadata.ts';
import { findUnitRef } from '../units/unit-ref.ts';
import { createTusServer, type TusSetup } from './tus-server.ts';
import { scratchDirOf } from './upload-paths.ts';
import { findUpload, UPLOAD_ID } from './upload-repo.ts';

/**
 * The tus routes are not zod routes, so the route table cannot hold them; this list states who may call each, for
 * the authorisation matrix. Creation needs `evidence.upload` on the unit named in the metadata; every later
 * request is for the upload's creator only (anyone else gets 404). Writes also need the x-csrf-token header.
 */
export const uploadRoutesDescription: ReadonlyArray<{
  method: 'POST' | 'HEAD' | 'PATCH' | 'DELETE';
  url: string;
  access:
    | { kind: 'action'; action: Action; subject: 'unit named by Upload-Metadata unitId' }
    | { kind: 'upload-owner' };
}> = [
  {
    method: 'POST',
    url: '/api/uploads',
    access: { kind: 'action', action: 'evidence.upload', subject: 'unit named by Upload-Metadata unitId' },
  },
  { method: 'HEAD', url: '/api/uploads/:id', access: { kind: 'upload-owner' } },
  { method: 'PATCH', url: '/api/uploads/:id', access: { kind: 'upload-owner' } },
  { method: 'DELETE', url: '/api/uploads/:id', access: { kind: 'upload-owner' } },
];

/** The session and CSRF checks of every authenticated route, reused as they are. */
const sessionCheck = authenticationHook({
  method: 'POST',
  url: '/api/uploads',
  summary: 'tus',
  tags: ['uploads'],
  access: { kind: 'authenticated' },
  schema: {},
  handler: async () => undefined,
} satisfies AnyRouteSpec);

const UnitId = z.uuid();

/** Registers the tus endpoint at /api/uploads; the tus server is made on first use, so idle apps create no folders. */
export const registerUploadRoutes = (app: FastifyInstance, deps: AppDeps & { blobs: BlobStore }) =>
  app.register(async (scope) => {
    // tus reads the body itself, as a stream: Fastify must not buffer or parse it.
    scope.addContentTypeParser('application/offset+octet-stream', (_req, payload, done) =>
      done(null, payload),
    );
    let tus: TusSetup | null = null;
    const tusOf = () =>
      (tus ??= createTusServer({
        db: deps.db,
        scratchDir: scratchDirOf(deps.config),
        maxBytes: deps.config.uploadMaxBytes,
        blobs: deps.blobs,
        now: deps.now,
      }));

    const handOver = async (req: FastifyRequest, reply: FastifyReply) => {
      reply.hijack();
      try {
        await tusOf().server.handle(req.raw, reply.raw);
      } catch (error) {
        req.log.error({ err: error }, 'tus request failed');
        if (!reply.raw.headersSent) reply.raw.writeHead(500).end();
      }
    };

    scope.post(
      '/api/uploads',
      { preValidation: sessionCheck, schema: { hide: true } },
      async (req, reply) => {
        const auth = authOf(req);
        const meta = parseUploadMetadata(req.headers['upload-metadata'] as string | undefined);
        if (!meta.unitId || !meta.filename) {
          throw badRequest('UPLOAD_METADATA_REQUIRED', 'Upload-Metadata must name unitId and filename.');
        }
        if (!UnitId.safeParse(meta.unitId).success) throw notFound('Unit');
        const unit = await findUnitRef(deps.db, meta.unitId);
        if (!unit) throw notFound('Unit');
        if (!can(auth.actor, 'evidence.upload', { kind: 'unit', unitPath: unit.path })) throw forbidden();
        const lengthHeader = req.headers['upload-length'];
        if (typeof lengthHeader !== 'string' || !/^\d+$/.test(lengthHeader)) {
          throw badRequest(
            'UPLOAD_LENGTH_REQUIRED',
            'Send Upload-Length; deferred lengths are not accepted.',
          );
        }
        const length = Number(lengthHeader);
        if (length === 0) throw badRequest('EMPTY_FILE', 'The file is empty.');
        if (length > deps.config.uploadMaxBytes) {
          throw new HttpError(
            413,
            'FILE_TOO_LARGE',
            `Files may be at most ${deps.config.uploadMaxBytes} bytes.`,
            {
              maxBytes: deps.config.uploadMaxBytes,
            },
          );
        }
        const filename = safeFileName(meta.filename);
        if (!filename)
          throw badRequest('INVALID_FILE_NAME', 'The file name is empty once unsafe characters go.');
        const refusal = checkDeclaredName(filename);
        if (refusal) throw new HttpError(refusal.status, refusal.code, refusal.message, refusal.details);
        tusOf().creating.set(req.raw, { ownerId: auth.user.id, unitId: unit.id, filename });
        return handOver(req, reply);
      },
    );

    /**
     * Later requests, on whichever process they land: only the creator sees the upload; for anyone else it does
     * not exist. A finished upload stays visible until evidence claims it, so a client that lost the last
     * PATCH's answer learns from HEAD that it is complete instead of starting over.
     */
    const ownUpload = async (req: FastifyRequest, reply: FastifyReply) => {
      const auth = authOf(req);
      const { id } = req.params as { id: string };
      if (!UPLOAD_ID.test(id)) throw notFound('Upload');
      const upload = await findUpload(deps.db, id);
      if (upload?.ownerId === auth.user.id) return handOver(req, reply);
      throw notFound('Upload');
    };
    for (const method of ['HEAD', 'PATCH', 'DELETE'] as const) {
      scope.route({
        method,
        url: '/api/uploads/:id',
        schema: { hide: true },
        preValidation: sessionCheck,
        handler: ownUpload,
      });
    }
  });
