import { inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Actor, Action } from '../../../core/org/can.ts';
import { reachOf } from '../../../core/org/can.ts';
import { units } from '../../db/schema.ts';

/** A condition on `units.path` for where the actor may do `action`: every unit, some, or none. */
export const reachCondition = (actor: Actor, action: Action): SQL => {
  const reach = reachOf(actor, action);
  if (reach.all) return sql`true`;
  const parts: SQL[] = [];
  if (reach.exact.length > 0) parts.push(inArray(units.path, reach.exact));
  for (const p of reach.subtrees) parts.push(like(units.path, `${p}%`));
  return parts.length === 0 ? sql`false` : (or(...parts) ?? sql`false`);
};
