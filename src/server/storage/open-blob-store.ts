import { join } from 'node:path';
import type { BlobStore } from './blob-store.ts';
import { createDiskBlobStore } from './disk-blob-store.ts';
import type { Config, S3Settings } from '../config.ts';

/** The blob store the configuration names: S3-compatible storage, or `<data dir>/blobs` on local disk. */
export const openBlobStore = (config: Config): BlobStore =>
  config.storage.kind === 's3'
    ? lazyS3BlobStore(config.storage)
    : createDiskBlobStore(join(config.dataDir, 'blobs'));

/**
 * The AWS SDK (~45 MB with lib-storage, close to a second to load) is imported on the first storage call, not
 * at start; the store is the same one from then on.
 */
const lazyS3BlobStore = (settings: S3Settings): BlobStore => {
  let store: Promise<BlobStore> | null = null;
  const s3 = () => (store ??= import('./s3-blob-store.ts').then((m) => m.createS3BlobStore(settings)));
  return {
    kind: 's3',
    put: async (sha256, filePath, options) => (await s3()).put(sha256, filePath, options),
    stat: async (sha256) => (await s3()).stat(sha256),
    createReadStream: async (sha256, range) => (await s3()).createReadStream(sha256, range),
    exists: async (sha256) => (await s3()).exists(sha256),
    delete: async (sha256) => (await s3()).delete(sha256),
    putPart: async (key, bytes) => (await s3()).putPart(key, bytes),
    readPart: async (key) => (await s3()).readPart(key),
    deletePart: async (key) => (await s3()).deletePart(key),
  };
};
