import { z } from 'zod';
import { Id, Version } from './common.ts';

export const UNIT_TYPES = [
  'instansi',
  'satker_pusat',
  'provinsi',
  'kabupaten_kota',
  'upt',
  'lainnya',
] as const;
export const UnitType = z.enum(UNIT_TYPES);
export type UnitType = z.infer<typeof UnitType>;

const UnitCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'UNIT_CODE_INVALID');

export const Unit = z.object({
  id: Id,
  parentId: Id.nullable(),
  path: z.string(),
  depth: z.number().int(),
  code: z.string(),
  name: z.string(),
  type: UnitType,
  region: z.string().nullable(),
  isPublicService: z.boolean(),
  afirmasi: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof Unit>;

export const UnitList = z.object({ units: z.array(Unit) });

export const CreateUnitBody = z.object({
  parentId: Id.nullable(),
  code: UnitCode,
  name: z.string().trim().min(1).max(200),
  type: UnitType,
  region: z.string().trim().max(200).nullable().optional(),
  isPublicService: z.boolean().default(false),
  afirmasi: z.boolean().default(false),
});
export type CreateUnitBody = z.infer<typeof CreateUnitBody>;

export const UpdateUnitBody = z.object({
  version: Version,
  code: UnitCode.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  type: UnitType.optional(),
  region: z.string().trim().max(200).nullable().optional(),
  isPublicService: z.boolean().optional(),
  afirmasi: z.boolean().optional(),
});
export type UpdateUnitBody = z.infer<typeof UpdateUnitBody>;

export const MoveUnitBody = z.object({ version: Version, newParentId: Id });
export const VersionBody = z.object({ version: Version });

/** CSV columns: code,name,type,parent_code,region,is_public_service,afirmasi (header row required). */
export const ImportUnitsBody = z.object({
  parentId: Id,
  csv: z.string().min(1).max(2_000_000),
});
export const ImportUnitsResult = z.object({ created: z.number().int(), units: z.array(Unit) });
