import { z } from 'zod';
import { Id } from './common.ts';

/**
 * The proposal to KemenPAN-RB (PermenPANRB 90/2021 Lampiran II Bab II, §4.2 of the reference): the
 * prerequisites entered with evidence and checked by the system, the cover letter and SPTJM, TPN's deadline
 * and quota, and the agency's overview of what still blocks each unit.
 */

export const PREREQUISITE_INPUTS = [
  'opinion',
  'grade',
  'rb_index',
  'maturity',
  'percent',
  'yes_no',
  'start_date',
] as const;

const IsoDate = z.iso.date();
const EvidenceRef = z.object({ id: Id, title: z.string(), unitId: Id });

/** One prerequisite as a screen shows it: what was entered, where it comes from, and whether it is met. */
export const PrerequisiteView = z.object({
  code: z.string(),
  level: z.enum(['agency', 'unit']),
  input: z.enum(PREREQUISITE_INPUTS),
  text: z.string(),
  /** 'default' marks a threshold the regulation leaves open and Pulau reads one way (Indeks RB's agency kind). */
  certainty: z.enum(['regulation', 'default']),
  value: z.unknown().nullable(),
  /** entered by a person; taken from the declaration or the findings Pulau holds; null = nothing yet. */
  source: z.enum(['entered', 'declaration', 'findings']).nullable(),
  /** Met for each predicate: the bar differs (SAKIP B / BB, Indeks RB). */
  met: z.object({ WBK: z.boolean(), WBBM: z.boolean() }),
  evidence: EvidenceRef.nullable(),
  note: z.string(),
  /** 0 while nothing is stored: send it back to write (optimistic). */
  version: z.number().int().min(0),
  updatedAt: z.string().nullable(),
  /** False where this request may not change it (agency-level rows seen from a unit, values from the record). */
  editable: z.boolean(),
});
export type PrerequisiteView = z.infer<typeof PrerequisiteView>;

export const PeriodPrerequisites = z.object({
  periodId: Id,
  agencyId: Id,
  year: z.number().int(),
  prerequisites: z.array(PrerequisiteView),
});
export type PeriodPrerequisites = z.infer<typeof PeriodPrerequisites>;

export const AssessmentPrerequisites = z.object({
  assessmentId: Id,
  unitId: Id,
  agencyId: Id,
  target: z.enum(['WBK', 'WBBM']),
  afirmasi: z.boolean(),
  /** Agency-level rows (read-only here) then the unit's own. */
  prerequisites: z.array(PrerequisiteView),
});
export type AssessmentPrerequisites = z.infer<typeof AssessmentPrerequisites>;

export const PrerequisiteParams = z.object({ id: Id, code: z.string().min(1).max(40) });

export const PutPrerequisiteBody = z.object({
  /** Shaped by the prerequisite's input kind, e.g. { grade: 'BB' }; checked by the core. */
  value: z.unknown(),
  evidenceId: Id.nullable(),
  note: z.string().trim().max(2000).default(''),
  version: z.number().int().min(0),
});
export type PutPrerequisiteBody = z.infer<typeof PutPrerequisiteBody>;

/** The proposal's documents: the agency's cover letter and the SPTJM, as evidence. */
export const ProposalDocuments = z.object({
  assessmentId: Id,
  coverLetter: EvidenceRef.nullable(),
  sptjm: EvidenceRef.nullable(),
  proposedAt: z.string().nullable(),
  version: z.number().int().min(0),
});
export type ProposalDocuments = z.infer<typeof ProposalDocuments>;

export const PutProposalDocumentsBody = z.object({
  coverLetterEvidenceId: Id.nullable(),
  sptjmEvidenceId: Id.nullable(),
  version: z.number().int().min(0),
});
export type PutProposalDocumentsBody = z.infer<typeof PutProposalDocumentsBody>;

/** TPN's date and quota for one period of one agency. */
export const ProposalWindow = z.object({
  periodId: Id,
  proposalDeadline: IsoDate.nullable(),
  proposalQuota: z.number().int().min(0).nullable(),
  version: z.number().int().min(1),
});
export type ProposalWindow = z.infer<typeof ProposalWindow>;

export const PutProposalWindowBody = z.object({
  proposalDeadline: IsoDate.nullable(),
  proposalQuota: z.number().int().min(0).max(10_000).nullable(),
  version: z.number().int().min(1),
});
export type PutProposalWindowBody = z.infer<typeof PutProposalWindowBody>;

/** A reason the core's `propose` guards give today. */
export const Blocker = z.object({
  guard: z.string(),
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type Blocker = z.infer<typeof Blocker>;

export const ProposalRow = z.object({
  assessmentId: Id,
  unitId: Id,
  unitName: z.string(),
  target: z.enum(['WBK', 'WBBM']),
  status: z.string(),
  /** The assessment's version, for the propose step. */
  version: z.number().int(),
  afirmasi: z.boolean(),
  /** The TPI verdict, once given: meets / not_meets; null before. */
  tpiVerdict: z.enum(['meets', 'not_meets']).nullable(),
  /** Scores (Indonesian decimals) of the last TPI level once TPI gave its verdict, before that the unit's own. */
  scores: z
    .object({
      level: z.string(),
      total: z.string(),
      pengungkit: z.string(),
      hasil: z.string(),
      eligible: z.boolean(),
    })
    .nullable(),
  prerequisites: z.object({ met: z.number().int(), total: z.number().int(), unmet: z.array(z.string()) }),
  documents: z.object({ coverLetter: z.boolean(), sptjm: z.boolean() }),
  /** Every reason `propose` would be refused now (all guards, not only the first); empty = proposable. */
  blockers: z.array(Blocker),
  /** The status allows `propose` and nothing blocks it. */
  proposable: z.boolean(),
});
export type ProposalRow = z.infer<typeof ProposalRow>;

export const ProposalOverview = z.object({
  period: z.object({
    id: Id,
    agencyId: Id,
    year: z.number().int(),
    name: z.string(),
    /** The deadline in force: TPN's date, else the agency's month-day in the period's year. */
    deadline: IsoDate,
    deadlineOverride: IsoDate.nullable(),
    quota: z.number().int().nullable(),
    proposed: z.number().int(),
    version: z.number().int(),
  }),
  agencyPrerequisites: z.array(PrerequisiteView),
  assessments: z.array(ProposalRow),
});
export type ProposalOverview = z.infer<typeof ProposalOverview>;

export const LheQuery = z.object({ level: z.string().min(1).max(60) });
