// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminMe, apiError, CSRF, mockFetch, renderPage } from '../../../test-render.tsx';
import { CAMPAIGN, campaign, results, UNIT } from '../test/fixtures.ts';
import { ResultsPanel } from './results-panel.tsx';
import { CustomQuestionsPanel, toQuestions } from './custom-questions-panel.tsx';
import { PublishPanel } from './publish-panel.tsx';

const unit = { id: UNIT, code: 'KPU-SUMENEP', name: 'KPU Kabupaten Sumenep' };

describe('PublishPanel', () => {
  it('publishes a closed campaign with its version and shows the public page’s link and QR code', async () => {
    const calls = mockFetch((method, url) =>
      method === 'POST' && url === `/api/surveys/campaigns/${CAMPAIGN}/publish`
        ? {
            status: 200,
            body: campaign({ published: true, publishedAt: '2026-07-01T00:00:00Z', version: 4 }),
          }
        : undefined,
    );
    await renderPage(<PublishPanel campaign={campaign()} unit={unit} canManage />, {
      path: '/surveys',
      me: adminMe(),
    });
    expect(screen.getByText('Belum dipublikasikan')).toBeTruthy();
    const link = screen.getByRole('link', { name: /\/hasil\/KPU-SUMENEP$/ });
    expect(link.getAttribute('href')).toBe(`${window.location.origin}/hasil/KPU-SUMENEP`);
    expect(
      screen
        .getByRole('img', { name: 'Kode QR halaman hasil survei KPU Kabupaten Sumenep' })
        .getAttribute('src'),
    ).toBe(`/api/surveys/results-qr.svg?unitId=${UNIT}`);
    fireEvent.click(screen.getByRole('button', { name: 'Publikasikan hasil' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.headers['x-csrf-token']).toBe(CSRF);
    expect(post?.body).toEqual({ version: 3 });
  });

  it('offers no publish button before the campaign is closed', async () => {
    mockFetch(() => undefined);
    await renderPage(<PublishPanel campaign={campaign({ status: 'open' })} unit={unit} canManage />, {
      path: '/surveys',
      me: adminMe(),
    });
    expect(screen.getByText(/Tutup kampanye terlebih dahulu; hanya hasil akhir/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Publikasikan hasil' })).toBeNull();
  });

  it('shows the server’s refusal', async () => {
    mockFetch((method) => (method === 'POST' ? apiError(409, 'CAMPAIGN_ALREADY_PUBLISHED') : undefined));
    await renderPage(<PublishPanel campaign={campaign()} unit={unit} canManage />, {
      path: '/surveys',
      me: adminMe(),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Publikasikan hasil' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Kampanye ini sudah dipublikasikan.');
  });
});

describe('CustomQuestionsPanel', () => {
  it('adds a question on a draft and sends the whole list with the version', async () => {
    const draft = campaign({ status: 'draft', kind: 'skm' });
    const calls = mockFetch((method, url) =>
      method === 'PATCH' && url === `/api/surveys/campaigns/${CAMPAIGN}`
        ? { status: 200, body: { ...draft, version: 4 } }
        : undefined,
    );
    await renderPage(<CustomQuestionsPanel campaign={draft} canManage />, {
      path: '/surveys',
      me: adminMe(),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Tambah pertanyaan' }));
    fireEvent.change(screen.getByRole('textbox', { name: /^Teks pertanyaan 1 \(Bahasa Indonesia\)/ }), {
      target: { value: 'Apakah parkir memadai?' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /^Teks pertanyaan 1 \(English\)/ }), {
      target: { value: 'Was parking adequate?' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /^Pilihan jawaban pertanyaan 1/ }), {
      target: { value: 'Ya | Yes\nTidak | No' },
    });
    fireEvent.click(screen.getByRole('switch', { name: 'Pertanyaan 1 wajib dijawab' }));
    fireEvent.click(screen.getByRole('button', { name: 'Simpan pertanyaan' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      version: 3,
      customQuestions: [
        {
          code: 'custom_apakah_parkir_memadai',
          type: 'single-choice',
          text: { id: 'Apakah parkir memadai?', en: 'Was parking adequate?' },
          required: true,
          options: [
            { value: 'ya', text: { id: 'Ya', en: 'Yes' } },
            { value: 'tidak', text: { id: 'Tidak', en: 'No' } },
          ],
        },
      ],
    });
    expect(await screen.findByText('Pertanyaan tersimpan.')).toBeTruthy();
  });

  it('lists the questions read-only once the campaign is open; nothing when there are none', async () => {
    const q = {
      code: 'custom_catatan',
      type: 'text' as const,
      text: { id: 'Catatan lain', en: 'Other notes' },
      required: false,
      maxLength: 500,
    };
    mockFetch(() => undefined);
    await renderPage(
      <CustomQuestionsPanel campaign={campaign({ status: 'open', customQuestions: [q] })} canManage />,
      {
        path: '/surveys',
        me: adminMe(),
      },
    );
    expect(screen.getByText('Catatan lain')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Simpan pertanyaan' })).toBeNull();
  });

  it('keeps existing codes and makes new ones unique', () => {
    const base = { type: 'text' as const, textEn: '', required: false, options: '' };
    expect(
      toQuestions([
        { ...base, code: 'custom_saran', textId: 'Saran' },
        { ...base, code: null, textId: 'Saran' },
        { ...base, code: null, textId: '' },
      ]).map((q) => (q as { code: string }).code),
    ).toEqual(['custom_saran', 'custom_saran_2', 'custom_q3']);
  });
});

describe('ResultsPanel (SKM)', () => {
  it('shows the IKM converted to 25–100, with its grade and label', async () => {
    mockFetch(() => undefined);
    const skm = {
      ...results(),
      kind: 'skm' as const,
      lke: null,
      ikm: {
        value: 11 / 3,
        convertedRounded: 91.67,
        grade: 'A' as const,
        performance: { code: 'sangat_baik', id: 'Sangat Baik', en: 'Very good' },
        marginOfError: 2.5,
        ci: [89.17, 94.17] as [number, number],
      },
    };
    await renderPage(<ResultsPanel results={skm} />, { path: '/surveys', me: adminMe() });
    expect(screen.getByText('91,67')).toBeTruthy();
    expect(screen.getByText('Sangat Baik')).toBeTruthy();
  });
});
