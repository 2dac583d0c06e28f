// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResultsApp } from './results-app.tsx';
import type { PublicUnitResults } from './types.ts';

const RESULTS: PublicUnitResults = {
  unit: { code: 'KPU-SUMENEP', name: 'KPU Kabupaten Sumenep' },
  campaigns: [
    {
      campaignId: '20000000-0000-4000-8000-000000000001',
      kind: 'skm',
      title: { id: 'Survei Kepuasan Masyarakat', en: 'Public Satisfaction Survey' },
      periodLabel: 'Semester I 2026',
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
      publishedAt: '2026-07-02T03:00:00.000Z',
      n: 120,
      excluded: 4,
      exclusion: { flags: ['too_fast'], reason: 'Kios memutar jawaban uji.' },
      targetSample: 100,
      index: 3.3333,
      marginOfError: 0.08,
      ikm: {
        value: 83.33,
        grade: 'B',
        performance: { code: 'baik', id: 'Baik', en: 'Good' },
        marginOfError: 2,
      },
      lke: null,
      items: [
        {
          code: 'persyaratan',
          aspect: { id: 'Persyaratan', en: 'Requirements' },
          text: { id: 'x', en: 'x' },
          n: 120,
          nrr: 3.5,
          converted: 87.5,
        },
        {
          code: 'waktu',
          aspect: { id: 'Waktu pelayanan', en: 'Service time' },
          text: { id: 'x', en: 'x' },
          n: 118,
          nrr: 3.25,
          converted: 81.25,
        },
      ],
    },
    {
      campaignId: '20000000-0000-4000-8000-000000000002',
      kind: 'ipak',
      title: { id: 'Survei Persepsi Anti Korupsi', en: 'Anti-Corruption Perception Survey' },
      periodLabel: 'Semester I 2026',
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
      publishedAt: '2026-07-02T03:00:00.000Z',
      n: 40,
      excluded: 0,
      exclusion: null,
      targetSample: 30,
      index: 3.7,
      marginOfError: 0.1,
      ikm: null,
      lke: { item: 'H1.a', value: 3.7, marginOfError: 0.1 },
      items: [],
    },
  ],
};

const stub = (status: number, body: unknown) => {
  const fetchMock = vi.fn(
    async (_url: string) => ({ ok: status < 300, status, json: async () => body }) as Response,
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('public results page', () => {
  it('lists each published campaign under its own heading: IKM, grade, label, per-element NRR, n, period, margin', async () => {
    const f = stub(200, RESULTS);
    render(<ResultsApp unitCode="KPU-SUMENEP" />);
    const h1 = await screen.findByRole('heading', { level: 1 });
    expect(h1.textContent).toBe('Hasil survei layanan publik: KPU Kabupaten Sumenep');
    expect(f.mock.calls[0]?.[0]).toBe('/api/public/units/KPU-SUMENEP/survey-results');
    const skm = screen.getByRole('region', { name: /Survei Kepuasan Masyarakat · Semester I 2026/ });
    expect(within(skm).getByText('83,33')).toBeTruthy();
    expect(within(skm).getByText('B')).toBeTruthy();
    expect(within(skm).getByText('Baik')).toBeTruthy();
    expect(within(skm).getByText(/Periode 1 Januari 2026 – 30 Juni 2026/)).toBeTruthy();
    expect(
      within(skm).getByText(
        '4 jawaban tidak dihitung atas keputusan unit. Alasan: Kios memutar jawaban uji.',
      ),
    ).toBeTruthy();
    const table = within(skm).getByRole('table', { name: /Nilai rata-rata \(NRR\) setiap unsur/ });
    const row = within(table).getByRole('row', { name: /Persyaratan/ });
    expect(within(row).getByText('3,50')).toBeTruthy();
    expect(within(row).getByText('87,50')).toBeTruthy();
    expect(within(row).getByText('120')).toBeTruthy();
    const ipak = screen.getByRole('region', { name: /Survei Persepsi Anti Korupsi/ });
    expect(within(ipak).getByText('Nilai indeks (skala 0–4)')).toBeTruthy();
    expect(within(ipak).getAllByText('3,70').length).toBeGreaterThan(0);
  });

  it('switches to English', async () => {
    stub(200, RESULTS);
    render(<ResultsApp unitCode="KPU-SUMENEP" />);
    await screen.findByRole('heading', { level: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(
      'Public service survey results: KPU Kabupaten Sumenep',
    );
    expect(screen.getByRole('region', { name: /Public Satisfaction Survey/ })).toBeTruthy();
    expect(screen.getByText('Good')).toBeTruthy();
    expect(screen.getByText('83.33')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('says when the unit has published nothing, or does not exist', async () => {
    stub(200, { unit: RESULTS.unit, campaigns: [] });
    render(<ResultsApp unitCode="KPU-SUMENEP" />);
    expect(await screen.findByText('Unit ini belum mempublikasikan hasil survei.')).toBeTruthy();
    cleanup();
    stub(404, { error: { code: 'NOT_FOUND' } });
    render(<ResultsApp unitCode="NOPE" />);
    expect(await screen.findByText(/Unit tidak ditemukan/)).toBeTruthy();
  });
});
