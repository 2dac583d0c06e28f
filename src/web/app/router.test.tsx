// @vitest-environment happy-dom
import '../test-setup.ts';
import { render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../contracts/auth.ts';
import { i18n } from '../lib/i18n.ts';
import { adminMe, apiError, mockFetch } from '../test-render.tsx';
import { AppProviders, createQueryClient } from './providers.tsx';
import { routes } from './router.tsx';

const boot = async (path: string, answers: { needsSetup?: boolean; me?: Me | null }) => {
  await i18n.changeLanguage('id');
  mockFetch((_method, url) => {
    if (url === '/api/setup/status')
      return { status: 200, body: { needsSetup: answers.needsSetup ?? false } };
    if (url === '/api/auth/me') {
      return answers.me
        ? { status: 200, body: { user: answers.me, csrfToken: 't' } }
        : apiError(401, 'UNAUTHENTICATED');
    }
    if (url === '/api/units') return { status: 200, body: { units: [] } };
    return undefined;
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProviders client={createQueryClient()} env="test">
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return router;
};

describe('routing guards', () => {
  it('sends a fresh installation to the setup page', async () => {
    const router = await boot('/units', { needsSetup: true });
    await waitFor(() => expect(router.state.location.pathname).toBe('/setup'));
    expect(await screen.findByRole('heading', { name: 'Penyiapan awal' })).toBeTruthy();
  });

  it('asks for a login and remembers where the user was going', async () => {
    const router = await boot('/units', { me: null });
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('?next=%2Funits');
  });

  it('holds a user with a temporary password on the change-password page, without navigation', async () => {
    const router = await boot('/units', { me: adminMe({ mustChangePassword: true }) });
    await waitFor(() => expect(router.state.location.pathname).toBe('/change-password'));
    expect(await screen.findByText(/kata sandi sementara/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Unit kerja' })).toBeNull();
  });

  it('shows only the pages the grants allow', async () => {
    const member = adminMe({
      isSystemAdmin: false,
      grants: [
        {
          id: '20000000-0000-4000-8000-000000000001',
          role: 'team_member',
          unitId: '10000000-0000-4000-8000-000000000002',
          unitName: 'KPU Provinsi Jawa Timur',
          unitPath: '/10000000-0000-4000-8000-000000000001/10000000-0000-4000-8000-000000000002/',
          area: null,
        },
      ],
    });
    await boot('/', { me: member });
    expect(await screen.findByRole('heading', { name: /Budi|Siti/ })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
    expect(nav.textContent).toContain('Unit kerja');
    expect(nav.textContent).not.toContain('Pengguna & peran');
    expect(nav.textContent).not.toContain('Jejak audit');
    expect(screen.getByRole('cell', { name: 'Anggota tim' })).toBeTruthy();
  });
});
