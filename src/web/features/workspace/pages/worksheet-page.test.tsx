// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../../contracts/auth.ts';
import type { Assessment, AnswerView } from '../../../../contracts/assessments.ts';
import { AppProviders, createQueryClient } from '../../../app/providers.tsx';
import { setCsrfToken } from '../../../lib/api.ts';
import { i18n } from '../../../lib/i18n.ts';
import { SESSION_KEY, SETUP_STATUS_KEY } from '../../../lib/session.ts';
import { adminMe, apiError, CSRF, mockFetch } from '../../../test-render.tsx';
import { ASSESSMENT_ID, answer, assessment, OTHER_USER, templateJson, worksheet } from '../test/fixtures.ts';
import { WorksheetPage } from './worksheet-page.tsx';

const me = adminMe({ isSystemAdmin: false, name: 'Dewi Koordinator' });
const TPL = templateJson();
const YA = 'Ya, jika Tim telah dibentuk di dalam unit kerja.';

const renderWorksheet = async (item = 'P1.i.a') => {
  await i18n.changeLanguage('id');
  const client = createQueryClient();
  client.setQueryData(SETUP_STATUS_KEY, { needsSetup: false });
  client.setQueryData(SESSION_KEY, { user: me, csrfToken: CSRF } satisfies Session);
  setCsrfToken(CSRF);
  const router = createMemoryRouter([{ path: '/assessments/:id', element: <WorksheetPage /> }], {
    initialEntries: [`/assessments/${ASSESSMENT_ID}?item=${item}`],
  });
  render(
    <AppProviders client={client} env="test">
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { router };
};

type Put = { status: number; body?: unknown };
const serve = (
  a: Assessment,
  answers: AnswerView[],
  onPut: (code: string, body: unknown) => Put,
  extra?: (m: string, u: string, b: unknown) => Put | undefined,
) =>
  mockFetch((method, url, body) => {
    if (method === 'GET' && url === `/api/assessments/${ASSESSMENT_ID}/worksheet`)
      return { status: 200, body: worksheet(a, answers) };
    if (method === 'GET' && url.startsWith('/api/lke/templates/')) return { status: 200, body: TPL };
    if (method === 'GET' && url.startsWith('/api/users')) return apiError(403, 'FORBIDDEN');
    const put = /^\/api\/assessments\/[^/]+\/answers\/([^/]+)$/.exec(url);
    if (method === 'PUT' && put) return onPut(decodeURIComponent(put[1] ?? ''), body);
    return extra?.(method, url, body);
  });

const saved = (code: string, value: AnswerView['value'], version: number): Put => ({
  status: 200,
  body: { answer: answer(code, value, { version, updatedBy: me.id }), warnings: [] },
});

beforeEach(() => localStorage.clear());

describe('WorksheetPage', () => {
  it('autosaves an answer with the version it was read at, and shows the save state', async () => {
    const calls = serve(assessment(), [answer('P1.i.a', 'Tidak', { version: 2 })], (code, body) =>
      saved(code, (body as { value: string }).value, 3),
    );
    await renderWorksheet();
    fireEvent.click(await screen.findByRole('radio', { name: YA }));
    expect(screen.getAllByText('Belum tersimpan').length).toBeGreaterThan(0);
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true), { timeout: 3000 });
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.url).toBe(`/api/assessments/${ASSESSMENT_ID}/answers/P1.i.a`);
    expect(put?.body).toEqual({ version: 2, value: 'Ya', explanation: '' });
    expect(put?.headers['x-csrf-token']).toBe(CSRF);
    await waitFor(() => expect(screen.getAllByText('Tersimpan').length).toBeGreaterThan(0));
    expect(screen.queryByText('Belum tersimpan')).toBeNull();
  });

  it('saves the explanation typed into "Penjelasan"', async () => {
    const calls = serve(assessment(), [], (code, body) =>
      saved(code, (body as { value: string | null }).value, 1),
    );
    await renderWorksheet();
    fireEvent.change(await screen.findByLabelText('Penjelasan'), { target: { value: 'SK Tim No. 12/2025' } });
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true), { timeout: 3000 });
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      version: 0,
      value: null,
      explanation: 'SK Tim No. 12/2025',
    });
  });

  it('on 409 shows both versions; "keep mine" resends on the current version', async () => {
    const current = answer('P1.i.a', 'Tidak', { version: 5, explanation: 'versi Budi' });
    let first = true;
    const calls = serve(assessment(), [answer('P1.i.a', null, { version: 4 })], (code, body) => {
      if (first) {
        first = false;
        return apiError(409, 'STALE_WRITE', { current });
      }
      return saved(code, (body as { value: string }).value, 6);
    });
    await renderWorksheet();
    fireEvent.click(await screen.findByRole('radio', { name: YA }));
    const table = await screen.findByRole('table', { name: /Perbandingan versi P1.i.a/ }, { timeout: 3000 });
    expect(within(table).getByText('Versi tersimpan')).toBeTruthy();
    expect(within(table).getByText('Versi Anda')).toBeTruthy();
    expect(within(table).getByText('versi Budi')).toBeTruthy();
    expect(within(table).getByText(`Ya · ${YA}`)).toBeTruthy();
    expect(screen.getAllByText('Konflik: pilih versi').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Pertahankan versi saya' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'PUT')[1]?.body).toEqual({
      version: 5,
      value: 'Ya',
      explanation: '',
    });
    await waitFor(() => expect(screen.queryByRole('table', { name: /Perbandingan versi/ })).toBeNull());
  });

  it('on 409 "take theirs" shows the saved answer and sends nothing more', async () => {
    const current = answer('P1.i.a', 'Tidak', { version: 5, updatedBy: OTHER_USER });
    const calls = serve(assessment(), [], () => apiError(409, 'STALE_WRITE', { current }));
    await renderWorksheet();
    fireEvent.click(await screen.findByRole('radio', { name: YA }));
    fireEvent.click(await screen.findByRole('button', { name: 'Pakai versi tersimpan' }, { timeout: 3000 }));
    await waitFor(() =>
      expect((screen.getByRole('radio', { name: 'Tidak' }) as HTMLInputElement).checked).toBe(true),
    );
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
    expect(screen.getAllByText('Tersimpan').length).toBeGreaterThan(0);
  });

  it('keeps an edit that could not be saved in localStorage', async () => {
    serve(assessment(), [], () => ({
      status: 503,
      body: { error: { code: 'DATABASE_UNAVAILABLE', message: 'down' } },
    }));
    await renderWorksheet();
    fireEvent.click(await screen.findByRole('radio', { name: YA }));
    await waitFor(
      () => expect(screen.getAllByText('Gagal menyimpan — mencoba lagi').length).toBeGreaterThan(0),
      { timeout: 3000 },
    );
    const kept = JSON.parse(localStorage.getItem(`pulau.worksheet.${ASSESSMENT_ID}`) ?? '{}') as Record<
      string,
      { draft: { value: string } }
    >;
    expect(kept['P1.i.a']?.draft.value).toBe('Ya');
  });

  it("shows an item outside the coordinator's area read-only, with the reason", async () => {
    const calls = serve(assessment(), [], () => saved('x', null, 1));
    await renderWorksheet('P2.i.a');
    expect(await screen.findByText(/di luar area yang Anda tangani/)).toBeTruthy();
    const radios = screen.getAllByRole('radio');
    for (const r of radios) fireEvent.click(r);
    expect((screen.getByLabelText('Penjelasan') as HTMLTextAreaElement).readOnly).toBe(true);
    await new Promise((r) => setTimeout(r, 1000));
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('lists the gate problems with links to their items when "Ajukan" is refused', async () => {
    const problems = [
      { rule: 'answered', code: 'P1.i.b', message: 'P1.i.b is not answered' },
      { rule: 'evidence', code: 'P1.i.a', message: 'P1.i.a has no evidence' },
    ];
    const a = assessment({
      can: { ...assessment().can, submit: true, answerAreas: [1, 2, 3, 4, 5, 6], answerHasil: true },
    });
    const calls = serve(
      a,
      [],
      () => saved('x', null, 1),
      (method, url) =>
        method === 'POST' && url.endsWith('/submit')
          ? apiError(400, 'SUBMISSION_INCOMPLETE', problems)
          : undefined,
    );
    const { router } = await renderWorksheet();
    fireEvent.click(await screen.findByRole('button', { name: 'Ajukan' }));
    // One click only asks: what happens (the worksheet locks) and who is told.
    const dialog = await screen.findByRole('dialog', { name: 'Ajukan penilaian mandiri?' });
    expect(dialog.textContent).toContain('Lembar kerja dikunci');
    expect(dialog.textContent).toContain('Ketua tim ZI dan pimpinan unit');
    expect(calls.some((c) => c.url.endsWith('/submit'))).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ajukan' }));
    const list = await screen.findByRole('list', { name: 'Masalah kelengkapan' });
    expect(within(list).getByText(/belum dijawab/)).toBeTruthy();
    expect(calls.find((c) => c.url.endsWith('/submit'))?.body).toEqual({ version: 1 });
    fireEvent.click(within(list).getByRole('button', { name: 'P1.i.b' }));
    await waitFor(() => expect(router.state.location.search).toBe('?item=P1.i.b'));
  });

  it('after approval says so and keeps everything read-only', async () => {
    serve(
      assessment({ status: 'tpi_review', approvedAt: '2025-06-01T00:00:00Z' }),
      [answer('P1.i.a', 'Ya')],
      () => saved('x', null, 1),
    );
    await renderWorksheet();
    expect(await screen.findByText(/telah disetujui pimpinan/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ajukan' })).toBeNull();
    expect((screen.getByLabelText('Penjelasan') as HTMLTextAreaElement).readOnly).toBe(true);
  });

  it('when returned, opens only the returned items, shows the evaluator’s note and offers "Ajukan kembali"', async () => {
    const a = assessment({
      status: 'returned',
      can: { ...assessment().can, submit: true, answerAreas: [1, 2, 3, 4, 5, 6], answerHasil: true },
    });
    mockFetch((method, url) => {
      if (method === 'GET' && url === `/api/assessments/${ASSESSMENT_ID}/worksheet`)
        return {
          status: 200,
          body: {
            ...worksheet(a, [answer('P1.i.a', 'Tidak'), answer('P1.i.b', 'A')]),
            itemReviews: {
              'P1.i.a': { status: 'returned', returnNote: 'SK Tim belum ditandatangani', revisions: 0 },
            },
          },
        };
      if (method === 'GET' && url.startsWith('/api/lke/templates/')) return { status: 200, body: TPL };
      if (method === 'GET' && url.startsWith('/api/users')) return apiError(403, 'FORBIDDEN');
      return undefined;
    });
    await renderWorksheet('P1.i.a');
    expect(await screen.findByText('SK Tim belum ditandatangani')).toBeTruthy();
    expect((screen.getByLabelText('Penjelasan') as HTMLTextAreaElement).readOnly).toBe(false);
    expect(screen.getByRole('button', { name: 'Ajukan kembali' })).toBeTruthy();
    cleanup();
    await renderWorksheet('P1.i.b');
    expect(await screen.findByText(/hanya butir yang dikembalikan evaluator/)).toBeTruthy();
    expect((screen.getByLabelText('Penjelasan') as HTMLTextAreaElement).readOnly).toBe(true);
  });
});
