import { and, eq, inArray } from 'drizzle-orm';
import { pathIds } from '../../../core/org/unit-path.ts';
import type { Role } from '../../../core/org/roles.ts';
import type { Tx } from '../../db/client.ts';
import { reviewAssignments, roleGrants, users } from '../../db/schema.ts';

/** Who holds one of these roles on the unit itself (not above it). */
export const holdersOn = async (tx: Tx, unitId: string, roles: readonly Role[]): Promise<string[]> => {
  const rows = await tx
    .selectDistinct({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(eq(roleGrants.unitId, unitId), inArray(roleGrants.role, [...roles])));
  return rows.map((r) => r.userId);
};

/** Who holds one of these roles on any of these units (e.g. the unit and its ancestors). */
export const holdersOnAny = async (tx: Tx, unitIds: string[], roles: readonly Role[]): Promise<string[]> => {
  if (unitIds.length === 0) return [];
  const rows = await tx
    .selectDistinct({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(inArray(roleGrants.unitId, unitIds), inArray(roleGrants.role, [...roles])));
  return rows.map((r) => r.userId);
};

/** Agency admins over a unit: a grant on the unit or any unit above it (their grant reaches down). */
export const agencyAdminsOver = (tx: Tx, unitPath: string): Promise<string[]> =>
  holdersOnAny(tx, pathIds(unitPath), ['agency_admin']);

/** The leaders of the unit's direct parent: the preliminary reviewers. */
export const parentLeaders = (tx: Tx, unitPath: string): Promise<string[]> => {
  const ids = pathIds(unitPath);
  const parent = ids[ids.length - 2];
  return parent ? holdersOn(tx, parent, ['leader']) : Promise.resolve([]);
};

/** The evaluators assigned to review the unit at a level ('tpi' or 'tpn'). */
export const assignedEvaluators = async (tx: Tx, unitId: string, level: 'tpi' | 'tpn'): Promise<string[]> => {
  const rows = await tx
    .select({ userId: reviewAssignments.userId })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.unitId, unitId), eq(reviewAssignments.level, level)));
  return rows.map((r) => r.userId);
};

/**
 * Everyone of the unit: a non-evaluator role on the unit itself, or the unit as home unit. Evaluators hold their
 * grants to review, not as members, so they are left out.
 */
export const membersOf = async (tx: Tx, unitId: string): Promise<string[]> => {
  const granted = await holdersOn(tx, unitId, [
    'agency_admin',
    'zi_team_lead',
    'area_coordinator',
    'team_member',
    'leader',
  ]);
  const home = await tx.select({ id: users.id }).from(users).where(eq(users.homeUnitId, unitId));
  return [...new Set([...granted, ...home.map((u) => u.id)])];
};
