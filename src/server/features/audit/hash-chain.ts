import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a hash covers, in a fixed order; `before`/`after` are canonicalised because jsonb reorders keys. */
export type AuditContent = {
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  unitId: string | null;
  unitPath: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
};

/** JSON with object keys sorted at every depth, so the same value always hashes the same. */
export const canonicalJson = (value: unknown): string => {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
};

export const auditHash = (prevHash: string, content: AuditContent): string =>
  createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalJson([
        content.at,
        content.actorId,
        content.actorLabel,
        content.action,
        content.subjectType,
        content.subjectId,
        content.unitId,
        content.unitPath,
        content.before ?? null,
        content.after ?? null,
        content.ip,
      ]),
    )
    .digest('hex');
