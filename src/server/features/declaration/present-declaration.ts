import type { Declaration } from '../../../contracts/declaration.ts';
import type { DeclarationRow } from './repo.ts';

export const presentDeclaration = (row: DeclarationRow): Declaration => ({
  unitId: row.unitId,
  declaredOn: row.declaredOn,
  mode: row.mode === 'online' ? 'online' : 'in_person',
  place: row.place,
  witnesses: row.witnesses as Declaration['witnesses'],
  minutesEvidenceId: row.minutesEvidenceId,
  mediaEvidenceIds: row.mediaEvidenceIds as string[],
  notes: row.notes,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});
