// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminMe, mockFetch, renderPage } from '../../../test-render.tsx';
import { SetupPage } from './setup-page.tsx';

const fill = (label: RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('SetupPage', () => {
  it('validates with the contract before sending', async () => {
    const calls = mockFetch(() => undefined);
    await renderPage(<SetupPage />, { path: '/setup' });
    fill(/^Kode/, 'kpu ri');
    fill(/^Email/, 'admin@');
    fill(/^Kata sandi baru/, 'pendek');
    fill(/^Ulangi kata sandi baru/, 'lain');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan dan mulai' }));

    expect(await screen.findByText(/Kode hanya boleh berisi/)).toBeTruthy();
    expect(screen.getByText('Alamat email tidak valid.')).toBeTruthy();
    expect(screen.getByText('Kata sandi minimal 10 karakter.')).toBeTruthy();
    expect(screen.getByText('Kedua kata sandi tidak sama')).toBeTruthy();
    expect(screen.getAllByText('Wajib diisi.').length).toBe(2); // agency name, admin name
    expect(calls.length).toBe(0);
  });

  it('sends the agency and the administrator', async () => {
    const calls = mockFetch((method, url) =>
      method === 'POST' && url === '/api/setup'
        ? { status: 201, body: { user: adminMe(), csrfToken: 'fresh' } }
        : undefined,
    );
    const { router } = await renderPage(<SetupPage />, { path: '/setup' });
    fill(/^Nama\s*\*?$/, 'Komisi Pemilihan Umum');
    fill(/^Kode/, 'KPU');
    fill(/^Wilayah/, 'DKI Jakarta');
    fill(/^Nama lengkap/, 'Siti Rahayu');
    fill(/^Email/, 'Admin@KPU.go.id');
    fill(/^Kata sandi baru/, 'pulau-yang-tenang');
    fill(/^Ulangi kata sandi baru/, 'pulau-yang-tenang');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan dan mulai' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(calls[0]?.body).toEqual({
      agency: { code: 'KPU', name: 'Komisi Pemilihan Umum', region: 'DKI Jakarta' },
      admin: { name: 'Siti Rahayu', email: 'Admin@KPU.go.id', password: 'pulau-yang-tenang' },
    });
  });
});
