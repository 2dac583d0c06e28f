import { z } from 'zod';
import { reviewConfigSchema } from '../core/review/review-config.ts';
import { REVIEW_STATUSES } from '../core/review/review-status.ts';
import { REVIEW_ACTIONS } from '../core/review/review-table.ts';
import { AnswerValue, EvidenceLinkView, Target } from './assessments.ts';
import { Id, Version } from './common.ts';

const IsoDate = z.iso.date();

// ── Who reviews whom ────────────────────────────────────────────────────────────────────────────────────

export const ReviewLevel = z.enum(['tpi', 'tpn']);

/** A position in a unit's TPI team; the agency's TPI stages say which positions complete which stage. */
export const TeamPosition = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]*$/, 'POSITION_INVALID')
  .max(40);

export const EvaluatorAssignment = z.object({
  id: Id,
  unitId: Id,
  userId: Id,
  userName: z.string(),
  userEmail: z.string(),
  level: ReviewLevel,
  /** Positions in the unit's TPI team ('member', 'team_lead', 'quality_controller'); TPN: ['member']. */
  positions: z.array(z.string()),
  createdAt: z.string(),
});
export type EvaluatorAssignment = z.infer<typeof EvaluatorAssignment>;

export const EvaluatorAssignmentList = z.object({ assignments: z.array(EvaluatorAssignment) });
export const AssignEvaluatorBody = z.object({
  userId: Id,
  level: ReviewLevel.default('tpi'),
  positions: z.array(TeamPosition).min(1).max(10).default(['member']),
});
export type AssignEvaluatorBody = z.infer<typeof AssignEvaluatorBody>;
export const UnitParams = z.object({ unitId: Id });
export const AssignmentParams = z.object({ unitId: Id, assignmentId: Id });

// ── The workflow's vocabulary ───────────────────────────────────────────────────────────────────────────

export const ReviewStatus = z.enum(REVIEW_STATUSES);
export type ReviewStatus = z.infer<typeof ReviewStatus>;
export const ReviewActionName = z.enum(REVIEW_ACTIONS);
export type ReviewActionName = z.infer<typeof ReviewActionName>;

/** A level of answers: 'unit', 'preliminary', 'tpi:<stage id>', 'tpn_desk', 'tpn_field'. */
export const LevelId = z
  .string()
  .regex(/^(unit|preliminary|tpi:[a-z][a-z0-9_]*|tpn_desk|tpn_field)$/, 'LEVEL_INVALID');
export type LevelId = z.infer<typeof LevelId>;

/** An item's review mark (core ItemStatus). */
export const ItemReviewStatus = z.enum(['open', 'returned', 'awaiting_recheck']);

/** Why a guard blocks a step: a stable code for the UI (NOTE_REQUIRED, REVISION_PENDING, QUOTA_REACHED, …). */
export const GuardReasonView = z.object({
  guard: z.string(),
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type GuardReasonView = z.infer<typeof GuardReasonView>;

/**
 * A step the caller may take from here (core `availableActions`). `blocked` lists what still stands in the
 * way, except the note: `needsNote` says the step needs one (it is given with the step), `needsDecree` that
 * it needs the decree's number and date.
 */
export const AvailableActionView = z.object({
  action: ReviewActionName,
  to: ReviewStatus,
  blocked: z.array(GuardReasonView),
  needsNote: z.boolean(),
  needsDecree: z.boolean(),
});
export type AvailableActionView = z.infer<typeof AvailableActionView>;

// ── Scores per level ────────────────────────────────────────────────────────────────────────────────────

export const RuleView = z.object({
  id: z.string(),
  text: z.string().nullable(),
  required: z.number(),
  actual: z.number(),
  pass: z.boolean(),
});
/** One §4.1 predicate check (WBK or WBBM) on one level's answers. */
export const PredicateCheckView = z.object({
  id: z.string(),
  name: z.string(),
  eligible: z.boolean(),
  rules: z.array(RuleView),
});
export type PredicateCheckView = z.infer<typeof PredicateCheckView>;

export const LevelScoreView = z.object({
  total: z.number(),
  pengungkit: z.number(),
  pemenuhan: z.number(),
  reform: z.number(),
  hasil: z.number(),
  areas: z.array(
    z.object({
      number: z.number().int(),
      name: z.string(),
      pemenuhan: z.number(),
      reform: z.number(),
      total: z.number(),
      weight: z.number(),
    }),
  ),
  completeness: z.object({ answered: z.number().int(), total: z.number().int() }),
});

/**
 * One level of the evaluation with its score. `reached`: the workflow has got there (a level not reached
 * reads the level below, so its score equals it). `changedFromBelow` / `changedFromUnit`: the codes whose
 * value differs from the level below / from the unit's own answer — where the levels differ.
 */
export const LevelView = z.object({
  level: LevelId,
  kind: z.enum(['unit', 'preliminary', 'tpi', 'tpn_desk', 'tpn_field']),
  /** For a TPI level: the stage's id (the UI names it). */
  stageId: z.string().nullable(),
  reached: z.boolean(),
  /** Answers this level's reviewers set themselves. */
  ownAnswers: z.number().int(),
  score: LevelScoreView,
  predicates: z.array(PredicateCheckView),
  changedFromBelow: z.array(z.string()),
  changedFromUnit: z.array(z.string()),
});
export type LevelView = z.infer<typeof LevelView>;

// ── The predicate history ───────────────────────────────────────────────────────────────────────────────

export const PredicateAward = z.object({
  id: Id,
  unitId: Id,
  assessmentId: Id,
  predicate: Target,
  decreeNumber: z.string(),
  decreeDate: IsoDate,
  revokedOn: IsoDate.nullable(),
  revocationReason: z.string().nullable(),
  createdAt: z.string(),
});
export type PredicateAward = z.infer<typeof PredicateAward>;

export const PredicateHistory = z.object({
  unitId: Id,
  /** The predicate held now: that of the latest decree, unless it was revoked. */
  holds: Target.nullable(),
  /** The latest revocation's day and the first day the unit may be proposed again (two years later). */
  revokedOn: IsoDate.nullable(),
  proposableFrom: IsoDate.nullable(),
  awards: z.array(PredicateAward),
});
export type PredicateHistory = z.infer<typeof PredicateHistory>;

// ── The review of an assessment ─────────────────────────────────────────────────────────────────────────

export const ReviewConfigView = z.object({
  preliminaryReview: z.boolean(),
  tpiStages: z.array(z.object({ id: z.string(), completedBy: z.array(z.string()) })),
  proposalDeadline: z.string(),
  utcOffsetMinutes: z.number().int(),
});
export type ReviewConfigView = z.infer<typeof ReviewConfigView>;

/**
 * The review of one assessment as the caller sees it: where it stands, what she may do now (and what blocks
 * it), the level she answers at, every level's score with the §4.1 checks and where levels differ.
 */
export const ReviewView = z.object({
  assessment: z.object({
    id: Id,
    unitId: Id,
    unitName: z.string(),
    periodId: Id,
    year: z.number().int(),
    target: Target,
    version: z.number().int(),
    /** The LKE template the period pins: the screen reads that version, not whichever one is installed. */
    templateId: z.string(),
    templateVersion: z.string(),
  }),
  status: ReviewStatus,
  /** The current TPI stage while TPI reviews (and the stage it stopped at afterwards). */
  tpiStage: z.object({ index: z.number().int(), id: z.string(), isLast: z.boolean() }),
  config: ReviewConfigView,
  /** The level at which the caller answers now (her TPI stage, TPN desk or field); null when none. */
  myLevel: LevelId.nullable(),
  /** The caller may return items and recheck revisions now. */
  canReturnItems: z.boolean(),
  actions: z.array(AvailableActionView),
  levels: z.array(LevelView),
  counts: z.object({
    returned: z.number().int(),
    awaitingRecheck: z.number().int(),
    changed: z.number().int(),
  }),
  award: PredicateAward.nullable(),
});
export type ReviewView = z.infer<typeof ReviewView>;

/** One level's answer to an item as that level sees it: its own, or read from the level below (`from`). */
export const ItemLevelAnswer = z.object({
  level: LevelId,
  value: AnswerValue,
  note: z.string(),
  /** The level the answer comes from; equal to `level` when this level's reviewer set it. */
  from: LevelId,
  own: z.boolean(),
  /** This level's own row version (0 when it set none): send it back when answering. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  differsFromBelow: z.boolean(),
});
export type ItemLevelAnswer = z.infer<typeof ItemLevelAnswer>;

/**
 * One answerable code under review: an option or index item, or one count input of a ratio item (`item` names
 * the item it belongs to; the review mark, evidence and returns are the item's).
 */
export const ReviewItem = z.object({
  code: z.string(),
  item: z.string(),
  unit: z.object({
    value: AnswerValue,
    explanation: z.string(),
    version: z.number().int(),
    updatedAt: z.string().nullable(),
  }),
  evidence: z.array(EvidenceLinkView),
  /** The review levels bottom up (preliminary when used, TPI stages, TPN desk, TPN field). */
  levels: z.array(ItemLevelAnswer),
  review: z.object({
    status: ItemReviewStatus,
    returnNote: z.string(),
    returnedAt: LevelId.nullable(),
    revisions: z.number().int(),
  }),
  /** The value at the highest level reached differs from the unit's. */
  changed: z.boolean(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

export const ReviewItemList = z.object({
  status: ReviewStatus,
  myLevel: LevelId.nullable(),
  items: z.array(ReviewItem),
});
export type ReviewItemList = z.infer<typeof ReviewItemList>;

/** Filters of the review screen; each one narrows (all given must hold). */
export const ReviewItemsQuery = z.object({
  changed: z.stringbool().optional(),
  /** Items returned to the unit or awaiting a recheck. */
  returned: z.stringbool().optional(),
  no_evidence: z.stringbool().optional(),
  code: z.string().max(40).optional(),
});
export type ReviewItemsQuery = z.infer<typeof ReviewItemsQuery>;

// ── Bodies ──────────────────────────────────────────────────────────────────────────────────────────────

export const ReviewParams = z.object({ id: Id });
export const ReviewActionParams = z.object({ id: Id, action: ReviewActionName });
export const ReviewItemParams = z.object({ id: Id, code: z.string().min(1).max(40) });

export const Decree = z.object({ number: z.string().trim().min(1).max(200), date: IsoDate });

/**
 * One step of the workflow. `note` is required where the table says so (returns, not awarded, revocation:
 * the reason; the revocation is dated today at the agency's offset). `decree` is required with decide_wbk /
 * decide_wbbm and refused with any other action.
 */
export const ReviewTransitionBody = z.object({
  version: Version,
  note: z.string().trim().max(5000).default(''),
  decree: Decree.optional(),
});
export type ReviewTransitionBody = z.infer<typeof ReviewTransitionBody>;

/** A reviewer's answer at her current level; `version` is her level's row version (0 for none). */
export const ReviewAnswerBody = z.object({
  version: z.number().int().min(0),
  value: AnswerValue,
  note: z.string().max(20_000).default(''),
  /** Drop this level's own answer and read the level below again. */
  clear: z.boolean().default(false),
});
export type ReviewAnswerBody = z.infer<typeof ReviewAnswerBody>;

export const ReturnItemBody = z.object({ note: z.string().trim().min(1).max(5000) });

/** What an item route answers: the item after the change and the assessment's new version. */
export const ReviewItemResult = z.object({ item: ReviewItem, assessmentVersion: z.number().int() });

// ── Settings ────────────────────────────────────────────────────────────────────────────────────────────

export const AgencyParams = z.object({ agencyId: Id });
export const ReviewSettings = z.object({
  agencyId: Id,
  config: ReviewConfigView,
  /** 0 while the agency uses the defaults (nothing stored). */
  version: z.number().int(),
});
export type ReviewSettings = z.infer<typeof ReviewSettings>;
export const ReviewSettingsBody = z.object({ version: z.number().int().min(0), config: reviewConfigSchema });
export type ReviewSettingsBody = z.infer<typeof ReviewSettingsBody>;

// ── The evaluator's queue ───────────────────────────────────────────────────────────────────────────────

/** An assessment an evaluator may review now or has reviewed: TPI on units she is assigned to, TPN nationally. */
export const ReviewQueueEntry = z.object({
  assessmentId: Id,
  unitId: Id,
  unitName: z.string(),
  periodId: Id,
  periodName: z.string(),
  year: z.number().int(),
  target: Target,
  status: ReviewStatus,
  /** The TPI stage (index in the agency's list and its id). */
  tpiStage: z.object({ index: z.number().int(), id: z.string() }),
  version: z.number().int(),
  as: z.enum(['tpi', 'tpn']),
});
export type ReviewQueueEntry = z.infer<typeof ReviewQueueEntry>;
export const ReviewQueue = z.object({ reviews: z.array(ReviewQueueEntry) });
export type ReviewQueue = z.infer<typeof ReviewQueue>;
