import { createHash } from 'node:crypto';

/** Codes are stored hashed with their campaign; typing is forgiving about case, spaces and dashes. */
export const codeHash = (campaignId: string, code: string): string =>
  createHash('sha256')
    .update(`${campaignId}:${code.toUpperCase().replace(/[\s-]/g, '')}`)
    .digest('hex');
