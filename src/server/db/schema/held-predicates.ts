import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A predicate a unit won outside Pulau (before it used Pulau): its decree number and date, the issuer, the
 * decree PDF as the unit's evidence. It counts in the predicate history only once the agency admin or TPN
 * verified it (docs/review.md, rule held-predicates).
 */
export const heldPredicates = pgTable(
  'held_predicates',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id').notNull(),
    /** 'WBK' | 'WBBM'. */
    predicate: text('predicate').notNull(),
    decreeNumber: text('decree_number').notNull(),
    /** YYYY-MM-DD, the decree's own date. */
    decreeDate: text('decree_date').notNull(),
    /** Who issued the decree, e.g. "Menteri PANRB". */
    issuer: text('issuer').notNull(),
    /** The decree PDF, an evidence item of the same unit. */
    evidenceId: uuid('evidence_id').notNull(),
    /** 'recorded' (waiting for verification) | 'verified' | 'rejected'. */
    status: text('status').notNull().default('recorded'),
    verificationNote: text('verification_note'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    verifiedBy: uuid('verified_by'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('held_predicates_unit_idx').on(t.unitId)],
);
