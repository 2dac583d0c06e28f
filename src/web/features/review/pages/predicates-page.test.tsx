// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PredicateHistory } from '../../../../contracts/reviews.ts';
import { adminMe, mockFetch, renderPage } from '../../../test-render.tsx';
import { PredicatesPage } from './predicates-page.tsx';

const UNIT = '00000000-0000-4000-8000-000000000a01';
const unit = {
  id: UNIT,
  parentId: null,
  path: `/${UNIT}/`,
  depth: 0,
  code: 'KPU-SMP',
  name: 'KPU Kabupaten Sumenep',
  type: 'kabupaten_kota',
  region: null,
  isPublicService: true,
  afirmasi: false,
  active: true,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const award = (n: number, overrides: Partial<PredicateHistory['awards'][number]>) => ({
  id: `00000000-0000-4000-8000-000000000b0${n}`,
  unitId: UNIT,
  assessmentId: `00000000-0000-4000-8000-000000000c0${n}`,
  predicate: 'WBK' as const,
  decreeNumber: `${n}/2024`,
  decreeDate: '2024-12-10',
  revokedOn: null,
  revocationReason: null,
  createdAt: '2024-12-10T00:00:00Z',
  ...overrides,
});

const open = async (history: PredicateHistory) => {
  mockFetch((_m, url) => {
    if (url === '/api/units') return { status: 200, body: { units: [unit] } };
    if (url === `/api/units/${UNIT}/predicates`) return { status: 200, body: history };
    return undefined;
  });
  const { router } = await renderPage(<PredicatesPage />, { path: '/predicates', me: adminMe() });
  await act(() => router.navigate(`/predicates?unit=${UNIT}`));
};

describe('PredicatesPage', () => {
  it('shows the predicate held, each decree newest first with its LHE, and a revocation with its reason', async () => {
    await open({
      unitId: UNIT,
      holds: 'WBBM',
      revokedOn: null,
      proposableFrom: null,
      awards: [
        award(1, { revokedOn: '2025-02-01', revocationReason: 'Pungutan liar terbukti' }),
        award(2, { predicate: 'WBK', decreeDate: '2025-12-01' }),
        award(3, { predicate: 'WBBM', decreeDate: '2026-11-20' }),
      ],
    });
    expect(await screen.findByLabelText('Predikat saat ini: WBBM')).toBeTruthy();
    const decrees = screen.getAllByRole('article');
    expect(decrees.map((d) => d.getAttribute('aria-label'))).toEqual([
      'Keputusan Nomor 3/2024',
      'Keputusan Nomor 2/2024',
      'Keputusan Nomor 1/2024',
    ]);
    const revoked = decrees[2];
    if (!revoked) throw new Error('decree');
    expect(within(revoked).getByText('Dicabut 1 Februari 2025: Pungutan liar terbukti')).toBeTruthy();
    expect(
      within(revoked).getByRole('link', { name: 'Unduh laporan hasil evaluasi (PDF)' }).getAttribute('href'),
    ).toBe('/api/assessments/00000000-0000-4000-8000-000000000c01/lhe.pdf?level=tpn_field');
  });

  it('says when a unit whose predicate was revoked may be proposed again', async () => {
    await open({
      unitId: UNIT,
      holds: null,
      revokedOn: '2026-03-01',
      proposableFrom: '2028-03-01',
      awards: [award(1, { revokedOn: '2026-03-01', revocationReason: 'Gratifikasi' })],
    });
    expect(await screen.findByText('Belum berpredikat')).toBeTruthy();
    expect(
      screen.getByText('Predikat dicabut pada 1 Maret 2026; unit dapat diusulkan lagi mulai 1 Maret 2028.'),
    ).toBeTruthy();
  });
});
