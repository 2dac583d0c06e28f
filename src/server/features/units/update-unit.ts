import type { UpdateUnitBody } from '../../../contracts/units.ts';
import type { Tx } from '../../db/client.ts';
import { conflict, HttpError, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { findUnit, findUnitByCode, updateUnitIfVersion, type UnitRow } from './repo.ts';
import { presentUnit } from './present-unit.ts';

export type UpdateUnitOptions = { unitId: string; input: UpdateUnitBody; actor: AuditActor; now: Date };

/** Renames or edits a unit; a write based on an old version gets 409 with the current unit. */
export const updateUnit = async (
  tx: Tx,
  { unitId, input, actor, now }: UpdateUnitOptions,
): Promise<UnitRow> => {
  const current = await findUnit(tx, unitId);
  if (!current) throw notFound('Unit');
  if (current.version !== input.version) throw staleWrite(presentUnit(current));
  const { version, ...patch } = input;
  if (patch.type !== undefined && (patch.type === 'instansi') !== (current.parentId === null)) {
    throw new HttpError(400, 'UNIT_TYPE_MISMATCH', 'Only a unit without a parent is an agency (instansi).');
  }
  if (patch.code && patch.code.toLowerCase() !== current.code.toLowerCase()) {
    if (await findUnitByCode(tx, patch.code))
      throw conflict('UNIT_CODE_TAKEN', `Unit code ${patch.code} is taken.`);
  }
  const updated = await updateUnitIfVersion(tx, unitId, version, patch, now);
  if (!updated) throw staleWrite(presentUnit((await findUnit(tx, unitId)) ?? current));
  await writeAudit(tx, {
    actor,
    action: 'unit.updated',
    subjectType: 'unit',
    subjectId: unitId,
    unit: { id: unitId, path: current.path },
    before: presentUnit(current),
    after: presentUnit(updated),
    now,
  });
  return updated;
};
