import type { ByteRange } from '../../storage/blob-store.ts';

/**
 * One HTTP byte range (RFC 9110 §14): `bytes=a-b`, `bytes=a-` or `bytes=-n`. A header we do not understand, or
 * several ranges, is ignored (the whole file is sent, as the RFC allows); a range past the end is unsatisfiable.
 */
export const parseRange = (header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' => {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return null;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (to !== '' && Number(to) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
};
