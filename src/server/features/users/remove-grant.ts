import type { Tx } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { deleteGrant, findGrant } from './repo.ts';

export type RemoveGrantOptions = { userId: string; grantId: string; actor: AuditActor; now: Date };

/** Takes a role away; her next request already runs without it (grants are read per request). */
export const removeGrant = async (tx: Tx, options: RemoveGrantOptions): Promise<void> => {
  const grant = await findGrant(tx, options.grantId);
  if (!grant || grant.userId !== options.userId) throw notFound('Grant');
  await deleteGrant(tx, grant.id);
  await writeAudit(tx, {
    actor: options.actor,
    action: 'grant.removed',
    subjectType: 'grant',
    subjectId: grant.id,
    unit: { id: grant.unitId, path: grant.unitPath },
    before: { userId: grant.userId, role: grant.role, area: grant.area, unitId: grant.unitId },
    now: options.now,
  });
};
