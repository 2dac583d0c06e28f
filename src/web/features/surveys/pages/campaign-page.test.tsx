// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../../contracts/auth.ts';
import { AppProviders, createQueryClient } from '../../../app/providers.tsx';
import { setCsrfToken } from '../../../lib/api.ts';
import { i18n } from '../../../lib/i18n.ts';
import { SESSION_KEY, SETUP_STATUS_KEY } from '../../../lib/session.ts';
import { adminMe, apiError, CSRF, mockFetch } from '../../../test-render.tsx';
import { ASSESSMENT, CAMPAIGN, campaign, results, UNIT } from '../test/fixtures.ts';
import { CampaignPage } from './campaign-page.tsx';

const assessment = {
  id: ASSESSMENT,
  unitId: UNIT,
  unitName: 'KPU Kabupaten Sumenep',
  year: 2026,
  target: 'WBK',
};

const handler = (apply: () => { status: number; body?: unknown }) => (method: string, url: string) => {
  if (url === '/api/units') return { status: 200, body: { units: [] } };
  if (url === `/api/surveys/campaigns/${CAMPAIGN}`) return { status: 200, body: campaign() };
  if (url === `/api/surveys/campaigns/${CAMPAIGN}/results`) return { status: 200, body: results() };
  if (url === `/api/assessments?unitId=${UNIT}`) return { status: 200, body: { assessments: [assessment] } };
  if (url === `/api/assessments/${ASSESSMENT}/worksheet`)
    return {
      status: 200,
      body: {
        answers: [
          { code: 'H1.a', version: 2 },
          { code: 'H2.a', version: 5 },
        ],
      },
    };
  if (method === 'POST' && url === `/api/surveys/campaigns/${CAMPAIGN}/apply`) return apply();
  return undefined;
};

const renderCampaign = async () => {
  await i18n.changeLanguage('id');
  const client = createQueryClient();
  client.setQueryData(SETUP_STATUS_KEY, { needsSetup: false });
  client.setQueryData(SESSION_KEY, { user: adminMe(), csrfToken: CSRF } satisfies Session);
  setCsrfToken(CSRF);
  const router = createMemoryRouter([{ path: '/surveys/:id', element: <CampaignPage /> }], {
    initialEntries: [`/surveys/${CAMPAIGN}`],
  });
  render(
    <AppProviders client={client} env="test">
      <RouterProvider router={router} />
    </AppProviders>,
  );
};

describe('CampaignPage', () => {
  it('renders the figures of the results', async () => {
    mockFetch(handler(() => ({ status: 500 })));
    await renderCampaign();
    expect(await screen.findByRole('heading', { level: 1, name: 'Semester I 2026' })).toBeTruthy();
    expect(await screen.findByLabelText('Nilai H1.a (0–4): 3,70')).toBeTruthy();
    expect(screen.getByLabelText('Selang kepercayaan 95 %: 3,59 – 3,81')).toBeTruthy();
    expect(screen.getByLabelText('Margin kesalahan: ± 0,11')).toBeTruthy();
    expect(screen.getByText('42 jawaban: 40 dihitung, 2 dikecualikan karena tanda mutu.')).toBeTruthy();
    expect(screen.getByText('Terlalu cepat: 2')).toBeTruthy();
    // achieved vs target, total and per service
    expect(
      screen.getByRole('progressbar', { name: 'Seluruh layanan: 40 dari target 80 responden' }),
    ).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Loket A: 25 dari target 48 responden' })).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Loket B: 15 dari target 32 responden' })).toBeTruthy();
    // breakdown by profile
    const table = screen.getByRole('table', { name: 'Rincian menurut jenis kelamin' });
    expect(within(table).getByText('Perempuan')).toBeTruthy();
    expect(within(table).getByText('3,80')).toBeTruthy();
    expect(within(table).getByText('Disembunyikan (n kecil)')).toBeTruthy();
    // QR per service and downloads
    const qr = screen.getByRole('img', { name: 'Kode QR survei untuk layanan Loket A' });
    expect(qr.getAttribute('src')).toBe(`/api/surveys/campaigns/${CAMPAIGN}/qr.svg?service=loket_a`);
    expect(screen.getByRole('link', { name: 'Unduh kode QR PNG layanan Loket B' }).getAttribute('href')).toBe(
      `/api/surveys/campaigns/${CAMPAIGN}/qr.png?service=loket_b`,
    );
    expect(
      screen.getByRole('link', { name: 'Unduh poster A4 PDF layanan Loket A' }).getAttribute('href'),
    ).toBe(`/api/surveys/campaigns/${CAMPAIGN}/poster.pdf?service=loket_a`);
    expect(screen.getByRole('link', { name: 'Unduh jawaban (XLSX)' }).getAttribute('href')).toBe(
      `/api/surveys/campaigns/${CAMPAIGN}/responses.xlsx`,
    );
    expect(screen.getByRole('link', { name: 'Unduh jawaban (CSV)' }).getAttribute('href')).toBe(
      `/api/surveys/campaigns/${CAMPAIGN}/responses.csv`,
    );
  });

  it('applies to the LKE with the assessment and the answer version read', async () => {
    const calls = mockFetch(
      handler(() => ({
        status: 200,
        body: {
          itemCode: 'H1.a',
          value: 3.7,
          explanation: 'Nilai H1.a 3,70 dari survei Pulau',
          answerVersion: 3,
        },
      })),
    );
    await renderCampaign();
    const select = await screen.findByRole('combobox', { name: 'Penilaian mandiri' });
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe(ASSESSMENT));
    fireEvent.click(screen.getByRole('button', { name: 'Terapkan ke LKE' }));
    expect(await screen.findByText('Nilai diterapkan ke H1.a')).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.headers['x-csrf-token']).toBe(CSRF);
    expect(post?.body).toEqual({ assessmentId: ASSESSMENT, version: 2 });
  });

  it('shows the server refusal translated', async () => {
    mockFetch(handler(() => apiError(409, 'CAMPAIGN_NOT_CLOSED')));
    await renderCampaign();
    const select = await screen.findByRole('combobox', { name: 'Penilaian mandiri' });
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe(ASSESSMENT));
    fireEvent.click(screen.getByRole('button', { name: 'Terapkan ke LKE' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Tutup kampanye terlebih dahulu sebelum menerapkan hasilnya ke LKE.',
    );
  });
});
