// The survey journey, in the browser: a respondent at the counter opens the public link of an IPAK campaign on
// a phone, answers and submits; the unit's ZI team lead, on a laptop, sees the count and the index, closes the
// campaign and applies it to the unit's LKE; the worksheet shows H1.a with its provenance. Then she closes
// and publishes the unit's SKM campaign, and anyone's phone shows it on the unit's public results page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newDesktopPage, newPhonePage, screenshot } from '../test/support/browser.ts';
import { seedKpuTree, startIsolatedServer } from '../test/support/isolated-server.ts';

const PASSWORD = 'rahasia-panjang-1';
const LEAD = 'siti@sumenep.go.id';
const PERIOD_LABEL = 'Semester II 2026';
const SERVICE = { code: 'loket_pendaftaran', name: 'Loket Pendaftaran', population: 1 };
const SKM_LABEL = 'SKM Tahun 2026';
const UNIT_CODE = 'KPU-SUMENEP';
/** The confirm button of the close dialog. */
const CLOSE = 'Tutup survei';
/** One SKM response: 33 points over nine unsur, IKM = 33/9 × 25 = 91,67 (A, Sangat Baik). */
const SKM_SCORES = [4, 3, 4, 4, 3, 4, 4, 3, 4];
const SKM_ITEMS = [
  'persyaratan',
  'prosedur',
  'waktu',
  'biaya',
  'produk',
  'kompetensi',
  'perilaku',
  'pengaduan',
  'sarana',
];

let browser: Browser;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const clean of cleanups.reverse()) await clean();
});

const startServer = () => startIsolatedServer('e2e-survey', cleanups);

/** A calendar day in WIB (UTC+7), as campaign dates are. */
const dayWib = (offset: number) =>
  new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

type Seeded = { assessmentId: string; campaignId: string; skmId: string };

/**
 * Over HTTP, as the first administrator: KPU → Jawa Timur → Sumenep (a public service unit), its ZI team lead,
 * a period, Sumenep's assessment, and an open IPAK campaign with one counter serving one person this period
 * (so the LKE minimum, min(30, N), is one respondent) and no speed floor.
 */
const seed = async (base: string): Promise<Seeded> => {
  const { req, agency, sumenep } = await seedKpuTree(base, PASSWORD);
  const { user } = await req<{ user: { id: string } }>('POST', '/api/users', {
    email: LEAD,
    name: 'Siti Aminah',
    homeUnitId: sumenep.id,
    password: PASSWORD,
  });
  await req('POST', `/api/users/${user.id}/grants`, { unitId: sumenep.id, role: 'zi_team_lead', area: null });

  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const period = await req<{ id: string }>('POST', '/api/periods', {
    agencyId: agency.id,
    year: new Date().getUTCFullYear(),
    name: 'Penilaian Mandiri Zona Integritas',
    fillFrom: day(-30),
    fillUntil: day(60),
  });
  const assessment = await req<{ id: string }>('POST', '/api/assessments', {
    periodId: period.id,
    unitId: sumenep.id,
    target: 'WBK',
  });
  const campaign = await req<{ id: string; version: number }>('POST', '/api/surveys/campaigns', {
    unitId: sumenep.id,
    kind: 'ipak',
    periodLabel: PERIOD_LABEL,
    services: [SERVICE],
    samplingMethod: 'krejcie-morgan',
    startsOn: dayWib(-1),
    endsOn: dayWib(30),
    minSeconds: 0,
  });
  await req('POST', `/api/surveys/campaigns/${campaign.id}/open`, { version: campaign.version });

  // The unit's SKM of the same period, open, with one response sent to the public API (as a phone would).
  const skm = await req<{ id: string; version: number }>('POST', '/api/surveys/campaigns', {
    unitId: sumenep.id,
    kind: 'skm',
    periodLabel: SKM_LABEL,
    services: [SERVICE],
    samplingMethod: 'krejcie-morgan',
    startsOn: dayWib(-1),
    endsOn: dayWib(30),
    minSeconds: 0,
  });
  await req('POST', `/api/surveys/campaigns/${skm.id}/open`, { version: skm.version });
  const sent = await fetch(`${base}/api/public/surveys/${skm.id}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      screening: 'sudah',
      profile: {
        usia: '36_45',
        jenis_kelamin: 'laki_laki',
        pendidikan: 'sma',
        pekerjaan: 'wirausaha',
        layanan: SERVICE.code,
      },
      answers: Object.fromEntries(SKM_ITEMS.map((code, i) => [code, SKM_SCORES[i]])),
      durationSeconds: 75,
    }),
  });
  if (sent.status !== 201) throw new Error(`SKM response: ${sent.status} ${await sent.text()}`);
  return { assessmentId: assessment.id, campaignId: campaign.id, skmId: skm.id };
};

describe('survey journey', () => {
  it('phone: answer the public form; laptop: count, index, close, apply to H1.a, provenance in the worksheet', async () => {
    const started = Date.now();
    const server = await startServer();
    const { assessmentId, campaignId, skmId } = await seed(server.url);
    const problems: string[] = [];
    const track = (page: Page, who: string) =>
      page.on('pageerror', (e) => problems.push(`${who}: ${e.message}`));
    const counters = { phone: 0, desktop: 0 };
    const shot = async (page: Page, viewport: 'phone' | 'desktop', step: string) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `survey-${viewport}-${String(++counters[viewport]).padStart(2, '0')}-${step}`);
    };

    // ── The respondent, at the counter, from the QR code's link (the service is pre-selected).
    const phone = await newPhonePage(browser);
    track(phone, 'respondent');
    await phone.goto(`${server.url}/s/${campaignId}?layanan=${SERVICE.code}`);
    await phone.getByRole('heading', { level: 1 }).waitFor();
    await shot(phone, 'phone', 'screening');
    await phone
      .getByRole('group', { name: /selesai menerima layanan/ })
      .getByRole('radio', { name: 'Sudah selesai' })
      .check();
    await phone.getByRole('button', { name: 'Lanjut' }).click();
    const service = phone.getByRole('group', { name: /Layanan yang digunakan/ });
    await service.waitFor();
    expect(await service.getByRole('radio', { name: SERVICE.name }).isChecked()).toBe(true);
    const choose = async (group: RegExp, option: string) =>
      phone.getByRole('group', { name: group }).getByRole('radio', { name: option, exact: true }).check();
    await choose(/^Usia/, '26–35 tahun');
    await choose(/^Jenis kelamin/, 'Perempuan');
    await choose(/^Pendidikan terakhir/, 'D4/S1');
    await choose(/^Pekerjaan utama/, 'PNS/ASN');
    // Not all the same answer (that would be flagged as straight-lining and left out of the index).
    await choose(/Tidak ada diskriminasi/, 'Sangat setuju');
    await choose(/Tidak ada pelayanan di luar prosedur/, 'Sangat setuju');
    await choose(/Tidak ada penerimaan imbalan/, 'Setuju');
    await choose(/Tidak ada percaloan/, 'Sangat setuju');
    await choose(/Tidak ada pungutan liar/, 'Sangat setuju');
    await choose(/mengarahkan Bapak\/Ibu/, 'Tidak');
    await shot(phone, 'phone', 'answered');
    await phone.getByRole('button', { name: 'Kirim jawaban' }).click();
    await phone.getByRole('heading', { name: 'Terima kasih!' }).waitFor();
    await shot(phone, 'phone', 'thanks');
    // The public form is its own small page: the admin application was never loaded.
    const scripts = await phone.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(scripts.some((s) => /mantine-core/.test(s))).toBe(false);

    // ── The team lead, on a laptop, deep-linked into the campaign (the login page comes first).
    const lead = await newDesktopPage(browser);
    track(lead, 'lead');
    await lead.goto(`${server.url}/surveys/${campaignId}`);
    await lead.waitForURL('**/login**');
    await lead.getByRole('textbox', { name: /^Email/ }).fill(LEAD);
    await lead.getByLabel(/^Kata sandi/).fill(PASSWORD);
    await lead.getByRole('button', { name: 'Masuk' }).click();
    await lead.getByRole('heading', { level: 1, name: PERIOD_LABEL }).waitFor();
    // In the navigation: she may read surveys.
    await lead.getByRole('link', { name: 'Survei persepsi' }).first().waitFor();
    await lead.getByRole('progressbar', { name: `${SERVICE.name}: 1 dari target 1 responden` }).waitFor();
    await lead.getByRole('progressbar', { name: 'Seluruh layanan: 1 dari target 1 responden' }).waitFor();
    await lead.getByText('1 jawaban: 1 dihitung, 0 dikecualikan karena tanda mutu.').waitFor();
    const figure = lead.locator('[aria-label^="Nilai H1.a (0–4): "]');
    await figure.waitFor();
    const shown = (await figure.getAttribute('aria-label'))?.replace('Nilai H1.a (0–4): ', '') ?? '';
    expect(shown).toMatch(/^\d,\d\d$/);
    // The QR code of the counter is an image the server drew.
    const qr = lead.getByRole('img', { name: `Kode QR survei untuk layanan ${SERVICE.name}` });
    await qr.waitFor();
    await lead.waitForFunction((alt) => {
      const img = document.querySelector<HTMLImageElement>(`img[alt="${alt}"]`);
      return Boolean(img && img.complete && img.naturalWidth > 0);
    }, `Kode QR survei untuk layanan ${SERVICE.name}`);
    await shot(lead, 'desktop', 'results-open');

    // The unit's campaigns: the live count against the target, per service.
    await lead.getByRole('link', { name: 'Survei persepsi' }).first().click();
    const card = lead.getByRole('article', { name: PERIOD_LABEL });
    await card.getByRole('progressbar', { name: `${SERVICE.name}: 1 dari target 1 responden` }).waitFor();
    await shot(lead, 'desktop', 'campaigns');
    await card.getByRole('link', { name: `Rincian kampanye ${PERIOD_LABEL}` }).click();
    await lead.getByRole('heading', { level: 1, name: PERIOD_LABEL }).waitFor();

    // Close (final: a dialog says what happens and who is told), then apply to the LKE.
    await lead.getByRole('button', { name: `Tutup survei ${PERIOD_LABEL}` }).click();
    await lead.getByRole('dialog').getByRole('button', { name: CLOSE, exact: true }).click();
    await lead.getByText('Ditutup', { exact: true }).first().waitFor();
    await lead.getByRole('combobox', { name: 'Penilaian mandiri' }).waitFor();
    await lead.getByRole('button', { name: 'Terapkan ke LKE' }).click();
    const done = lead.getByRole('status').filter({ hasText: 'Nilai diterapkan ke H1.a' });
    await done.waitFor();
    expect(await done.textContent()).toContain(`kampanye ${campaignId}`);
    await shot(lead, 'desktop', 'applied');

    // ── The worksheet: H1.a holds the value, with the provenance the apply route wrote.
    await lead.goto(`${server.url}/assessments/${assessmentId}?item=H1.a`);
    const explanation = lead.getByRole('textbox', { name: 'Penjelasan' });
    await explanation.waitFor();
    const text = await explanation.inputValue();
    expect(text).toContain(`dari survei Pulau (kampanye ${campaignId}, ${PERIOD_LABEL}).`);
    expect(text).toContain('n = 1 responden (0 dikecualikan karena tanda mutu) dari populasi 1');
    expect(text).toContain(`Nilai H1.a ${shown}`);
    await shot(lead, 'desktop', 'worksheet-h1a');

    // And at the API: the answer carries the campaign as its source.
    const sheet = await lead.evaluate(async (id) => {
      const res = await fetch(`/api/assessments/${id}/worksheet`);
      return (await res.json()) as { answers: { code: string; sourceCampaignId: string | null }[] };
    }, assessmentId);
    expect(sheet.answers.find((a) => a.code === 'H1.a')?.sourceCampaignId).toBe(campaignId);

    // The same results on the lead's phone: one column, nothing wider than the screen.
    const pocket = await newPhonePage(browser);
    track(pocket, 'lead on a phone');
    await pocket.goto(`${server.url}/surveys/${campaignId}`);
    await pocket.waitForURL('**/login**');
    await pocket.getByRole('textbox', { name: /^Email/ }).fill(LEAD);
    await pocket.getByLabel(/^Kata sandi/).fill(PASSWORD);
    await pocket.getByRole('button', { name: 'Masuk' }).click();
    await pocket.getByRole('heading', { level: 1, name: PERIOD_LABEL }).waitFor();
    await pocket.locator('[aria-label^="Nilai H1.a (0–4): "]').waitFor();
    expect(await pocket.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(pocket, 'phone', 'admin-results');

    // ── The SKM result must be published (PermenPANRB 14/2017): she closes the SKM campaign and publishes it.
    await lead.goto(`${server.url}/surveys/${skmId}`);
    await lead.getByRole('heading', { level: 1, name: SKM_LABEL }).waitFor();
    await lead.getByText('Belum dipublikasikan').waitFor();
    await lead.getByRole('button', { name: `Tutup survei ${SKM_LABEL}` }).click();
    await lead.getByRole('dialog').getByRole('button', { name: CLOSE, exact: true }).click();
    await lead.getByText('Ditutup', { exact: true }).first().waitFor();
    await lead.getByRole('button', { name: 'Publikasikan hasil' }).click();
    await lead.getByText('Dipublikasikan', { exact: true }).waitFor();
    const publicLink = lead.getByRole('link', { name: new RegExp(`/hasil/${UNIT_CODE}$`) });
    expect(await publicLink.getAttribute('href')).toBe(`${server.url}/hasil/${UNIT_CODE}`);
    await lead.waitForFunction((alt) => {
      const img = document.querySelector<HTMLImageElement>(`img[alt="${alt}"]`);
      return Boolean(img && img.complete && img.naturalWidth > 0);
    }, 'Kode QR halaman hasil survei KPU Kabupaten Sumenep');
    await shot(lead, 'desktop', 'skm-published');

    // ── Anyone, on a phone, without logging in: the unit's public results page.
    const citizen = await newPhonePage(browser);
    track(citizen, 'citizen');
    await citizen.goto(`${server.url}/hasil/${UNIT_CODE}`);
    const h1 = citizen.getByRole('heading', { level: 1 });
    await h1.waitFor();
    expect(await h1.textContent()).toBe('Hasil survei layanan publik: KPU Kabupaten Sumenep');
    const result = citizen.getByRole('region', { name: `Survei Kepuasan Masyarakat · ${SKM_LABEL}` });
    await result.waitFor();
    await result.getByText('91,67', { exact: true }).waitFor();
    await result.getByText('A', { exact: true }).waitFor();
    await result.getByText('Sangat Baik', { exact: true }).waitFor();
    const table = result.getByRole('table', { name: /Nilai rata-rata \(NRR\) setiap unsur/ });
    expect(await table.getByRole('row').count()).toBe(1 + SKM_ITEMS.length);
    // The IPAK campaign was applied to the LKE but not published: it is not there.
    expect(await citizen.getByRole('region', { name: /Survei Persepsi Anti Korupsi/ }).count()).toBe(0);
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const loaded = await citizen.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(loaded.some((s) => /mantine/.test(s))).toBe(false);
    await shot(citizen, 'phone', 'public-results');
    await citizen.getByRole('button', { name: 'Switch to English' }).click();
    await citizen
      .getByRole('heading', { level: 1, name: 'Public service survey results: KPU Kabupaten Sumenep' })
      .waitFor();
    await citizen
      .getByRole('region', { name: `Public Satisfaction Survey · ${SKM_LABEL}` })
      .getByText('91.67')
      .waitFor();
    await shot(citizen, 'phone', 'public-results-en');

    expect(problems).toEqual([]);
    expect(Date.now() - started).toBeLessThan(230_000);
  }, 240_000);
});
