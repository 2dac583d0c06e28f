import { z } from 'zod';
import { Id } from './common.ts';

const IsoDate = z.iso.date();

export const UnitIdParams = z.object({ unitId: Id });

export const AreaTeamInput = z.object({
  area: z.number().int().min(1).max(6),
  coordinatorEmployeeId: Id,
  memberEmployeeIds: z.array(Id).max(100).default([]),
});
export type AreaTeamInput = z.infer<typeof AreaTeamInput>;

export const CreateDecreeBody = z.object({
  /** A new SK, or an SK amending the current one: either supersedes the current decree, which stays as history. */
  kind: z.enum(['decree', 'amendment']).default('decree'),
  number: z.string().trim().min(1).max(200),
  decreedOn: IsoDate,
  validFrom: IsoDate,
  /** The signed PDF, uploaded through the evidence feature first. */
  evidenceId: Id.nullable().default(null),
  /** How the members were chosen (the LKE asks for a clear procedure). */
  selectionMethod: z.string().trim().min(1).max(4000),
  leadEmployeeId: Id,
  /** The six area teams, each once. */
  areas: z.array(AreaTeamInput).length(6),
  /** The decree the caller saw as current (null: none); another one meanwhile is a 409 STALE_WRITE. */
  currentDecreeId: Id.nullable(),
});
export type CreateDecreeBody = z.infer<typeof CreateDecreeBody>;

export const TeamPerson = z.object({
  employeeId: Id,
  name: z.string(),
  position: z.string(),
  /** Whether the employee has a Pulau account, i.e. gets the role grant of her place in the team. */
  hasAccount: z.boolean(),
});
export type TeamPerson = z.infer<typeof TeamPerson>;

export const AreaTeam = z.object({
  area: z.number().int(),
  coordinator: TeamPerson.nullable(),
  members: z.array(TeamPerson),
});
export type AreaTeam = z.infer<typeof AreaTeam>;

export const Decree = z.object({
  id: Id,
  unitId: Id,
  kind: z.enum(['decree', 'amendment']),
  number: z.string(),
  decreedOn: z.string(),
  validFrom: z.string(),
  evidenceId: Id.nullable(),
  selectionMethod: z.string(),
  lead: TeamPerson.nullable(),
  areas: z.array(AreaTeam),
  supersedesId: Id.nullable(),
  supersededAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Decree = z.infer<typeof Decree>;

export const TeamView = z.object({
  current: Decree.nullable(),
  /** Superseded decrees, newest first. */
  history: z.array(Decree),
});
export type TeamView = z.infer<typeof TeamView>;

/**
 * Whether a document the programme produced was attached to its LKE item in the unit's assessment of the year:
 * not when there is no assessment that year, or when it is locked (submitted onwards).
 */
export const LkeLinkOutcome = z.object({
  linked: z.boolean(),
  code: z.string(),
  assessmentId: Id.nullable(),
  reason: z.enum(['no_assessment', 'locked']).optional(),
});
export type LkeLinkOutcome = z.infer<typeof LkeLinkOutcome>;

export const DecreeCreated = z.object({
  decree: Decree,
  /** The signed decree's link to P1.i.a; null when the decree came without its signed PDF. */
  lkeLink: LkeLinkOutcome.nullable(),
  /** Role grants the synchronisation gave and took (employees with accounts only). */
  grants: z.object({ added: z.number().int(), removed: z.number().int() }),
});
export type DecreeCreated = z.infer<typeof DecreeCreated>;

export const TeamCandidates = z.object({ employees: z.array(TeamPerson) });
export type TeamCandidates = z.infer<typeof TeamCandidates>;
