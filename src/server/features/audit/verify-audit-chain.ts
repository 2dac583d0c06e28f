import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';
import { auditHash, GENESIS_HASH } from './hash-chain.ts';
import type { AuditVerifyResult } from '../../../contracts/audit.ts';

const PAGE = 1000;

/**
 * Walks every record in sequence order, each against the last record of its own chain, and reports the first
 * whose hash or link does not hold: every chain is checked end to end in one pass.
 */
export const verifyAuditChain = async (db: Db): Promise<AuditVerifyResult> => {
  const heads = new Map<string, string>();
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
      const prevHash = heads.get(row.chain) ?? GENESIS_HASH;
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
      heads.set(row.chain, row.hash);
      lastSeq = row.seq;
      checked++;
    }
    if (rows.length < PAGE) return { ok: true, checked, firstBroken: null };
  }
};
