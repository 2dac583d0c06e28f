import type { Readable } from 'node:stream';

/** An inclusive byte range, as HTTP Range requests name it. */
export type ByteRange = { start: number; end: number };

export type PutOptions = {
  contentType?: string;
  /** The caller gives the file up: the disk store may rename it into place instead of copying. */
  move?: boolean;
};

/**
 * Content-addressed bytes: every object is named by the SHA-256 of its content, so the same file stored twice
 * is one object, and a put of an existing key is a no-op.
 */
export type BlobStore = {
  kind: 'disk' | 's3';
  put(sha256: string, filePath: string, options?: PutOptions): Promise<void>;
  stat(sha256: string): Promise<{ size: number } | null>;
  createReadStream(sha256: string, range?: ByteRange): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  /** Removes an object; used only for blobs that no evidence refers to (see the upload expiry job). */
  delete(sha256: string): Promise<void>;
  /** Upload chunks: objects under `uploads/`, named by `partKey`, that every process can read. */
  putPart(key: string, bytes: Buffer): Promise<void>;
  readPart(key: string): Promise<Readable>;
  deletePart(key: string): Promise<void>;
};

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** `ab/cd/<sha256>`: two levels of fan-out keep directories small on disk and spread S3 prefixes. */
export const blobKey = (sha256: string): string => {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a lower-case SHA-256 hex digest: ${sha256}`);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
};

const PART_KEY = /^uploads\/[0-9a-f]{32}\/[0-9]{15}-[0-9a-f]{12}$/;

/** `uploads/<upload id>/<offset, 15 digits>-<nonce>`: sorted by offset, and two racing writers never share a key. */
export const partKey = (uploadId: string, offset: number, nonce: string): string =>
  checkPartKey(`uploads/${uploadId}/${String(offset).padStart(15, '0')}-${nonce}`);

export const checkPartKey = (key: string): string => {
  if (!PART_KEY.test(key)) throw new Error(`not an upload part key: ${key}`);
  return key;
};
