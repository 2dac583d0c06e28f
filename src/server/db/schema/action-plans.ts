import {
  doublePrecision,
  bigint,
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

/**
 * Action plans (rencana aksi) of the ZI programme (§5.1 Tahap III; LKE P1.ii, P1.iii): one plan per unit, year
 * and change area, drawn up by that area's team; its activities carry measurable targets, are realised quarter
 * by quarter with evidence, and a quarterly monitoring report goes to the leader and on to the parent unit.
 */
export const actionPlans = pgTable(
  'action_plans',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id').notNull(),
    year: integer('year').notNull(),
    /** The change area 1–6 (Pengungkit), whose team edits the plan. */
    area: smallint('area').notNull(),
    /** The area's priority targets and intent, in the team's words (LKE P1.ii.b). */
    summary: text('summary').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('action_plans_unit_year_area_key').on(t.unitId, t.year, t.area)],
);

export const planActivities = pgTable(
  'plan_activities',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id').notNull(),
    title: text('title').notNull(),
    /** What the activity produces (a decree, a report, a service standard). */
    output: text('output').notNull().default(''),
    /** The measurable target: a number and its unit of measure ("12 dokumen", "100 persen"). */
    target: doublePrecision('target').notNull(),
    targetUnit: text('target_unit').notNull(),
    /** Planned quarters, 1–4, ascending: when the work is meant to happen. */
    quarters: jsonb('quarters').notNull(),
    /** An employee of the unit (employees.id); null until someone is named. */
    personInChargeId: uuid('person_in_charge_id'),
    /** Rupiah, optional. */
    budget: bigint('budget', { mode: 'number' }),
    /** The LKE item codes the activity serves ('P1.ii.a'): realisation evidence is attached to them. */
    lkeCodes: jsonb('lke_codes').notNull(),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_activities_plan_idx').on(t.planId)],
);

/** What was achieved in one quarter, with its evidence (evidence ids of the unit's library). */
export const planRealisations = pgTable(
  'plan_realisations',
  {
    id: uuid('id').primaryKey(),
    activityId: uuid('activity_id').notNull(),
    quarter: smallint('quarter').notNull(),
    achieved: doublePrecision('achieved').notNull(),
    note: text('note').notNull().default(''),
    evidenceIds: jsonb('evidence_ids').notNull(),
    reportedBy: uuid('reported_by'),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('plan_realisations_activity_quarter_key').on(t.activityId, t.quarter)],
);

/** Input on an activity from anyone of the unit (everyone may give input). */
export const planComments = pgTable(
  'plan_comments',
  {
    id: uuid('id').primaryKey(),
    activityId: uuid('activity_id').notNull(),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_comments_activity_idx').on(t.activityId, t.createdAt)],
);

/**
 * The quarterly monitoring report (monev, LKE P1.iii.b): submitted by the team lead, approved or returned by the
 * unit's leader, and on approval forwarded to the parent unit. Its PDF is rendered on demand from live data.
 */
export const planReports = pgTable(
  'plan_reports',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id').notNull(),
    year: integer('year').notNull(),
    quarter: smallint('quarter').notNull(),
    /** 'submitted' | 'approved' | 'returned' (a report exists from its first submission). */
    status: text('status').notNull(),
    /** The leader's note when returning it. */
    returnNote: text('return_note').notNull().default(''),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    returnedBy: uuid('returned_by'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    forwardedAt: timestamp('forwarded_at', { withTimezone: true }),
    forwardedToUnitId: uuid('forwarded_to_unit_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plan_reports_unit_year_quarter_key').on(t.unitId, t.year, t.quarter)],
);
