import type { AuditEntry } from '../../../contracts/audit.ts';
import type { AuditRow } from './repo.ts';

/** The wire shape of a record: the unit path and the previous hash stay inside (the unit id names the unit). */
export const presentAudit = (row: AuditRow): AuditEntry => ({
  seq: row.seq,
  at: row.at.toISOString(),
  actorId: row.actorId,
  actorLabel: row.actorLabel,
  action: row.action,
  subjectType: row.subjectType,
  subjectId: row.subjectId,
  unitId: row.unitId,
  before: row.before,
  after: row.after,
  ip: row.ip,
  hash: row.hash,
});
