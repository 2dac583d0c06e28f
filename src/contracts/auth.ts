import { z } from 'zod';
import { ROLES, AREAS } from '../core/org/roles.ts';
import { Email, Id, Password } from './common.ts';

export const Locale = z.enum(['id', 'en']);

export const GrantView = z.object({
  id: Id,
  role: z.enum(ROLES),
  unitId: Id,
  unitName: z.string(),
  unitPath: z.string(),
  area: z.number().int().min(1).max(AREAS.length).nullable(),
});
export type GrantView = z.infer<typeof GrantView>;

export const Me = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  isSystemAdmin: z.boolean(),
  locale: Locale,
  mustChangePassword: z.boolean(),
  grants: z.array(GrantView),
});
export type Me = z.infer<typeof Me>;

export const Session = z.object({ user: Me, csrfToken: z.string() });
export type Session = z.infer<typeof Session>;

export const LoginBody = z.object({ email: Email, password: z.string().min(1).max(200) });
export type LoginBody = z.infer<typeof LoginBody>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const UpdateProfileBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  locale: Locale.optional(),
});
export type UpdateProfileBody = z.infer<typeof UpdateProfileBody>;

export const SetupStatus = z.object({ needsSetup: z.boolean() });

export const SetupBody = z.object({
  agency: z.object({
    code: z.string().trim().min(1).max(40),
    name: z.string().trim().min(1).max(200),
    region: z.string().trim().max(200).optional(),
  }),
  admin: z.object({ name: z.string().trim().min(1).max(200), email: Email, password: Password }),
});
export type SetupBody = z.infer<typeof SetupBody>;
