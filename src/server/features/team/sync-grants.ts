import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { roleGrants, teamRoleGrants } from '../../db/schema.ts';
import type { AuditActor } from '../audit/write-audit.ts';

export type WantedGrant = {
  userId: string;
  role: 'zi_team_lead' | 'area_coordinator' | 'team_member';
  area: number | null;
};
type Held = { grantId: string; userId: string; role: string; area: number | null };

const keyOf = (g: { userId: string; role: string; area: number | null }) =>
  `${g.userId}|${g.role}|${g.area ?? 0}`;

/**
 * Makes the unit's role grants match its current work team: grants the team created earlier and the new decree
 * no longer names are removed; grants it names are added (and marked as the team's). A grant given by hand is
 * never touched: if it already matches, the team leaves it as it is, unmarked.
 */
export const syncTeamGrants = async (
  tx: Tx,
  options: { unitId: string; decreeId: string; wanted: WantedGrant[]; actor: AuditActor; now: Date },
) => {
  const { unitId, decreeId, actor, now } = options;
  const wanted = new Map(options.wanted.map((g) => [keyOf(g), g]));
  const teamMade: Held[] = await tx
    .select({
      grantId: teamRoleGrants.grantId,
      userId: roleGrants.userId,
      role: roleGrants.role,
      area: roleGrants.area,
    })
    .from(teamRoleGrants)
    .innerJoin(roleGrants, eq(roleGrants.id, teamRoleGrants.grantId))
    .where(eq(teamRoleGrants.unitId, unitId));
  const dropped = teamMade.filter((g) => !wanted.has(keyOf(g)));
  if (dropped.length > 0) {
    const ids = dropped.map((g) => g.grantId);
    await tx.delete(roleGrants).where(inArray(roleGrants.id, ids));
    await tx.delete(teamRoleGrants).where(inArray(teamRoleGrants.grantId, ids));
  }
  // Links whose grant was revoked by hand meanwhile point at nothing: forget them.
  await tx.execute(
    sql`DELETE FROM team_role_grants t WHERE t.unit_id = ${unitId} AND NOT EXISTS (SELECT 1 FROM role_grants g WHERE g.id = t.grant_id)`,
  );
  const kept = new Set(teamMade.filter((g) => wanted.has(keyOf(g))).map((g) => g.grantId));
  if (kept.size > 0)
    await tx
      .update(teamRoleGrants)
      .set({ decreeId })
      .where(inArray(teamRoleGrants.grantId, [...kept]));

  const added: WantedGrant[] = [];
  for (const g of wanted.values()) {
    const [existing] = await tx
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .where(
        and(
          eq(roleGrants.userId, g.userId),
          eq(roleGrants.unitId, unitId),
          eq(roleGrants.role, g.role),
          sql`coalesce(${roleGrants.area}, 0) = ${g.area ?? 0}`,
        ),
      )
      .limit(1);
    if (existing) continue;
    const grantId = randomUUID();
    await tx.insert(roleGrants).values({
      id: grantId,
      userId: g.userId,
      unitId,
      role: g.role,
      area: g.area,
      createdAt: now,
      createdBy: actor.id,
    });
    await tx.insert(teamRoleGrants).values({ grantId, unitId, decreeId });
    added.push(g);
  }
  return {
    added,
    removed: dropped.map((g) => ({ userId: g.userId, role: g.role, area: g.area })),
  };
};
