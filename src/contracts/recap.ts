import { z } from 'zod';
import { REVIEW_STATUSES } from '../core/review/review-status.ts';
import { Id } from './common.ts';

export const RecapParams = z.object({ unitId: Id });
export const RecapQuery = z.object({ periodId: Id });

/** A stored figure as decimal text with four places ("78.2500"): exact, and a number in the XLSX export. */
const Figure = z.string();

/** The next window that closes for the unit's assessment, from the period's windows. */
export const RecapDeadline = z.object({
  kind: z.enum(['fill', 'review', 'revision', 'proposal']),
  /** A calendar date (the agency's local day). */
  date: z.string(),
});

export const RecapRow = z.object({
  unitId: Id,
  parentId: Id.nullable(),
  code: z.string(),
  name: z.string(),
  /** Depth below the recap's root (0 = the root itself). */
  depth: z.number().int(),
  assessment: z
    .object({
      id: Id,
      status: z.enum(REVIEW_STATUSES),
      target: z.enum(['WBK', 'WBBM']),
      nextDeadline: RecapDeadline.nullable(),
      /** Completeness of the unit's own answers. */
      answered: z.number().int(),
      itemCount: z.number().int(),
      withEvidence: z.number().int(),
      withExplanation: z.number().int(),
      unitTotal: Figure,
      /** The latest reviewer level that set answers, with its total; null while only the unit has. */
      reviewer: z.object({ level: z.string(), total: Figure }).nullable(),
      /** Figures of the latest level (the reviewer's when there is one). */
      pengungkit: Figure,
      hasil: Figure,
      /** Each area's score over its weight, 0..1 as decimal text, areas 1–6 in order. */
      areaShares: z.array(z.object({ number: z.number().int(), score: Figure, weight: Figure })),
      wbkEligible: z.boolean(),
      wbbmEligible: z.boolean(),
      /** Failed rules of the target predicate. */
      failedRules: z.number().int(),
      /** IPAK (H1.a) and IPKP (H2.a) as answered, 0–4; null when blank. */
      ipak: z.number().nullable(),
      ipkp: z.number().nullable(),
    })
    .nullable(),
  /** Active employees who signed the current integrity pact. */
  pact: z.object({ signed: z.number().int(), total: z.number().int() }),
  /** The worst status among the unit's action-plan activities of the period's year; null without plans. */
  plans: z.enum(['on_track', 'at_risk', 'late']).nullable(),
  /** Share of audit findings followed up (percent, 100 when none); null without findings. */
  findingsPercent: z.number().nullable(),
});
export type RecapRow = z.infer<typeof RecapRow>;

export const Recap = z.object({
  root: z.object({ id: Id, name: z.string(), code: z.string() }),
  period: z.object({ id: Id, year: z.number().int(), name: z.string() }),
  /** The agency's local date the figures were read on. */
  today: z.string(),
  rows: z.array(RecapRow),
});
export type Recap = z.infer<typeof Recap>;
