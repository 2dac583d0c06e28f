import type { IncomingMessage } from 'node:http';
import { Server } from '@tus/server';
import type { Db } from '../../db/client.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import { finishUpload } from './finish-upload.ts';
import { SharedUploadStore } from './shared-upload-store.ts';

/** What the HTTP layer established about a create request before tus sees it. */
export type CreateContext = { ownerId: string; unitId: string; filename: string };

export type TusSetup = {
  server: Server;
  /** Hands the checked create context to `onUploadCreate`, which only sees a web Request. */
  creating: WeakMap<IncomingMessage, CreateContext>;
};

export type TusOptions = {
  db: Db;
  scratchDir: string;
  maxBytes: number;
  blobs: BlobStore;
  now: () => Date;
};

type NodeBacked = { runtime?: { node?: { req?: IncomingMessage } } };

const refusal = (status: number, code: string, message: string) => ({
  status_code: status,
  body: JSON.stringify({ error: { code, message } }),
});

/**
 * The tus server on a store that keeps nothing in the process (state in the database, bytes in the shared blob
 * store), so that behind a load balancer any process takes any request of an upload. tus's own per-process lock
 * only orders requests within a process; across processes the store's conditional offset update decides.
 */
export const createTusServer = (options: TusOptions): TusSetup => {
  const store = new SharedUploadStore({ db: options.db, blobs: options.blobs, now: options.now });
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
      const result = await finishUpload({
        db: options.db,
        uploadId: upload.id,
        filename: upload.metadata?.filename ?? '',
        scratchDir: options.scratchDir,
        blobs: options.blobs,
        now: options.now,
      });
      if (!result.ok) throw refusal(result.refusal.status, result.refusal.code, result.refusal.message);
      return {};
    },
  });
  return { server, creating };
};
