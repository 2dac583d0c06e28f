import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** Agencies (instansi, depth 0) and their units to any depth, with a materialised path of ids. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    region: text('region'),
    isPublicService: boolean('is_public_service').notNull().default(false),
    afirmasi: boolean('afirmasi').notNull().default(false),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('units_code_key').on(sql`lower(${t.code})`),
    uniqueIndex('units_path_key').on(t.path),
    index('units_parent_idx').on(t.parentId),
    index('units_path_prefix_idx').on(t.path.op('text_pattern_ops')),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    homeUnitId: uuid('home_unit_id').references(() => units.id),
    isSystemAdmin: boolean('is_system_admin').notNull().default(false),
    active: boolean('active').notNull().default(true),
    locale: text('locale').notNull().default('id'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    index('users_home_unit_idx').on(t.homeUnitId),
  ],
);

export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    role: text('role').notNull(),
    area: smallint('area'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('role_grants_unique').on(t.userId, t.unitId, t.role, sql`coalesce(${t.area}, 0)`),
    index('role_grants_unit_idx').on(t.unitId),
  ],
);

/** Sessions live in the database so any app process serves any request; the id is a hash of the cookie token. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Append-only, hash-chained: each row's hash covers its content and the previous row's hash. */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    unitId: uuid('unit_id'),
    unitPath: text('unit_path'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_unit_path_idx').on(t.unitPath.op('text_pattern_ops')),
    index('audit_actor_idx').on(t.actorId),
    index('audit_at_idx').on(t.at),
  ],
);
