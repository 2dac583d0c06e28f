import { z } from 'zod';
import { Id } from './common.ts';

export const Witness = z.object({
  /** E.g. KPK, Ombudsman RI, Bawaslu, the inspectorate. */
  institution: z.string().trim().min(1, 'REQUIRED').max(200, 'TOO_LONG'),
  name: z.string().trim().max(200, 'TOO_LONG').default(''),
});

export const DeclarationMode = z.enum(['in_person', 'online']);

/** The unit's declaration (pencanangan) of building a Zona Integritas; its date is the ZI start date. */
export const Declaration = z.object({
  unitId: Id,
  declaredOn: z.string(),
  mode: DeclarationMode,
  place: z.string(),
  witnesses: z.array(z.object({ institution: z.string(), name: z.string() })),
  minutesEvidenceId: Id.nullable(),
  mediaEvidenceIds: z.array(Id),
  notes: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Declaration = z.infer<typeof Declaration>;

export const DeclarationResult = z.object({ declaration: Declaration.nullable() });

export const SaveDeclarationBody = z.object({
  /** The version read; null when recording the first time. */
  version: z.number().int().min(1).nullable(),
  declaredOn: z.iso.date(),
  mode: DeclarationMode,
  /** The venue, or the meeting platform when online. */
  place: z.string().trim().max(300, 'TOO_LONG').default(''),
  witnesses: z.array(Witness).max(30).default([]),
  minutesEvidenceId: Id.nullable().default(null),
  mediaEvidenceIds: z.array(Id).max(50).default([]),
  notes: z.string().max(5000, 'TOO_LONG').default(''),
});
export type SaveDeclarationBody = z.infer<typeof SaveDeclarationBody>;
