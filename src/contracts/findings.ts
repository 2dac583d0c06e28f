import { z } from 'zod';
import { Id, Version } from './common.ts';

const IsoDate = z.iso.date();

export const FindingSource = z.enum(['inspectorate', 'bpk', 'other']);
export const FindingStatus = z.enum(['open', 'in_progress', 'followed_up']);

const Fields = {
  source: FindingSource,
  reference: z.string().trim().min(1).max(300),
  finding: z.string().trim().min(1).max(8000),
  recommendation: z.string().trim().min(1).max(8000),
  dueDate: IsoDate,
};

export const CreateFindingBody = z.object(Fields);
export type CreateFindingBody = z.infer<typeof CreateFindingBody>;

export const UpdateFindingBody = z.object({
  version: Version,
  source: Fields.source.optional(),
  reference: Fields.reference.optional(),
  finding: Fields.finding.optional(),
  recommendation: Fields.recommendation.optional(),
  dueDate: Fields.dueDate.optional(),
});
export type UpdateFindingBody = z.infer<typeof UpdateFindingBody>;

export const FollowUpBody = z.object({
  version: Version,
  followUp: z.string().trim().min(1).max(8000),
  evidenceIds: z.array(Id).max(50).default([]),
});
export type FollowUpBody = z.infer<typeof FollowUpBody>;

export const FindingVersionBody = z.object({ version: Version });
export const FindingVersionQuery = z.object({ version: z.coerce.number().int().min(1) });

export const Finding = z.object({
  id: Id,
  unitId: Id,
  ...Fields,
  status: FindingStatus,
  followUp: z.string(),
  evidenceIds: z.array(Id),
  closedAt: z.string().nullable(),
  /** Due date passed (WIB) and not followed up. */
  overdue: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Finding = z.infer<typeof Finding>;

export const FollowUpShare = z.object({
  /** Followed-up share in percent, floored to two decimals; 100 with no finding at all. */
  percent: z.number(),
  followedUp: z.number().int(),
  total: z.number().int(),
  overdue: z.number().int(),
});
export type FollowUpShare = z.infer<typeof FollowUpShare>;

export const FindingList = z.object({ findings: z.array(Finding), share: FollowUpShare });
export type FindingList = z.infer<typeof FindingList>;
