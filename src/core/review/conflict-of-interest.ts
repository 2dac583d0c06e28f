import type { Grant } from '../org/can.ts';
import type { Role } from '../org/roles.ts';
import { isWithin } from '../org/unit-path.ts';
import { err, ok, type Result } from '../shared/result.ts';

/** The roles that make someone an evaluator; holding them is the job, not a conflict. */
const EVALUATOR_ROLES: readonly Role[] = ['tpi_evaluator', 'tpn_evaluator'];

/** One grant that bars an evaluator, and whether it sits on the unit itself or above it. */
export type Conflict = { grant: Grant; on: 'unit' | 'parent_chain' };

export type ConflictError = {
  code: 'CONFLICT_OF_INTEREST';
  message: string;
  details: { unitPath: string; conflicts: Conflict[] };
};

/**
 * May this evaluator review the unit? Refused when she holds any role other than an evaluator role on the
 * unit or on any unit of its parent chain (she would judge her own work or her own superiors' unit); every
 * conflicting grant is listed, so the assignment screen can say why.
 * @example
 * canReview([{ role: 'tpi_evaluator', unitPath: '/kpu/' }, { role: 'team_member', unitPath: '/kpu/jatim/', area: 2 }], '/kpu/jatim/sumenep/')
 * // { ok: false, error: { code: 'CONFLICT_OF_INTEREST', details: { conflicts: [{ grant: …team_member…, on: 'parent_chain' }] } } }
 */
export const canReview = (
  evaluatorGrants: readonly Grant[],
  unitPath: string,
): Result<true, ConflictError> => {
  const conflicts: Conflict[] = evaluatorGrants
    .filter((g) => !EVALUATOR_ROLES.includes(g.role) && isWithin(unitPath, g.unitPath))
    .map((grant) => ({ grant, on: grant.unitPath === unitPath ? 'unit' : 'parent_chain' }));
  if (conflicts.length === 0) return ok(true);
  const list = conflicts.map((c) => `${c.grant.role} on ${c.grant.unitPath}`).join(', ');
  return err({
    code: 'CONFLICT_OF_INTEREST',
    message: `Conflict of interest: the evaluator holds ${list}.`,
    details: { unitPath, conflicts },
  });
};
