import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { VersionParams } from '../../../contracts/evidence.ts';
import type { AppDeps } from '../../http/deps.ts';
import { HttpError, notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import { openBlobStore } from '../../storage/open-blob-store.ts';
import { parseRange } from './byte-range.ts';
import { contentDisposition } from './content-disposition.ts';
import { mayShowInline } from './file-policy.ts';
import { findEvidence, findVersion } from './repo.ts';

export const DownloadQuery = z.object({ inline: z.enum(['0', '1']).optional() });

type StoredVersion = NonNullable<Awaited<ReturnType<typeof findVersion>>>;

/**
 * Streams one stored version: an attachment by default, inline only for the types that may be (PDF, images,
 * video), with nosniff, a sandbox CSP and HTTP Range. Shared with the evaluators' route of the review feature.
 */
export const sendVersion = async (
  blobs: BlobStore,
  req: FastifyRequest,
  reply: FastifyReply,
  version: StoredVersion,
  inline: boolean,
) => {
  if (inline && !mayShowInline(version.mime)) {
    throw new HttpError(400, 'INLINE_NOT_ALLOWED', 'This type can only be downloaded, not shown inline.');
  }
  const etag = `"${version.blobSha256}"`;
  const ifRange = req.headers['if-range'];
  const size = version.size;
  const range = ifRange && ifRange !== etag ? null : parseRange(req.headers.range, size);
  reply
    .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', version.filename))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', 'sandbox')
    .header('cache-control', 'private, no-cache')
    .header('accept-ranges', 'bytes')
    .header('etag', etag);
  if (range === 'unsatisfiable') {
    return reply
      .code(416)
      .header('content-range', `bytes */${size}`)
      .send({ error: { code: 'RANGE_NOT_SATISFIABLE', message: `The file has ${size} bytes.` } });
  }
  const stream = await blobs.createReadStream(version.blobSha256, range ?? undefined);
  const type = version.mime.startsWith('text/') ? `${version.mime}; charset=utf-8` : version.mime;
  reply.type(type);
  if (!range) return reply.code(200).header('content-length', size).send(stream);
  return reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
    .header('content-length', range.end - range.start + 1)
    .send(stream);
};

/**
 * Bytes of one version, for readers of the unit only. Uploaded files are never trusted as web content: an
 * attachment by default, nosniff, and a sandbox CSP even when shown inline (PDF, images, video).
 */
export const downloadRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const blobs = deps.blobs ?? openBlobStore(deps.config);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/evidence/:id/versions/:versionId/download',
      summary:
        'Download a version (HTTP Range supported, so a video streams); ?inline=1 for PDF, images, video',
      tags: ['evidence'],
      access: {
        kind: 'action',
        action: 'evidence.read',
        subject: async (req) => {
          const found = await findEvidence(deps.db, req.params.id);
          if (!found) throw notFound('Evidence');
          return { kind: 'unit', unitPath: found.unitPath };
        },
      },
      schema: { params: VersionParams, querystring: DownloadQuery },
      handler: async (req, reply) => {
        const version = await findVersion(deps.db, req.params.id, req.params.versionId);
        if (!version) throw notFound('Evidence version');
        return sendVersion(blobs, req, reply, version, req.query.inline === '1');
      },
    }),
  ];
};
