import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';
import { auditHash, GENESIS_HASH } from './hash-chain.ts';
import type { AuditVerifyResult } from '../../../contracts/audit.ts';

const PAGE = 1000;

/** Walks the chain in order and reports the first record whose hash or link does not hold. */
export const verifyAuditChain = async (db: Db): Promise<AuditVerifyResult> => {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, lastSeq))
      .orderBy(asc(auditLog.seq))
      .limit(PAGE);
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          checked,
          firstBroken: {
            seq: row.seq,
            reason: 'previous hash does not match: a record before it was removed or altered',
          },
        };
      }
      const expected = auditHash(prevHash, {
        at: row.at.toISOString(),
        actorId: row.actorId,
        actorLabel: row.actorLabel,
        action: row.action,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        unitId: row.unitId,
        unitPath: row.unitPath,
        before: row.before,
        after: row.after,
        ip: row.ip,
      });
      if (expected !== row.hash) {
        return {
          ok: false,
          checked,
          firstBroken: { seq: row.seq, reason: 'content does not match its hash: the record was altered' },
        };
      }
      prevHash = row.hash;
      lastSeq = row.seq;
      checked++;
    }
    if (rows.length < PAGE) return { ok: true, checked, firstBroken: null };
  }
};
