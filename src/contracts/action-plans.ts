import { z } from 'zod';
import { PLAN_STATUSES } from '../core/programme/plan-status.ts';
import { Id, Version } from './common.ts';
import { LkeLinkOutcome } from './team.ts';

export const Area = z.number().int().min(1).max(6);
export const QuarterNumber = z.number().int().min(1).max(4);
export const Year = z.number().int().min(2000).max(2100);
export const PlanStatus = z.enum(PLAN_STATUSES as ['on_track', 'at_risk', 'late', 'done']);

/** An LKE item code ('P1.ii.a', 'R1.i.a'): the shape only; the use case checks it against the area. */
const LkeCode = z
  .string()
  .trim()
  .regex(/^[PR][1-6](\.[0-9A-Za-z]+)+$/, 'LKE_CODE_INVALID');

export const UnitYearParams = z.object({ unitId: Id });
export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const CreatePlanBody = z.object({
  year: Year,
  area: Area,
  summary: z.string().max(5000).default(''),
});
export const UpdatePlanBody = z.object({ version: Version, summary: z.string().max(5000) });

const ActivityFields = z.object({
  title: z.string().trim().min(1).max(300),
  output: z.string().trim().max(1000).default(''),
  target: z.number().positive().max(1e9),
  targetUnit: z.string().trim().min(1).max(60),
  quarters: z
    .array(QuarterNumber)
    .min(1)
    .max(4)
    .refine((qs) => new Set(qs).size === qs.length, 'QUARTERS_REPEATED'),
  personInChargeId: Id.nullable().default(null),
  budget: z.number().int().min(0).max(1e15).nullable().default(null),
  lkeCodes: z
    .array(LkeCode)
    .max(20)
    .refine((cs) => new Set(cs).size === cs.length, 'LKE_CODES_REPEATED')
    .default([]),
});
export const CreateActivityBody = ActivityFields;
export type CreateActivityBody = z.infer<typeof CreateActivityBody>;
export const UpdateActivityBody = ActivityFields.partial().extend({ version: Version });
export type UpdateActivityBody = z.infer<typeof UpdateActivityBody>;
export const DeleteActivityQuery = z.object({ version: z.coerce.number().int().min(1) });

export const RealisationParams = z.object({ id: Id, quarter: z.coerce.number().int().min(1).max(4) });
/** `version` 0 reports the quarter for the first time; afterwards the version read. */
export const SaveRealisationBody = z.object({
  version: z.number().int().min(0),
  achieved: z.number().min(0).max(1e9),
  note: z.string().max(5000).default(''),
  evidenceIds: z
    .array(Id)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'EVIDENCE_REPEATED')
    .default([]),
});
export type SaveRealisationBody = z.infer<typeof SaveRealisationBody>;

export const Realisation = z.object({
  id: Id,
  quarter: z.number().int(),
  achieved: z.number(),
  note: z.string(),
  evidence: z.array(z.object({ id: Id, title: z.string() })),
  reportedBy: Id.nullable(),
  reportedByName: z.string().nullable(),
  reportedAt: z.string(),
  version: z.number().int(),
});
export type Realisation = z.infer<typeof Realisation>;

export const ActivityStatusBody = z.object({
  achieved: z.number(),
  progress: z.number(),
  expected: z.number(),
  slippage: z.number(),
  status: PlanStatus,
});

export const Activity = z.object({
  id: Id,
  planId: Id,
  title: z.string(),
  output: z.string(),
  target: z.number(),
  targetUnit: z.string(),
  quarters: z.array(z.number().int()),
  personInChargeId: Id.nullable(),
  personInChargeName: z.string().nullable(),
  budget: z.number().nullable(),
  lkeCodes: z.array(z.string()),
  realisations: z.array(Realisation),
  commentCount: z.number().int(),
  status: ActivityStatusBody,
  version: z.number().int(),
});
export type Activity = z.infer<typeof Activity>;

export const Summary = z.object({
  activities: z.number().int(),
  progress: z.number(),
  counts: z.record(PlanStatus, z.number().int()),
});

export const Plan = z.object({
  id: Id,
  unitId: Id,
  year: z.number().int(),
  area: z.number().int(),
  summary: z.string(),
  activities: z.array(Activity),
  totals: Summary,
  version: z.number().int(),
});
export type Plan = z.infer<typeof Plan>;

/** A unit's plans of a year: one slot per area (null until the area's team starts its plan). */
export const UnitPlans = z.object({
  unitId: Id,
  unitName: z.string(),
  year: z.number().int(),
  today: z.iso.date(),
  /** The unit's assessment of that year, if any: where realisation evidence is attached. */
  assessment: z.object({ id: Id, status: z.string() }).nullable(),
  areas: z.array(z.object({ area: z.number().int(), plan: Plan.nullable() })),
  totals: Summary,
  /** The areas whose plan the caller may edit (1–6). */
  editableAreas: z.array(z.number().int()),
  employees: z.array(z.object({ id: Id, name: z.string() })),
});
export type UnitPlans = z.infer<typeof UnitPlans>;

export const SavedRealisation = z.object({
  activity: Activity,
  /** Where the evidence was attached in this step: assessment and item codes. */
  linked: z.array(z.object({ assessmentId: Id, code: z.string(), evidenceId: Id })),
});
export type SavedRealisation = z.infer<typeof SavedRealisation>;

export const CommentBody = z.object({ body: z.string().trim().min(1).max(5000) });
export const Comment = z.object({
  id: Id,
  activityId: Id,
  authorId: Id,
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type Comment = z.infer<typeof Comment>;
export const CommentList = z.object({ comments: z.array(Comment) });

export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export const Report = z.object({
  id: Id.nullable(),
  unitId: Id,
  year: z.number().int(),
  quarter: z.number().int(),
  status: z.enum(REPORT_STATUSES),
  returnNote: z.string(),
  submittedAt: z.string().nullable(),
  submittedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  returnedAt: z.string().nullable(),
  forwardedAt: z.string().nullable(),
  forwardedToUnitId: Id.nullable(),
  forwardedToUnitName: z.string().nullable(),
  version: z.number().int(),
});
export type Report = z.infer<typeof Report>;
/** An approved report, kept as evidence of the unit and (while the assessment is editable) linked to P1.iii.b. */
export const ApprovedReport = Report.extend({
  filed: z.object({ evidenceId: Id, lkeLink: LkeLinkOutcome }),
});
export type ApprovedReport = z.infer<typeof ApprovedReport>;
/** The four quarters of a year, draft where nothing was submitted yet. */
export const ReportList = z.object({
  reports: z.array(Report),
  /** Whether the caller may submit (the team lead) and approve/return (the unit's own leader). */
  canSubmit: z.boolean(),
  canApprove: z.boolean(),
});
export const SubmitReportBody = z.object({
  year: Year,
  quarter: QuarterNumber,
  version: z.number().int().min(0),
});
export const ReportVersionBody = z.object({ version: Version });
export const ReturnReportBody = z.object({ version: Version, note: z.string().trim().min(1).max(5000) });
export const ReportPdfParams = z.object({
  unitId: Id,
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
});

export const DashboardQuery = YearQuery.extend({
  /** All descendants instead of the direct children. */
  deep: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});
export const ChildPlans = z.object({
  unitId: Id,
  unitName: z.string(),
  unitCode: z.string(),
  depth: z.number().int(),
  parentId: Id.nullable(),
  areas: z.array(z.object({ area: z.number().int(), hasPlan: z.boolean(), totals: Summary })),
  totals: Summary,
  lastApprovedQuarter: z.number().int().nullable(),
  lastReport: z.object({ quarter: z.number().int(), status: z.enum(REPORT_STATUSES) }).nullable(),
});
export type ChildPlans = z.infer<typeof ChildPlans>;
export const Dashboard = z.object({
  unitId: Id,
  unitName: z.string(),
  year: z.number().int(),
  today: z.iso.date(),
  deep: z.boolean(),
  children: z.array(ChildPlans),
});
export type Dashboard = z.infer<typeof Dashboard>;
