import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * A unit's employees (pegawai): personal data, visible only inside the unit. An employee may have a Pulau
 * account (`user_id`), with which she signs the integrity pact herself; without one she signs through a
 * one-time link. Employees are the pool the work team, change agents and action-plan owners are drawn from.
 */
export const employees = pgTable(
  'employees',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id').notNull(),
    name: text('name').notNull(),
    /** NIP, 18 digits for civil servants; null for contract staff (PPNPN) without one. */
    nip: text('nip'),
    position: text('position').notNull().default(''),
    grade: text('grade').notNull().default(''),
    email: text('email'),
    userId: uuid('user_id'),
    /** Employees leave; their signatures and history stay. */
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('employees_unit_nip_key').on(t.unitId, t.nip),
    index('employees_unit_idx').on(t.unitId),
    index('employees_user_idx').on(t.userId),
  ],
);
