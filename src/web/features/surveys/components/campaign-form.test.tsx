// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { adminMe, CSRF, mockFetch, renderPage } from '../../../test-render.tsx';
import { campaign, UNIT } from '../test/fixtures.ts';
import { CampaignForm } from './campaign-form.tsx';

const target = () => screen.getByTestId('survey-target').textContent ?? '';

describe('CampaignForm', () => {
  it('recomputes the target as the population changes and sends the body', async () => {
    const calls = mockFetch((method, url) =>
      method === 'POST' && url === '/api/surveys/campaigns'
        ? { status: 201, body: campaign({ status: 'draft' }) }
        : undefined,
    );
    const onDone = vi.fn();
    await renderPage(<CampaignForm unitId={UNIT} onDone={onDone} onCancel={() => {}} />, {
      path: '/surveys',
      me: adminMe(),
    });

    fireEvent.click(screen.getByRole('radio', { name: /^IPAK/ }));
    fireEvent.change(screen.getByRole('textbox', { name: /^Label periode/ }), {
      target: { value: 'Semester I 2026' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /^Nama layanan 1/ }), {
      target: { value: 'Loket Pendaftaran' },
    });
    const population = screen.getByRole('spinbutton', { name: /^Populasi layanan 1/ });
    fireEvent.change(population, { target: { value: '1000' } });
    expect(target()).toContain('278 responden');
    fireEvent.change(population, { target: { value: '100' } });
    expect(target()).toContain('80 responden');
    // IPAK never goes below the LKE's 30 (or everyone when fewer were served)
    fireEvent.change(population, { target: { value: '20' } });
    expect(target()).toContain('20 responden');
    fireEvent.change(population, { target: { value: '32' } });
    expect(target()).toContain('30 responden');
    fireEvent.click(screen.getByRole('radio', { name: 'Slovin (e = 10 %)' }));
    expect(target()).toContain('30 responden');
    fireEvent.change(population, { target: { value: '1000' } });
    expect(target()).toContain('91 responden');

    fireEvent.change(screen.getByLabelText(/^Tanggal mulai/), { target: { value: '2026-01-01' } });
    fireEvent.change(screen.getByLabelText(/^Tanggal selesai/), { target: { value: '2026-06-30' } });
    fireEvent.click(screen.getByRole('switch', { name: /^Wajib kode sekali pakai/ }));
    fireEvent.change(screen.getByRole('spinbutton', { name: /^Waktu pengisian minimum/ }), {
      target: { value: '45' },
    });
    fireEvent.change(screen.getByRole('spinbutton', { name: /^Jeda pengisian ulang per perangkat/ }), {
      target: { value: '48' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Buat kampanye' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.headers['x-csrf-token']).toBe(CSRF);
    expect(post?.body).toEqual({
      unitId: UNIT,
      kind: 'ipak',
      periodLabel: 'Semester I 2026',
      services: [{ code: 'loket_pendaftaran', name: 'Loket Pendaftaran', population: 1000 }],
      samplingMethod: 'slovin-10',
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
      requireCodes: true,
      proofOfWork: false,
      minSeconds: 45,
      deviceWindowHours: 48,
      excludeFlags: [],
      exclusionReason: null,
      customQuestions: [],
    });
  });

  it('leaving flagged responses out is a ticked choice with a reason, sent with the edit', async () => {
    const draft = campaign({ status: 'draft', excludeFlags: [], exclusionReason: null });
    const calls = mockFetch((method, url) =>
      method === 'PATCH' && url === `/api/surveys/campaigns/${draft.id}`
        ? { status: 200, body: draft }
        : undefined,
    );
    const onDone = vi.fn();
    await renderPage(<CampaignForm unitId={UNIT} campaign={draft} onDone={onDone} onCancel={() => {}} />, {
      path: '/surveys',
      me: adminMe(),
    });
    expect(screen.queryByRole('textbox', { name: /^Alasan pengecualian/ })).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Diarahkan' }));
    fireEvent.change(screen.getByRole('textbox', { name: /^Alasan pengecualian/ }), {
      target: { value: 'Petugas loket B mengarahkan jawaban pada Maret.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const body = calls.find((c) => c.method === 'PATCH')?.body as Record<string, unknown>;
    expect(body.excludeFlags).toEqual(['directed']);
    expect(body.exclusionReason).toBe('Petugas loket B mengarahkan jawaban pada Maret.');
  });

  it('edits a draft with its version, keeping service codes', async () => {
    const draft = campaign({ status: 'draft' });
    const calls = mockFetch((method, url) =>
      method === 'PATCH' && url === `/api/surveys/campaigns/${draft.id}`
        ? { status: 200, body: draft }
        : undefined,
    );
    const onDone = vi.fn();
    await renderPage(<CampaignForm unitId={UNIT} campaign={draft} onDone={onDone} onCancel={() => {}} />, {
      path: '/surveys',
      me: adminMe(),
    });
    expect(target()).toContain('80 responden');
    fireEvent.change(screen.getByRole('spinbutton', { name: /^Populasi layanan 2/ }), {
      target: { value: '940' },
    });
    expect(target()).toContain('278 responden');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const body = calls.find((c) => c.method === 'PATCH')?.body as Record<string, unknown>;
    expect(body.version).toBe(3);
    // The decision the campaign holds is sent back unchanged.
    expect(body.excludeFlags).toEqual(['too_fast']);
    expect(body.exclusionReason).toBe('Respon di bawah 10 detik dari kios tidak dibaca.');
    expect(body.services).toEqual([
      { code: 'loket_a', name: 'Loket A', population: 60 },
      { code: 'loket_b', name: 'Loket B', population: 940 },
    ]);
  });
});
