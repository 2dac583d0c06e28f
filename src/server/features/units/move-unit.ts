import { can, type Actor } from '../../../core/org/can.ts';
import { childPath, isWithin } from '../../../core/org/unit-path.ts';
import type { Tx } from '../../db/client.ts';
import { forbidden, HttpError, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { findUnit, rewriteSubtreePaths, updateUnitIfVersion, type UnitRow } from './repo.ts';
import { presentUnit } from './present-unit.ts';

export type MoveUnitOptions = {
  unitId: string;
  newParentId: string;
  version: number;
  who: Actor;
  actor: AuditActor;
  now: Date;
};

/** Moves a unit with its whole subtree under another parent; the mover must be allowed to create units there. */
export const moveUnit = async (tx: Tx, options: MoveUnitOptions): Promise<UnitRow> => {
  const current = await findUnit(tx, options.unitId);
  if (!current) throw notFound('Unit');
  if (current.version !== options.version) throw staleWrite(presentUnit(current));
  if (current.parentId === null)
    throw new HttpError(400, 'UNIT_IS_AGENCY', 'An agency (instansi) cannot be moved.');
  const parent = await findUnit(tx, options.newParentId);
  if (!parent) throw notFound('New parent unit');
  if (!can(options.who, 'unit.create', { kind: 'unit', unitPath: parent.path })) throw forbidden();
  if (isWithin(parent.path, current.path)) {
    throw new HttpError(
      400,
      'UNIT_MOVE_CYCLE',
      'A unit cannot move under itself or one of its own sub-units.',
    );
  }
  if (!parent.active) throw new HttpError(400, 'PARENT_INACTIVE', 'The new parent unit is deactivated.');
  const newPath = childPath(parent.path, current.id);
  const depthDelta = parent.depth + 1 - current.depth;
  await rewriteSubtreePaths(tx, current.path, newPath, depthDelta, options.now);
  const moved = await updateUnitIfVersion(
    tx,
    current.id,
    options.version,
    { parentId: parent.id, path: newPath, depth: parent.depth + 1 },
    options.now,
  );
  if (!moved) throw staleWrite(presentUnit(current));
  await writeAudit(tx, {
    actor: options.actor,
    action: 'unit.moved',
    subjectType: 'unit',
    subjectId: current.id,
    unit: { id: current.id, path: newPath },
    before: { parentId: current.parentId, path: current.path },
    after: { parentId: parent.id, path: newPath },
    now: options.now,
  });
  return moved;
};
