import { randomUUID } from 'node:crypto';
import type { CreateUnitBody } from '../../../contracts/units.ts';
import { childPath } from '../../../core/org/unit-path.ts';
import type { Tx } from '../../db/client.ts';
import { conflict, HttpError, notFound } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { findUnit, findUnitByCode, insertUnit, type UnitRow } from './repo.ts';
import { presentUnit } from './present-unit.ts';

export type CreateUnitOptions = { input: CreateUnitBody; actor: AuditActor; now: Date };

/** Creates an agency (no parent) or a unit under an active parent, with its audit record, in `tx`. */
export const createUnit = async (tx: Tx, { input, actor, now }: CreateUnitOptions): Promise<UnitRow> => {
  const parent = input.parentId ? await findUnit(tx, input.parentId) : null;
  if (input.parentId && !parent) throw notFound('Parent unit');
  if (parent && !parent.active)
    throw new HttpError(400, 'PARENT_INACTIVE', 'The parent unit is deactivated.');
  if ((input.type === 'instansi') !== (parent === null)) {
    throw new HttpError(400, 'UNIT_TYPE_MISMATCH', 'Only a unit without a parent is an agency (instansi).');
  }
  if (await findUnitByCode(tx, input.code))
    throw conflict('UNIT_CODE_TAKEN', `Unit code ${input.code} is taken.`);
  const id = randomUUID();
  const path = childPath(parent?.path ?? null, id);
  const row = await insertUnit(tx, {
    id,
    parentId: parent?.id ?? null,
    path,
    depth: parent ? parent.depth + 1 : 0,
    code: input.code,
    name: input.name,
    type: input.type,
    region: input.region ?? null,
    isPublicService: input.isPublicService,
    afirmasi: input.afirmasi,
    createdAt: now,
    updatedAt: now,
  });
  await writeAudit(tx, {
    actor,
    action: 'unit.created',
    subjectType: 'unit',
    subjectId: id,
    unit: { id, path },
    after: presentUnit(row),
    now,
  });
  return row;
};
