// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch, renderPage } from '../../../test-render.tsx';
import { decree, leaderMe, leadMe, unit, UNIT } from '../test/fixtures.ts';
import { TeamPage } from './team-page.tsx';

const serve = (team: unknown) =>
  mockFetch((_method, url) => {
    if (url === '/api/units') return { status: 200, body: { units: [unit] } };
    if (url === `/api/units/${UNIT}/team`) return { status: 200, body: team };
    return undefined;
  });

describe('TeamPage', () => {
  it('shows the decree in force with six area cards and the superseded decrees; the lead may change it', async () => {
    const old = decree({
      id: '50000000-0000-4000-8000-000000000002',
      number: 'SK-00/ZI/2025',
      supersededAt: '2026-01-05T03:00:00Z',
    });
    serve({ current: decree({ kind: 'amendment', number: 'SK-02/ZI/2026' }), history: [old] });
    await renderPage(<TeamPage />, { path: '/team', me: leadMe() });

    const current = await screen.findByRole('region', { name: 'SK yang berlaku' });
    expect(within(current).getByText('SK-02/ZI/2026')).toBeTruthy();
    expect(within(current).getByText('SK perubahan')).toBeTruthy();
    const area3 = within(current).getByRole('region', { name: 'Area III · Penataan Sistem Manajemen SDM' });
    expect(within(area3).getByText('Koordinator 3')).toBeTruthy();
    expect(within(area3).getByText('Anggota Tanpa Akun')).toBeTruthy();
    expect(within(area3).getByText('tanpa akun')).toBeTruthy();
    expect(within(current).getAllByRole('region')).toHaveLength(6);
    expect(screen.getByText(/SK-00\/ZI\/2025 · ditetapkan/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ubah tim (SK baru/perubahan)' })).toBeTruthy();
  });

  it('reads without an edit button for the leader, and says when there is no decree yet', async () => {
    serve({ current: null, history: [] });
    await renderPage(<TeamPage />, { path: '/team', me: leaderMe() });
    expect(await screen.findByText('Belum ada SK tim kerja untuk unit ini.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Catat SK tim' })).toBeNull();
  });
});
