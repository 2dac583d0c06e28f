import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type {
  AgentChange,
  ChangeAgent,
  CreateChangeAgentBody,
  CreateChangeBody,
  UpdateChangeAgentBody,
} from '../../../contracts/change-agents.ts';
import type { Tx } from '../../db/client.ts';
import { changeAgentChanges, changeAgents } from '../../db/schema.ts';
import { badRequest, conflict, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { evidenceOutsideUnit, findEmployees } from '../team/repo.ts';
import { findUnitRef } from '../units/unit-ref.ts';
import { presentAgent, presentChange } from './present-agents.ts';
import { findAgent, findAgentOfEmployee, findChange, listChanges } from './repo.ts';

type Common = { actor: AuditActor; now: Date };

const refuseBadDates = (designatedOn: string, revokedOn: string | null) => {
  if (revokedOn !== null && revokedOn < designatedOn)
    throw badRequest('AGENT_DATES_INVALID', 'A designation cannot end before it starts.');
};

/** Designates one of the unit's active employees as a change agent (by decree reference). */
export const designateAgent = async (
  tx: Tx,
  options: Common & { unitId: string; input: CreateChangeAgentBody },
): Promise<ChangeAgent> => {
  const { unitId, input, actor, now } = options;
  const unit = await findUnitRef(tx, unitId);
  if (!unit) throw notFound('Unit');
  const [employee] = await findEmployees(tx, [input.employeeId]);
  if (!employee || employee.unitId !== unitId || !employee.active)
    throw badRequest('AGENT_EMPLOYEE_NOT_IN_UNIT', 'A change agent must be an active employee of this unit.');
  if (await findAgentOfEmployee(tx, unitId, input.employeeId))
    throw conflict('AGENT_ALREADY_DESIGNATED', 'This employee is already a change agent of the unit.');
  const [row] = await tx
    .insert(changeAgents)
    .values({ id: randomUUID(), unitId, ...input, createdBy: actor.id, createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new Error('change agent insert returned nothing');
  const agent = presentAgent(row, employee.name, []);
  await writeAudit(tx, {
    actor,
    action: 'change_agent.designated',
    subjectType: 'change_agent',
    subjectId: row.id,
    unit: { id: unit.id, path: unit.path },
    after: agent,
    now,
  });
  return agent;
};

/** Corrects a designation or ends it (`revokedOn`); optimistic on the version read. */
export const updateAgent = async (
  tx: Tx,
  options: Common & { agentId: string; input: UpdateChangeAgentBody },
): Promise<ChangeAgent> => {
  const { agentId, input, actor, now } = options;
  const found = await findAgent(tx, agentId);
  if (!found) throw notFound('Change agent');
  const current = found.agent;
  const [employee] = await findEmployees(tx, [current.employeeId]);
  const name = employee?.name ?? '';
  const changes = await listChanges(tx, [agentId]);
  if (current.version !== input.version) throw staleWrite(presentAgent(current, name, changes));
  const next = {
    designatedOn: input.designatedOn ?? current.designatedOn,
    decreeRef: input.decreeRef ?? current.decreeRef,
    revokedOn: input.revokedOn === undefined ? current.revokedOn : input.revokedOn,
  };
  refuseBadDates(next.designatedOn, next.revokedOn);
  const [saved] = await tx
    .update(changeAgents)
    .set({ ...next, version: current.version + 1, updatedAt: now })
    .where(and(eq(changeAgents.id, agentId), eq(changeAgents.version, input.version)))
    .returning();
  if (!saved) throw staleWrite(presentAgent(current, name, changes));
  const agent = presentAgent(saved, name, changes);
  await writeAudit(tx, {
    actor,
    action: 'change_agent.updated',
    subjectType: 'change_agent',
    subjectId: agentId,
    unit: { id: current.unitId, path: found.unitPath },
    before: presentAgent(current, name, changes),
    after: agent,
    now,
  });
  return agent;
};

/** Records a concrete change the agent made, with its evidence. */
export const addChange = async (
  tx: Tx,
  options: Common & { agentId: string; input: CreateChangeBody },
): Promise<AgentChange> => {
  const { agentId, input, actor, now } = options;
  const found = await findAgent(tx, agentId);
  if (!found) throw notFound('Change agent');
  const outside = await evidenceOutsideUnit(tx, found.agent.unitId, input.evidenceIds);
  if (outside.length > 0)
    throw badRequest('EVIDENCE_NOT_IN_UNIT', 'Evidence must belong to the agent’s unit.', {
      evidenceIds: outside,
    });
  const [row] = await tx
    .insert(changeAgentChanges)
    .values({
      id: randomUUID(),
      agentId,
      unitId: found.agent.unitId,
      ...input,
      evidenceIds: [...new Set(input.evidenceIds)],
      createdBy: actor.id,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('change insert returned nothing');
  const change = presentChange(row);
  await writeAudit(tx, {
    actor,
    action: 'change_agent.change_added',
    subjectType: 'change_agent',
    subjectId: agentId,
    unit: { id: found.agent.unitId, path: found.unitPath },
    after: change,
    now,
  });
  return change;
};

/** Removes a change recorded by mistake. */
export const removeChange = async (tx: Tx, options: Common & { agentId: string; changeId: string }) => {
  const { agentId, changeId, actor, now } = options;
  const found = await findAgent(tx, agentId);
  if (!found) throw notFound('Change agent');
  const change = await findChange(tx, agentId, changeId);
  if (!change) throw notFound('Change');
  await tx.delete(changeAgentChanges).where(eq(changeAgentChanges.id, changeId));
  await writeAudit(tx, {
    actor,
    action: 'change_agent.change_removed',
    subjectType: 'change_agent',
    subjectId: agentId,
    unit: { id: found.agent.unitId, path: found.unitPath },
    before: presentChange(change),
    now,
  });
};
