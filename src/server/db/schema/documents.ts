import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A document as it was filed when approved, decided or signed: the PDF's bytes (in the blob store, by SHA-256)
 * and the data it was rendered from. What is downloaded later is these bytes, never a fresh rendering. A
 * reopening marks the copy superseded; it stays, so the public verification still recognises it as filed.
 */
export const filedDocuments = pgTable(
  'filed_documents',
  {
    id: uuid('id').primaryKey(),
    /** 'plan_report' | 'lhe' | 'pact_list' */
    kind: text('kind').notNull(),
    /** What it documents, in the kind's terms (the report id; the assessment id and level; the pact version). */
    subjectKey: text('subject_key').notNull(),
    unitId: uuid('unit_id').notNull(),
    title: text('title').notNull(),
    filename: text('filename').notNull(),
    /** SHA-256 (hex) of the PDF bytes: the blob's key and what the verification page compares. */
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    /** SHA-256 of the canonical JSON of `data`, printed on the document itself. */
    dataSha256: text('data_sha256').notNull(),
    data: jsonb('data').notNull(),
    filedBy: uuid('filed_by'),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    supersededBy: uuid('superseded_by'),
  },
  (t) => [
    index('filed_documents_subject_idx').on(t.kind, t.subjectKey),
    index('filed_documents_sha256_idx').on(t.sha256),
  ],
);

/**
 * How an agency's documents look and are signed: the letterhead lines, address, logo, the place printed before
 * the date, the title of a unit's leader (KPU and Bawaslu are led by a Ketua, most offices by a Kepala) and
 * the time zone of its offices. Without a row the defaults of the document kit apply.
 */
export const documentSettings = pgTable('document_settings', {
  agencyId: uuid('agency_id').primaryKey(),
  letterhead: jsonb('letterhead').$type<string[]>().notNull().default([]),
  address: text('address').notNull().default(''),
  /** A PNG or JPEG as a data URL (pdfmake reads images only from data URLs here). */
  logo: text('logo'),
  leaderTitle: text('leader_title'),
  place: text('place'),
  /** 'WIB' | 'WITA' | 'WIT' */
  timeZone: text('time_zone').notNull().default('WIB'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
