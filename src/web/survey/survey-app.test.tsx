// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OUTBOX_STORAGE_KEY } from './outbox.ts';
import { SurveyApp } from './survey-app.tsx';
import { CAMPAIGN_ID, fixtureSurvey } from './test-fixture.ts';
import type { PublicSurvey } from './types.ts';

type Call = { url: string; method: string; key: string | null; body: Record<string, unknown> | null };
type Answer = { status: number; body?: unknown } | 'network-error';

/** fetch stub: the survey on GET, then one answer per POST from `posts` (the last repeats). */
const stubFetch = (posts: Answer[], survey: PublicSurvey = fixtureSurvey()) => {
  const calls: Call[] = [];
  let n = 0;
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({
      url,
      method,
      key: headers['idempotency-key'] ?? null,
      body: init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : null,
    });
    const answer: Answer =
      method === 'GET'
        ? { status: 200, body: survey }
        : (posts[Math.min(n++, posts.length - 1)] ?? 'network-error');
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    return {
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      json: async () => answer.body,
    } as Response;
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    posts: () => calls.filter((c) => c.method === 'POST'),
    setPosts: (p: Answer[]) => posts.splice(0, posts.length, ...p),
  };
};

const created = { status: 201, body: { id: 'r1', replayed: false } };

const group = (name: RegExp) => screen.getByRole('group', { name });
const choose = (groupName: RegExp, option: RegExp) =>
  fireEvent.click(within(group(groupName)).getByLabelText(option));

const passScreening = async () => {
  choose(/selesai menerima layanan/i, /Sudah selesai/);
  fireEvent.click(screen.getByRole('button', { name: 'Lanjut' }));
  await screen.findByRole('group', { name: /Layanan yang digunakan/ });
};

const fillForm = () => {
  choose(/Layanan yang digunakan/, /Paspor/);
  choose(/Kesesuaian persyaratan/, /^Sangat sesuai$/);
  choose(/Kecepatan waktu/, /^Cepat$/);
  choose(/^Usia/, /26–35/);
  choose(/Jenis kelamin/, /Perempuan/);
};

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Kirim jawaban' }));

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('public survey form', () => {
  it('renders the questionnaire from the survey: screening first, then one fieldset per question, in Indonesian or English', async () => {
    stubFetch([created]);
    render(<SurveyApp campaignId={CAMPAIGN_ID} retryMs={1e9} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Survei Kepuasan Masyarakat' })).toBeTruthy();
    // Only the screening question on the first screen.
    expect(group(/selesai menerima layanan/)).toBeTruthy();
    expect(screen.queryByRole('group', { name: /Kesesuaian persyaratan/ })).toBeNull();
    expect(document.documentElement.lang).toBe('id');

    await passScreening();
    const service = group(/Layanan yang digunakan/);
    expect(
      within(service)
        .getAllByRole('radio')
        .map((r) => (r as HTMLInputElement).value),
    ).toEqual(['paspor', 'visa']);
    const scored = group(/Kesesuaian persyaratan/);
    expect(within(scored).getAllByRole('radio')).toHaveLength(4);
    expect(within(scored).getByLabelText('Sangat sesuai')).toBeTruthy();
    expect(group(/Kecepatan waktu/)).toBeTruthy();
    expect(screen.getByLabelText(/Saran dan masukan/)).toBeTruthy();
    expect(group(/^Usia/)).toBeTruthy();
    expect(group(/Jenis kelamin/)).toBeTruthy();
    // No personal identifiers are asked.
    expect(screen.queryByLabelText(/nama|telepon|e-?mail/i)).toBeNull();
    expect(screen.queryByLabelText(/kode pada karcis/i)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(await screen.findByRole('group', { name: /Do the requirements fit/ })).toBeTruthy();
    expect(screen.getByRole('group', { name: /Service used/ })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('pre-selects the service of the QR code and shows the code field when the campaign needs codes', async () => {
    stubFetch([created], fixtureSurvey({ requireCodes: true }));
    render(<SurveyApp campaignId={CAMPAIGN_ID} presetService="visa" retryMs={1e9} />);
    await screen.findByRole('heading', { level: 1 });
    await passScreening();
    expect((within(group(/Layanan yang digunakan/)).getByLabelText('Visa') as HTMLInputElement).checked).toBe(
      true,
    );
    expect(screen.getByLabelText(/Kode pada karcis antrean/)).toBeTruthy();
  });

  it('tells an ineligible respondent why, and asks for the screening answer before going on', async () => {
    stubFetch([created]);
    render(<SurveyApp campaignId={CAMPAIGN_ID} retryMs={1e9} />);
    await screen.findByRole('heading', { level: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Lanjut' }));
    expect(await screen.findByText('Pilih salah satu jawaban.')).toBeTruthy();
    choose(/selesai menerima layanan/, /Belum/);
    fireEvent.click(screen.getByRole('button', { name: 'Lanjut' }));
    expect(await screen.findByText(/hanya untuk pengguna yang telah selesai/)).toBeTruthy();
  });

  it('refuses to send without the required answers and names each one, announced by a live region', async () => {
    const f = stubFetch([created]);
    render(<SurveyApp campaignId={CAMPAIGN_ID} retryMs={1e9} />);
    await screen.findByRole('heading', { level: 1 });
    await passScreening();
    choose(/Kesesuaian persyaratan/, /^Sesuai$/);
    submit();
    // Service, waktu, usia, jenis kelamin are missing; saran is optional.
    const summary = await screen.findByText('Ada 4 isian yang perlu diperbaiki:');
    const live = summary.closest('[aria-live]');
    expect(live?.getAttribute('aria-live')).toBe('assertive');
    expect(
      within(live as HTMLElement)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Layanan yang digunakan', 'Kecepatan waktu pelayanan?', 'Usia', 'Jenis kelamin']);
    const waktu = group(/Kecepatan waktu/);
    expect(waktu.getAttribute('aria-invalid')).toBe('true');
    expect(within(waktu).getByText('Pilih salah satu jawaban.')).toBeTruthy();
    expect(group(/Kesesuaian persyaratan/).getAttribute('aria-invalid')).toBeNull();
    expect(f.posts()).toHaveLength(0);

    // Answering clears that question's error.
    choose(/Kecepatan waktu/, /^Cepat$/);
    expect(group(/Kecepatan waktu/).getAttribute('aria-invalid')).toBeNull();
  });

  it("shows the server's field errors (400 SURVEY_RESPONSE_INVALID) and a spent code (409 CODE_USED)", async () => {
    const f = stubFetch(
      [
        {
          status: 400,
          body: {
            error: {
              code: 'SURVEY_RESPONSE_INVALID',
              message: 'required',
              details: { errors: [{ code: 'survey_answer_invalid', path: 'answers.waktu', message: 'x' }] },
            },
          },
        },
        { status: 409, body: { error: { code: 'CODE_USED', message: 'used' } } },
        created,
      ],
      fixtureSurvey({ requireCodes: true }),
    );
    render(<SurveyApp campaignId={CAMPAIGN_ID} retryMs={1e9} />);
    await screen.findByRole('heading', { level: 1 });
    await passScreening();
    fillForm();
    fireEvent.change(screen.getByLabelText(/Kode pada karcis antrean/), { target: { value: 'ABC123' } });
    submit();
    expect(await within(group(/Kecepatan waktu/)).findByText(/tidak dapat diterima/)).toBeTruthy();
    submit();
    expect(await screen.findByText('Kode ini sudah pernah dipakai.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Kode pada karcis antrean/), { target: { value: 'XYZ789' } });
    submit();
    expect(await screen.findByRole('heading', { name: 'Terima kasih!' })).toBeTruthy();
    // One filled form, one key, whatever the server said in between.
    const keys = new Set(f.posts().map((c) => c.key));
    expect(keys.size).toBe(1);
    expect(f.posts()[2]?.body?.code).toBe('XYZ789');
  });

  it('says so, in Indonesian or English, when this device already answered (409 DUPLICATE_DEVICE); a kiosk sends no device token', async () => {
    const duplicate = { status: 409, body: { error: { code: 'DUPLICATE_DEVICE', message: 'repeat' } } };
    const f = stubFetch([duplicate]);
    render(<SurveyApp campaignId={CAMPAIGN_ID} retryMs={1e9} />);
    await screen.findByRole('heading', { level: 1 });
    await passScreening();
    fillForm();
    submit();
    expect(await screen.findByText(/Perangkat ini sudah mengisi survei untuk layanan ini/)).toBeTruthy();
    expect(typeof f.posts()[0]?.body?.deviceToken).toBe('string');
    fireEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(await screen.findByText(/This device already answered this survey for this service/)).toBeTruthy();
    // Refused for good: not queued for another try.
    expect(localStorage.getItem(OUTBOX_STORAGE_KEY)).toBeNull();
    cleanup();
    const kiosk = stubFetch([created]);
    render(<SurveyApp campaignId={CAMPAIGN_ID} kiosk retryMs={1e9} />);
    await screen.findByRole('heading', { level: 1 });
    await passScreening();
    fillForm();
    submit();
    await screen.findByRole('heading', { name: 'Terima kasih!' });
    expect(kiosk.posts()[0]?.body).not.toHaveProperty('deviceToken');
  });

  it('sends an Idempotency-Key (UUID) and the duration, keeps the response on the device when the network fails, and retries with the same key when back online', async () => {
    const f = stubFetch(['network-error']);
    render(<SurveyApp campaignId={CAMPAIGN_ID} retryMs={1e9} />);
    await screen.findByRole('heading', { level: 1 });
    await passScreening();
    fillForm();
    submit();
    expect(await screen.findByText('Tersimpan di perangkat, akan dikirim saat tersambung')).toBeTruthy();
    const [first] = f.posts();
    expect(first?.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first?.url).toBe(`/api/public/surveys/${CAMPAIGN_ID}/responses`);
    expect(first?.body).toMatchObject({
      screening: 'sudah',
      profile: { layanan: 'paspor', usia: '26_35', jenis_kelamin: 'perempuan' },
      answers: { persyaratan: 4, waktu: 3 },
    });
    expect(typeof first?.body?.durationSeconds).toBe('number');
    expect(JSON.parse(localStorage.getItem(OUTBOX_STORAGE_KEY) ?? '[]')).toHaveLength(1);

    f.setPosts([created]);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await screen.findByText('Jawaban Anda telah terkirim.')).toBeTruthy();
    const posts = f.posts();
    expect(posts).toHaveLength(2);
    expect(posts[1]?.key).toBe(first?.key);
    expect(posts[1]?.body).toEqual(first?.body);
    expect(localStorage.getItem(OUTBOX_STORAGE_KEY)).toBeNull();
  });

  it('retries on its own timer too (a 503 is not final)', async () => {
    const f = stubFetch([{ status: 503 }, created]);
    render(<SurveyApp campaignId={CAMPAIGN_ID} retryMs={30} />);
    await screen.findByRole('heading', { level: 1 });
    await passScreening();
    fillForm();
    submit();
    expect(await screen.findByText('Jawaban Anda telah terkirim.')).toBeTruthy();
    expect(f.posts()).toHaveLength(2);
    expect(f.posts()[0]?.key).toBe(f.posts()[1]?.key);
  });
});

describe('kiosk mode', () => {
  it('resets to the start after the thank-you, with a new key for the next respondent', async () => {
    const f = stubFetch([created]);
    render(<SurveyApp campaignId={CAMPAIGN_ID} kiosk presetService="paspor" resetMs={40} retryMs={1e9} />);
    await screen.findByRole('heading', { level: 1 });
    await passScreening();
    fillForm();
    submit();
    expect(await screen.findByRole('heading', { name: 'Terima kasih!' })).toBeTruthy();
    expect(screen.getByText(/dibuka kembali untuk pengguna berikutnya/)).toBeTruthy();
    // Back at the screening question, with nothing of the previous answers left.
    expect(await screen.findByRole('group', { name: /selesai menerima layanan/ })).toBeTruthy();
    expect((screen.getByLabelText('Sudah selesai') as HTMLInputElement).checked).toBe(false);
    await passScreening();
    expect(
      (within(group(/Kesesuaian persyaratan/)).getByLabelText('Sangat sesuai') as HTMLInputElement).checked,
    ).toBe(false);
    // The counter's service stays pre-selected.
    expect(
      (within(group(/Layanan yang digunakan/)).getByLabelText('Paspor') as HTMLInputElement).checked,
    ).toBe(true);
    // A kiosk sends no device token (every respondent shares the device).
    expect(f.posts()[0]?.body?.deviceToken).toBeUndefined();
    fillForm();
    submit();
    await screen.findByRole('heading', { name: 'Terima kasih!' });
    const keys = f.posts().map((c) => c.key);
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('queues responses offline and sends them in order, each once, when the connection returns', async () => {
    const f = stubFetch(['network-error']);
    render(<SurveyApp campaignId={CAMPAIGN_ID} kiosk resetMs={20} retryMs={1e9} />);
    await screen.findByRole('heading', { level: 1 });
    for (let i = 0; i < 2; i++) {
      await passScreening();
      fillForm();
      submit();
      expect(await screen.findByText('Tersimpan di perangkat, akan dikirim saat tersambung')).toBeTruthy();
      await screen.findByRole('group', { name: /selesai menerima layanan/ });
    }
    const queued = JSON.parse(localStorage.getItem(OUTBOX_STORAGE_KEY) ?? '[]') as { key: string }[];
    expect(queued).toHaveLength(2);
    // The second waits behind the first: nothing of it goes out while the first cannot.
    expect(f.posts().length).toBeGreaterThan(0);
    expect(f.posts().every((c) => c.key === queued[0]?.key)).toBe(true);

    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const sent: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) => {
        sent.push((init?.headers as Record<string, string>)['idempotency-key'] ?? '');
        await gate;
        return { ok: true, status: 201, json: async () => ({ id: 'x', replayed: false }) } as Response;
      }),
    );
    // The connection flaps: several `online` events while the first send is still under way.
    act(() => {
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('online'));
    });
    release();
    await waitFor(() => expect(localStorage.getItem(OUTBOX_STORAGE_KEY)).toBeNull());
    expect(sent).toEqual(queued.map((q) => q.key));
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toHaveLength(2);
  });
});
