// The platform journey a first administrator makes: first-run setup → log in → create a unit → create a user
// with a role on it → log out → log in as that user (on a phone) → she sees only what her role allows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newDesktopPage, newPhonePage, screenshot } from '../test/support/browser.ts';
import { spawnServer, type SpawnedServer } from '../test/support/spawn-server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'pulau-e2e-platform-'));
let server: SpawnedServer;
let browser: Browser;

beforeAll(async () => {
  server = await spawnServer(process.env.DATABASE_URL ? {} : { PULAU_DATA_DIR: dataDir });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  server?.child.kill('SIGTERM');
  await server?.exited;
  rmSync(dataDir, { recursive: true, force: true });
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigasi utama' });

describe('platform journey', () => {
  it('sets up, builds the tree, creates a scoped user who then sees only her unit', async () => {
    const page = await newDesktopPage(browser);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));

    // First run: no data yet, so the app opens the setup page.
    await page.goto(`${server.url}/`);
    await page.waitForURL('**/setup');
    await screenshot(page, 'platform-01-setup');
    await page.getByRole('textbox', { name: /^Nama/ }).first().fill('Komisi Pemilihan Umum');
    await page.getByRole('textbox', { name: /^Kode/ }).fill('KPU');
    await page.getByRole('textbox', { name: /^Wilayah/ }).fill('DKI Jakarta');
    await page.getByRole('textbox', { name: /^Nama lengkap/ }).fill('Siti Rahayu');
    await page.getByRole('textbox', { name: /^Email/ }).fill('siti@kpu.go.id');
    await page.getByLabel(/^Kata sandi baru/).fill('pulau-yang-tenang');
    await page.getByLabel(/^Ulangi kata sandi baru/).fill('pulau-yang-tenang');
    await page.getByRole('button', { name: 'Simpan dan mulai' }).click();
    await page.getByRole('heading', { name: /Siti Rahayu/ }).waitFor();

    // Log out and in again, as the administrator would the next morning.
    await page.getByRole('button', { name: /Menu akun/ }).click();
    await page.getByRole('menuitem', { name: 'Keluar' }).click();
    await page.waitForURL('**/login**');
    await page.getByRole('textbox', { name: /^Email/ }).fill('siti@kpu.go.id');
    await page.getByLabel(/^Kata sandi/).fill('pulau-yang-tenang');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: /Siti Rahayu/ }).waitFor();

    // A province under the agency, and a regency under it.
    await nav(page).getByRole('link', { name: 'Unit kerja' }).click();
    await page.getByRole('heading', { name: 'Unit kerja' }).waitFor();
    const addUnit = async (parent: RegExp, name: string, code: string, type: string) => {
      await page.getByRole('button', { name: parent }).first().click();
      await page.getByRole('button', { name: 'Tambah sub-unit' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: /^Nama/ }).fill(name);
      await dialog.getByRole('textbox', { name: /^Kode/ }).fill(code);
      await dialog.getByLabel(/^Jenis unit/).click();
      await page.getByRole('option', { name: type }).click();
      await dialog.getByRole('button', { name: 'Simpan unit' }).click();
      await page.getByText('Unit ditambahkan').first().waitFor();
    };
    await addUnit(/^Komisi Pemilihan Umum/, 'KPU Provinsi Jawa Timur', 'KPU-JATIM', 'Kantor provinsi');
    await addUnit(
      /^KPU Provinsi Jawa Timur/,
      'KPU Kabupaten Sumenep',
      'KPU-SUMENEP',
      'Kantor kabupaten/kota',
    );
    await screenshot(page, 'platform-02-units');

    // A user whose home is Sumenep, made area coordinator of area II there.
    await nav(page).getByRole('link', { name: 'Pengguna & peran' }).click();
    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    const create = page.getByRole('dialog');
    await create.getByRole('textbox', { name: /^Nama lengkap/ }).fill('Budi Santoso');
    await create.getByRole('textbox', { name: /^Email/ }).fill('budi@kpu.go.id');
    await create.getByLabel(/^Unit asal/).click();
    await page.getByRole('option', { name: /KPU Kabupaten Sumenep/ }).click();
    await create.getByRole('button', { name: 'Buat akun' }).click();
    await page.getByRole('button', { name: 'Salin kata sandi' }).waitFor();
    const temporary = ((await page.getByTestId('temporary-password').textContent()) ?? '').trim();
    expect(temporary.length).toBeGreaterThanOrEqual(10);
    await page.getByRole('button', { name: 'Sudah saya catat' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel(/^Unit$|^Unit \*/).click();
    await page.getByRole('option', { name: /KPU Kabupaten Sumenep/ }).click();
    await drawer.getByLabel(/^Peran/).click();
    await page.getByRole('option', { name: 'Koordinator area' }).click();
    await drawer.getByLabel(/^Area/).click();
    await page.getByRole('option', { name: /Area II(?!I)/ }).click();
    await drawer.getByRole('button', { name: 'Tambahkan peran' }).click();
    await drawer
      .getByText(/Koordinator area/)
      .first()
      .waitFor();
    await screenshot(page, 'platform-03-user-granted');
    await page.keyboard.press('Escape');

    // The audit trail shows what was done.
    await nav(page).getByRole('link', { name: 'Jejak audit' }).click();
    await page.getByText('budi@kpu.go.id').first().waitFor();
    await screenshot(page, 'platform-04-audit');

    await page.getByRole('button', { name: /Menu akun/ }).click();
    await page.getByRole('menuitem', { name: 'Keluar' }).click();
    await page.waitForURL('**/login**');

    // Budi, on his phone: temporary password, forced change, then only his unit and no admin pages.
    const phone = await newPhonePage(browser);
    await phone.goto(`${server.url}/units`);
    await phone.waitForURL('**/login**');
    await phone.getByRole('textbox', { name: /^Email/ }).fill('budi@kpu.go.id');
    await phone.getByLabel(/^Kata sandi/).fill(temporary);
    await phone.getByRole('button', { name: 'Masuk' }).click();
    await phone.waitForURL('**/change-password');
    await phone.getByLabel(/^Kata sandi saat ini/).fill(temporary);
    await phone.getByLabel(/^Kata sandi baru/).fill('budi-punya-sandi');
    await phone.getByLabel(/^Ulangi kata sandi baru/).fill('budi-punya-sandi');
    await phone.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await phone.getByRole('heading', { name: /Budi Santoso/ }).waitFor();
    await screenshot(phone, 'platform-05-phone-home');
    await phone.getByRole('button', { name: 'Buka menu' }).click();
    const menu = nav(phone);
    await expect(menu.getByRole('link', { name: 'Unit kerja' }).count()).resolves.toBe(1);
    await expect(menu.getByRole('link', { name: 'Pengguna & peran' }).count()).resolves.toBe(0);
    await expect(menu.getByRole('link', { name: 'Jejak audit' }).count()).resolves.toBe(0);
    await menu.getByRole('link', { name: 'Unit kerja' }).click();
    await phone
      .getByRole('button', { name: /^KPU Kabupaten Sumenep/ })
      .first()
      .waitFor();
    await expect(phone.getByRole('button', { name: /^KPU Provinsi Jawa Timur/ }).count()).resolves.toBe(0);
    await expect(phone.getByRole('button', { name: 'Tambah sub-unit' }).count()).resolves.toBe(0);
    await phone.waitForTimeout(500); // the menu's closing slide
    await screenshot(phone, 'platform-06-phone-units');

    // The server agrees with the screen: the lists behind the admin pages are empty for him.
    const seen = await phone.evaluate(async () => ({
      audit: ((await (await fetch('/api/audit')).json()) as { entries: unknown[] }).entries.length,
      users: ((await (await fetch('/api/users')).json()) as { users: unknown[] }).users.length,
    }));
    expect(seen).toEqual({ audit: 0, users: 0 });
    expect(problems).toEqual([]);
  });
});
