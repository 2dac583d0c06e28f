import type { Unit } from '../../../contracts/units.ts';
import type { UnitRow } from './repo.ts';

export const presentUnit = (row: UnitRow): Unit => ({
  id: row.id,
  parentId: row.parentId,
  path: row.path,
  depth: row.depth,
  code: row.code,
  name: row.name,
  type: row.type as Unit['type'],
  region: row.region,
  isPublicService: row.isPublicService,
  afirmasi: row.afirmasi,
  active: row.active,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
