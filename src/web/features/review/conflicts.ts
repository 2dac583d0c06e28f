import { pathIds } from '../../../core/org/unit-path.ts';
import type { User } from '../../../contracts/users.ts';

/** One grant that bars an evaluator, as the screen names it: the role, the unit, and whether it is this one. */
export type ConflictLine = { role: string; unitId: string; unitPath: string; on: 'unit' | 'parent_chain' };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Reads the conflicting grants out of a CONFLICT_OF_INTEREST refusal's details
 * (`{ unitPath, conflicts: [{ grant: { role, unitPath }, on }] }`); anything malformed is left out.
 */
export const conflictLines = (details: unknown): ConflictLine[] => {
  if (!isRecord(details) || !Array.isArray(details.conflicts)) return [];
  const lines: ConflictLine[] = [];
  for (const c of details.conflicts) {
    if (!isRecord(c) || !isRecord(c.grant)) continue;
    const { role, unitPath } = c.grant;
    if (typeof role !== 'string' || typeof unitPath !== 'string') continue;
    lines.push({
      role,
      unitPath,
      unitId: pathIds(unitPath).at(-1) ?? '',
      on: c.on === 'unit' ? 'unit' : 'parent_chain',
    });
  }
  return lines;
};

export const EVALUATOR_ROLE = { tpi: 'tpi_evaluator', tpn: 'tpn_evaluator' } as const;

/**
 * The people who may be picked to review the unit at `unitPath` at this level: active, holding the level's
 * evaluator role on the unit or above it, not already assigned. Conflicts of interest are the server's to
 * judge (it says why); the picker only hides who could never be assigned.
 */
export const evaluatorCandidates = (
  users: readonly User[],
  unitPath: string,
  level: 'tpi' | 'tpn',
  assignedIds: ReadonlySet<string>,
): User[] =>
  users
    .filter(
      (u) =>
        u.active &&
        !assignedIds.has(u.id) &&
        u.grants.some((g) => g.role === EVALUATOR_ROLE[level] && unitPath.startsWith(g.unitPath)),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
