// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../contracts/findings.ts';
import { CSRF, mockFetch, renderPage } from '../../../test-render.tsx';
import { leaderMe, leadMe, unit, UNIT } from '../../team/test/fixtures.ts';
import { FindingsPage } from './findings-page.tsx';

const finding = (over: Partial<Finding> = {}): Finding => ({
  id: '60000000-0000-4000-8000-000000000001',
  unitId: UNIT,
  source: 'bpk',
  reference: 'LHP-BPK-1',
  finding: 'SOP belum dievaluasi',
  recommendation: 'Evaluasi SOP',
  dueDate: '2026-03-31',
  status: 'open',
  followUp: '',
  evidenceIds: [],
  closedAt: null,
  overdue: true,
  version: 4,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});

describe('FindingsPage', () => {
  it('shows the follow-up share and overdue badges; follows up and closes with the version read', async () => {
    const open = finding();
    const done = finding({
      id: '60000000-0000-4000-8000-000000000002',
      reference: 'LHP-INSP-2',
      source: 'inspectorate',
      status: 'followed_up',
      followUp: 'SOP direvisi',
      overdue: false,
    });
    const calls = mockFetch((method, url) => {
      if (url === '/api/units') return { status: 200, body: { units: [unit] } };
      if (url === `/api/units/${UNIT}/findings`)
        return {
          status: 200,
          body: { findings: [open, done], share: { percent: 50, followedUp: 1, total: 2, overdue: 1 } },
        };
      if (method === 'POST' && url === `/api/findings/${open.id}/follow-up`)
        return { status: 200, body: { ...open, status: 'in_progress', followUp: 'Sudah', version: 5 } };
      if (method === 'POST' && url === `/api/findings/${open.id}/close`)
        return { status: 200, body: { ...open, status: 'followed_up', version: 6 } };
      return undefined;
    });
    await renderPage(<FindingsPage />, { path: '/findings', me: leadMe() });

    const share = await screen.findByRole('region', { name: 'Persentase tindak lanjut' });
    expect(within(share).getByText('50 %')).toBeTruthy();
    expect(
      within(share).getByText('1 dari 2 temuan selesai ditindaklanjuti; 1 lewat batas waktu.'),
    ).toBeTruthy();
    expect(screen.getAllByText('Lewat batas waktu')).toHaveLength(1);
    expect(screen.getByText('Selesai ditindaklanjuti')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Tindak lanjut temuan LHP-BPK-1' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Tindak lanjut/ }), {
      target: { value: 'Sudah' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan dan tutup sebagai selesai' }));
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/close'))).toBe(true));
    const followUp = calls.find((c) => c.url.endsWith('/follow-up'));
    expect(followUp?.body).toEqual({ version: 4, followUp: 'Sudah', evidenceIds: [] });
    expect(followUp?.headers['x-csrf-token']).toBe(CSRF);
    expect(calls.find((c) => c.url.endsWith('/close'))?.body).toEqual({ version: 5 });
  });

  it('reads without actions for the leader; no findings is 100 %', async () => {
    mockFetch((_method, url) => {
      if (url === '/api/units') return { status: 200, body: { units: [unit] } };
      if (url === `/api/units/${UNIT}/findings`)
        return {
          status: 200,
          body: { findings: [], share: { percent: 100, followedUp: 0, total: 0, overdue: 0 } },
        };
      return undefined;
    });
    await renderPage(<FindingsPage />, { path: '/findings', me: leaderMe() });
    expect(await screen.findByText('100 %')).toBeTruthy();
    expect(screen.getByText('Tidak ada temuan: tidak ada yang perlu ditindaklanjuti (100 %).')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Catat temuan' })).toBeNull();
  });
});
