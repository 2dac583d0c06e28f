import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataStore, ERRORS, Upload } from '@tus/server';
import type { Db } from '../../db/client.ts';
import { partKey, type BlobStore } from '../../storage/blob-store.ts';
import { appendPart, deleteUpload, findUpload, insertUpload } from './upload-repo.ts';

export type SharedUploadStoreOptions = {
  db: Db;
  blobs: BlobStore;
  now: () => Date;
  /** Bytes held in memory before they go to the blob store as one chunk object (and the offset moves). */
  partBytes?: number;
};

const DEFAULT_PART_BYTES = 8 * 1024 * 1024;

/**
 * A tus data store that keeps no state in the process: the upload's row (size, offset, owner) is in the
 * database and its bytes are chunk objects in the shared blob store, so every process can take the next PATCH,
 * answer a HEAD or finish the upload. A PATCH is cut into chunks of `partBytes`; each is stored, then recorded
 * by a conditional offset update, so a dropped connection keeps every chunk recorded before it.
 */
export class SharedUploadStore extends DataStore {
  private readonly partBytes: number;

  constructor(private readonly options: SharedUploadStoreOptions) {
    super();
    this.extensions = ['creation', 'creation-with-upload', 'termination'];
    this.partBytes = options.partBytes ?? DEFAULT_PART_BYTES;
  }

  override async create(upload: Upload): Promise<Upload> {
    const meta = upload.metadata ?? {};
    const now = this.options.now();
    await insertUpload(this.options.db, {
      id: upload.id,
      ownerId: meta.ownerId ?? '',
      unitId: meta.unitId ?? '',
      filename: meta.filename ?? '',
      size: upload.size ?? 0,
      metadata: meta,
      createdAt: now,
      updatedAt: now,
    });
    upload.creation_date = now.toISOString();
    return upload;
  }

  override async getUpload(id: string): Promise<Upload> {
    const row = await findUpload(this.options.db, id);
    if (!row) throw ERRORS.FILE_NOT_FOUND;
    return new Upload({
      id: row.id,
      size: row.size,
      offset: row.offset,
      metadata: row.metadata,
      creation_date: row.createdAt.toISOString(),
    });
  }

  override async write(stream: Readable, id: string, offset: number): Promise<number> {
    let at = offset;
    let held: Buffer[] = [];
    let heldBytes = 0;
    const flush = async () => {
      if (heldBytes === 0) return;
      const bytes = Buffer.concat(held, heldBytes);
      held = [];
      heldBytes = 0;
      const key = partKey(id, at, randomBytes(6).toString('hex'));
      await this.options.blobs.putPart(key, bytes);
      const moved = await appendPart(this.options.db, {
        uploadId: id,
        from: at,
        length: bytes.length,
        key,
        now: this.options.now(),
      });
      if (!moved) {
        // Another request (here or on another process) moved the upload first: these bytes are not its.
        await this.options.blobs.deletePart(key);
        throw ERRORS.INVALID_OFFSET;
      }
      at = moved.offset;
    };
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        held.push(chunk);
        heldBytes += chunk.length;
        if (heldBytes >= this.partBytes) await flush();
      }
    } catch (error) {
      // The client went away: keep what arrived whole, so that it resumes after it.
      await flush();
      throw error;
    }
    await flush();
    return at;
  }

  override async remove(id: string): Promise<void> {
    const { keys } = await deleteUpload(this.options.db, id);
    await Promise.all(keys.map((key) => this.options.blobs.deletePart(key)));
  }

  override async declareUploadLength(): Promise<void> {
    throw ERRORS.UNSUPPORTED_CREATION_DEFER_LENGTH_EXTENSION;
  }
}
