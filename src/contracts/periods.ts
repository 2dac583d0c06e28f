import { z } from 'zod';
import { Id, Version } from './common.ts';

const IsoDate = z.iso.date();

export const Period = z.object({
  id: Id,
  agencyId: Id,
  year: z.number().int(),
  name: z.string(),
  templateId: z.string(),
  templateVersion: z.string(),
  fillFrom: IsoDate,
  fillUntil: IsoDate,
  reviewFrom: IsoDate.nullable(),
  reviewUntil: IsoDate.nullable(),
  revisionFrom: IsoDate.nullable(),
  revisionUntil: IsoDate.nullable(),
  requireAllAnswered: z.boolean(),
  requireExplanation: z.boolean(),
  requireEvidence: z.boolean(),
  version: z.number().int(),
});
export type Period = z.infer<typeof Period>;

export const PeriodList = z.object({ periods: z.array(Period) });
export const PeriodListQuery = z.object({ agencyId: Id.optional() });

const PeriodFields = {
  name: z.string().trim().min(1).max(200),
  fillFrom: IsoDate,
  fillUntil: IsoDate,
  reviewFrom: IsoDate.nullable().default(null),
  reviewUntil: IsoDate.nullable().default(null),
  revisionFrom: IsoDate.nullable().default(null),
  revisionUntil: IsoDate.nullable().default(null),
  requireAllAnswered: z.boolean().default(true),
  requireExplanation: z.boolean().default(true),
  requireEvidence: z.boolean().default(true),
};

export const CreatePeriodBody = z.object({
  agencyId: Id,
  year: z.number().int().min(2015).max(2100),
  /** The LKE template the period pins; its current version is recorded. */
  templateId: z.string().min(1).max(100).default('permenpanrb-90-2021'),
  ...PeriodFields,
});
export type CreatePeriodBody = z.infer<typeof CreatePeriodBody>;

export const UpdatePeriodBody = z.object({
  version: Version,
  name: z.string().trim().min(1).max(200).optional(),
  fillFrom: IsoDate.optional(),
  fillUntil: IsoDate.optional(),
  reviewFrom: IsoDate.nullable().optional(),
  reviewUntil: IsoDate.nullable().optional(),
  revisionFrom: IsoDate.nullable().optional(),
  revisionUntil: IsoDate.nullable().optional(),
  requireAllAnswered: z.boolean().optional(),
  requireExplanation: z.boolean().optional(),
  requireEvidence: z.boolean().optional(),
});
export type UpdatePeriodBody = z.infer<typeof UpdatePeriodBody>;
