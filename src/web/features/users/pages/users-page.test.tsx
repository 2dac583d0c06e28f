// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../../contracts/units.ts';
import type { User } from '../../../../contracts/users.ts';
import { adminMe, CSRF, mockFetch, renderPage } from '../../../test-render.tsx';
import { UsersPage } from './users-page.tsx';

const A = '10000000-0000-4000-8000-000000000001';
const kpu: Unit = {
  id: A,
  parentId: null,
  path: `/${A}/`,
  depth: 0,
  code: 'KPU',
  name: 'KPU RI',
  type: 'instansi',
  region: null,
  isPublicService: false,
  afirmasi: false,
  active: true,
  version: 1,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};
const budi: User = {
  id: '30000000-0000-4000-8000-000000000001',
  email: 'budi@kpu.go.id',
  name: 'Budi Santoso',
  homeUnitId: A,
  isSystemAdmin: false,
  active: true,
  locale: 'id',
  mustChangePassword: true,
  lockedUntil: null,
  version: 1,
  grants: [],
  createdAt: '2025-01-01T00:00:00Z',
};

describe('UsersPage', () => {
  it('creates a user and shows the temporary password once, with a copy button', async () => {
    const calls = mockFetch((method, url) => {
      if (url === '/api/units') return { status: 200, body: { units: [kpu] } };
      if (url.startsWith('/api/users') && method === 'GET') return { status: 200, body: { users: [] } };
      if (url === '/api/users' && method === 'POST')
        return { status: 201, body: { user: budi, temporaryPassword: 'Sementara-7Kq2' } };
      return undefined;
    });
    await renderPage(<UsersPage />, { path: '/users', me: adminMe() });

    fireEvent.click(await screen.findByRole('button', { name: 'Tambah pengguna' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Nama lengkap/ }), {
      target: { value: 'Budi Santoso' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Email/ }), {
      target: { value: 'budi@kpu.go.id' },
    });
    fireEvent.click(within(dialog).getByRole('combobox', { name: /^Unit asal/ }));
    fireEvent.click(await screen.findByRole('option', { name: /KPU RI/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Buat akun' }));

    expect(await screen.findByText('Sementara-7Kq2')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Salin kata sandi' })).toBeTruthy();
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.body).toEqual({ name: 'Budi Santoso', email: 'budi@kpu.go.id', homeUnitId: A });
    expect(post?.headers['x-csrf-token']).toBe(CSRF);
    fireEvent.click(screen.getByRole('button', { name: 'Sudah saya catat' }));
    await waitFor(() => expect(screen.queryByText('Sementara-7Kq2')).toBeNull());
  });
});
