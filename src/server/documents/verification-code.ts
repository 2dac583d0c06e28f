/**
 * The short code printed on a filed document and in its verification link: the first 20 hex digits of its
 * data hash, upper case, in groups of four (e.g. "3F2A-91C0-…"), easy to read aloud and type.
 */
export const verificationCode = (dataSha256: string): string =>
  (dataSha256.slice(0, 20).toUpperCase().match(/.{4}/g) ?? []).join('-');

/** A code as typed by a person (any case, with or without dashes) → the prefix of the data hash. */
export const codePrefix = (code: string): string | null => {
  const hex = code.replace(/[-\s]/g, '').toLowerCase();
  return /^[0-9a-f]{20}$/.test(hex) ? hex : null;
};
