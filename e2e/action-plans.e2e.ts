// Action plans in the browser: the team lead starts area I's plan, adds an activity serving P1.ii.a, reports this
// quarter's realisation with an uploaded PDF and sees it attached to the LKE item (and it is, in the worksheet);
// she submits the quarterly monitoring report; the unit's leader approves it on a phone; the provincial leader
// sees Sumenep on her dashboard with that quarter approved.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pdf } from '../test/fixtures/evidence-files.ts';
import { launchBrowser, newDesktopPage, newPhonePage, screenshot } from '../test/support/browser.ts';
import { seedKpuTree, startIsolatedServer } from '../test/support/isolated-server.ts';

const PASSWORD = 'rahasia-panjang-1';
const LEAD = 'siti@sumenep.go.id';
const LEADER = 'pimpinan@sumenep.go.id';
const PROVINCE = 'pimpinan@jatim.go.id';
const UPLOAD_NAME = 'sk-rencana-kerja-zi.pdf';

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

it('plan, realise with evidence linked to the LKE, report, approve, see it from the province', async () => {
  const server = await startIsolatedServer('e2e-action-plans', cleanups);
  const base = server.url;
  const { req, agency, jatim, sumenep } = await seedKpuTree(base, PASSWORD);
  const person = async (email: string, name: string, unitId: string, role: string) => {
    const { user } = await req<{ user: { id: string } }>('POST', '/api/users', {
      email,
      name,
      homeUnitId: unitId,
      password: PASSWORD,
    });
    await req('POST', `/api/users/${user.id}/grants`, { unitId, role, area: null });
  };
  await person(LEAD, 'Siti Aminah', sumenep.id, 'zi_team_lead');
  await person(LEADER, 'A. Warits', sumenep.id, 'leader');
  await person(PROVINCE, 'Hadi Santoso', jatim.id, 'leader');
  const today = new Date();
  const year = today.getUTCFullYear();
  const quarter = Math.floor(today.getUTCMonth() / 3) + 1;
  const period = await req<{ id: string }>('POST', '/api/periods', {
    agencyId: agency.id,
    year,
    name: 'Penilaian Mandiri Zona Integritas',
    fillFrom: `${year}-01-01`,
    fillUntil: `${year}-12-31`,
  });
  const assessment = await req<{ id: string }>('POST', '/api/assessments', {
    periodId: period.id,
    unitId: sumenep.id,
    target: 'WBK',
  });
  const problems: string[] = [];

  // ── The team lead, on a laptop.
  const siti = await newDesktopPage(browser);
  siti.on('pageerror', (e) => problems.push(`lead: ${e.message}`));
  await logIn(siti, `${base}/action-plans?unit=${sumenep.id}&year=${year}`, LEAD);
  await siti.getByRole('heading', { name: 'Rencana aksi', level: 1 }).waitFor();
  await siti.getByRole('tab', { name: /Manajemen Perubahan/ }).click();
  await siti.getByRole('button', { name: 'Mulai rencana aksi area ini' }).click();
  await siti.getByRole('button', { name: 'Tambah kegiatan' }).click();
  const drawer = siti.getByRole('dialog');
  await drawer.getByLabel(/^Kegiatan/).fill('Penyusunan rencana kerja ZI');
  await drawer.getByLabel(/^Output/).fill('SK rencana kerja');
  await drawer.getByLabel(/^Target/).fill('1');
  await drawer.getByLabel(/^Satuan/).fill('dokumen');
  for (const q of [1, 2, 3, 4].filter((x) => x !== quarter))
    await drawer.getByRole('checkbox', { name: `Triwulan ${q}` }).uncheck();
  await drawer.getByLabel(/^Butir LKE yang didukung/).fill('P1.ii.a');
  await drawer.getByLabel(/^Butir LKE yang didukung/).press('Enter');
  await drawer.getByRole('button', { name: 'Simpan' }).click();
  const table = siti.getByRole('table', { name: 'Kegiatan area 1' });
  await table.getByText('Penyusunan rencana kerja ZI').waitFor();
  await screenshot(siti, 'action-plans-desktop-01-plan');

  await siti.getByRole('button', { name: 'Realisasi Penyusunan rencana kerja ZI' }).click();
  await drawer.getByText('Saat disimpan, bukti dukung langsung ditautkan ke butir LKE P1.ii.a.').waitFor();
  await drawer.getByLabel(/^Capaian triwulan ini/).fill('1');
  const chooser = siti.waitForEvent('filechooser');
  await drawer.getByRole('button', { name: 'Unggah bukti dukung' }).click();
  await (
    await chooser
  ).setFiles({ name: UPLOAD_NAME, mimeType: 'application/pdf', buffer: pdf('SK Rencana Kerja') });
  await drawer.getByRole('list', { name: 'Unggahan' }).getByText('Selesai').waitFor({ timeout: 30_000 });
  await drawer.getByRole('button', { name: 'Simpan realisasi' }).click();
  await drawer.getByText('Tersimpan dan ditautkan ke butir LKE P1.ii.a.').waitFor();
  await screenshot(siti, 'action-plans-desktop-02-realised');
  await siti.keyboard.press('Escape');
  await table.getByText('Selesai').waitFor();

  // The worksheet has the uploaded file on P1.ii.a.
  const sheet = await req<{ evidence: { code: string; title: string; filename: string | null }[] }>(
    'GET',
    `/api/assessments/${assessment.id}/worksheet`,
  );
  expect(sheet.evidence.filter((e) => e.code === 'P1.ii.a').map((e) => e.filename)).toEqual([UPLOAD_NAME]);

  await siti.getByRole('link', { name: 'Laporan monev triwulanan' }).click();
  const card = siti.getByRole('article', { name: `Triwulan ${quarter}` });
  await card.getByRole('button', { name: 'Ajukan ke pimpinan' }).click();
  await card.getByText('Diajukan', { exact: true }).waitFor();

  // ── The unit's leader, on a phone.
  const warits = await newPhonePage(browser);
  warits.on('pageerror', (e) => problems.push(`leader: ${e.message}`));
  await logIn(warits, `${base}/action-plans/reports?unit=${sumenep.id}&year=${year}`, LEADER);
  const hisCard = warits.getByRole('article', { name: `Triwulan ${quarter}` });
  await hisCard.getByRole('button', { name: 'Setujui dan teruskan' }).click();
  await hisCard.getByText(/Diteruskan ke KPU Provinsi Jawa Timur/).waitFor();
  await screenshot(warits, 'action-plans-phone-03-approved');
  const pdfHref = await hisCard.getByRole('link', { name: 'Unduh PDF' }).getAttribute('href');
  expect(pdfHref).toBe(`/api/units/${sumenep.id}/plan-reports/${year}/${quarter}/report.pdf`);

  // ── The provincial leader's dashboard.
  const hadi = await newDesktopPage(browser);
  hadi.on('pageerror', (e) => problems.push(`province: ${e.message}`));
  await logIn(hadi, `${base}/action-plans/dashboard?unit=${jatim.id}&year=${year}`, PROVINCE);
  const dash = hadi.getByRole('table', { name: 'Dasbor rencana aksi unit di bawahnya' });
  const row = dash.getByRole('row').filter({ hasText: 'KPU Kabupaten Sumenep' });
  await row.waitFor();
  expect(await row.getByText('1 kegiatan · 100 %').count()).toBe(2);
  await row.getByText(`TW ${quarter}`, { exact: true }).waitFor();
  await screenshot(hadi, 'action-plans-desktop-04-dashboard');

  // The provincial leader's session downloads the PDF with the real figures' labels.
  const cookies = await hadi.context().cookies();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const res = await fetch(`${base}${pdfHref}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  expect(problems).toEqual([]);
}, 240_000);
