import { createHash, type Hash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Transform, type Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';

type Running = { hash: Hash; offset: number };

/**
 * tus's file store, hashing the bytes as they are written: when an upload arrives in order in this process (the
 * usual case) its SHA-256 is known at the last byte, and finishing a 1 GiB video does not read it all again.
 * After an interruption or a restart the running hash is dropped and the file is hashed from disk at the end.
 */
export class HashingFileStore extends FileStore {
  private readonly running = new Map<string, Running>();

  override async write(readable: IncomingMessage | Readable, id: string, offset: number): Promise<number> {
    const previous = this.running.get(id);
    this.running.delete(id);
    const state =
      previous && previous.offset === offset
        ? previous
        : offset === 0
          ? { hash: createHash('sha256'), offset: 0 }
          : null;
    if (!state) return super.write(readable, id, offset);
    let seen = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        state.hash.update(chunk);
        seen += chunk.length;
        callback(null, chunk);
      },
    });
    // pipe() does not forward errors; the store's own pipeline must see them to fail the write.
    readable.on('error', (error) => tap.destroy(error));
    const newOffset = await super.write(readable.pipe(tap), id, offset);
    if (newOffset - offset === seen) this.running.set(id, { hash: state.hash, offset: newOffset });
    return newOffset;
  }

  /** The SHA-256 of a complete upload when every byte passed through this process in order, else null. */
  takeDigest(id: string, size: number): string | null {
    const state = this.running.get(id);
    this.running.delete(id);
    return state && state.offset === size ? state.hash.digest('hex') : null;
  }

  override async remove(id: string): Promise<void> {
    this.running.delete(id);
    await super.remove(id);
  }
}
