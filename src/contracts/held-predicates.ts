import { z } from 'zod';
import { Id, Version } from './common.ts';

const IsoDate = z.iso.date();

/** Record a predicate the unit won before Pulau: the decree and its PDF (an evidence item of the unit). */
export const RecordHeldPredicateBody = z.object({
  predicate: z.enum(['WBK', 'WBBM']),
  decreeNumber: z.string().trim().min(1).max(200),
  decreeDate: IsoDate,
  issuer: z.string().trim().min(1).max(200),
  evidenceId: Id,
});
export type RecordHeldPredicateBody = z.infer<typeof RecordHeldPredicateBody>;

/** The agency admin's (or TPN's) verdict on a recorded decree; a rejection says why. */
export const VerifyHeldPredicateBody = z.object({
  version: Version,
  verdict: z.enum(['verified', 'rejected']),
  note: z.string().trim().max(2000).default(''),
});
export type VerifyHeldPredicateBody = z.infer<typeof VerifyHeldPredicateBody>;

export const HeldPredicate = z.object({
  id: Id,
  unitId: Id,
  predicate: z.enum(['WBK', 'WBBM']),
  decreeNumber: z.string(),
  decreeDate: IsoDate,
  issuer: z.string(),
  evidenceId: Id,
  status: z.enum(['recorded', 'verified', 'rejected']),
  verificationNote: z.string().nullable(),
  recordedAt: z.string(),
  verifiedAt: z.string().nullable(),
  version: z.number().int(),
});
export type HeldPredicate = z.infer<typeof HeldPredicate>;

export const HeldPredicateList = z.object({ heldPredicates: z.array(HeldPredicate) });
export const HeldPredicateParams = z.object({ unitId: Id, id: Id });
