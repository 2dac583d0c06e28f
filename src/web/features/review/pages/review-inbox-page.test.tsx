// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReviewQueueEntry } from '../../../../contracts/reviews.ts';
import { adminMe, mockFetch, renderPage } from '../../../test-render.tsx';
import { ReviewInboxPage } from './review-inbox-page.tsx';

const entry = (n: number, overrides: Partial<ReviewQueueEntry>): ReviewQueueEntry => ({
  assessmentId: `00000000-0000-4000-8000-00000000010${n}`,
  unitId: `00000000-0000-4000-8000-00000000020${n}`,
  unitName: `Unit ${n}`,
  periodId: '00000000-0000-4000-8000-000000000301',
  periodName: 'Evaluasi ZI',
  year: 2026,
  target: 'WBK',
  status: 'tpi_review',
  tpiStage: { index: 0, id: 'member' },
  version: 3,
  as: 'tpi',
  ...overrides,
});

describe('ReviewInboxPage', () => {
  it('lists what the evaluator may review in workflow order, with period, status, TPI stage; filters by status', async () => {
    mockFetch((_m, url) =>
      url === '/api/reviews'
        ? {
            status: 200,
            body: {
              reviews: [
                entry(1, { unitName: 'KPU Kota Malang', status: 'tpn_desk', as: 'tpn' }),
                entry(2, { unitName: 'KPU Kabupaten Sumenep', tpiStage: { index: 1, id: 'team_lead' } }),
              ],
            },
          }
        : undefined,
    );
    const { router } = await renderPage(<ReviewInboxPage />, { path: '/review', me: adminMe() });
    const cards = await screen.findAllByRole('article');
    expect(cards.map((c) => c.getAttribute('aria-label'))).toEqual([
      'KPU Kabupaten Sumenep',
      'KPU Kota Malang',
    ]);
    const [sumenep, malang] = cards;
    if (!sumenep || !malang) throw new Error('cards');
    expect(within(sumenep).getByText('Evaluasi ZI · 2026')).toBeTruthy();
    expect(within(sumenep).getByText('Tahap TPI: Ketua tim')).toBeTruthy();
    expect(
      within(sumenep).getByRole('link', { name: 'Buka evaluasi KPU Kabupaten Sumenep' }).getAttribute('href'),
    ).toBe('/review/00000000-0000-4000-8000-000000000102');
    expect(within(malang).getByText('Evaluasi dokumen TPN')).toBeTruthy();
    expect(within(malang).queryByText(/^Tahap TPI/)).toBeNull();

    await act(() => router.navigate('/review?status=tpn_desk'));
    expect(screen.getAllByRole('article').map((c) => c.getAttribute('aria-label'))).toEqual([
      'KPU Kota Malang',
    ]);
  });
});
