import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config.ts';

const cache = new Map<string, string>();

/**
 * The salt of address and device hashes: PULAU_HASH_SALT, else a random one generated on first use and kept
 * in `<data dir>/survey-hash-salt` (so hashes stay comparable across restarts; several processes sharing a
 * database must share the setting).
 */
export const hashSalt = (config: Config): string => {
  if (config.survey.hashSalt) return config.survey.hashSalt;
  const file = join(config.dataDir, 'survey-hash-salt');
  const known = cache.get(file);
  if (known) return known;
  let salt: string;
  try {
    salt = readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(config.dataDir, { recursive: true });
    salt = randomBytes(32).toString('hex');
    try {
      writeFileSync(file, `${salt}\n`, { mode: 0o600, flag: 'wx' });
    } catch {
      // Another process wrote it first: theirs wins.
      salt = readFileSync(file, 'utf8').trim();
    }
  }
  cache.set(file, salt);
  return salt;
};

export const saltedHash = (salt: string, value: string): string =>
  createHash('sha256').update(salt).update('\0').update(value).digest('hex');

/** A hash of a JSON value that does not depend on key order, so a retry with reordered keys is the same body. */
export const canonicalHash = (value: unknown): string =>
  createHash('sha256').update(canonicalJson(value)).digest('hex');

const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};
