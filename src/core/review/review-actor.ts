import { grantCovers, type Actor, type Grant } from '../org/can.ts';
import type { Role } from '../org/roles.ts';
import { isWithin } from '../org/unit-path.ts';
import { err, ok, type DomainError, type Result } from '../shared/result.ts';
import { canReview } from './conflict-of-interest.ts';
import type { ReviewContext } from './review-context.ts';

/** A role of the table; `system_admin` is the platform operator, not a grant. */
export type RoleRef = Role | 'system_admin';

/**
 * Where a role's grant must sit for a transition:
 * - `own_unit`: on the unit itself (its own lead submits, its own leader approves);
 * - `parent_unit`: on a unit above it (the preliminary review by the eselon-I or provincial unit);
 * - `agency`: on the unit or above it (the agency admin proposes);
 * - `tpi_team`: covering the unit, assigned to its TPI team, and free of conflicts of interest;
 * - `national`: covering the unit and free of conflicts of interest (TPN).
 */
export type Reach = 'own_unit' | 'parent_unit' | 'agency' | 'tpi_team' | 'national';

const placed = (reach: Reach, grant: Grant, unitPath: string): boolean => {
  if (reach === 'own_unit') return grant.unitPath === unitPath;
  if (reach === 'parent_unit') return grant.unitPath !== unitPath && isWithin(unitPath, grant.unitPath);
  return grantCovers(grant, unitPath);
};

const refuse = (message: string, details: unknown): Result<RoleRef> =>
  err({ code: 'ROLE_NOT_ALLOWED', message, details });

/**
 * As which role, if any, may this actor take a transition of the table on the context's unit?
 * @example
 * actsAs({ userId: 'l', isSystemAdmin: false, grants: [{ role: 'leader', unitPath: '/kpu/jatim/' }] },
 *   ['leader'], 'own_unit', ctx) // ok('leader') when ctx.unit.path is '/kpu/jatim/'
 */
export const actsAs = (
  actor: Actor,
  roles: readonly RoleRef[],
  reach: Reach,
  ctx: ReviewContext,
): Result<RoleRef, DomainError> => {
  if (roles.includes('system_admin') && actor.isSystemAdmin) return ok('system_admin');
  const unitPath = ctx.unit.path;
  const held = actor.grants.filter((g) => roles.includes(g.role) && placed(reach, g, unitPath));
  const first = held[0];
  if (!first) return refuse(`Only ${roles.join(' or ')} (${reach}) may do this.`, { roles, reach });
  if (reach === 'tpi_team' && !ctx.tpiTeam.some((a) => a.userId === actor.userId))
    return refuse('The evaluator is not assigned to this unit.', { roles, reach, reason: 'not_assigned' });
  if (reach === 'tpi_team' || reach === 'national') {
    const free = canReview(actor.grants, unitPath);
    if (!free.ok)
      return refuse(free.error.message, {
        roles,
        reach,
        reason: 'conflict_of_interest',
        ...free.error.details,
      });
  }
  return ok(first.role);
};
