import { z } from 'zod';

/**
 * One sub-stage of the TPI review, in the agency's order. `completedBy` lists the positions in the TPI team
 * (as assigned to the unit) that may complete it: "the quality controller closes the review".
 */
export type TpiStage = { id: string; completedBy: readonly string[] };

/** The usual three steps: a member checks, the team lead reviews, the quality controller signs off. */
export const DEFAULT_TPI_STAGES: readonly TpiStage[] = [
  { id: 'member', completedBy: ['member'] },
  { id: 'team_lead', completedBy: ['team_lead'] },
  { id: 'quality_controller', completedBy: ['quality_controller'] },
];

const stageSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a stage id is lower_snake_case'),
  completedBy: z.array(z.string().min(1)).min(1),
});

/**
 * An agency's evaluation settings, validated on load. The preliminary review (penilaian pendahuluan) is the
 * K/L mechanism of Lampiran II Bab I; Pemda go straight to TPI. The proposal deadline is a month-day
 * ("31 May each year, or as TPN sets"); a period may override it with a full date. Indonesia keeps no
 * daylight saving, so a fixed UTC offset (WIB +420, WITA +480, WIT +540) turns `now` into a local date.
 * @example
 * reviewConfigSchema.parse({}) // { preliminaryReview: false, tpiStages: DEFAULT_TPI_STAGES, proposalDeadline: '05-31', utcOffsetMinutes: 420 }
 */
export const reviewConfigSchema = z.object({
  preliminaryReview: z.boolean().default(false),
  tpiStages: z
    .array(stageSchema)
    .min(1)
    .refine((stages) => new Set(stages.map((s) => s.id)).size === stages.length, 'stage ids are unique')
    .default(DEFAULT_TPI_STAGES.map((s) => ({ id: s.id, completedBy: [...s.completedBy] }))),
  proposalDeadline: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a deadline is MM-DD')
    .default('05-31'),
  utcOffsetMinutes: z.number().int().min(-720).max(840).default(420),
});

export type ReviewConfig = z.infer<typeof reviewConfigSchema>;
