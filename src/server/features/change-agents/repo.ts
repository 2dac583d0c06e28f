import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { answerFeeds, answers, changeAgentChanges, changeAgents, employees, units } from '../../db/schema.ts';

export type AgentRow = typeof changeAgents.$inferSelect;
export type ChangeRow = typeof changeAgentChanges.$inferSelect;

export const listAgents = (db: Tx, unitId: string) =>
  db
    .select({ agent: changeAgents, employeeName: employees.name })
    .from(changeAgents)
    .leftJoin(employees, eq(employees.id, changeAgents.employeeId))
    .where(eq(changeAgents.unitId, unitId))
    .orderBy(changeAgents.designatedOn, employees.name);

export const listChanges = async (db: Tx, agentIds: string[]): Promise<ChangeRow[]> =>
  agentIds.length === 0
    ? []
    : db
        .select()
        .from(changeAgentChanges)
        .where(inArray(changeAgentChanges.agentId, agentIds))
        .orderBy(changeAgentChanges.madeOn, changeAgentChanges.createdAt);

/** An agent with its unit's path (for the permission check and the audit record). */
export const findAgent = async (db: Tx, id: string) => {
  const [row] = await db
    .select({ agent: changeAgents, unitPath: units.path })
    .from(changeAgents)
    .innerJoin(units, eq(units.id, changeAgents.unitId))
    .where(eq(changeAgents.id, id))
    .limit(1);
  return row;
};

export const findAgentOfEmployee = async (db: Tx, unitId: string, employeeId: string) => {
  const [row] = await db
    .select({ id: changeAgents.id })
    .from(changeAgents)
    .where(and(eq(changeAgents.unitId, unitId), eq(changeAgents.employeeId, employeeId)))
    .limit(1);
  return row;
};

export const findChange = async (db: Tx, agentId: string, changeId: string) => {
  const [row] = await db
    .select()
    .from(changeAgentChanges)
    .where(and(eq(changeAgentChanges.id, changeId), eq(changeAgentChanges.agentId, agentId)))
    .limit(1);
  return row;
};

/**
 * The assessment's answers a programme feature wrote and nobody changed by hand since: the apply writes the
 * answer and the feed with the same instant, so a later edit of the answer shows as a newer `updated_at`.
 */
export const listCurrentFeeds = (db: Tx, assessmentId: string) =>
  db
    .select({
      code: answerFeeds.code,
      kind: answerFeeds.kind,
      note: answerFeeds.note,
      appliedAt: answerFeeds.appliedAt,
    })
    .from(answerFeeds)
    .innerJoin(
      answers,
      and(
        eq(answers.assessmentId, answerFeeds.assessmentId),
        eq(answers.level, 'unit'),
        eq(answers.code, answerFeeds.code),
        eq(answers.updatedAt, answerFeeds.appliedAt),
      ),
    )
    .where(eq(answerFeeds.assessmentId, assessmentId))
    .orderBy(answerFeeds.code);
