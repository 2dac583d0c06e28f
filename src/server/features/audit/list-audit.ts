import type { z } from 'zod';
import { can, reachOf, type Actor } from '../../../core/org/can.ts';
import type { AuditPage, AuditQuery } from '../../../contracts/audit.ts';
import type { Tx } from '../../db/client.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { findUnit } from '../units/repo.ts';
import { presentAudit } from './present-audit.ts';
import { findAuditRows } from './repo.ts';

export type ListAuditOptions = { who: Actor; query: AuditQuery };

/**
 * One page of the trail, newest first, never wider than where the caller holds `audit.read`: a system
 * administrator sees everything, an agency admin her agency, a leader her unit and those below it, anyone else
 * an empty page. Naming a unit outside that reach is refused rather than silently emptied.
 */
export const listAudit = async (
  db: Tx,
  { who, query }: ListAuditOptions,
): Promise<z.infer<typeof AuditPage>> => {
  let underPath: string | undefined;
  if (query.unitId) {
    const unit = await findUnit(db, query.unitId);
    if (!unit) throw notFound('Unit');
    if (!can(who, 'audit.read', { kind: 'unit', unitPath: unit.path })) throw forbidden();
    underPath = unit.path;
  }
  // One row more than asked tells whether an older page exists, without a count.
  const rows = await findAuditRows(db, {
    reach: reachOf(who, 'audit.read'),
    underPath,
    actorId: query.actorId,
    action: query.action,
    subjectType: query.subjectType,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    before: query.before,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    entries: page.map(presentAudit),
    nextBefore: rows.length > query.limit && last ? last.seq : null,
  };
};
