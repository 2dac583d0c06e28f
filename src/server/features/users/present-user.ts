import type { User } from '../../../contracts/users.ts';
import type { GrantRow, UserRow } from '../auth/repo.ts';

/** The wire shape of a user: never the password hash nor the failure counter. */
export const presentUser = (row: UserRow, grants: GrantRow[]): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  homeUnitId: row.homeUnitId,
  isSystemAdmin: row.isSystemAdmin,
  active: row.active,
  locale: row.locale === 'en' ? 'en' : 'id',
  mustChangePassword: row.mustChangePassword,
  lockedUntil: row.lockedUntil?.toISOString() ?? null,
  version: row.version,
  grants,
  createdAt: row.createdAt.toISOString(),
});

/** What the audit trail keeps of a user. */
export const auditableUser = (row: UserRow) => ({
  email: row.email,
  name: row.name,
  homeUnitId: row.homeUnitId,
  active: row.active,
  isSystemAdmin: row.isSystemAdmin,
});
