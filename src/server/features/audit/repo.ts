import { and, desc, eq, gte, like, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';
import type { Reach } from '../../../core/org/can.ts';

export type AuditRow = typeof auditLog.$inferSelect;

/** LIKE patterns treat % and _ as wildcards; paths are uuids, but escaped anyway. */
const prefixPattern = (path: string) => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Records whose unit lies in the reach. A record with no unit (a login, a profile change) matches no path, so
 * only a reach of `all` — a system administrator — ever sees it.
 */
const inReach = (reach: Reach): SQL | undefined => {
  if (reach.all) return undefined;
  const parts = [
    ...reach.exact.map((p) => eq(auditLog.unitPath, p)),
    ...reach.subtrees.map((p) => like(auditLog.unitPath, prefixPattern(p))),
  ];
  return parts.length === 0 ? sql`false` : or(...parts);
};

/** An action ending in '.' is a family ("unit." → unit.created, unit.moved…); otherwise the exact action. */
const actionIs = (action: string): SQL =>
  action.endsWith('.') ? like(auditLog.action, prefixPattern(action)) : eq(auditLog.action, action);

export type AuditFilter = {
  reach: Reach;
  /** A unit and its sub-units. */
  underPath?: string;
  actorId?: string;
  action?: string;
  subjectType?: string;
  from?: Date;
  to?: Date;
  /** Records with a sequence number below this one. */
  before?: number;
  limit: number;
};

/** Newest first. */
export const findAuditRows = (db: Tx, f: AuditFilter): Promise<AuditRow[]> =>
  db
    .select()
    .from(auditLog)
    .where(
      and(
        inReach(f.reach),
        f.underPath ? like(auditLog.unitPath, prefixPattern(f.underPath)) : undefined,
        f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
        f.action ? actionIs(f.action) : undefined,
        f.subjectType ? eq(auditLog.subjectType, f.subjectType) : undefined,
        f.from ? gte(auditLog.at, f.from) : undefined,
        f.to ? lte(auditLog.at, f.to) : undefined,
        f.before ? lt(auditLog.seq, f.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.seq))
    .limit(f.limit);
