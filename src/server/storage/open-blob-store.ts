import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { BlobStore } from './blob-store.ts';
import { createDiskBlobStore } from './disk-blob-store.ts';
import { createS3BlobStore } from './s3-blob-store.ts';

/** The blob store the configuration names: S3-compatible storage, or `<data dir>/blobs` on local disk. */
export const openBlobStore = (config: Config): BlobStore =>
  config.storage.kind === 's3'
    ? createS3BlobStore(config.storage)
    : createDiskBlobStore(join(config.dataDir, 'blobs'));
