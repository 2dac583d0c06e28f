import type { Tx } from '../../db/client.ts';
import { HttpError, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { countActiveChildren, findUnit, updateUnitIfVersion, type UnitRow } from './repo.ts';
import { presentUnit } from './present-unit.ts';

export type SetUnitActiveOptions = {
  unitId: string;
  version: number;
  active: boolean;
  actor: AuditActor;
  now: Date;
};

/**
 * Deactivates or reactivates a unit. Nothing is deleted: its history, answers and evidence stay. A unit with
 * active sub-units cannot be deactivated, and one under a deactivated parent cannot come back first.
 */
export const setUnitActive = async (tx: Tx, options: SetUnitActiveOptions): Promise<UnitRow> => {
  const current = await findUnit(tx, options.unitId);
  if (!current) throw notFound('Unit');
  if (current.version !== options.version) throw staleWrite(presentUnit(current));
  if (!options.active && (await countActiveChildren(tx, current.id)) > 0) {
    throw new HttpError(400, 'UNIT_HAS_ACTIVE_CHILDREN', 'Deactivate its sub-units first.');
  }
  if (options.active && current.parentId) {
    const parent = await findUnit(tx, current.parentId);
    if (parent && !parent.active)
      throw new HttpError(400, 'PARENT_INACTIVE', 'Reactivate the parent unit first.');
  }
  const updated = await updateUnitIfVersion(
    tx,
    current.id,
    options.version,
    { active: options.active },
    options.now,
  );
  if (!updated) throw staleWrite(presentUnit(current));
  await writeAudit(tx, {
    actor: options.actor,
    action: options.active ? 'unit.reactivated' : 'unit.deactivated',
    subjectType: 'unit',
    subjectId: current.id,
    unit: { id: current.id, path: current.path },
    before: { active: current.active },
    after: { active: options.active },
    now: options.now,
  });
  return updated;
};
