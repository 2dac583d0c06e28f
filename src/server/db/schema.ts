import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
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
    /**
     * The chain the record links into: one per unit (`unit:<id>`), one per person for records with no unit
     * (`user:<id>`), `system` otherwise; `global` is the single chain written before chains were split. Writers
     * lock only their chain, so saves in different units never wait for each other.
     */
    chain: text('chain').notNull().default('global'),
  },
  (t) => [
    index('audit_chain_idx').on(t.chain, t.seq),
    index('audit_unit_path_idx').on(t.unitPath.op('text_pattern_ops')),
    index('audit_actor_idx').on(t.actorId),
    index('audit_at_idx').on(t.at),
  ],
);

/** An evaluation period (year) of one agency, with its windows; it pins the LKE template version. */
export const periods = pgTable(
  'periods',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    templateId: text('template_id').notNull(),
    templateVersion: text('template_version').notNull(),
    fillFrom: text('fill_from').notNull(),
    fillUntil: text('fill_until').notNull(),
    reviewFrom: text('review_from'),
    reviewUntil: text('review_until'),
    revisionFrom: text('revision_from'),
    revisionUntil: text('revision_until'),
    /** The submission gate, each rule relaxable per period. */
    requireAllAnswered: boolean('require_all_answered').notNull().default(true),
    requireExplanation: boolean('require_explanation').notNull().default(true),
    requireEvidence: boolean('require_evidence').notNull().default(true),
    /** TPN's proposal deadline for this period (YYYY-MM-DD), overriding the agency's month-day. */
    proposalDeadline: text('proposal_deadline'),
    /** How many units of this agency TPN accepts this period; null = no quota announced. */
    proposalQuota: integer('proposal_quota'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('periods_agency_year_key').on(t.agencyId, t.year)],
);

/** One unit's self-assessment in one period, with its target predicate. */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    target: text('target').notNull(),
    alreadyWbk: boolean('already_wbk').notNull().default(false),
    status: text('status').notNull().default('draft'),
    carriedFromId: uuid('carried_from_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
    /** While TPI reviews: the index of the current TPI sub-stage in the agency's list (core ReviewState). */
    tpiStage: integer('tpi_stage').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('assessments_period_unit_key').on(t.periodId, t.unitId),
    index('assessments_unit_idx').on(t.unitId),
  ],
);

/**
 * One answer per item (or count input) per level: the unit's own answer is level 'unit'; review levels come
 * with the evaluation workflow. `value` is the LKE answer as people write it ("Ya", "B", 5, 3.72).
 */
export const answers = pgTable(
  'answers',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    level: text('level').notNull().default('unit'),
    code: text('code').notNull(),
    value: jsonb('value'),
    explanation: text('explanation').notNull().default(''),
    status: text('status').notNull().default('empty'),
    toReview: boolean('to_review').notNull().default(false),
    personInChargeId: uuid('person_in_charge_id').references(() => users.id),
    /** Set when a survey campaign's result was applied here: the value is then locked against hand edits. */
    sourceCampaignId: uuid('source_campaign_id'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.level, t.code] })],
);

export const itemComments = pgTable(
  'item_comments',
  {
    id: uuid('id').primaryKey(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    code: text('code').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('item_comments_item_idx').on(t.assessmentId, t.code)],
);

/** Stored bytes, content-addressed: the same file uploaded twice is stored once. */
export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  mime: text('mime').notNull(),
  storageKey: text('storage_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A piece of evidence (data dukung) of a unit; it can serve several items and keeps its versions. */
export const evidence = pgTable(
  'evidence',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    effectiveDate: text('effective_date'),
    currentVersionId: uuid('current_version_id'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('evidence_unit_idx').on(t.unitId)],
);

export const evidenceVersions = pgTable(
  'evidence_versions',
  {
    id: uuid('id').primaryKey(),
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidence.id),
    blobSha256: text('blob_sha256')
      .notNull()
      .references(() => blobs.sha256),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evidence_versions_evidence_idx').on(t.evidenceId)],
);

/** Evidence attached to an item of an assessment, optionally ticked against a typical-evidence entry. */
export const evidenceLinks = pgTable(
  'evidence_links',
  {
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidence.id),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    code: text('code').notNull(),
    checklistIndex: integer('checklist_index'),
    linkedBy: uuid('linked_by'),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.evidenceId, t.assessmentId, t.code] }),
    index('evidence_links_item_idx').on(t.assessmentId, t.code),
  ],
);

/** A survey campaign (SKM, IPAK or IPKP) of a unit in a period, pinned to one questionnaire version. */
export const surveyCampaigns = pgTable(
  'survey_campaigns',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    periodLabel: text('period_label').notNull(),
    kind: text('kind').notNull(),
    questionnaireId: text('questionnaire_id').notNull(),
    questionnaireVersion: text('questionnaire_version').notNull(),
    /** [{ code, name, population }]: the unit's services and the users of each in the period. */
    services: jsonb('services').notNull(),
    samplingMethod: text('sampling_method').notNull(),
    targetSample: integer('target_sample').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    status: text('status').notNull().default('draft'),
    requireCodes: boolean('require_codes').notNull().default(false),
    proofOfWork: boolean('proof_of_work').notNull().default(false),
    minSeconds: integer('min_seconds'),
    /** Quality flags the owner chose to leave out of the index; empty by default (every valid response counts). */
    excludeFlags: jsonb('exclude_flags').notNull(),
    /** Why the owner left flagged responses out; required whenever `exclude_flags` is not empty. */
    exclusionReason: text('exclusion_reason'),
    /** The unit's own unscored questions (core `customQuestionSchema`), asked after the scored ones. */
    customQuestions: jsonb('custom_questions').notNull().default([]),
    /** A device token answers once per service in this many hours (0: no rule); kiosks send none. */
    deviceWindowHours: integer('device_window_hours').notNull().default(24),
    /** A closed campaign the unit chose to show on its public results page. */
    published: boolean('published').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('survey_campaigns_unit_idx').on(t.unitId)],
);

/** One anonymous response; the idempotency key makes a retried submission count once. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => surveyCampaigns.id),
    serviceCode: text('service_code'),
    screening: text('screening').notNull(),
    answers: jsonb('answers').notNull(),
    profile: jsonb('profile').notNull(),
    durationSeconds: integer('duration_seconds'),
    flags: jsonb('flags').notNull(),
    idempotencyKey: uuid('idempotency_key').notNull(),
    /** SHA-256 of the canonical body, so a reused key with another body is told apart from a retry. */
    bodyHash: text('body_hash').notNull(),
    deviceTokenHash: text('device_token_hash'),
    /** Salted hash of the address; nullable because it is dropped after the retention period. */
    ipHash: text('ip_hash'),
    /** The solved proof-of-work challenge, when the campaign asks for one: each solves one response. */
    powChallengeHash: text('pow_challenge_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('survey_responses_idempotency_key').on(t.campaignId, t.idempotencyKey),
    uniqueIndex('survey_responses_pow_key').on(t.campaignId, t.powChallengeHash),
    index('survey_responses_campaign_idx').on(t.campaignId, t.createdAt),
  ],
);

/** One-time codes printed on queue tickets: only their hash is stored; `used_at` marks the one use. */
export const surveyCodes = pgTable(
  'survey_codes',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => surveyCampaigns.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.codeHash] })],
);

/** Evaluators assigned to review a unit (TPI by the agency, TPN nationally); conflicts of interest are refused. */
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    level: text('level').notNull(),
    /** Positions in the unit's TPI team ('member', 'team_lead', 'quality_controller'): who completes which stage. */
    positions: jsonb('positions').notNull().default(['member']),
    assignedBy: uuid('assigned_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('review_assignments_unique').on(t.unitId, t.userId, t.level)],
);

export * from './schema/review.ts';
export * from './schema/notifications.ts';
export * from './schema/employees.ts';
export * from './schema/pact.ts';
export * from './schema/team.ts';
export * from './schema/surveys-extra.ts';
export * from './schema/action-plans.ts';
export * from './schema/documents.ts';
export * from './schema/worksheet-versions.ts';
export * from './schema/scores.ts';
export * from './schema/uploads.ts';
export * from './schema/limits.ts';
export * from './schema/secrets.ts';
export * from './schema/held-predicates.ts';
