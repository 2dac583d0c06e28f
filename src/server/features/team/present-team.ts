import type { Decree, TeamPerson, TeamView } from '../../../contracts/team.ts';
import type { Tx } from '../../db/client.ts';
import {
  findEmployees,
  listDecrees,
  listMembers,
  type DecreeRow,
  type EmployeeRow,
  type MemberRow,
} from './repo.ts';

export const AREA_NUMBERS = [1, 2, 3, 4, 5, 6] as const;

const personOf = (employees: Map<string, EmployeeRow>, id: string): TeamPerson => {
  const e = employees.get(id);
  return { employeeId: id, name: e?.name ?? '', position: e?.position ?? '', hasAccount: Boolean(e?.userId) };
};

export const presentDecree = (
  row: DecreeRow,
  members: MemberRow[],
  employees: Map<string, EmployeeRow>,
): Decree => {
  const mine = members.filter((m) => m.decreeId === row.id);
  return {
    id: row.id,
    unitId: row.unitId,
    kind: row.kind === 'amendment' ? 'amendment' : 'decree',
    number: row.number,
    decreedOn: row.decreedOn,
    validFrom: row.validFrom,
    evidenceId: row.evidenceId,
    selectionMethod: row.selectionMethod,
    lead: personOf(employees, row.leadEmployeeId),
    areas: AREA_NUMBERS.map((area) => {
      const inArea = mine.filter((m) => m.area === area);
      const coordinator = inArea.find((m) => m.role === 'coordinator');
      return {
        area,
        coordinator: coordinator ? personOf(employees, coordinator.employeeId) : null,
        members: inArea
          .filter((m) => m.role === 'member')
          .map((m) => personOf(employees, m.employeeId))
          .sort((a, b) => a.name.localeCompare(b.name)),
      };
    }),
    supersedesId: row.supersedesId,
    supersededAt: row.supersededAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
};

/** The unit's current decree and the superseded ones, each with its six area teams. */
export const loadTeam = async (db: Tx, unitId: string): Promise<TeamView> => {
  const decrees = await listDecrees(db, unitId);
  const members = await listMembers(
    db,
    decrees.map((d) => d.id),
  );
  const ids = new Set([...decrees.map((d) => d.leadEmployeeId), ...members.map((m) => m.employeeId)]);
  const employees = new Map((await findEmployees(db, [...ids])).map((e) => [e.id, e]));
  const present = (d: DecreeRow) => presentDecree(d, members, employees);
  const current = decrees.find((d) => d.supersededAt === null);
  return {
    current: current ? present(current) : null,
    history: decrees.filter((d) => d.supersededAt !== null).map(present),
  };
};
