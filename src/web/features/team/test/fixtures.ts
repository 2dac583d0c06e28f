import type { Me } from '../../../../contracts/auth.ts';
import type { Decree, TeamPerson } from '../../../../contracts/team.ts';
import { adminMe } from '../../../test-render.tsx';

export const UNIT = '10000000-0000-4000-8000-000000000001';
export const unit = {
  id: UNIT,
  parentId: null,
  path: `/${UNIT}/`,
  depth: 0,
  code: 'KPU-SMP',
  name: 'KPU Kabupaten Sumenep',
  type: 'instansi',
  region: null,
  isPublicService: true,
  afirmasi: false,
  active: true,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

const grant = (role: Me['grants'][number]['role']) => ({
  id: '30000000-0000-4000-8000-000000000001',
  role,
  unitId: UNIT,
  unitName: unit.name,
  unitPath: unit.path,
  area: null,
});
/** The unit's own team lead (may edit the programme) and its leader (reads only). */
export const leadMe = () => adminMe({ isSystemAdmin: false, grants: [grant('zi_team_lead')] });
export const leaderMe = () => adminMe({ isSystemAdmin: false, grants: [grant('leader')] });

export const person = (n: number, name: string, hasAccount = true): TeamPerson => ({
  employeeId: `40000000-0000-4000-8000-00000000000${n}`,
  name,
  position: 'Staf',
  hasAccount,
});

export const decree = (over: Partial<Decree> = {}): Decree => ({
  id: '50000000-0000-4000-8000-000000000001',
  unitId: UNIT,
  kind: 'decree',
  number: 'SK-01/ZI/2026',
  decreedOn: '2026-01-05',
  validFrom: '2026-01-05',
  evidenceId: null,
  selectionMethod: 'Seleksi terbuka',
  lead: person(1, 'Ketua Tim'),
  areas: [1, 2, 3, 4, 5, 6].map((area) => ({
    area,
    coordinator: person(2, `Koordinator ${area}`),
    members: area === 3 ? [person(3, 'Anggota Tanpa Akun', false)] : [],
  })),
  supersedesId: null,
  supersededAt: null,
  createdAt: '2026-01-05T00:00:00Z',
  ...over,
});
