import { z } from 'zod';
import { Id, Version } from './common.ts';

export const EvidenceVersion = z.object({
  id: Id,
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: Id.nullable(),
  uploadedAt: z.string(),
});

export const Evidence = z.object({
  id: Id,
  unitId: Id,
  title: z.string(),
  description: z.string(),
  effectiveDate: z.iso.date().nullable(),
  current: EvidenceVersion.nullable(),
  versions: z.array(EvidenceVersion),
  links: z.array(
    z.object({ assessmentId: Id, code: z.string(), checklistIndex: z.number().int().nullable() }),
  ),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

export const EvidenceList = z.object({ evidence: z.array(Evidence) });
export const EvidenceListQuery = z.object({
  q: z.string().max(200).optional(),
  assessmentId: Id.optional(),
  code: z.string().max(40).optional(),
  mime: z.string().max(100).optional(),
});

/**
 * Files arrive through the resumable upload endpoint (tus protocol at /api/uploads, metadata unitId and
 * filename); the finished upload's id then becomes evidence here, or a new version of existing evidence.
 */
export const CreateEvidenceBody = z.object({
  uploadId: z.string().min(1).max(200),
  title: z.string().trim().min(1).max(300),
  description: z.string().max(5000).default(''),
  effectiveDate: z.iso.date().nullable().default(null),
  link: z
    .object({
      assessmentId: Id,
      code: z.string().min(1).max(40),
      checklistIndex: z.number().int().min(0).nullable().default(null),
    })
    .optional(),
});
export type CreateEvidenceBody = z.infer<typeof CreateEvidenceBody>;

export const AddVersionBody = z.object({ uploadId: z.string().min(1).max(200), version: Version });

export const UpdateEvidenceBody = z.object({
  version: Version,
  title: z.string().trim().min(1).max(300).optional(),
  description: z.string().max(5000).optional(),
  effectiveDate: z.iso.date().nullable().optional(),
});

export const LinkEvidenceBody = z.object({
  evidenceId: Id,
  checklistIndex: z.number().int().min(0).nullable().default(null),
});
export const UnitEvidenceParams = z.object({ unitId: Id });
export const VersionParams = z.object({ id: Id, versionId: Id });
