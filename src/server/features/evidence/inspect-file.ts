import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import type { Sniffed } from './file-policy.ts';

export type Inspection = { sha256: string; size: number; sniffed: Sniffed };

/** A browser sniffs HTML from the first bytes; so do we, for anything that starts like markup. */
const MARKUP = /^\s*<|<(?:!doctype|html|head|body|script|svg|iframe|object|embed|\?xml)\b/i;
const MARKUP_WINDOW = 1024;

/**
 * Sniffs the real type from the bytes and hashes the whole file in one streaming pass. file-type cannot see
 * text, so a file it does not recognise counts as text only when it is valid UTF-8 with no NUL byte.
 */
export const inspectFile = async (path: string, knownSha256: string | null = null): Promise<Inspection> => {
  const detected = await fileTypeFromFile(path);
  // A recognised binary type with a hash already known needs no second pass over the bytes.
  if (detected && knownSha256) {
    const { size } = await stat(path);
    return { sha256: knownSha256, size, sniffed: { kind: 'binary', ext: detected.ext, mime: detected.mime } };
  }
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let textSoFar = detected === undefined;
  let head = '';
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (size < MARKUP_WINDOW) head += chunk.subarray(0, MARKUP_WINDOW - size).toString('latin1');
    size += chunk.length;
    if (textSoFar) {
      try {
        decoder.decode(chunk, { stream: true });
        if (chunk.includes(0)) textSoFar = false;
      } catch {
        textSoFar = false;
      }
    }
  }
  if (textSoFar) {
    try {
      decoder.decode();
    } catch {
      textSoFar = false;
    }
  }
  const sha256 = hash.digest('hex');
  const markup = MARKUP.test(head.replace(/^\uFEFF|^\u00ef\u00bb\u00bf/, ''));
  if (detected) return { sha256, size, sniffed: { kind: 'binary', ext: detected.ext, mime: detected.mime } };
  if (markup) return { sha256, size, sniffed: { kind: 'markup' } };
  return { sha256, size, sniffed: textSoFar ? { kind: 'text' } : { kind: 'unknown' } };
};
