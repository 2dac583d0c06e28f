import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { CreateDecreeBody, DecreeCreated } from '../../../contracts/team.ts';
import type { Actor } from '../../../core/org/can.ts';
import type { Tx } from '../../db/client.ts';
import { teamDecrees, teamMembers } from '../../db/schema.ts';
import { badRequest, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { linkDecreeToLke } from './link-decree.ts';
import { AREA_NUMBERS, loadTeam } from './present-team.ts';
import { evidenceOutsideUnit, findCurrentDecree, findEmployees, lockUnit } from './repo.ts';
import { findUnitRef } from '../units/unit-ref.ts';
import { syncTeamGrants, type WantedGrant } from './sync-grants.ts';

export type CreateDecreeOptions = {
  unitId: string;
  input: CreateDecreeBody;
  who: Actor;
  actor: AuditActor;
  now: Date;
};

type Placement = { area: number; employeeId: string; role: 'coordinator' | 'member' };

/** The six areas each once, and nobody twice in one area (a coordinator is not also a member there). */
const placementsOf = (input: CreateDecreeBody): Placement[] => {
  const areas = input.areas.map((a) => a.area).sort();
  if (areas.join() !== AREA_NUMBERS.join())
    throw badRequest('TEAM_AREAS_INVALID', 'Give each of the six areas exactly once.');
  const placements: Placement[] = [];
  for (const a of input.areas) {
    const ids = [a.coordinatorEmployeeId, ...a.memberEmployeeIds];
    if (new Set(ids).size !== ids.length)
      throw badRequest('TEAM_DUPLICATE_MEMBER', `Area ${a.area} names someone twice.`);
    placements.push({ area: a.area, employeeId: a.coordinatorEmployeeId, role: 'coordinator' });
    for (const id of a.memberEmployeeIds) placements.push({ area: a.area, employeeId: id, role: 'member' });
  }
  return placements;
};

/**
 * Records a decree (SK) forming the unit's work team, or an amendment of the current one: the current decree is
 * superseded and kept as history. In the same transaction the team's people with Pulau accounts get the role
 * grants of their places (lead, area coordinator, area member) and lose those the previous decree gave them and
 * this one drops, so nobody types the coordinators twice. The signed PDF, if given, is attached to P1.i.a of
 * the unit's assessment of the decree's year while that assessment is editable (the reply says when not).
 */
export const createDecree = async (tx: Tx, options: CreateDecreeOptions): Promise<DecreeCreated> => {
  const { unitId, input, who, actor, now } = options;
  const unit = await findUnitRef(tx, unitId);
  if (!unit) throw notFound('Unit');
  await lockUnit(tx, unitId);
  const current = await findCurrentDecree(tx, unitId);
  if ((current?.id ?? null) !== input.currentDecreeId) throw staleWrite((await loadTeam(tx, unitId)).current);
  if (input.kind === 'amendment' && !current)
    throw badRequest('TEAM_NOTHING_TO_AMEND', 'There is no decree to amend; record a decree first.');

  const placements = placementsOf(input);
  const ids = [...new Set([input.leadEmployeeId, ...placements.map((p) => p.employeeId)])];
  const found = await findEmployees(tx, ids);
  const usable = new Map(found.filter((e) => e.unitId === unitId && e.active).map((e) => [e.id, e]));
  const outside = ids.filter((id) => !usable.has(id));
  if (outside.length > 0)
    throw badRequest(
      'TEAM_EMPLOYEE_NOT_IN_UNIT',
      'Every person of the team must be an active employee of this unit.',
      { employeeIds: outside },
    );
  if (input.evidenceId && (await evidenceOutsideUnit(tx, unitId, [input.evidenceId])).length > 0)
    throw badRequest('EVIDENCE_NOT_IN_UNIT', 'The signed decree must be evidence of this unit.');

  const id = randomUUID();
  if (current) await tx.update(teamDecrees).set({ supersededAt: now }).where(eq(teamDecrees.id, current.id));
  await tx.insert(teamDecrees).values({
    id,
    unitId,
    kind: input.kind,
    number: input.number,
    decreedOn: input.decreedOn,
    validFrom: input.validFrom,
    evidenceId: input.evidenceId,
    selectionMethod: input.selectionMethod,
    leadEmployeeId: input.leadEmployeeId,
    supersedesId: current?.id ?? null,
    createdBy: actor.id,
    createdAt: now,
  });
  await tx.insert(teamMembers).values(placements.map((p) => ({ decreeId: id, ...p })));

  const userOf = (employeeId: string) => usable.get(employeeId)?.userId ?? null;
  const wanted: WantedGrant[] = [];
  const lead = userOf(input.leadEmployeeId);
  if (lead) wanted.push({ userId: lead, role: 'zi_team_lead', area: null });
  for (const p of placements) {
    const userId = userOf(p.employeeId);
    if (userId)
      wanted.push({
        userId,
        role: p.role === 'coordinator' ? 'area_coordinator' : 'team_member',
        area: p.area,
      });
  }
  const synced = await syncTeamGrants(tx, { unitId, decreeId: id, wanted, actor, now });

  const team = await loadTeam(tx, unitId);
  const decree = team.current;
  if (!decree) throw new Error('the decree just written is not current');
  const unitRef = { id: unit.id, path: unit.path };
  await writeAudit(tx, {
    actor,
    action: input.kind === 'amendment' ? 'team.decree_amended' : 'team.decree_recorded',
    subjectType: 'team_decree',
    subjectId: id,
    unit: unitRef,
    before: current ? { decreeId: current.id, number: current.number } : null,
    after: decree,
    now,
  });
  if (synced.added.length > 0 || synced.removed.length > 0)
    await writeAudit(tx, {
      actor,
      action: 'team.grants_synced',
      subjectType: 'team_decree',
      subjectId: id,
      unit: unitRef,
      before: { removed: synced.removed },
      after: { added: synced.added },
      now,
    });
  const lkeLink = input.evidenceId
    ? await linkDecreeToLke(tx, {
        unitId,
        evidenceId: input.evidenceId,
        decreedOn: input.decreedOn,
        who,
        actor,
        now,
      })
    : null;
  return { decree, grants: { added: synced.added.length, removed: synced.removed.length }, lkeLink };
};
