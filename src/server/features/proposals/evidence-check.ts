import type { Tx } from '../../db/client.ts';
import { badRequest } from '../../http/errors.ts';
import { findEvidenceRefs } from './repo.ts';

/**
 * Refuses evidence that does not exist or belongs to another unit: a prerequisite or proposal document may
 * only point at the evidence of the unit (or agency) it speaks for.
 */
export const requireEvidenceOf = async (
  tx: Tx,
  evidenceId: string | null,
  allowedUnitIds: readonly string[],
  field: string,
): Promise<void> => {
  if (evidenceId === null) return;
  const [ref] = await findEvidenceRefs(tx, [evidenceId]);
  if (!ref) throw badRequest('EVIDENCE_NOT_FOUND', `No evidence ${evidenceId}.`, { field });
  if (!allowedUnitIds.includes(ref.unitId))
    throw badRequest('EVIDENCE_WRONG_UNIT', `Evidence ${evidenceId} belongs to another unit.`, {
      field,
      unitId: ref.unitId,
    });
};
