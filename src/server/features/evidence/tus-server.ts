import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Server } from '@tus/server';
import type { BlobStore } from '../../storage/blob-store.ts';
import type { UploadReceipts } from '../../storage/upload-receipts.ts';
import { finishUpload } from './finish-upload.ts';
import { HashingFileStore } from './hashing-file-store.ts';

/** What the HTTP layer established about a create request before tus sees it. */
export type CreateContext = { ownerId: string; unitId: string; filename: string };

export type TusSetup = {
  server: Server;
  store: HashingFileStore;
  /** Hands the checked create context to `onUploadCreate`, which only sees a web Request. */
  creating: WeakMap<IncomingMessage, CreateContext>;
};

export type TusOptions = {
  stagingDir: string;
  maxBytes: number;
  blobs: BlobStore;
  receipts: UploadReceipts;
  now: () => Date;
};

type NodeBacked = { runtime?: { node?: { req?: IncomingMessage } } };

const refusal = (status: number, code: string, message: string) => ({
  status_code: status,
  body: JSON.stringify({ error: { code, message } }),
});

/**
 * The tus server: bytes are staged on local disk (s3rver and some S3 clones lack ListParts, and staging makes
 * resume independent of the blob store), then moved to the blob store when the last byte arrives.
 */
export const createTusServer = (options: TusOptions): TusSetup => {
  const store = new HashingFileStore({ directory: options.stagingDir });
  const creating = new WeakMap<IncomingMessage, CreateContext>();
  const server = new Server({
    path: '/api/uploads',
    datastore: store,
    maxSize: options.maxBytes,
    relativeLocation: true,
    // Downloads go through the evidence routes, with their permission checks and headers.
    disableTerminationForFinishedUploads: true,
    onUploadCreate: async (req, upload) => {
      const raw = (req as unknown as NodeBacked).runtime?.node?.req;
      const ctx = raw ? creating.get(raw) : undefined;
      if (!ctx) throw refusal(403, 'FORBIDDEN', 'Upload creation was not authorised.');
      // The server's own checked values replace whatever the client sent.
      return {
        metadata: { ...upload.metadata, ownerId: ctx.ownerId, unitId: ctx.unitId, filename: ctx.filename },
      };
    },
    onUploadFinish: async (_req, upload) => {
      const meta = upload.metadata ?? {};
      const result = await finishUpload({
        uploadId: upload.id,
        stagedPath: join(options.stagingDir, upload.id),
        ownerId: meta.ownerId ?? '',
        unitId: meta.unitId ?? '',
        filename: meta.filename ?? '',
        knownSha256: store.takeDigest(upload.id, upload.size ?? -1),
        blobs: options.blobs,
        receipts: options.receipts,
        now: options.now(),
      });
      await store.configstore.delete(upload.id);
      if (!result.ok) throw refusal(result.refusal.status, result.refusal.code, result.refusal.message);
      return {};
    },
  });
  return { server, store, creating };
};
