/** The public page where anyone checks whether a file is the filed copy of the document with this code. */
export const verificationLink = (origin: string, code: string): string =>
  `${origin}/verifikasi/${encodeURIComponent(code)}`;
