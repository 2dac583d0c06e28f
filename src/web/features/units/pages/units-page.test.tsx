// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../../contracts/units.ts';
import { adminMe, apiError, CSRF, mockFetch, renderPage } from '../../../test-render.tsx';
import { UnitsPage } from './units-page.tsx';

const A = '10000000-0000-4000-8000-000000000001';
const B = '10000000-0000-4000-8000-000000000002';
const C = '10000000-0000-4000-8000-000000000003';

const unit = (
  id: string,
  parent: Unit | null,
  code: string,
  name: string,
  extra: Partial<Unit> = {},
): Unit => ({
  id,
  parentId: parent?.id ?? null,
  path: `${parent?.path ?? '/'}${id}/`,
  depth: parent ? parent.depth + 1 : 0,
  code,
  name,
  type: parent ? 'provinsi' : 'instansi',
  region: null,
  isPublicService: false,
  afirmasi: false,
  active: true,
  version: 1,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  ...extra,
});
const kpu = unit(A, null, 'KPU', 'KPU RI');
const jatim = unit(B, kpu, 'KPU-JATIM', 'KPU Provinsi Jawa Timur');
const sumenep = unit(C, jatim, 'KPU-SMP', 'KPU Kabupaten Sumenep', { type: 'kabupaten_kota' });

describe('UnitsPage', () => {
  it('renders the nested tree and expands a branch', async () => {
    mockFetch((method, url) =>
      url === '/api/units' ? { status: 200, body: { units: [sumenep, jatim, kpu] } } : undefined,
    );
    await renderPage(<UnitsPage />, { path: '/units', me: adminMe() });

    const tree = await screen.findByRole('navigation', { name: 'Pohon unit kerja' });
    expect(within(tree).getByRole('button', { name: /^KPU RI/ })).toBeTruthy();
    expect(within(tree).getByRole('button', { name: /^KPU Provinsi Jawa Timur/ })).toBeTruthy();
    expect(within(tree).queryByRole('button', { name: /^KPU Kabupaten Sumenep/ })).toBeNull();

    const expand = within(tree).getByRole('button', { name: 'Buka KPU Provinsi Jawa Timur' });
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(expand);
    expect(within(tree).getByRole('button', { name: /^KPU Kabupaten Sumenep/ })).toBeTruthy();
    // the grandchild sits in a list nested two levels below the agency
    expect(within(tree).getAllByRole('list').length).toBe(3);
  });

  it('creates a sub-unit with the right body and the csrf header', async () => {
    const created = unit('10000000-0000-4000-8000-000000000009', jatim, 'KPU-MLG', 'KPU Kota Malang');
    const calls = mockFetch((method, url) => {
      if (url === '/api/units' && method === 'GET') return { status: 200, body: { units: [jatim, kpu] } };
      if (url === '/api/units' && method === 'POST') return { status: 201, body: created };
      return undefined;
    });
    await renderPage(<UnitsPage />, { path: '/units', me: adminMe() });

    fireEvent.click(await screen.findByRole('button', { name: /^KPU Provinsi Jawa Timur/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Tambah sub-unit' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Nama/ }), {
      target: { value: 'KPU Kota Malang' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Kode/ }), {
      target: { value: 'KPU-MLG' },
    });
    fireEvent.click(within(dialog).getByRole('combobox', { name: /^Jenis unit/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Kantor kabupaten/kota' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Wilayah/ }), {
      target: { value: 'Jawa Timur' },
    });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Unit pelayanan publik/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan unit' }));

    await waitFor(() => expect(calls.some((call) => call.method === 'POST')).toBe(true));
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.url).toBe('/api/units');
    expect(post?.headers['x-csrf-token']).toBe(CSRF);
    expect(post?.headers['content-type']).toBe('application/json');
    expect(post?.body).toEqual({
      parentId: B,
      code: 'KPU-MLG',
      name: 'KPU Kota Malang',
      type: 'kabupaten_kota',
      region: 'Jawa Timur',
      isPublicService: true,
      afirmasi: false,
    });
  });

  it('shows both versions on a 409 and overwrites on the current version', async () => {
    const current = { ...jatim, name: 'KPU Jatim (diubah rekan)', version: 4 };
    const calls = mockFetch((method, url, body) => {
      if (url === '/api/units' && method === 'GET') return { status: 200, body: { units: [jatim, kpu] } };
      if (url === `/api/units/${B}` && method === 'PATCH') {
        return (body as { version: number }).version === 1
          ? apiError(409, 'STALE_WRITE', { current })
          : { status: 200, body: { ...current, name: 'KPU Jawa Timur', version: 5 } };
      }
      return undefined;
    });
    await renderPage(<UnitsPage />, { path: '/units', me: adminMe() });

    fireEvent.click(await screen.findByRole('button', { name: /^KPU Provinsi Jawa Timur/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Ubah' }));
    const form = await screen.findByRole('dialog');
    fireEvent.change(within(form).getByRole('textbox', { name: /^Nama/ }), {
      target: { value: 'KPU Jawa Timur' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Simpan' }));

    const title = await screen.findByText('Data sudah diubah orang lain');
    const conflict = title.closest('[role="dialog"]') as HTMLElement;
    expect(within(conflict).getByText('KPU Jawa Timur')).toBeTruthy();
    expect(within(conflict).getByText('KPU Jatim (diubah rekan)')).toBeTruthy();

    fireEvent.click(within(conflict).getByRole('button', { name: 'Timpa dengan versi saya' }));
    await waitFor(() => expect(calls.filter((call) => call.method === 'PATCH').length).toBe(2));
    expect(calls.filter((call) => call.method === 'PATCH')[1]?.body).toMatchObject({
      version: 4,
      name: 'KPU Jawa Timur',
    });
  });

  it('hides actions the user may not do', async () => {
    mockFetch((_method, url) =>
      url === '/api/units' ? { status: 200, body: { units: [jatim] } } : undefined,
    );
    const reader = adminMe({
      isSystemAdmin: false,
      grants: [
        {
          id: '20000000-0000-4000-8000-000000000001',
          role: 'team_member',
          unitId: B,
          unitName: jatim.name,
          unitPath: jatim.path,
          area: null,
        },
      ],
    });
    await renderPage(<UnitsPage />, { path: '/units', me: reader });
    fireEvent.click(await screen.findByRole('button', { name: /^KPU Provinsi Jawa Timur/ }));
    expect(screen.queryByRole('button', { name: 'Tambah sub-unit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ubah' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Tambah instansi' })).toBeNull();
  });
});
