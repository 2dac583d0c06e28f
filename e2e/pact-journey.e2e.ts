// Employees and the integrity pact in the browser: the team lead imports the unit's employees from a CSV, makes a
// one-time link for a driver without an account; an employee signs with her own login on a phone; the driver
// signs through the link, logged out, on a phone (a second use is refused); the lead sees "2 dari 3" and records
// the declaration (pencanangan) with KPK as witness.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newDesktopPage, newPhonePage, screenshot } from '../test/support/browser.ts';
import { seedKpuTree, startIsolatedServer } from '../test/support/isolated-server.ts';

const PASSWORD = 'rahasia-panjang-1';
const LEAD = 'lead@sumenep.go.id';
const RINA = 'rina@sumenep.go.id';

let browser: Browser;
const cleanups: (() => Promise<void> | void)[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const clean of cleanups.reverse()) await clean();
});

const logIn = async (page: Page, url: string, email: string) => {
  await page.goto(url);
  await page.waitForURL('**/login**');
  await page.getByRole('textbox', { name: /^Email/ }).fill(email);
  await page.getByLabel(/^Kata sandi/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
};

it('import employees, sign by login (phone) and by one-time link (logged out), record the declaration', async () => {
  const server = await startIsolatedServer('e2e-pact', cleanups);
  const base = server.url;
  const { req, sumenep } = await seedKpuTree(base, PASSWORD);
  const person = async (email: string, name: string, role: string | null) => {
    const { user } = await req<{ user: { id: string } }>('POST', '/api/users', {
      email,
      name,
      homeUnitId: sumenep.id,
      password: PASSWORD,
    });
    if (role) await req('POST', `/api/users/${user.id}/grants`, { unitId: sumenep.id, role, area: null });
  };
  await person(LEAD, 'Siti Aminah', 'zi_team_lead');
  await person(RINA, 'Rina Kartika', null);
  const problems: string[] = [];

  // ── The lead imports the list.
  const lead = await newDesktopPage(browser);
  lead.on('pageerror', (e) => problems.push(`lead: ${e.message}`));
  await logIn(lead, `${base}/employees?unit=${sumenep.id}`, LEAD);
  await lead.getByRole('heading', { name: 'Pegawai', level: 1 }).waitFor();
  await lead.getByRole('button', { name: 'Impor CSV/XLSX' }).click();
  const csv = [
    'nama;nip;jabatan;golongan;email',
    'Siti Aminah;198501012010011001;Kepala Subbagian;III/c;',
    `Rina Kartika;199002022015022002;Analis;III/a;${RINA}`,
    'Rahmat;;Pengemudi;;',
  ].join('\n');
  await lead
    .locator('input[type="file"]')
    .setInputFiles({ name: 'pegawai.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await lead.getByRole('button', { name: 'Impor', exact: true }).click();
  await lead.getByText('3 pegawai diimpor; 1 ditautkan ke akun yang ada.').waitFor();
  await lead.keyboard.press('Escape');
  await lead.getByRole('table', { name: 'Pegawai' }).getByText('Rahmat').waitFor();

  // ── A one-time link for Rahmat (no account).
  await lead.goto(`${base}/pact?unit=${sumenep.id}`);
  await lead.getByText('0 dari 3 sudah menandatangani').waitFor();
  await lead.getByRole('checkbox', { name: 'Pilih Rahmat' }).check();
  await lead.getByRole('button', { name: 'Buat tautan (1)' }).click();
  const card = lead.getByLabel('Tautan untuk Rahmat');
  await card.getByRole('img', { name: /Kode QR/ }).waitFor();
  const link = (await card.getByRole('link').getAttribute('href')) ?? '';
  expect(link).toMatch(/\/tanda-tangan\/[A-Za-z0-9_-]{43}$/);
  await screenshot(lead, 'pact-lead-links');

  // ── Rina signs with her own login, on a phone.
  const rina = await newPhonePage(browser);
  rina.on('pageerror', (e) => problems.push(`rina: ${e.message}`));
  await logIn(rina, `${base}/pact/sign`, RINA);
  await rina.getByRole('heading', { name: 'Tanda tangani pakta integritas', level: 1 }).waitFor();
  await rina.getByText('Sebagai Rina Kartika').waitFor();
  await rina.getByRole('checkbox', { name: /Saya telah membaca/ }).check();
  await rina.getByRole('button', { name: 'Tanda tangani' }).click();
  await rina.getByText('Sudah ditandatangani').waitFor();
  await screenshot(rina, 'pact-sign-phone');

  // ── Rahmat opens the link logged out, on a phone, and signs; the link then refuses a second use.
  const rahmat = await newPhonePage(browser);
  rahmat.on('pageerror', (e) => problems.push(`rahmat: ${e.message}`));
  await rahmat.goto(link);
  await rahmat.getByText('Tautan ini untuk Rahmat, KPU Kabupaten Sumenep.').waitFor();
  await rahmat.getByRole('checkbox', { name: /Saya telah membaca/ }).check();
  await rahmat.getByRole('button', { name: 'Tanda tangani' }).click();
  await rahmat.getByText('Sudah ditandatangani').waitFor();
  await rahmat.reload();
  await rahmat.getByText('Tautan ini sudah dipakai untuk menandatangani.').waitFor();
  await screenshot(rahmat, 'pact-link-used-phone');

  // ── The lead sees the progress and records the declaration.
  await lead.goto(`${base}/pact?unit=${sumenep.id}`);
  await lead.getByText('2 dari 3 sudah menandatangani').waitFor();
  await lead.getByText('Belum menandatangani (1)').waitFor();
  const pdf = await lead.request.get(`${base}/api/units/${sumenep.id}/pact/signed-list.pdf`);
  expect(pdf.status()).toBe(200);
  await lead.goto(`${base}/declaration?unit=${sumenep.id}`);
  await lead.getByText('Pencanangan belum dicatat.').waitFor();
  await lead.getByLabel(/^Tanggal pencanangan/).fill('2026-02-10');
  await lead.getByLabel(/^Tempat/).fill('Aula KPU Kabupaten Sumenep');
  await lead
    .getByLabel(/^Instansi/)
    .first()
    .fill('KPK');
  await lead.getByRole('button', { name: 'Simpan' }).click();
  await lead.getByText('Pencanangan tersimpan.').waitFor();
  await lead.getByText(/Tanggal mulai ZI: 10 Februari 2026/).waitFor();
  await screenshot(lead, 'declaration');
  expect(problems).toEqual([]);
}, 180_000);
