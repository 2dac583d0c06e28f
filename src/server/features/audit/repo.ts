import { and, desc, eq, gte, like, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';
import type { Reach } from '../../../core/org/can.ts';

export type AuditRow = typeof auditLog.$inferSelect;

const prefix = (path: string) => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Entries whose unit lies in the reach; entries with no unit (logins, profiles) only for reach = all. */
const inReach = (reach: Reach): SQL | undefined => {
  if (reach.all) return undefined;
  const parts = [
    ...reach.exact.map((p) => eq(auditLog.unitPath, p)),
    ...reach.subtrees.map((p) => like(auditLog.unitPath, prefix(p))),
  ];
  return parts.length === 0 ? sql`false` : or(...parts);
};

export type AuditFilter = {
  reach: Reach;
  unitPath?: string;
  actorId?: string;
  action?: string;
  subjectType?: string;
  from?: Date;
  to?: Date;
  before?: number;
  limit: number;
};

export const listAudit = (db: Db, f: AuditFilter): Promise<AuditRow[]> =>
  db
    .select()
    .from(auditLog)
    .where(
      and(
        inReach(f.reach),
        f.unitPath ? like(auditLog.unitPath, prefix(f.unitPath)) : undefined,
        f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
        f.action
          ? f.action.endsWith('.')
            ? like(auditLog.action, prefix(f.action))
            : eq(auditLog.action, f.action)
          : undefined,
        f.subjectType ? eq(auditLog.subjectType, f.subjectType) : undefined,
        f.from ? gte(auditLog.at, f.from) : undefined,
        f.to ? lte(auditLog.at, f.to) : undefined,
        f.before ? lt(auditLog.seq, f.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.seq))
    .limit(f.limit);
