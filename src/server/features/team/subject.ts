import type { Subject } from '../../../core/org/can.ts';
import type { Tx } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { findUnitRow } from './repo.ts';

/** The unit a programme route names, as the subject of its permission check (404 when unknown). */
export const unitSubject = async (db: Tx, unitId: string): Promise<Subject> => {
  const unit = await findUnitRow(db, unitId);
  if (!unit) throw notFound('Unit');
  return { kind: 'unit', unitPath: unit.path };
};
