import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { deploymentSecrets } from '../../db/schema.ts';

const SALT_NAME = 'hash_salt';
/** Per database: the salt never changes once stored, so each process reads it once. */
const cache = new WeakMap<Db, Promise<string>>();

/**
 * The salt of address and device hashes and of proof-of-work challenges: PULAU_HASH_SALT when set, else the
 * deployment's own, generated once and kept in the database so every process (on any machine) hashes alike — a
 * challenge issued by one is accepted by another, and one device or address is recognised by all of them.
 */
export const hashSalt = (deps: { db: Db; config: Config }): Promise<string> => {
  if (deps.config.survey.hashSalt) return Promise.resolve(deps.config.survey.hashSalt);
  let salt = cache.get(deps.db);
  if (!salt) {
    salt = storedSalt(deps.db, deps.config.dataDir);
    cache.set(deps.db, salt);
    salt.catch(() => cache.delete(deps.db));
  }
  return salt;
};

/**
 * One statement, safe when several processes start at once: the first insert wins and every process gets that
 * value back. A salt an older version kept in `<data dir>/survey-hash-salt` is the candidate, so the hashes it
 * made stay comparable.
 */
const storedSalt = async (db: Db, dataDir: string): Promise<string> => {
  const [row] = await db
    .insert(deploymentSecrets)
    .values({ name: SALT_NAME, value: legacySalt(dataDir) ?? randomBytes(32).toString('hex') })
    .onConflictDoUpdate({ target: deploymentSecrets.name, set: { name: SALT_NAME } })
    .returning({ value: deploymentSecrets.value });
  if (!row) throw new Error('the hash salt could not be stored');
  return row.value;
};

const legacySalt = (dataDir: string): string | null => {
  try {
    const salt = readFileSync(join(dataDir, 'survey-hash-salt'), 'utf8').trim();
    return salt.length >= 16 ? salt : null;
  } catch {
    return null;
  }
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
