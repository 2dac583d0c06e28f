import { GRANTABLE_BY, ROLE_REACHES_DESCENDANTS, type AreaNumber, type Role } from './roles.ts';
import { isWithin } from './unit-path.ts';

export type Grant = { role: Role; unitPath: string; area?: AreaNumber | null };
export type Actor = { userId: string; isSystemAdmin: boolean; grants: readonly Grant[] };

export type Action =
  | 'agency.create'
  | 'unit.read'
  | 'unit.create'
  | 'unit.update'
  | 'unit.move'
  | 'unit.deactivate'
  | 'unit.import'
  | 'user.read'
  | 'user.create'
  | 'user.update'
  | 'user.reset_password'
  | 'grant.manage'
  | 'audit.read'
  | 'audit.verify';

/** What an action is done on: the whole system, a unit (by its materialised path), or a grant of a role on a unit. */
export type Subject =
  { kind: 'system' } | { kind: 'unit'; unitPath: string } | { kind: 'grant'; unitPath: string; role: Role };

/**
 * The permission table, to be read aloud: "an agency admin may create a unit inside her agency".
 * A role listed here allows the action on the unit it was granted on, and below it when the role reaches
 * descendants. System administrators may do everything; actions listed with no role are theirs alone.
 */
export const PERMISSIONS: Record<Action, readonly Role[]> = {
  'agency.create': [],
  'audit.verify': [],
  'unit.read': [
    'agency_admin',
    'zi_team_lead',
    'area_coordinator',
    'team_member',
    'leader',
    'tpi_evaluator',
    'tpn_evaluator',
  ],
  'unit.create': ['agency_admin'],
  'unit.update': ['agency_admin'],
  'unit.move': ['agency_admin'],
  'unit.deactivate': ['agency_admin'],
  'unit.import': ['agency_admin'],
  'user.read': ['agency_admin', 'zi_team_lead', 'leader'],
  'user.create': ['agency_admin'],
  'user.update': ['agency_admin'],
  'user.reset_password': ['agency_admin'],
  // Which role may be handed out is narrowed further by GRANTABLE_BY.
  'grant.manage': ['agency_admin', 'zi_team_lead'],
  'audit.read': ['agency_admin', 'leader'],
};

/** Does this grant apply on the unit at `unitPath`? */
export const grantCovers = (grant: Grant, unitPath: string): boolean =>
  grant.unitPath === unitPath || (ROLE_REACHES_DESCENDANTS[grant.role] && isWithin(unitPath, grant.unitPath));

/**
 * May `actor` do `action` on `subject`? One pure function, the only place the rule lives.
 *
 * @example
 * can({ userId: 'u', isSystemAdmin: false, grants: [{ role: 'agency_admin', unitPath: '/kpu/' }] },
 *     'unit.create', { kind: 'unit', unitPath: '/kpu/jatim/' }) // true
 */
export const can = (actor: Actor | null, action: Action, subject: Subject): boolean => {
  if (!actor) return false;
  if (actor.isSystemAdmin) return true;
  if (subject.kind === 'system') return false;
  const allowed = PERMISSIONS[action];
  return actor.grants.some(
    (grant) =>
      allowed.includes(grant.role) &&
      grantCovers(grant, subject.unitPath) &&
      (subject.kind !== 'grant' || GRANTABLE_BY[grant.role].includes(subject.role)),
  );
};

/**
 * Where an actor may do `action`, for filtering lists in a query: every unit, or the listed exact units and
 * whole subtrees.
 */
export type Reach = { all: true } | { all: false; exact: string[]; subtrees: string[] };

export const reachOf = (actor: Actor, action: Action): Reach => {
  if (actor.isSystemAdmin) return { all: true };
  const exact = new Set<string>();
  const subtrees = new Set<string>();
  for (const grant of actor.grants) {
    if (!PERMISSIONS[action].includes(grant.role)) continue;
    (ROLE_REACHES_DESCENDANTS[grant.role] ? subtrees : exact).add(grant.unitPath);
  }
  return { all: false, exact: [...exact], subtrees: [...subtrees] };
};

/** Is a unit path inside a reach? The same rule as `can`, for results already loaded. */
export const reachIncludes = (reach: Reach, unitPath: string): boolean =>
  reach.all || reach.exact.includes(unitPath) || reach.subtrees.some((root) => isWithin(unitPath, root));
