import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 (hex) of a pact text's UTF-8 bytes: what a signature is bound to. */
export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** A signing-link token: 32 random bytes, URL-safe. Only its hash is stored. */
export const newSigningToken = (): string => randomBytes(32).toString('base64url');

export const signingTokenHash = (token: string): string =>
  createHash('sha256').update(`pact-link:${token}`).digest('hex');
