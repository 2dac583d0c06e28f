import type { PutProposalWindowBody } from '../../../contracts/proposals.ts';
import type { Tx } from '../../db/client.ts';
import { notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { findPeriodWithAgency, updatePeriodWindow, type PeriodRow } from './repo.ts';

/**
 * TPN's deadline and quota for one agency's period ("atau sesuai dengan waktu yang ditetapkan oleh TPN";
 * quotas by letter each year). Null clears them: the agency's month-day applies, and no quota.
 */
export const setProposalWindow = async (
  tx: Tx,
  args: { periodId: string; input: PutProposalWindowBody; actor: AuditActor; now: Date },
): Promise<PeriodRow> => {
  const found = await findPeriodWithAgency(tx, args.periodId);
  if (!found) throw notFound('Period');
  const { period } = found;
  const before = { proposalDeadline: period.proposalDeadline, proposalQuota: period.proposalQuota };
  const row = await updatePeriodWindow(tx, period.id, args.input.version, {
    proposalDeadline: args.input.proposalDeadline,
    proposalQuota: args.input.proposalQuota,
    updatedAt: args.now,
  });
  if (!row) throw staleWrite({ ...before, version: period.version });
  await writeAudit(tx, {
    actor: args.actor,
    action: 'proposal.window_set',
    subjectType: 'period',
    subjectId: period.id,
    unit: { id: period.agencyId, path: found.agencyPath },
    before,
    after: { proposalDeadline: row.proposalDeadline, proposalQuota: row.proposalQuota },
    now: args.now,
  });
  return row;
};
