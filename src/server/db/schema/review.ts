import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The evaluation workflow's tables (PermenPANRB 90/2021 Lampiran II). The assessment's own `status` column
 * holds the review status of `src/core/review/review-status.ts`; the answers of each review level live in
 * `answers` under their level id ('tpi:member', 'tpn_desk', …). What is here: per-item review marks,
 * per-agency settings, §4.2 prerequisites, the proposal documents, and the predicate history.
 */

/** One item's review state in an assessment: returned for revision, awaiting recheck, revisions counted. */
export const itemReviews = pgTable(
  'item_reviews',
  {
    assessmentId: uuid('assessment_id').notNull(),
    code: text('code').notNull(),
    /** 'open' | 'returned' | 'awaiting_recheck' (core ItemStatus). */
    status: text('status').notNull().default('open'),
    returnNote: text('return_note').notNull().default(''),
    /** The level that returned it last ('tpi:member', …). */
    returnedAt: text('returned_at'),
    revisions: integer('revisions').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.code] })],
);

/** An agency's evaluation settings (core `reviewConfigSchema`), validated on load; absent = the defaults. */
export const reviewSettings = pgTable('review_settings', {
  agencyId: uuid('agency_id').primaryKey(),
  config: jsonb('config').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

/**
 * A §4.2 prerequisite of a proposal, entered with evidence and checked. Agency-level ones (BPK opinion, SAKIP,
 * Indeks RB, SPIP maturity) hang on the period (`assessment_id` null); unit-level ones (follow-up of findings,
 * asset reports, a year since the declaration, SAKIP) on the assessment.
 */
export const proposalPrerequisites = pgTable(
  'proposal_prerequisites',
  {
    id: uuid('id').primaryKey(),
    periodId: uuid('period_id').notNull(),
    assessmentId: uuid('assessment_id'),
    code: text('code').notNull(),
    /** What was entered: e.g. { opinion: 'WTP' } or { percent: 100 } or { grade: 'BB' }. */
    value: jsonb('value').notNull(),
    met: boolean('met').notNull(),
    evidenceId: uuid('evidence_id'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    unique('proposal_prerequisites_key').on(t.periodId, t.assessmentId, t.code).nullsNotDistinct(),
    index('proposal_prerequisites_assessment_idx').on(t.assessmentId),
  ],
);

/** The agency's proposal of one assessment to KemenPAN-RB: the cover letter and the SPTJM as evidence. */
export const proposals = pgTable(
  'proposals',
  {
    assessmentId: uuid('assessment_id').primaryKey(),
    periodId: uuid('period_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    coverLetterEvidenceId: uuid('cover_letter_evidence_id'),
    statementEvidenceId: uuid('statement_evidence_id'),
    proposedAt: timestamp('proposed_at', { withTimezone: true }),
    proposedBy: uuid('proposed_by'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('proposals_period_agency_idx').on(t.periodId, t.agencyId)],
);

/** The unit's predicate history: each decree and, if it came, its revocation. */
export const predicateAwards = pgTable(
  'predicate_awards',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id').notNull(),
    assessmentId: uuid('assessment_id').notNull(),
    /** 'WBK' | 'WBBM'. */
    predicate: text('predicate').notNull(),
    decreeNumber: text('decree_number').notNull(),
    /** YYYY-MM-DD, the decree's date. */
    decreeDate: text('decree_date').notNull(),
    decidedBy: uuid('decided_by'),
    revokedOn: text('revoked_on'),
    revocationReason: text('revocation_reason'),
    revokedBy: uuid('revoked_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('predicate_awards_unit_idx').on(t.unitId)],
);
