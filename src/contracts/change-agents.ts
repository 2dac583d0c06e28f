import { z } from 'zod';
import { Id, Version } from './common.ts';

const IsoDate = z.iso.date();

export const CreateChangeAgentBody = z.object({
  employeeId: Id,
  designatedOn: IsoDate,
  decreeRef: z.string().trim().min(1).max(300),
});
export type CreateChangeAgentBody = z.infer<typeof CreateChangeAgentBody>;

export const UpdateChangeAgentBody = z.object({
  version: Version,
  designatedOn: IsoDate.optional(),
  decreeRef: z.string().trim().min(1).max(300).optional(),
  /** The day the designation ended; null to reinstate. */
  revokedOn: IsoDate.nullable().optional(),
});
export type UpdateChangeAgentBody = z.infer<typeof UpdateChangeAgentBody>;

export const CreateChangeBody = z.object({
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().max(8000).default(''),
  madeOn: IsoDate,
  /** Taken into the management system (SOP, regulation, system): counts for R1.i.b. */
  integrated: z.boolean().default(false),
  evidenceIds: z.array(Id).max(50).default([]),
});
export type CreateChangeBody = z.infer<typeof CreateChangeBody>;

export const AgentChange = z.object({
  id: Id,
  agentId: Id,
  title: z.string(),
  description: z.string(),
  madeOn: z.string(),
  integrated: z.boolean(),
  evidenceIds: z.array(Id),
  createdAt: z.string(),
});
export type AgentChange = z.infer<typeof AgentChange>;

export const ChangeAgent = z.object({
  id: Id,
  unitId: Id,
  employeeId: Id,
  employeeName: z.string(),
  designatedOn: z.string(),
  decreeRef: z.string(),
  revokedOn: z.string().nullable(),
  version: z.number().int(),
  changes: z.array(AgentChange),
});
export type ChangeAgent = z.infer<typeof ChangeAgent>;

export const ChangeAgentList = z.object({ agents: z.array(ChangeAgent) });
export type ChangeAgentList = z.infer<typeof ChangeAgentList>;

export const AgentIdParams = z.object({ id: Id });
export const ChangeParams = z.object({ id: Id, changeId: Id });

export const YearQuery = z.object({ from: IsoDate, to: IsoDate });

export const ChangeAgentCounts = z.object({
  from: z.string(),
  to: z.string(),
  inputs: z.object({
    'R1.i.a.1': z.number().int(),
    'R1.i.a.2': z.number().int(),
    'R1.i.b.1': z.number().int(),
    'R1.i.b.2': z.number().int(),
  }),
});
export type ChangeAgentCounts = z.infer<typeof ChangeAgentCounts>;

export const ApplyChangeAgentsBody = z.object({
  /** The year the counts cover; defaults to the assessment period's calendar year. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type ApplyChangeAgentsBody = z.infer<typeof ApplyChangeAgentsBody>;

export const ChangeAgentsApplied = ChangeAgentCounts.extend({
  assessmentId: Id,
  /** What the worksheet shows as the source of the four answers. */
  note: z.string(),
});
export type ChangeAgentsApplied = z.infer<typeof ChangeAgentsApplied>;

/** Where programme data fed an assessment's answers (e.g. change agents → R1.i.a/R1.i.b). */
export const AnswerFeed = z.object({
  code: z.string(),
  kind: z.string(),
  note: z.string(),
  appliedAt: z.string(),
});
export const AnswerFeedList = z.object({ feeds: z.array(AnswerFeed) });
export type AnswerFeedList = z.infer<typeof AnswerFeedList>;
