import { extensionOf } from './file-name.ts';

/** What the bytes turned out to be: a type file-type recognised, UTF-8 text, or markup (HTML, SVG, XML). */
export type Sniffed =
  { kind: 'binary'; ext: string; mime: string } | { kind: 'text' } | { kind: 'markup' } | { kind: 'unknown' };

type Allowed = { mime: string; sniffed: readonly string[]; inline: boolean };

/**
 * The allow-list, by file name extension: the type it must sniff as, the type it is stored and served as, and
 * whether a browser may show it inline. The old Office formats all sniff as a Compound File (cfb).
 */
const ALLOWED: Record<string, Allowed> = {
  pdf: { mime: 'application/pdf', sniffed: ['pdf'], inline: true },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    sniffed: ['docx'],
    inline: false,
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    sniffed: ['xlsx'],
    inline: false,
  },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    sniffed: ['pptx'],
    inline: false,
  },
  doc: { mime: 'application/msword', sniffed: ['cfb'], inline: false },
  xls: { mime: 'application/vnd.ms-excel', sniffed: ['cfb'], inline: false },
  ppt: { mime: 'application/vnd.ms-powerpoint', sniffed: ['cfb'], inline: false },
  odt: { mime: 'application/vnd.oasis.opendocument.text', sniffed: ['odt'], inline: false },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', sniffed: ['ods'], inline: false },
  odp: { mime: 'application/vnd.oasis.opendocument.presentation', sniffed: ['odp'], inline: false },
  csv: { mime: 'text/csv', sniffed: ['text'], inline: false },
  txt: { mime: 'text/plain', sniffed: ['text'], inline: false },
  png: { mime: 'image/png', sniffed: ['png'], inline: true },
  jpg: { mime: 'image/jpeg', sniffed: ['jpg'], inline: true },
  jpeg: { mime: 'image/jpeg', sniffed: ['jpg'], inline: true },
  gif: { mime: 'image/gif', sniffed: ['gif'], inline: true },
  webp: { mime: 'image/webp', sniffed: ['webp'], inline: true },
  mp4: { mime: 'video/mp4', sniffed: ['mp4'], inline: true },
  mov: { mime: 'video/quicktime', sniffed: ['mov'], inline: true },
  webm: { mime: 'video/webm', sniffed: ['webm'], inline: true },
};

/** Types a browser may render inline; everything else is served as an attachment only. */
const INLINE_MIMES = new Set(
  Object.values(ALLOWED)
    .filter((a) => a.inline)
    .map((a) => a.mime),
);

export type FileRefusal = { status: number; code: string; message: string; details?: unknown };

export const unsupported = (message: string, details?: unknown): FileRefusal => ({
  status: 415,
  code: 'UNSUPPORTED_FILE_TYPE',
  message,
  details,
});

/** Checked when an upload is created, so a `.exe` or `.html` is refused before a byte is sent. */
export const checkDeclaredName = (filename: string): FileRefusal | null =>
  ALLOWED[extensionOf(filename)]
    ? null
    : unsupported(
        'Only PDF, Office, OpenDocument, CSV, text, PNG, JPEG, GIF, WebP, MP4, MOV and WebM files are accepted.',
        { extension: extensionOf(filename) },
      );

/** The stored type of a finished upload, or why it is refused: the name and the bytes must agree. */
export const decideFileType = (
  filename: string,
  sniffed: Sniffed,
): { ok: true; mime: string } | { ok: false; refusal: FileRefusal } => {
  const declared = checkDeclaredName(filename);
  if (declared) return { ok: false, refusal: declared };
  const ext = extensionOf(filename);
  const allowed = ALLOWED[ext];
  if (!allowed) return { ok: false, refusal: unsupported('Unsupported file type.') };
  // HTML and SVG run script in a browser: refused whatever the name says.
  if (
    sniffed.kind === 'markup' ||
    (sniffed.kind === 'binary' && ['xml', 'html', 'svg'].includes(sniffed.ext))
  ) {
    return {
      ok: false,
      refusal: unsupported('HTML, SVG and XML files are not accepted.', { detected: 'markup' }),
    };
  }
  const actual = sniffed.kind === 'binary' ? sniffed.ext : sniffed.kind;
  if (allowed.sniffed.includes(actual)) return { ok: true, mime: allowed.mime };
  return {
    ok: false,
    refusal: {
      status: 415,
      code: 'FILE_EXTENSION_MISMATCH',
      message: `The file is named .${ext} but its content is not.`,
      details: { extension: ext, detected: sniffed.kind === 'binary' ? sniffed.mime : sniffed.kind },
    },
  };
};

export const mayShowInline = (mime: string): boolean => INLINE_MIMES.has(mime);
