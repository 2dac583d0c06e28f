// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReviewView } from '../../../../contracts/reviews.ts';
import { adminMe, apiError, mockFetch, renderPage, type Handler } from '../../../test-render.tsx';
import { templateJson } from '../../workspace/test/fixtures.ts';
import { ASSESSMENT, ITEMS, level, pdfLink, view } from '../test/fixtures.ts';
import { ReviewPage } from './review-page.tsx';

/** The page parses the whole LKE template first: on a busy machine that takes more than a second. */
const SLOW = { timeout: 8000 };
const evaluator = adminMe({ isSystemAdmin: false, grants: [] });
const base = `/api/assessments/${ASSESSMENT}/review`;

const serve =
  (v: ReviewView, more: Handler = () => undefined): Handler =>
  (method, url, body) => {
    if (url.startsWith('/api/lke/templates/')) return { status: 200, body: templateJson() };
    if (method === 'GET' && url === base) return { status: 200, body: v };
    if (method === 'GET' && url === `${base}/items`)
      return { status: 200, body: { status: v.status, myLevel: v.myLevel, items: ITEMS } };
    return more(method, url, body);
  };

const open = async () => {
  const { router } = await renderPage(<ReviewPage />, { path: '/review/:id', me: evaluator });
  await act(() => router.navigate(`/review/${ASSESSMENT}`));
  return router;
};

describe('ReviewPage', () => {
  it('shows each item side by side, highlights where a level differs, filters, and views a PDF inline', async () => {
    mockFetch(serve(view()));
    const router = await open();

    const changed = await screen.findByRole('article', { name: 'Butir P1.i.a' }, SLOW);
    const unitSide = within(changed).getByRole('region', { name: 'Jawaban unit' });
    expect(within(unitSide).getByText(/^Tidak · /)).toBeTruthy();
    expect(within(unitSide).getByText('Penjelasan P1.i.a')).toBeTruthy();
    const levels = within(changed).getByRole('list', { name: 'Jawaban per tingkat' });
    const mine = within(levels).getByRole('listitem');
    expect(mine.getAttribute('aria-label')).toMatch(
      /^TPI · Anggota tim \(tahap 1 dari 3\): Ya · .+ \(berbeda dari tingkat di bawahnya\)$/,
    );
    expect(mine.getAttribute('data-differs')).toBe('true');
    expect(within(mine).getByText('SK sudah ditandatangani')).toBeTruthy();
    expect(within(changed).getByText('Berubah dari jawaban unit')).toBeTruthy();
    // Unchanged items carry no highlight.
    const plain = screen.getByRole('article', { name: 'Butir P2.i.a' });
    expect(within(plain).getByRole('listitem').getAttribute('data-differs')).toBeNull();
    expect(within(plain).getByText('Tidak ada data dukung.')).toBeTruthy();

    // The PDF opens in place, from the sandboxed inline download.
    fireEvent.click(within(changed).getByRole('button', { name: 'Lihat SK Tim Kerja ZI' }));
    const frame = within(changed).getByTitle('Data dukung: SK Tim Kerja ZI');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('src')).toBe(
      `${base}/evidence/${pdfLink('P1.i.a').evidenceId}/versions/${pdfLink('P1.i.a').currentVersionId}/download?inline=1`,
    );

    // The score of each level, and where they differ.
    const scores = screen.getByRole('region', { name: 'Nilai per tingkat' });
    const tpiRow = within(scores).getByRole('row', { name: 'TPI · Anggota tim (tahap 1 dari 3)' });
    expect(tpiRow.getAttribute('data-differs')).toBe('true');
    expect(tpiRow.textContent).toContain('-1,50 poin · 1 butir berbeda');
    expect(within(scores).queryByRole('row', { name: /Ketua tim/ })).toBeNull();

    // Filters: returned only, then without evidence.
    const filter = screen.getByRole('radiogroup', { name: 'Saring butir' });
    fireEvent.click(within(filter).getByLabelText('Dikembalikan (1)'));
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Butir P1.i.a' })).toBeNull());
    const returned = screen.getByRole('article', { name: 'Butir P1.i.b' });
    expect(within(returned).getByText('Catatan pengembalian: Lampirkan SK')).toBeTruthy();
    expect(router.state.location.search).toBe('?filter=returned');
    fireEvent.click(within(filter).getByLabelText('Tanpa data dukung (1)'));
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Butir P1.i.b' })).toBeNull());
    expect(screen.getAllByRole('article').map((a) => a.getAttribute('aria-label'))).toEqual(['Butir P2.i.a']);
  });

  it('reads the LKE template version the period pins, and says so when that version is not installed', async () => {
    const pinned = view();
    pinned.assessment = { ...pinned.assessment, templateId: 'lke-lain', templateVersion: '0.9.0' };
    const calls = mockFetch((method, url, body) =>
      url.startsWith('/api/lke/templates/')
        ? apiError(409, 'TEMPLATE_VERSION_MISSING')
        : serve(pinned)(method, url, body),
    );
    await open();
    await waitFor(() => expect(calls.some((c) => c.url.startsWith('/api/lke/templates/'))).toBe(true));
    expect(calls.filter((c) => c.url.startsWith('/api/lke/templates/')).map((c) => c.url)).toEqual([
      '/api/lke/templates/lke-lain?version=0.9.0',
    ]);
    // The page may show other alerts too (returned items); the refusal is the one naming the missing version.
    expect(
      await screen.findByText('Versi templat LKE yang dipakai penilaian ini tidak terpasang.', {}, SLOW),
    ).toBeTruthy();
    expect(screen.queryByRole('article')).toBeNull();
  });

  it('saves her answer with her level version, returns an item with a note, lists what blocks each step', async () => {
    const v = view({
      actions: [
        {
          action: 'tpi_complete_stage',
          to: 'tpi_review',
          blocked: [],
          needsNote: false,
          needsDecree: false,
        },
        {
          action: 'tpi_find_meets',
          to: 'tpi_verdict_meets',
          blocked: [
            {
              guard: 'tpi_stage_holder',
              code: 'TPI_STAGE_NOT_YOURS',
              message: 'x',
              details: { stage: 'quality_controller', completedBy: ['quality_controller'] },
            },
          ],
          needsNote: false,
          needsDecree: false,
        },
      ],
    });
    const calls = mockFetch(
      serve(v, (method, url) => {
        const second = ITEMS[1];
        if (method === 'PUT' && url === `${base}/items/P2.i.a`) {
          const it = ITEMS[2];
          return { status: 200, body: { item: it, assessmentVersion: 8 } };
        }
        if (method === 'POST' && url === `${base}/items/P1.i.a/return`)
          return { status: 200, body: { item: second, assessmentVersion: 8 } };
        if (method === 'POST' && url === `${base}/tpi_complete_stage`)
          return apiError(409, 'GUARD_FAILED', {
            reasons: [
              {
                guard: 'revisions_answered',
                code: 'REVISION_PENDING',
                message: '1 returned item(s) still wait',
                details: { items: 1 },
              },
            ],
          });
        return undefined;
      }),
    );
    await open();
    const actions = await screen.findByRole('region', { name: 'Langkah berikutnya' }, SLOW);
    expect(within(actions).getByRole('button', { name: 'Nyatakan memenuhi' }).hasAttribute('disabled')).toBe(
      true,
    );
    const why = within(actions).getByRole('list', { name: 'Yang masih menghalangi: Nyatakan memenuhi' });
    expect(why.textContent).toBe('Tahap Pengendali mutu diselesaikan oleh kedudukan Pengendali mutu.');

    // Her answer on an untouched item: from the unit's B to A, with a note.
    const plain = await screen.findByRole('article', { name: 'Butir P2.i.a' }, SLOW);
    fireEvent.change(within(plain).getByRole('combobox', { name: 'Jawaban Anda' }), {
      target: { value: 'A' },
    });
    fireEvent.change(within(plain).getByRole('textbox', { name: 'Catatan Anda' }), {
      target: { value: 'Sesuai wawancara' },
    });
    fireEvent.click(within(plain).getByRole('button', { name: 'Simpan penilaian' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      version: 0,
      value: 'A',
      note: 'Sesuai wawancara',
      clear: false,
    });

    // Return an item with a note.
    const changed = screen.getByRole('article', { name: 'Butir P1.i.a' });
    fireEvent.click(within(changed).getByRole('button', { name: 'Kembalikan butir ke unit' }));
    const form = within(changed).getByRole('form', { name: 'Kembalikan butir P1.i.a' });
    fireEvent.change(within(form).getByRole('textbox', { name: /Catatan untuk unit/ }), {
      target: { value: 'SK belum ditandatangani' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Kembalikan' }));
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/return'))).toBe(true));
    expect(calls.find((c) => c.url.endsWith('/return'))?.body).toEqual({ note: 'SK belum ditandatangani' });

    // A step refused on the server lists every failed guard.
    fireEvent.click(within(actions).getByRole('button', { name: 'Selesaikan tahap ini' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lanjutkan' }));
    const refusal = await within(dialog).findByRole('list', { name: 'Alasan penolakan' });
    expect(refusal.textContent).toBe('1 butir yang dikembalikan belum dijawab ulang oleh unit.');
    expect(calls.find((c) => c.url === `${base}/tpi_complete_stage`)?.body).toEqual({ version: 7, note: '' });
  });

  it('records the TPN decision with the decree number and date', async () => {
    const v = view({
      status: 'tpn_field',
      myLevel: 'tpn_field',
      canReturnItems: false,
      levels: [level('unit', 80), level('tpi:member', 80), level('tpn_desk', 79), level('tpn_field', 81)],
      actions: [
        { action: 'tpn_not_award', to: 'not_awarded', blocked: [], needsNote: true, needsDecree: false },
        { action: 'decide_wbk', to: 'decided_wbk', blocked: [], needsNote: false, needsDecree: true },
      ],
    });
    const calls = mockFetch(
      serve(v, (method, url) =>
        method === 'POST' && url === `${base}/decide_wbk` ? { status: 200, body: {} } : undefined,
      ),
    );
    await open();
    const form = await screen.findByRole('form', { name: 'Keputusan TPN' }, SLOW);
    fireEvent.click(within(form).getByRole('radio', { name: 'Tetapkan WBK' }));
    const submit = within(form).getByRole('button', { name: 'Simpan keputusan' });
    expect(submit.hasAttribute('disabled')).toBe(true);
    fireEvent.change(within(form).getByRole('textbox', { name: /Nomor keputusan/ }), {
      target: { value: '12/2026' },
    });
    fireEvent.change(within(form).getByLabelText(/Tanggal keputusan/), { target: { value: '2026-11-20' } });
    fireEvent.click(submit);
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/decide_wbk'))).toBe(true));
    expect(calls.find((c) => c.url.endsWith('/decide_wbk'))?.body).toEqual({
      version: 7,
      note: '',
      decree: { number: '12/2026', date: '2026-11-20' },
    });
    // No TPI stage badge outside TPI, and no item return for TPN.
    expect(screen.queryByText(/^Tahap TPI/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Kembalikan butir ke unit' })).toBeNull();
  });

  it('revokes a predicate with the reason, which the step requires', async () => {
    const v = view({
      status: 'decided_wbk',
      myLevel: null,
      canReturnItems: false,
      actions: [{ action: 'revoke', to: 'revoked', blocked: [], needsNote: true, needsDecree: false }],
      award: {
        id: '00000000-0000-4000-8000-0000000000d9',
        unitId: view().assessment.unitId,
        assessmentId: ASSESSMENT,
        predicate: 'WBK',
        decreeNumber: '12/2026',
        decreeDate: '2026-11-20',
        revokedOn: null,
        revocationReason: null,
        createdAt: '2026-11-20T00:00:00Z',
      },
    });
    const calls = mockFetch(
      serve(v, (method, url) =>
        method === 'POST' && url === `${base}/revoke` ? { status: 200, body: {} } : undefined,
      ),
    );
    await open();
    expect(await screen.findByText('WBK · Keputusan 12/2026', {}, SLOW)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cabut predikat' }));
    const dialog = await screen.findByRole('dialog');
    const go = within(dialog).getByRole('button', { name: 'Lanjutkan' });
    expect(go.hasAttribute('disabled')).toBe(true);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Alasan pencabutan/ }), {
      target: { value: 'Terbukti pungutan liar pada layanan' },
    });
    fireEvent.click(go);
    await waitFor(() => expect(calls.some((c) => c.url === `${base}/revoke`)).toBe(true));
    expect(calls.find((c) => c.url === `${base}/revoke`)?.body).toEqual({
      version: 7,
      note: 'Terbukti pungutan liar pada layanan',
    });
  });
});
