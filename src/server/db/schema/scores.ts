import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';

/** A score figure as stored: exact decimal text with four places (core `toFixed`), numeric in SQL. */
const figure = (name: string) => numeric(name, { precision: 9, scale: 4 }).notNull();

/**
 * The derived figures of one assessment at one level (the unit's own answers, or a reviewer's level), kept
 * for reading at scale: the recap and the homes read these rows instead of re-scoring every assessment.
 * Written in the transaction of every change that moves them (`features/scores/refresh-scores.ts`), and
 * re-derivable from the answers at any time (`pulau scores rebuild`), which must reproduce them exactly.
 * `inputs_hash` names the inputs they were derived from; `version` counts the rewrites, as answers do.
 */
export const assessmentScores = pgTable(
  'assessment_scores',
  {
    assessmentId: uuid('assessment_id').notNull(),
    level: text('level').notNull(),
    /** The level's place in the agency's order (0 = the unit): the latest reviewer level is the highest. */
    levelRank: integer('level_rank').notNull(),
    periodId: uuid('period_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    templateId: text('template_id').notNull(),
    templateVersion: text('template_version').notNull(),
    total: figure('total'),
    pengungkit: figure('pengungkit'),
    pemenuhan: figure('pemenuhan'),
    reform: figure('reform'),
    hasil: figure('hasil'),
    /** Per area: { number, score, weight } as decimal text. */
    areas: jsonb('areas').notNull(),
    /** Hasil parts and items: { code, score, weight } as decimal text. */
    hasilParts: jsonb('hasil_parts').notNull(),
    /** Per predicate: { id, eligible, failed: rule ids }. */
    predicates: jsonb('predicates').notNull(),
    wbkEligible: boolean('wbk_eligible').notNull(),
    wbbmEligible: boolean('wbbm_eligible').notNull(),
    wbkFailed: integer('wbk_failed').notNull(),
    wbbmFailed: integer('wbbm_failed').notNull(),
    answered: integer('answered').notNull(),
    itemCount: integer('item_count').notNull(),
    withEvidence: integer('with_evidence').notNull(),
    withExplanation: integer('with_explanation').notNull(),
    invalid: integer('invalid').notNull(),
    inputsHash: text('inputs_hash').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.level] }),
    index('assessment_scores_period_unit_idx').on(t.periodId, t.unitId),
  ],
);
