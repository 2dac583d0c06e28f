import {
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

/**
 * A decree (SK) forming the unit's ZI work team. A new decree or an amendment supersedes the current one; the
 * old ones stay as history (`superseded_at`), so the team at any date can be read back.
 */
export const teamDecrees = pgTable(
  'team_decrees',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id').notNull(),
    /** 'decree' (a new SK) or 'amendment' (an SK changing the previous one). */
    kind: text('kind').notNull().default('decree'),
    number: text('number').notNull(),
    /** YYYY-MM-DD: the day the decree was signed. */
    decreedOn: text('decreed_on').notNull(),
    validFrom: text('valid_from').notNull(),
    /** The signed PDF, uploaded through the evidence feature. */
    evidenceId: uuid('evidence_id'),
    /** How members were chosen (the LKE asks whether by a clear procedure). */
    selectionMethod: text('selection_method').notNull(),
    leadEmployeeId: uuid('lead_employee_id').notNull(),
    supersedesId: uuid('supersedes_id'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('team_decrees_unit_idx').on(t.unitId, t.createdAt)],
);

/** A member of one of the six area teams under a decree: coordinator or member. */
export const teamMembers = pgTable(
  'team_members',
  {
    decreeId: uuid('decree_id').notNull(),
    area: smallint('area').notNull(),
    employeeId: uuid('employee_id').notNull(),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.decreeId, t.area, t.employeeId] })],
);

/**
 * Role grants the work team created (as opposed to grants given by hand): synchronising a new decree removes
 * only these when the decree drops someone. Deleting the grant deletes the link.
 */
export const teamRoleGrants = pgTable(
  'team_role_grants',
  {
    grantId: uuid('grant_id').primaryKey(),
    unitId: uuid('unit_id').notNull(),
    decreeId: uuid('decree_id').notNull(),
  },
  (t) => [index('team_role_grants_unit_idx').on(t.unitId)],
);

/** An audit finding of the inspectorate, BPK or another auditor, and its follow-up (tindak lanjut). */
export const findings = pgTable(
  'findings',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id').notNull(),
    /** 'inspectorate' | 'bpk' | 'other'. */
    source: text('source').notNull(),
    reference: text('reference').notNull(),
    finding: text('finding').notNull(),
    recommendation: text('recommendation').notNull(),
    dueDate: text('due_date').notNull(),
    /** 'open' | 'in_progress' | 'followed_up'. */
    status: text('status').notNull().default('open'),
    followUp: text('follow_up').notNull().default(''),
    evidenceIds: jsonb('evidence_ids').notNull().default([]),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('findings_unit_idx').on(t.unitId)],
);

/** A designated change agent (agen perubahan) of the unit. */
export const changeAgents = pgTable(
  'change_agents',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    designatedOn: text('designated_on').notNull(),
    decreeRef: text('decree_ref').notNull(),
    revokedOn: text('revoked_on'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('change_agents_unit_idx').on(t.unitId),
    uniqueIndex('change_agents_unit_employee_key').on(t.unitId, t.employeeId),
  ],
);

/** A concrete change a change agent made; `integrated` = taken into the management system (R1.i.b). */
export const changeAgentChanges = pgTable(
  'change_agent_changes',
  {
    id: uuid('id').primaryKey(),
    agentId: uuid('agent_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    madeOn: text('made_on').notNull(),
    integrated: boolean('integrated').notNull().default(false),
    evidenceIds: jsonb('evidence_ids').notNull().default([]),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('change_agent_changes_agent_idx').on(t.agentId)],
);

/**
 * Where an answer's value came from when a programme feature wrote it (e.g. 'change_agents'): the note is what
 * the worksheet shows ("dari data Agen Perubahan: 12 agen, 7 perubahan").
 */
export const answerFeeds = pgTable(
  'answer_feeds',
  {
    assessmentId: uuid('assessment_id').notNull(),
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    note: text('note').notNull(),
    appliedBy: uuid('applied_by'),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.code] })],
);
