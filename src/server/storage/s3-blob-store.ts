import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { S3Settings } from '../config.ts';
import { blobKey, checkPartKey, type BlobStore } from './blob-store.ts';

const isNotFound = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.name === 'NotFound' || error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);

/** Blobs as objects `ab/cd/<sha256>` in one bucket; puts are multipart so a 2 GiB video never sits in memory. */
export const createS3BlobStore = (settings: S3Settings, tuning: { partSize?: number } = {}): BlobStore => {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials:
      settings.accessKeyId && settings.secretAccessKey
        ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
        : undefined,
  });
  const Bucket = settings.bucket;

  const statOf = async (sha256: string) => {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket, Key: blobKey(sha256) }));
      return { size: head.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  };

  const readObject = async (Key: string, Range?: string) => {
    const out = await client.send(new GetObjectCommand({ Bucket, Key, Range }));
    if (!(out.Body instanceof Readable)) throw new Error('S3 GetObject returned no Node stream');
    return out.Body;
  };

  return {
    kind: 's3',
    put: async (sha256, filePath, options = {}) => {
      if (await statOf(sha256)) return;
      const upload = new Upload({
        client,
        params: {
          Bucket,
          Key: blobKey(sha256),
          Body: createReadStream(filePath),
          ContentType: options.contentType ?? 'application/octet-stream',
        },
        // 16 MiB parts, two in flight: ~32 MiB of memory per put, whatever the file size.
        partSize: tuning.partSize ?? 16 * 1024 * 1024,
        queueSize: 2,
      });
      await upload.done();
    },
    stat: statOf,
    exists: async (sha256) => (await statOf(sha256)) !== null,
    createReadStream: (sha256, range) =>
      readObject(blobKey(sha256), range ? `bytes=${range.start}-${range.end}` : undefined),
    delete: async (sha256) => {
      await client.send(new DeleteObjectCommand({ Bucket, Key: blobKey(sha256) }));
    },
    // A chunk is at most a few MiB in memory, so one PutObject with its length is enough.
    putPart: async (key, bytes) => {
      await client.send(new PutObjectCommand({ Bucket, Key: checkPartKey(key), Body: bytes }));
    },
    readPart: (key) => readObject(checkPartKey(key)),
    deletePart: async (key) => {
      await client.send(new DeleteObjectCommand({ Bucket, Key: checkPartKey(key) }));
    },
  };
};
