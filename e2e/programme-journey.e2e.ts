// The ZI programme in one story, in the browser (issue #7): the team lead imports Sumenep's employees from a CSV;
// Rina signs the integrity pact with her own login on a phone, Rahmat (no account) through a one-time link,
// logged out, on a phone (a second use is refused); the lead sees "2 dari 3", downloads the signed list and
// records the declaration; she sets up the work team by decree (signed PDF uploaded, lead and area teams picked
// from the imported employees) and Rina, now area I's coordinator by that decree alone, answers her item in the
// worksheet; Rina writes area I's action plan activity serving P1.ii.a and reports this quarter's realisation
// with an uploaded PDF, which the worksheet then shows on P1.ii.a; the change agents' counts go into R1.i.a with
// their source shown in the worksheet; the lead submits the quarterly report, the unit's leader approves it on a
// phone, and the provincial leader sees Sumenep on her dashboard beside its sibling.
// It replaces the separate pact and action-plan journeys (everything they checked is checked here).
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pdf } from '../test/fixtures/evidence-files.ts';
import { launchBrowser, newDesktopPage, newPhonePage, screenshot } from '../test/support/browser.ts';
import { seedKpuTree, startIsolatedServer } from '../test/support/isolated-server.ts';

const PASSWORD = 'rahasia-panjang-1';
const LEAD = 'siti@sumenep.go.id';
const RINA = 'rina@sumenep.go.id';
const LEADER = 'pimpinan@sumenep.go.id';
const PROVINCE = 'pimpinan@jatim.go.id';
const DECREE_PDF = 'sk-tim-kerja-zi.pdf';
const EVIDENCE_PDF = 'sk-rencana-kerja-zi.pdf';
/** Waits on a loaded machine: generous, never a fixed sleep. */
const SLOW = { timeout: 60_000 };

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

it('employees → pact → declaration → team by decree → plan → realisation with evidence → LKE → report → province', async () => {
  const started = Date.now();
  const server = await startIsolatedServer('e2e-programme', cleanups);
  const base = server.url;

  // ── Seeded over HTTP (not the subject): units, accounts and hand-given grants, a period and the assessment.
  // Rina has no grant at all: the decree gives her area I.
  const { req, agency, jatim, sumenep } = await seedKpuTree(base, PASSWORD);
  // A sibling of Sumenep with no plan yet, so the province's dashboard has its children side by side.
  await req('POST', '/api/units', {
    parentId: jatim.id,
    code: 'KPU-SURABAYA',
    name: 'KPU Kota Surabaya',
    type: 'kabupaten_kota',
    isPublicService: true,
  });
  const person = async (email: string, name: string, unitId: string, role: string | null) => {
    const { user } = await req<{ user: { id: string } }>('POST', '/api/users', {
      email,
      name,
      homeUnitId: unitId,
      password: PASSWORD,
    });
    if (role) await req('POST', `/api/users/${user.id}/grants`, { unitId, role, area: null });
  };
  await person(LEAD, 'Siti Aminah', sumenep.id, 'zi_team_lead');
  await person(RINA, 'Rina Kartika', sumenep.id, null);
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
  const sheet = `${base}/assessments/${assessment.id}`;
  const problems: string[] = [];
  const open: { page: Page; who: string }[] = [];
  const track = (page: Page, who: string) => {
    open.push({ page, who });
    page.on('pageerror', (e) => problems.push(`${who}: ${e.message}`));
  };
  // On a failure, what each open page showed (the call log alone rarely says why).
  onTestFailed(async () => {
    for (const { page, who } of open)
      if (!page.isClosed())
        await screenshot(page, `programme-failed-${who.replace(/\W/g, '-')}`).catch(() => {});
  });
  let n = 0;
  const shot = (page: Page, step: string) =>
    screenshot(page, `programme-${String(++n).padStart(2, '0')}-${step}`);

  // ── 1. The lead imports the employee list (CSV); Siti and Rina are linked to their accounts by e-mail.
  const siti = await newDesktopPage(browser);
  track(siti, 'lead');
  await logIn(siti, `${base}/employees?unit=${sumenep.id}`, LEAD);
  await siti.getByRole('heading', { name: 'Pegawai', level: 1 }).waitFor(SLOW);
  await siti.getByRole('button', { name: 'Impor CSV/XLSX' }).click();
  const csv = [
    'nama;nip;jabatan;golongan;email',
    `Siti Aminah;198501012010011001;Kepala Subbagian;III/c;${LEAD}`,
    `Rina Kartika;199002022015022002;Analis;III/a;${RINA}`,
    'Rahmat;;Pengemudi;;',
  ].join('\n');
  await siti
    .locator('input[type="file"]')
    .setInputFiles({ name: 'pegawai.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await siti.getByRole('button', { name: 'Impor', exact: true }).click();
  await siti.getByText('3 pegawai diimpor; 2 ditautkan ke akun yang ada.').waitFor(SLOW);
  await siti.keyboard.press('Escape');
  await siti.getByRole('table', { name: 'Pegawai' }).getByText('Rahmat').waitFor();
  await shot(siti, 'employees');

  // ── 2. The pact: a one-time link for Rahmat (no account).
  await siti.goto(`${base}/pact?unit=${sumenep.id}`);
  await siti.getByText('0 dari 3 sudah menandatangani').waitFor(SLOW);
  await siti.getByRole('checkbox', { name: 'Pilih Rahmat' }).check();
  await siti.getByRole('button', { name: 'Buat tautan (1)' }).click();
  const linkCard = siti.getByLabel('Tautan untuk Rahmat');
  await linkCard.getByRole('img', { name: /Kode QR/ }).waitFor(SLOW);
  const link = (await linkCard.getByRole('link').getAttribute('href')) ?? '';
  expect(link).toMatch(/\/tanda-tangan\/[A-Za-z0-9_-]{43}$/);
  await shot(siti, 'pact-links');

  // Rina signs with her own login, on a phone.
  const rina = await newPhonePage(browser);
  track(rina, 'rina');
  await logIn(rina, `${base}/pact/sign`, RINA);
  await rina.getByRole('heading', { name: 'Tanda tangani pakta integritas', level: 1 }).waitFor(SLOW);
  await rina.getByText('Sebagai Rina Kartika').waitFor();
  await rina.getByRole('checkbox', { name: /Saya telah membaca/ }).check();
  await rina.getByRole('button', { name: 'Tanda tangani' }).click();
  await rina.getByText('Sudah ditandatangani').waitFor(SLOW);
  await shot(rina, 'pact-sign-phone');

  // Rahmat opens the link logged out, on a phone, and signs; the link then refuses a second use.
  const rahmat = await newPhonePage(browser);
  track(rahmat, 'rahmat');
  await rahmat.goto(link);
  await rahmat.getByText('Tautan ini untuk Rahmat, KPU Kabupaten Sumenep.').waitFor(SLOW);
  await rahmat.getByRole('checkbox', { name: /Saya telah membaca/ }).check();
  await rahmat.getByRole('button', { name: 'Tanda tangani' }).click();
  await rahmat.getByText('Sudah ditandatangani').waitFor(SLOW);
  await rahmat.reload();
  await rahmat.getByText('Tautan ini sudah dipakai untuk menandatangani.').waitFor(SLOW);
  await shot(rahmat, 'pact-link-used-phone');
  await rahmat.context().close();

  // The lead sees the progress and the signed list.
  await siti.goto(`${base}/pact?unit=${sumenep.id}`);
  await siti.getByText('2 dari 3 sudah menandatangani').waitFor(SLOW);
  await siti.getByText('Belum menandatangani (1)').waitFor();
  const signedList = await siti.request.get(`${base}/api/units/${sumenep.id}/pact/signed-list.pdf`);
  expect(signedList.status()).toBe(200);
  expect(signedList.headers()['content-type']).toBe('application/pdf');

  // ── 3. The declaration (pencanangan).
  await siti.goto(`${base}/declaration?unit=${sumenep.id}`);
  await siti.getByText('Pencanangan belum dicatat.').waitFor(SLOW);
  await siti.getByLabel(/^Tanggal pencanangan/).fill(`${year}-02-10`);
  await siti.getByLabel(/^Tempat/).fill('Aula KPU Kabupaten Sumenep');
  await siti
    .getByLabel(/^Instansi/)
    .first()
    .fill('KPK');
  await siti.getByRole('button', { name: 'Simpan' }).click();
  await siti.getByText('Pencanangan tersimpan.').waitFor(SLOW);
  await siti.getByText(`Tanggal mulai ZI: 10 Februari ${year}`, { exact: false }).waitFor();
  await shot(siti, 'declaration');

  // Before the decree Rina holds no role: the worksheet is not hers to open.
  const noAccess = await rina.request.get(`${base}/api/assessments/${assessment.id}/worksheet`);
  expect(noAccess.status()).toBe(403);

  // ── 4. The work team by decree: the signed PDF, the lead and six area teams from the imported employees.
  await siti.goto(`${base}/team?unit=${sumenep.id}`);
  await siti.getByText('Belum ada SK tim kerja untuk unit ini.').waitFor(SLOW);
  await siti.getByRole('button', { name: 'Catat SK tim' }).click();
  const form = siti.getByRole('dialog');
  await form.getByLabel(/^Nomor SK/).fill(`12/ZI/${year}`);
  await form.getByLabel(/^Tanggal SK/).fill(`${year}-03-01`);
  await form
    .getByLabel(/^Cara pemilihan anggota tim/)
    .fill('Rapat seluruh unsur unit; anggota dipilih menurut kompetensi dan mewakili setiap bagian.');
  const decreeChooser = siti.waitForEvent('filechooser');
  await form.getByRole('button', { name: 'Pilih berkas' }).click();
  await (
    await decreeChooser
  ).setFiles({ name: DECREE_PDF, mimeType: 'application/pdf', buffer: pdf('SK Tim Kerja ZI') });
  await form.getByRole('list', { name: 'Unggahan' }).getByText('Selesai').waitFor(SLOW);
  await form.getByRole('link', { name: DECREE_PDF }).waitFor(SLOW);
  const pick = async (scope: ReturnType<Page['getByRole']>, label: RegExp, option: string) => {
    await scope.getByLabel(label).click();
    await siti.getByRole('option', { name: option, exact: true }).click();
  };
  await pick(form, /^Ketua tim/, 'Siti Aminah · Kepala Subbagian');
  const areaOne = form.getByRole('group', { name: 'Area I · Manajemen Perubahan' });
  await pick(areaOne, /^Koordinator area/, 'Rina Kartika · Analis');
  await pick(areaOne, /^Anggota area/, 'Rahmat · Pengemudi');
  // A multi-select stays open after a pick; leaving the field closes it (Escape would close the dialog too).
  await areaOne.getByLabel(/^Anggota area/).press('Tab');
  for (const area of [
    'Area II · Penataan Tata Laksana',
    'Area III · Penataan Sistem Manajemen SDM',
    'Area IV · Penguatan Akuntabilitas',
    'Area V · Penguatan Pengawasan',
    'Area VI · Peningkatan Kualitas Pelayanan Publik',
  ])
    await pick(
      form.getByRole('group', { name: area }),
      /^Koordinator area/,
      'Siti Aminah · Kepala Subbagian',
    );
  await form.getByRole('button', { name: 'Simpan SK' }).click();
  // Rina's area I coordinator and Siti's five coordinator grants are new; Siti's lead grant was given by hand.
  await siti
    .getByText('SK tersimpan. Peran di ruang kerja disesuaikan: 6 ditambahkan, 0 dicabut.')
    .waitFor(SLOW);
  await form.waitFor({ state: 'hidden', ...SLOW });
  const current = siti.getByRole('region', { name: 'SK yang berlaku' });
  await current.getByText(`12/ZI/${year}`).waitFor();
  await current.getByRole('link', { name: DECREE_PDF }).waitFor(SLOW);
  const areaOneCard = current.getByRole('region', { name: 'Area I · Manajemen Perubahan' });
  await areaOneCard.getByText('Rina Kartika').waitFor();
  await areaOneCard.getByText('Rahmat').waitFor();
  await shot(siti, 'team');

  // Rina, still on her phone, now answers an item of her area in the worksheet: the team gave her area I.
  await rina.goto(`${sheet}?item=P1.i.a`);
  await rina.getByRole('heading', { name: /KPU Kabupaten Sumenep · LKE/ }).waitFor(SLOW);
  await rina.getByRole('radio', { name: 'Ya, jika Tim telah dibentuk di dalam unit kerja.' }).check();
  await rina.getByRole('textbox', { name: 'Penjelasan' }).fill(`SK Tim Kerja ZI Nomor 12/ZI/${year}.`);
  await rina.getByRole('status', { name: 'Status simpan P1.i.a: Tersimpan' }).waitFor(SLOW);
  await rina.getByRole('status', { name: 'Status simpan lembar kerja: Tersimpan' }).waitFor(SLOW);
  await shot(rina, 'coordinator-answers-phone');
  await rina.context().close();

  // ── 5. Rina, at her desk, writes area I's activity serving P1.ii.a and reports this quarter with a PDF.
  const rinaDesk = await newDesktopPage(browser);
  track(rinaDesk, 'rina desk');
  await logIn(rinaDesk, `${base}/action-plans?unit=${sumenep.id}&year=${year}`, RINA);
  await rinaDesk.getByRole('heading', { name: 'Rencana aksi', level: 1 }).waitFor(SLOW);
  await rinaDesk.getByRole('tab', { name: /Manajemen Perubahan/ }).click();
  await rinaDesk.getByRole('button', { name: 'Mulai rencana aksi area ini' }).click();
  await rinaDesk.getByRole('button', { name: 'Tambah kegiatan' }).click(SLOW);
  const drawer = rinaDesk.getByRole('dialog');
  await drawer.getByLabel(/^Kegiatan/).fill('Penyusunan rencana kerja ZI');
  await drawer.getByLabel(/^Output/).fill('SK rencana kerja');
  await drawer.getByLabel(/^Target/).fill('1');
  await drawer.getByLabel(/^Satuan/).fill('dokumen');
  for (const q of [1, 2, 3, 4].filter((x) => x !== quarter))
    await drawer.getByRole('checkbox', { name: `Triwulan ${q}` }).uncheck();
  await drawer.getByLabel(/^Butir LKE yang didukung/).fill('P1.ii.a');
  await drawer.getByLabel(/^Butir LKE yang didukung/).press('Enter');
  await drawer.getByRole('button', { name: 'Simpan' }).click();
  const activities = rinaDesk.getByRole('table', { name: 'Kegiatan area 1' });
  await activities.getByText('Penyusunan rencana kerja ZI').waitFor(SLOW);
  await shot(rinaDesk, 'plan');

  await rinaDesk.getByRole('button', { name: 'Realisasi Penyusunan rencana kerja ZI' }).click();
  await drawer
    .getByText('Saat disimpan, bukti dukung langsung ditautkan ke butir LKE P1.ii.a.')
    .waitFor(SLOW);
  await drawer.getByLabel(/^Capaian triwulan ini/).fill('1');
  const evidenceChooser = rinaDesk.waitForEvent('filechooser');
  await drawer.getByRole('button', { name: 'Unggah bukti dukung' }).click();
  await (
    await evidenceChooser
  ).setFiles({ name: EVIDENCE_PDF, mimeType: 'application/pdf', buffer: pdf('SK Rencana Kerja') });
  await drawer.getByRole('list', { name: 'Unggahan' }).getByText('Selesai').waitFor(SLOW);
  await drawer.getByRole('button', { name: 'Simpan realisasi' }).click();
  await drawer.getByText('Tersimpan dan ditautkan ke butir LKE P1.ii.a.').waitFor(SLOW);
  await shot(rinaDesk, 'realised');
  await rinaDesk.keyboard.press('Escape');
  await activities.getByText('Selesai').waitFor(SLOW);

  // The worksheet shows her file on P1.ii.a, ready to download.
  await rinaDesk.goto(`${sheet}?item=P1.ii.a`);
  const linked = rinaDesk.getByRole('list', { name: 'Data dukung tertaut' });
  await linked.getByText(EVIDENCE_PDF).first().waitFor(SLOW);
  await linked.getByRole('link', { name: 'Unduh' }).first().waitFor();
  // Exactly her file on exactly that item, beside the signed decree the team fed to P1.i.a (SK Tim Kerja).
  const worksheet = (await (
    await rinaDesk.request.get(`${base}/api/assessments/${assessment.id}/worksheet`)
  ).json()) as { evidence: { code: string; filename: string | null }[] };
  expect(worksheet.evidence.map((e) => [e.code, e.filename]).sort()).toEqual([
    ['P1.i.a', DECREE_PDF],
    ['P1.ii.a', EVIDENCE_PDF],
  ]);
  await shot(rinaDesk, 'evidence-in-worksheet');
  await rinaDesk.context().close();

  // ── 6. Change agents: Rina designated with one integrated change (seeded); the lead applies the counts to
  // the LKE and the worksheet shows R1.i.a's values with their source.
  const { employees } = await req<{ employees: { id: string; name: string }[] }>(
    'GET',
    `/api/units/${sumenep.id}/employees`,
  );
  const rinaEmployee = employees.find((e) => e.name === 'Rina Kartika');
  if (!rinaEmployee) throw new Error('Rina is not among the imported employees');
  const agent = await req<{ id: string }>('POST', `/api/units/${sumenep.id}/change-agents`, {
    employeeId: rinaEmployee.id,
    designatedOn: `${year}-03-05`,
    decreeRef: `SK Agen Perubahan 13/ZI/${year}`,
  });
  await req('POST', `/api/change-agents/${agent.id}/changes`, {
    title: 'Layanan informasi pemilu daring',
    madeOn: `${year}-04-15`,
    integrated: true,
  });
  await siti.goto(`${base}/change-agents?unit=${sumenep.id}`);
  const apply = siti.getByRole('region', { name: 'Jumlah untuk LKE (R1.i.a, R1.i.b)' });
  await apply.getByRole('button', { name: 'Terapkan ke LKE' }).click(SLOW);
  const source = `Dari data Agen Perubahan Pulau: 1 agen, 1 perubahan (1 terintegrasi dalam sistem manajemen)`;
  await apply.getByText(source, { exact: false }).waitFor(SLOW);
  await siti.goto(`${sheet}?item=R1.i.a`);
  await siti
    .getByRole('alert')
    .filter({ hasText: 'Sumber nilai' })
    .getByText(source, { exact: false })
    .waitFor(SLOW);
  await shot(siti, 'change-agents-in-worksheet');

  // ── 7. The lead submits the quarterly monitoring report; the unit's leader approves it on a phone.
  await siti.goto(`${base}/action-plans/reports?unit=${sumenep.id}&year=${year}`);
  const card = siti.getByRole('article', { name: `Triwulan ${quarter}` });
  await card.getByRole('button', { name: 'Ajukan ke pimpinan' }).click(SLOW);
  await card.getByText('Diajukan', { exact: true }).waitFor(SLOW);

  const warits = await newPhonePage(browser);
  track(warits, 'leader');
  await logIn(warits, `${base}/action-plans/reports?unit=${sumenep.id}&year=${year}`, LEADER);
  const hisCard = warits.getByRole('article', { name: `Triwulan ${quarter}` });
  await hisCard.getByRole('button', { name: 'Setujui dan teruskan' }).click(SLOW);
  await hisCard.getByText(/Diteruskan ke KPU Provinsi Jawa Timur/).waitFor(SLOW);
  await shot(warits, 'report-approved-phone');
  const pdfHref = await hisCard.getByRole('link', { name: 'Unduh PDF' }).getAttribute('href');
  expect(pdfHref).toBe(`/api/units/${sumenep.id}/plan-reports/${year}/${quarter}/report.pdf`);

  // ── 8. The provincial leader's dashboard: her children side by side, Sumenep's quarter approved.
  const hadi = await newDesktopPage(browser);
  track(hadi, 'province');
  await logIn(hadi, `${base}/action-plans/dashboard?unit=${jatim.id}&year=${year}`, PROVINCE);
  const dash = hadi.getByRole('table', { name: 'Dasbor rencana aksi unit di bawahnya' });
  const row = dash.getByRole('row').filter({ hasText: 'KPU Kabupaten Sumenep' });
  await row.waitFor(SLOW);
  expect(await row.getByText('1 kegiatan · 100 %').count()).toBe(2);
  await row.getByText(`TW ${quarter}`, { exact: true }).waitFor();
  const sibling = dash.getByRole('row').filter({ hasText: 'KPU Kota Surabaya' });
  await sibling.waitFor();
  expect(await sibling.getByText('1 kegiatan', { exact: false }).count()).toBe(0);
  await shot(hadi, 'province-dashboard');
  const report = await hadi.request.get(`${base}${pdfHref}`);
  expect(report.status()).toBe(200);
  expect(report.headers()['content-type']).toBe('application/pdf');

  expect(problems).toEqual([]);
  console.log(`programme journey: ${Date.now() - started} ms`);
}, 420_000);
