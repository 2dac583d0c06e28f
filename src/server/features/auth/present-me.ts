import type { Me, Session } from '../../../contracts/auth.ts';
import type { GrantRow, UserRow } from './repo.ts';

/** The wire shape of the logged-in user: no hash, no counters. */
export const presentMe = (user: UserRow, grants: GrantRow[]): Me => ({
  id: user.id,
  email: user.email,
  name: user.name,
  isSystemAdmin: user.isSystemAdmin,
  locale: user.locale === 'en' ? 'en' : 'id',
  mustChangePassword: user.mustChangePassword,
  grants,
});

export const presentSession = (user: UserRow, grants: GrantRow[], csrfToken: string): Session => ({
  user: presentMe(user, grants),
  csrfToken,
});
