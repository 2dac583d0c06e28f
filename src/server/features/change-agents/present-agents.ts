import type { AgentChange, ChangeAgent } from '../../../contracts/change-agents.ts';
import type { ChangeAgent as CoreAgent } from '../../../core/programme/change-agent-inputs.ts';
import type { Tx } from '../../db/client.ts';
import { listAgents, listChanges, type AgentRow, type ChangeRow } from './repo.ts';

export const presentChange = (row: ChangeRow): AgentChange => ({
  id: row.id,
  agentId: row.agentId,
  title: row.title,
  description: row.description,
  madeOn: row.madeOn,
  integrated: row.integrated,
  evidenceIds: row.evidenceIds as string[],
  createdAt: row.createdAt.toISOString(),
});

export const presentAgent = (row: AgentRow, employeeName: string, changes: ChangeRow[]): ChangeAgent => ({
  id: row.id,
  unitId: row.unitId,
  employeeId: row.employeeId,
  employeeName,
  designatedOn: row.designatedOn,
  decreeRef: row.decreeRef,
  revokedOn: row.revokedOn,
  version: row.version,
  changes: changes.filter((c) => c.agentId === row.id).map(presentChange),
});

/** The unit's change agents, each with her changes, as the API shows them. */
export const loadAgents = async (db: Tx, unitId: string): Promise<ChangeAgent[]> => {
  const rows = await listAgents(db, unitId);
  const changes = await listChanges(
    db,
    rows.map((r) => r.agent.id),
  );
  return rows.map((r) => presentAgent(r.agent, r.employeeName ?? '', changes));
};

/** The same agents as the core's count rule reads them. */
export const toCoreAgents = (agents: readonly ChangeAgent[]): CoreAgent[] =>
  agents.map((a) => ({
    id: a.id,
    designatedOn: a.designatedOn,
    revokedOn: a.revokedOn,
    changes: a.changes.map((c) => ({ madeOn: c.madeOn, integrated: c.integrated })),
  }));
