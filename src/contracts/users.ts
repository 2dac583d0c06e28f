import { z } from 'zod';
import { AREAS, ROLES } from '../core/org/roles.ts';
import { Email, Id, Password, Version } from './common.ts';
import { GrantView, Locale } from './auth.ts';

export const User = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  homeUnitId: Id.nullable(),
  isSystemAdmin: z.boolean(),
  active: z.boolean(),
  locale: Locale,
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  version: z.number().int(),
  grants: z.array(GrantView),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

export const UserList = z.object({ users: z.array(User) });
export const UserListQuery = z.object({ unitId: Id.optional() });

export const CreateUserBody = z.object({
  email: Email,
  name: z.string().trim().min(1).max(200),
  homeUnitId: Id,
  /** Left out: a temporary password is generated, shown once, and must be changed at first login. */
  password: Password.optional(),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const CreatedUser = z.object({ user: User, temporaryPassword: z.string().nullable() });

export const UpdateUserBody = z.object({
  version: Version,
  name: z.string().trim().min(1).max(200).optional(),
  active: z.boolean().optional(),
  homeUnitId: Id.optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const TemporaryPassword = z.object({ temporaryPassword: z.string() });

export const Role = z.enum(ROLES);
export const AddGrantBody = z
  .object({
    unitId: Id,
    role: Role,
    area: z.number().int().min(1).max(AREAS.length).nullable().default(null),
  })
  // An area coordinator needs her area; a team member may be given one (she then answers its items); others none.
  .refine(
    (g) => (g.role === 'area_coordinator' ? g.area !== null : g.role === 'team_member' || g.area === null),
    {
      message: 'AREA_ONLY_FOR_COORDINATOR_OR_MEMBER',
      path: ['area'],
    },
  );
export type AddGrantBody = z.infer<typeof AddGrantBody>;

export const GrantParams = z.object({ id: Id, grantId: Id });
