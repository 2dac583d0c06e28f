import { z } from 'zod';
import { REVIEW_STATUSES } from '../core/review/review-status.ts';
import { Id, Version } from './common.ts';

export const Target = z.enum(['WBK', 'WBBM']);
/** The review status of the evaluation workflow (core ReviewStatus): draft, submitted, tpi_review, … */
export const AssessmentStatus = z.enum(REVIEW_STATUSES);

export const Assessment = z.object({
  id: Id,
  periodId: Id,
  unitId: Id,
  unitName: z.string(),
  year: z.number().int(),
  templateId: z.string(),
  templateVersion: z.string(),
  target: Target,
  alreadyWbk: z.boolean(),
  status: AssessmentStatus,
  carriedFromId: Id.nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  version: z.number().int(),
  /** What the caller may do here, so the screen shows only what works. */
  can: z.object({
    answerAreas: z.array(z.number().int()),
    answerHasil: z.boolean(),
    comment: z.boolean(),
    submit: z.boolean(),
    approve: z.boolean(),
    uploadEvidence: z.boolean(),
  }),
});
export type Assessment = z.infer<typeof Assessment>;

export const AssessmentList = z.object({ assessments: z.array(Assessment) });
export const AssessmentListQuery = z.object({ unitId: Id.optional(), periodId: Id.optional() });

export const CreateAssessmentBody = z.object({
  periodId: Id,
  unitId: Id,
  target: Target,
  alreadyWbk: z.boolean().default(false),
  /** Start from the unit's assessment of the previous period: answers, explanations and evidence links. */
  carryFromPrevious: z.boolean().default(false),
});
export type CreateAssessmentBody = z.infer<typeof CreateAssessmentBody>;

/** An LKE answer as people write it: an option key ("Ya", "B"), a count, an index; null clears it. */
export const AnswerValue = z.union([z.string().max(20), z.number().finite(), z.null()]);
export const AnswerStatus = z.enum(['empty', 'draft', 'complete']);

export const AnswerView = z.object({
  code: z.string(),
  value: AnswerValue,
  explanation: z.string(),
  status: AnswerStatus,
  toReview: z.boolean(),
  personInChargeId: Id.nullable(),
  /** The survey campaign whose result this is (H1.a, H2.a): the answer is locked against hand edits. */
  sourceCampaignId: Id.nullable().default(null),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: Id.nullable(),
});
export type AnswerView = z.infer<typeof AnswerView>;

export const EvidenceLinkView = z.object({
  evidenceId: Id,
  code: z.string(),
  checklistIndex: z.number().int().nullable(),
  title: z.string(),
  filename: z.string().nullable(),
  mime: z.string().nullable(),
  size: z.number().int().nullable(),
  currentVersionId: Id.nullable(),
});
export type EvidenceLinkView = z.infer<typeof EvidenceLinkView>;

export const Worksheet = z.object({
  assessment: Assessment,
  /** Every stored answer of the unit's level; items never touched have none. */
  answers: z.array(AnswerView),
  evidence: z.array(EvidenceLinkView),
  commentCounts: z.record(z.string(), z.number().int()),
  /** Items an evaluator returned for revision (and not yet rechecked), with the note; others are absent. */
  itemReviews: z
    .record(
      z.string(),
      z.object({
        status: z.enum(['returned', 'awaiting_recheck']),
        returnNote: z.string(),
        revisions: z.number().int(),
      }),
    )
    .default({}),
});
export type Worksheet = z.infer<typeof Worksheet>;

export const CodeParams = z.object({ id: Id, code: z.string().min(1).max(40) });

export const SaveAnswerBody = z.object({
  /** The version read; 0 for an answer never saved. A stale one gets 409 with the current answer. */
  version: z.number().int().min(0),
  value: AnswerValue,
  explanation: z.string().max(20_000).default(''),
  status: AnswerStatus.optional(),
  personInChargeId: Id.nullable().optional(),
});
export type SaveAnswerBody = z.infer<typeof SaveAnswerBody>;

export const SavedAnswer = z.object({
  answer: AnswerView,
  /** Problems of this answer according to the template (e.g. numerator above denominator), not errors. */
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});

export const Comment = z.object({
  id: Id,
  code: z.string(),
  authorId: Id,
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export const CommentList = z.object({ comments: z.array(Comment) });
export const AddCommentBody = z.object({ body: z.string().trim().min(1).max(5000) });

export const TransitionBody = z.object({ version: Version, note: z.string().trim().max(5000).optional() });

/** Why a submission is refused: one entry per failed gate rule and item. */
export const GateProblem = z.object({
  rule: z.enum(['answered', 'explained', 'evidence', 'invalid']),
  code: z.string(),
  message: z.string(),
});
export type GateProblem = z.infer<typeof GateProblem>;
