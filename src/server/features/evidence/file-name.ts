/**
 * Control characters, and the bidirectional overrides that make `gpj.exe` display as `exe.jpg`, never reach a
 * stored name.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const MAX_LENGTH = 255;

/**
 * The display name of an uploaded file: only its base name (`../../etc/passwd.pdf` → `passwd.pdf`), without
 * control characters, at most 255 characters; null when nothing usable remains.
 */
export const safeFileName = (raw: string): string | null => {
  const base = raw.replace(UNSAFE, '').split(/[/\\]/).pop() ?? '';
  const trimmed = base.trim().replace(/^\.+/, '');
  if (trimmed === '') return null;
  if (trimmed.length <= MAX_LENGTH) return trimmed;
  const ext = extensionOf(trimmed);
  return `${trimmed.slice(0, MAX_LENGTH - ext.length - 1)}.${ext}`;
};

/** The lower-case extension without its dot, or '' when there is none. */
export const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
};
