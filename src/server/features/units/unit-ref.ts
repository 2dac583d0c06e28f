import { eq } from 'drizzle-orm';
import type { Subject } from '../../../core/org/can.ts';
import type { Tx } from '../../db/client.ts';
import { units } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';

/** What a feature needs of the unit a request names: where it sits (path), what to call it, whether it is open. */
export type UnitRef = {
  id: string;
  path: string;
  name: string;
  code: string;
  parentId: string | null;
  active: boolean;
};

const columns = {
  id: units.id,
  path: units.path,
  name: units.name,
  code: units.code,
  parentId: units.parentId,
  active: units.active,
};

export const findUnitRef = async (db: Tx, id: string): Promise<UnitRef | undefined> => {
  const [row] = await db.select(columns).from(units).where(eq(units.id, id));
  return row;
};

/** The unit, or 404 NOT_FOUND. */
export const requireUnitRef = async (db: Tx, id: string): Promise<UnitRef> => {
  const unit = await findUnitRef(db, id);
  if (!unit) throw notFound('Unit');
  return unit;
};

/** The unit a route names (`/api/units/:unitId/…`), as the subject of its permission check (404 when unknown). */
export const unitSubject = async (db: Tx, unitId: string): Promise<Subject> => ({
  kind: 'unit',
  unitPath: (await requireUnitRef(db, unitId)).path,
});

/** The permission subject of a route whose path names the unit as `:unitId`. */
export const unitOfParams =
  (db: Tx) =>
  (req: { params: unknown }): Promise<Subject> =>
    unitSubject(db, (req.params as { unitId: string }).unitId);
