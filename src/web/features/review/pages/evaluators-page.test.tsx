// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { User } from '../../../../contracts/users.ts';
import { adminMe, apiError, mockFetch, renderPage } from '../../../test-render.tsx';
import { EvaluatorsPage } from './evaluators-page.tsx';

const AGENCY = '00000000-0000-4000-8000-00000000a001';
const JATIM = '00000000-0000-4000-8000-00000000a002';
const SUMENEP = '00000000-0000-4000-8000-00000000a003';
const unit = (id: string, parentId: string | null, path: string, name: string) => ({
  id,
  parentId,
  path,
  depth: path.split('/').length - 3,
  code: name.toUpperCase().replaceAll(' ', '-'),
  name,
  type: 'kabupaten_kota',
  region: null,
  isPublicService: true,
  afirmasi: false,
  active: true,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});
const UNITS = [
  unit(AGENCY, null, `/${AGENCY}/`, 'KPU'),
  unit(JATIM, AGENCY, `/${AGENCY}/${JATIM}/`, 'KPU Provinsi Jawa Timur'),
  unit(SUMENEP, JATIM, `/${AGENCY}/${JATIM}/${SUMENEP}/`, 'KPU Kabupaten Sumenep'),
];
const grant = (role: User['grants'][number]['role'], unitId: string, unitPath: string) => ({
  id: `${unitId.slice(0, -3)}f${role.length.toString().padStart(2, '0')}`,
  role,
  unitId,
  unitName: UNITS.find((u) => u.id === unitId)?.name ?? '',
  unitPath,
  area: null,
});
const user = (id: string, name: string, grants: User['grants']): User => ({
  id,
  email: `${name.split(' ')[0]?.toLowerCase()}@kpu.go.id`,
  name,
  homeUnitId: AGENCY,
  isSystemAdmin: false,
  active: true,
  locale: 'id',
  mustChangePassword: false,
  lockedUntil: null,
  version: 1,
  grants,
  createdAt: '2026-01-01T00:00:00Z',
});
const RINA = '00000000-0000-4000-8000-00000000b001';
const BUDI = '00000000-0000-4000-8000-00000000b002';
const PLAIN = '00000000-0000-4000-8000-00000000b003';
const USERS = [
  user(RINA, 'Rina Inspektorat', [grant('tpi_evaluator', AGENCY, `/${AGENCY}/`)]),
  user(BUDI, 'Budi Santoso', [
    grant('tpi_evaluator', AGENCY, `/${AGENCY}/`),
    grant('leader', JATIM, `/${AGENCY}/${JATIM}/`),
  ]),
  user(PLAIN, 'Tanpa Peran Evaluator', [grant('team_member', AGENCY, `/${AGENCY}/`)]),
];
const agencyAdmin = adminMe({
  isSystemAdmin: false,
  grants: [
    {
      id: '00000000-0000-4000-8000-00000000c001',
      role: 'agency_admin',
      unitId: AGENCY,
      unitName: 'KPU',
      unitPath: `/${AGENCY}/`,
      area: null,
    },
  ],
});
const assignment = {
  id: '00000000-0000-4000-8000-00000000d001',
  unitId: SUMENEP,
  userId: RINA,
  userName: 'Rina Inspektorat',
  userEmail: 'rina@kpu.go.id',
  level: 'tpi',
  positions: ['member', 'team_lead'],
  createdAt: '2026-03-01T00:00:00Z',
};

const pick = async (label: string, option: string, role: 'combobox' | 'textbox' = 'combobox') => {
  fireEvent.click(screen.getByRole(role, { name: label }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
};

/** renderPage routes by path alone: the query (the chosen unit) is navigated to afterwards. */
const openAt = async (url: string) => {
  const { router } = await renderPage(<EvaluatorsPage />, { path: '/evaluators', me: agencyAdmin });
  await act(() => router.navigate(url));
};

describe('EvaluatorsPage', () => {
  it('says why a conflict of interest refuses the assignment: each role, on which unit', async () => {
    const calls = mockFetch((method, url) => {
      if (url === '/api/units') return { status: 200, body: { units: UNITS } };
      if (url === '/api/users') return { status: 200, body: { users: USERS } };
      if (method === 'GET' && url === `/api/units/${SUMENEP}/evaluators`)
        return { status: 200, body: { assignments: [assignment] } };
      if (method === 'POST' && url === `/api/units/${SUMENEP}/evaluators`)
        return apiError(400, 'CONFLICT_OF_INTEREST', {
          unitPath: `/${AGENCY}/${JATIM}/${SUMENEP}/`,
          conflicts: [
            { grant: { role: 'leader', unitPath: `/${AGENCY}/${JATIM}/` }, on: 'parent_chain' },
            { grant: { role: 'team_member', unitPath: `/${AGENCY}/${JATIM}/${SUMENEP}/` }, on: 'unit' },
          ],
        });
      return undefined;
    });
    await openAt(`/evaluators?unit=${SUMENEP}`);

    const team = await screen.findByRole('region', { name: 'Tim Penilai Internal (TPI)' });
    const card = await within(team).findByRole('article', { name: 'Rina Inspektorat' });
    expect(within(card).getByText('Anggota tim')).toBeTruthy();
    expect(within(card).getByText('Ketua tim')).toBeTruthy();

    // Only evaluators not yet assigned are offered: Rina is in the team, the plain member holds no TPI role.
    fireEvent.click(screen.getByRole('combobox', { name: 'Evaluator' }));
    expect(await screen.findByRole('option', { name: 'Budi Santoso · budi@kpu.go.id' })).toBeTruthy();
    expect(screen.queryByRole('option', { name: /Rina/ })).toBeNull();
    expect(screen.queryByRole('option', { name: /Tanpa Peran/ })).toBeNull();
    fireEvent.click(screen.getByRole('option', { name: 'Budi Santoso · budi@kpu.go.id' }));
    fireEvent.click(screen.getByRole('button', { name: 'Tugaskan' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Tidak dapat ditugaskan: konflik kepentingan')).toBeTruthy();
    const reasons = within(alert).getByRole('list', { name: 'Peran yang menimbulkan konflik kepentingan' });
    expect(
      within(reasons)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Pimpinan pada KPU Provinsi Jawa Timur (unit induk dari unit yang dinilai)',
      'Anggota tim pada KPU Kabupaten Sumenep (unit yang dinilai)',
    ]);
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ userId: BUDI, level: 'tpi', positions: ['member'] });
  });

  it('assigns with the chosen positions and removes an evaluator', async () => {
    let rows = [assignment];
    const calls = mockFetch((method, url, body) => {
      if (url === '/api/units') return { status: 200, body: { units: UNITS } };
      if (url === '/api/users') return { status: 200, body: { users: USERS } };
      if (method === 'GET' && url === `/api/units/${SUMENEP}/evaluators`)
        return { status: 200, body: { assignments: rows } };
      if (method === 'POST' && url === `/api/units/${SUMENEP}/evaluators`) {
        const added = { ...assignment, id: `${assignment.id.slice(0, -1)}2`, userId: BUDI, userName: 'Budi' };
        rows = [...rows, { ...added, positions: (body as { positions: string[] }).positions }];
        return { status: 201, body: added };
      }
      if (method === 'DELETE' && url === `/api/units/${SUMENEP}/evaluators/${assignment.id}`) {
        rows = rows.filter((r) => r.id !== assignment.id);
        return { status: 204 };
      }
      return undefined;
    });
    await openAt(`/evaluators?unit=${SUMENEP}`);
    await screen.findByRole('article', { name: 'Rina Inspektorat' });
    await pick('Evaluator', 'Budi Santoso · budi@kpu.go.id');
    await pick('Kedudukan dalam tim', 'Pengendali mutu');
    fireEvent.click(screen.getByRole('button', { name: 'Tugaskan' }));
    await screen.findByRole('article', { name: 'Budi' });
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      userId: BUDI,
      level: 'tpi',
      positions: ['member', 'quality_controller'],
    });

    fireEvent.click(screen.getByRole('button', { name: 'Lepas Rina Inspektorat' }));
    // Nothing is removed on one click: the question says what happens and who is told.
    const dialog = await screen.findByRole('dialog', { name: 'Akhiri penugasan Rina Inspektorat?' });
    expect(dialog.textContent).toContain('Tidak ada pemberitahuan otomatis');
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lepas' }));
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Rina Inspektorat' })).toBeNull());
    // An agency admin assigns TPI only: the TPN switch is the system's.
    expect(screen.queryByRole('radio', { name: 'TPN' })).toBeNull();
  });
});
