import { can, type Action, type Actor } from '../../core/org/can.ts';
import { GRANTABLE_BY, ROLES, type Role } from '../../core/org/roles.ts';
import type { Me } from '../../contracts/auth.ts';

// The browser asks the same can() as the server, only to decide what to show; the server still decides.

export const actorOf = (me: Me): Actor => ({
  userId: me.id,
  isSystemAdmin: me.isSystemAdmin,
  grants: me.grants.map((grant) => ({
    role: grant.role,
    unitPath: grant.unitPath,
    area: grant.area as Actor['grants'][number]['area'],
  })),
});

/** May the user do `action` on this unit? */
export const canOnUnit = (me: Me, action: Action, unitPath: string): boolean =>
  can(actorOf(me), action, { kind: 'unit', unitPath });

/** May the user do `action` on at least one unit (what the navigation shows)? */
export const canSomewhere = (me: Me, action: Action): boolean =>
  me.isSystemAdmin || me.grants.some((grant) => canOnUnit(me, action, grant.unitPath));

/** Roles this user may grant on the unit at `unitPath`. */
export const grantableRoles = (me: Me, unitPath: string): Role[] =>
  me.isSystemAdmin
    ? [...ROLES]
    : ROLES.filter((role) => can(actorOf(me), 'grant.manage', { kind: 'grant', unitPath, role }));

export const canGrantSomewhere = (me: Me): boolean =>
  me.isSystemAdmin || me.grants.some((grant) => GRANTABLE_BY[grant.role].length > 0);

export { ROLES };
export type { Role };
