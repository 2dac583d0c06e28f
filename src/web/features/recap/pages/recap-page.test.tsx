// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Recap, RecapRow } from '../../../../contracts/recap.ts';
import { adminMe, apiError, mockFetch, renderPage } from '../../../test-render.tsx';
import { RecapPage } from './recap-page.tsx';

const KPU = '10000000-0000-4000-8000-000000000001';
const JATIM = '10000000-0000-4000-8000-000000000002';
const PERIOD = '20000000-0000-4000-8000-000000000001';
const unitOf = (id: string, parentId: string | null, path: string, code: string, name: string) => ({
  id,
  parentId,
  path,
  depth: path.split('/').filter(Boolean).length - 1,
  code,
  name,
  type: 'instansi',
  region: null,
  isPublicService: true,
  afirmasi: false,
  active: true,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

const row = (n: number, total: string, eligible: boolean): RecapRow => ({
  unitId: `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  parentId: JATIM,
  code: `KAB-${n}`,
  name: `KPU Kabupaten ${n}`,
  depth: 1,
  assessment: {
    id: `40000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    status: 'draft',
    target: 'WBK',
    nextDeadline: { kind: 'fill', date: '2026-03-31' },
    answered: 100,
    itemCount: 113,
    withEvidence: 90,
    withExplanation: 80,
    unitTotal: total,
    reviewer: null,
    pengungkit: total,
    hasil: '0.0000',
    areaShares: [{ number: 1, score: '4.0000', weight: '5.0000' }],
    wbkEligible: eligible,
    wbbmEligible: false,
    failedRules: eligible ? 0 : 2,
    ipak: 3.5,
    ipkp: null,
  },
  pact: { signed: 9, total: 10 },
  plans: 'at_risk',
  findingsPercent: 50,
});

const recap = (count: number): Recap => ({
  root: { id: JATIM, name: 'KPU Provinsi Jawa Timur', code: 'JATIM' },
  period: { id: PERIOD, year: 2026, name: 'ZI 2026' },
  today: '2026-02-01',
  rows: [
    {
      ...row(0, '80.0000', true),
      unitId: JATIM,
      parentId: null,
      depth: 0,
      code: 'JATIM',
      name: 'KPU Provinsi Jawa Timur',
    },
    ...Array.from({ length: count }, (_, i) => row(i + 1, `${60 + (i % 30)}.5000`, i % 3 === 0)),
  ],
});

const serve = (body: Recap | null, status = 200) =>
  mockFetch((_method, url) => {
    if (url === '/api/units')
      return {
        status: 200,
        body: {
          units: [
            unitOf(KPU, null, `/${KPU}/`, 'KPU', 'KPU RI'),
            unitOf(JATIM, KPU, `/${KPU}/${JATIM}/`, 'JATIM', 'KPU Provinsi Jawa Timur'),
          ],
        },
      };
    if (url === '/api/periods')
      return { status: 200, body: { periods: [{ id: PERIOD, agencyId: KPU, year: 2026, name: 'ZI 2026' }] } };
    if (url.startsWith(`/api/units/${KPU}/recap?periodId=${PERIOD}`))
      return body ? { status, body } : apiError(403, 'FORBIDDEN');
    return undefined;
  });

describe('RecapPage', () => {
  it('groups the units under their parent with the subtotal, filters "not eligible" and searches', async () => {
    serve(recap(3));
    await renderPage(<RecapPage />, { path: '/recap', me: adminMe() });
    const table = await screen.findByRole('table', { name: 'Rekapitulasi unit' });
    expect(
      within(table).getByText(
        /KPU Provinsi Jawa Timur: 3 unit · rata-rata 61,50 · terendah 60,50 · 1 memenuhi/,
      ),
    ).toBeTruthy();
    expect(within(table).getAllByText('Memenuhi WBK')).toHaveLength(2);
    const line = within(table).getByText('KPU Kabupaten 2').closest('tr')!;
    expect(within(line).getByText('2 syarat belum terpenuhi')).toBeTruthy();
    expect(within(line).getByText('90%')).toBeTruthy();
    expect(within(line).getByText('Berisiko')).toBeTruthy();
    fireEvent.click(screen.getByRole('combobox', { name: 'Kelayakan' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Belum memenuhi' }));
    await waitFor(() => expect(screen.getByText('Menampilkan 2 dari 4 unit.')).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Cari unit (nama atau kode)'), {
      target: { value: 'kab-3' },
    });
    await waitFor(() => expect(screen.getByText('Menampilkan 1 dari 4 unit.')).toBeTruthy());
  });

  it('renders only a screenful of a recap of ten thousand units', async () => {
    serve(recap(10_000));
    await renderPage(<RecapPage />, { path: '/recap', me: adminMe() });
    const table = await screen.findByRole('table', { name: 'Rekapitulasi unit' });
    expect(screen.getByText('Menampilkan 10001 dari 10001 unit.')).toBeTruthy();
    const rows = within(table).getAllByRole('row').length;
    expect(rows).toBeGreaterThan(10);
    expect(rows).toBeLessThan(60);
  });

  it('shows the refusal when the recap is not the user’s to read', async () => {
    serve(null);
    await renderPage(<RecapPage />, { path: '/recap', me: adminMe() });
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});
