import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * The unit's integrity pact text (pakta integritas), versioned: an edit adds a version, never rewrites one, so
 * every signature keeps pointing at the exact text (and its SHA-256) that was signed.
 */
export const pactDocuments = pgTable(
  'pact_documents',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id').notNull(),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    /** SHA-256 (hex) of the UTF-8 body. */
    sha256: text('sha256').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('pact_documents_unit_version_key').on(t.unitId, t.version)],
);

/** One employee's signature of one pact version: when, on which text (hash), and how ('login' | 'link'). */
export const pactSignatures = pgTable(
  'pact_signatures',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    documentId: uuid('document_id').notNull(),
    documentSha256: text('document_sha256').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    via: text('via').notNull(),
    /** The account that signed ('login'); null when signed through a one-time link. */
    signerUserId: uuid('signer_user_id'),
    linkId: uuid('link_id'),
  },
  (t) => [
    uniqueIndex('pact_signatures_document_employee_key').on(t.documentId, t.employeeId),
    index('pact_signatures_unit_idx').on(t.unitId),
  ],
);

/** One-time signing links for staff without accounts: only the token's hash is stored; `used_at` marks the use. */
export const pactSigningLinks = pgTable(
  'pact_signing_links',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('pact_signing_links_token_key').on(t.tokenHash),
    index('pact_signing_links_employee_idx').on(t.employeeId),
  ],
);

/**
 * The unit's declaration (pencanangan) of building a Zona Integritas: one per unit. Its date is the ZI start
 * date other features count from. Minutes and photos/video are evidence records of the unit.
 */
export const declarations = pgTable('declarations', {
  unitId: uuid('unit_id').primaryKey(),
  /** YYYY-MM-DD. */
  declaredOn: text('declared_on').notNull(),
  /** 'in_person' | 'online'. */
  mode: text('mode').notNull(),
  place: text('place').notNull().default(''),
  /** [{ institution, name }]: e.g. KPK, Ombudsman, Bawaslu. */
  witnesses: jsonb('witnesses').notNull().default([]),
  minutesEvidenceId: uuid('minutes_evidence_id'),
  mediaEvidenceIds: jsonb('media_evidence_ids').notNull().default([]),
  notes: text('notes').notNull().default(''),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
