// The self-assessment journey, in the browser, on a laptop and on a phone: an area coordinator answers an item
// of her area, uploads a PDF while its progress bar moves, sees the score change and cannot edit another area;
// the team lead's first "Ajukan" is refused with the list of problems, the coordinator answers the last item,
// the lead submits; the unit's leader approves; the worksheet is locked, on screen and at the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { paddedPdf, pdf } from '../test/fixtures/evidence-files.ts';
import { launchBrowser, newDesktopPage, newPhonePage, screenshot } from '../test/support/browser.ts';
import { bestAnswers, lkeTemplate } from '../test/support/lke-answers.ts';
import { seedKpuTree, startIsolatedServer } from '../test/support/isolated-server.ts';
import { tusClient, uploadIdOf } from '../test/support/tus-client.ts';

const PASSWORD = 'rahasia-panjang-1';
const COORDINATOR = 'dewi@sumenep.go.id';
const LEAD = 'siti@sumenep.go.id';
const LEADER = 'pimpinan@sumenep.go.id';
/** Left unanswered by the seed: the coordinator answers both in the browser (area I is hers). */
const FIRST = 'P1.i.a';
const LAST = 'P1.i.b';
const OTHER_AREA = 'P2.i.a';
const UPLOAD_NAME = 'sk-tim-kerja-zi.pdf';

let browser: Browser;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const clean of cleanups.reverse()) await clean();
});

const startServer = () => startIsolatedServer('e2e-workspace', cleanups);

/** Runs `task` over `items`, a few at a time (the seed is a couple of hundred requests). */
const inParallel = async <T>(items: readonly T[], task: (item: T) => Promise<unknown>, width = 4) => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
};

type Seeded = { assessmentId: string; unitId: string };

/**
 * Over HTTP, as the first administrator (the server holds the embedded database): KPU → Jawa Timur → Sumenep,
 * the coordinator of area I, the lead and the leader of Sumenep, a period, Sumenep's assessment, every answer
 * but the coordinator's two, and one uploaded PDF linked to every item that needs evidence but FIRST (her
 * upload in the browser covers that one).
 */
const seed = async (base: string): Promise<Seeded> => {
  const { admin, req, agency, sumenep } = await seedKpuTree(base, PASSWORD);
  const person = async (email: string, name: string, role: string, area: number | null) => {
    const { user } = await req<{ user: { id: string } }>('POST', '/api/users', {
      email,
      name,
      homeUnitId: sumenep.id,
      password: PASSWORD,
    });
    await req('POST', `/api/users/${user.id}/grants`, { unitId: sumenep.id, role, area });
  };
  await person(COORDINATOR, 'Dewi Lestari', 'area_coordinator', 1);
  await person(LEAD, 'Siti Aminah', 'zi_team_lead', null);
  await person(LEADER, 'A. Warits', 'leader', null);

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

  const template = await lkeTemplate();
  const answers = Object.entries(bestAnswers(template)).filter(([code]) => code !== FIRST && code !== LAST);
  await inParallel(answers, ([code, value]) =>
    req('PUT', `/api/assessments/${assessment.id}/answers/${code}`, {
      version: 0,
      value,
      explanation: `Telah dilaksanakan; lihat data dukung ${code}.`,
    }),
  );

  const { location, last } = await tusClient(base, admin).upload(pdf('Data dukung umum'), {
    unitId: sumenep.id,
    filename: 'data-dukung-umum.pdf',
    filetype: 'application/pdf',
  });
  if (last.status !== 204) throw new Error(`seed upload: ${last.status} ${await last.text()}`);
  const evidence = await req<{ id: string }>('POST', `/api/units/${sumenep.id}/evidence`, {
    uploadId: uploadIdOf(location),
    title: 'Data dukung umum',
  });
  const needEvidence = template.items.filter((i) => i.evidence.length > 0 && i.code !== FIRST);
  await inParallel(needEvidence, (item) =>
    req('POST', `/api/assessments/${assessment.id}/items/${item.code}/evidence`, { evidenceId: evidence.id }),
  );
  return { assessmentId: assessment.id, unitId: sumenep.id };
};

type Viewport = 'desktop' | 'phone';

/** Opens a page deep-linked into the worksheet; the login page comes first and leads back to it. */
const logIn = async (page: Page, url: string, email: string) => {
  await page.goto(url);
  await page.waitForURL('**/login**');
  await page.getByRole('textbox', { name: /^Email/ }).fill(email);
  await page.getByLabel(/^Kata sandi/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: /KPU Kabupaten Sumenep · LKE/ }).waitFor();
};

const itemSaveState = (page: Page, code: string) =>
  page.getByRole('status', { name: new RegExp(`^Status simpan ${code.replaceAll('.', '\\.')}:`) });

/** The total score as the screen shows it: the score panel's label on a laptop, the bottom bar on a phone. */
const totalScore = async (page: Page, viewport: Viewport): Promise<string> => {
  if (viewport === 'desktop')
    return (await page.locator('[aria-label^="Nilai total: "]').first().getAttribute('aria-label')) ?? '';
  return (
    (await page
      .getByText(/^Nilai total: /)
      .first()
      .textContent()) ?? ''
  );
};

/**
 * Starts recording, in the page, every value an attribute of the element matching `selector` takes (as the
 * screen changes, not as a test happens to poll); `seen` returns them in order.
 */
const watch = async (page: Page, key: string, selector: string, attribute: string) => {
  await page.evaluate(
    ({ key, selector, attribute }) => {
      const seen: string[] = [];
      (window as unknown as Record<string, string[]>)[key] = seen;
      const record = () => {
        const value = document.querySelector(selector)?.getAttribute(attribute);
        if (value != null && seen[seen.length - 1] !== value) seen.push(value);
      };
      record();
      new MutationObserver(record).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: [attribute],
      });
    },
    { key, selector, attribute },
  );
  return { seen: () => page.evaluate((k) => (window as unknown as Record<string, string[]>)[k] ?? [], key) };
};

const journey = async (viewport: Viewport) => {
  const started = Date.now();
  const server = await startServer();
  const { assessmentId } = await seed(server.url);
  const seededIn = Date.now() - started;
  const sheet = `${server.url}/assessments/${assessmentId}`;
  const open = viewport === 'desktop' ? newDesktopPage : newPhonePage;
  const problems: string[] = [];
  const track = (page: Page, who: string) =>
    page.on('pageerror', (e) => problems.push(`${who}: ${e.message}`));
  let n = 0;
  const shot = async (page: Page, step: string) => {
    // From the top, so that the sticky header sits where it belongs in the full-page picture.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `workspace-${viewport}-${String(++n).padStart(2, '0')}-${step}`);
  };

  // ── The coordinator, on her item of area I.
  const dewi = await open(browser);
  track(dewi, 'coordinator');
  await logIn(dewi, `${sheet}?item=${FIRST}`, COORDINATOR);
  await dewi.getByRole('radio', { name: 'Ya, jika Tim telah dibentuk di dalam unit kerja.' }).waitFor();
  const scoreBefore = await totalScore(dewi, viewport);
  await shot(dewi, 'worksheet');

  const saveStates = await watch(
    dewi,
    'saveStates',
    `[role="status"][aria-label^="Status simpan ${FIRST}:"]`,
    'aria-label',
  );
  await dewi.getByRole('radio', { name: 'Ya, jika Tim telah dibentuk di dalam unit kerja.' }).check();
  await dewi.getByRole('textbox', { name: 'Penjelasan' }).fill('SK Tim Kerja ZI Nomor 12 Tahun 2026.');
  expect(await itemSaveState(dewi, FIRST).getAttribute('aria-label')).toMatch(/Belum tersimpan|Menyimpan…/);
  await dewi.getByRole('status', { name: `Status simpan ${FIRST}: Tersimpan` }).waitFor();
  await dewi.getByRole('status', { name: 'Status simpan lembar kerja: Tersimpan' }).waitFor();
  // Saved, and saved the way the badge promises: not yet → saving → saved.
  const states = (await saveStates.seen()).map((l) => l.replace(`Status simpan ${FIRST}: `, ''));
  const at = (state: string) => states.indexOf(state);
  expect(at('Belum tersimpan')).toBeGreaterThanOrEqual(0);
  expect(at('Menyimpan…')).toBeGreaterThan(at('Belum tersimpan'));
  expect(states.at(-1)).toBe('Tersimpan');
  const scoreAfter = await totalScore(dewi, viewport);
  if (viewport === 'desktop') {
    // The whole total is in sight: the score column is not widened past its frame by its tables.
    const frame = await dewi
      .getByRole('region', { name: 'Nilai sementara' })
      .locator('xpath=ancestor::div[contains(@class, "mantine-Paper-root")][1]')
      .boundingBox();
    const total = await dewi.locator('[aria-label^="Nilai total: "]').first().boundingBox();
    expect(total && frame && total.x + total.width <= frame.x + frame.width).toBe(true);
  }
  expect(scoreAfter).not.toBe(scoreBefore);
  if (viewport === 'phone') {
    await dewi.getByRole('button', { name: 'Lihat nilai' }).click();
    const panel = dewi.getByRole('dialog');
    const label = await panel.locator('[aria-label^="Nilai total: "]').first().getAttribute('aria-label');
    expect(label).toMatch(/^Nilai total: \d+,\d\d \/ 100,00$/);
    await dewi.waitForTimeout(400); // the sheet's slide
    await shot(dewi, 'score-sheet');
    await dewi.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
  } else expect(scoreAfter).toMatch(/^Nilai total: \d+,\d\d \/ 100,00$/);
  await shot(dewi, 'answered');

  // Her PDF, 6 MB over a line of about 4 MB/s (throttled through DevTools: on loopback an upload is over
  // before the bar can be seen), so the bar has somewhere to go.
  const progress = await watch(
    dewi,
    'uploadProgress',
    `[role="progressbar"][aria-label="Kemajuan unggah ${UPLOAD_NAME}"]`,
    'aria-valuenow',
  );
  const devtools = await dewi.context().newCDPSession(dewi);
  await devtools.send('Network.enable');
  await devtools.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 4 * 1024 * 1024,
  });
  const chooser = dewi.waitForEvent('filechooser');
  await dewi.getByRole('button', { name: 'Unggah data dukung' }).click();
  await (
    await chooser
  ).setFiles({ name: UPLOAD_NAME, mimeType: 'application/pdf', buffer: paddedPdf(6 * 1024 * 1024) });
  const bar = dewi.getByRole('progressbar', { name: `Kemajuan unggah ${UPLOAD_NAME}` });
  await bar.waitFor();
  const uploads = dewi.getByRole('list', { name: 'Unggahan' });
  await uploads.getByText('Selesai').waitFor({ timeout: 30_000 });
  expect(await bar.getAttribute('aria-valuenow')).toBe('100');
  const moved = (await progress.seen()).map(Number);
  expect(moved.at(-1)).toBe(100);
  expect(moved.filter((v) => v > 0 && v < 100).length).toBeGreaterThanOrEqual(3);
  expect(moved).toEqual([...moved].sort((a, b) => a - b));
  await devtools.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await devtools.detach();
  const linked = dewi.getByRole('list', { name: 'Data dukung tertaut' });
  await linked.getByText(UPLOAD_NAME).first().waitFor();
  await linked.getByRole('link', { name: 'Unduh' }).first().waitFor();
  await linked.getByRole('link', { name: 'Pratinjau' }).first().waitFor();
  await shot(dewi, 'uploaded');

  // Area II is not hers: read-only, and a click changes nothing.
  await dewi.goto(`${sheet}?item=${OTHER_AREA}`);
  await dewi.getByText('Hanya-baca').first().waitFor();
  await dewi.getByText(/di luar area yang Anda tangani\./).waitFor();
  const chosen = dewi.getByRole('radio', { name: /SOP unit telah mengacu peta proses bisnis dan juga/ });
  const other = dewi.getByRole('radio', {
    name: 'Jika belum terdapat SOP unit yang mengacu peta proses bisnis',
  });
  expect(await chosen.isChecked()).toBe(true);
  await other.click({ force: true });
  await dewi.waitForTimeout(300);
  expect(await other.isChecked()).toBe(false);
  expect(await chosen.isChecked()).toBe(true);
  expect(await dewi.getByRole('textbox', { name: 'Penjelasan' }).isEditable()).toBe(false);
  expect(await dewi.getByRole('button', { name: 'Unggah data dukung' }).count()).toBe(0);
  expect(await itemSaveState(dewi, OTHER_AREA).getAttribute('aria-label')).toBe(
    `Status simpan ${OTHER_AREA}: Tersimpan`,
  );
  await shot(dewi, 'other-area-read-only');

  // ── The lead: the first "Ajukan" is refused, listing what is missing (the coordinator's last item).
  const siti = await open(browser);
  track(siti, 'lead');
  await logIn(siti, sheet, LEAD);
  await siti.getByRole('button', { name: 'Ajukan' }).click();
  await siti.getByRole('dialog').getByRole('button', { name: 'Ajukan', exact: true }).click();
  const gate = siti.getByRole('list', { name: 'Masalah kelengkapan' });
  await gate.waitFor();
  const listed = await gate.getByRole('listitem').allTextContents();
  expect(listed.some((t) => t.startsWith(LAST))).toBe(true);
  expect(listed.some((t) => t.startsWith(`${FIRST} `))).toBe(false);
  await shot(siti, 'gate-refused');

  // The coordinator answers the last item.
  await dewi.goto(`${sheet}?item=${LAST}`);
  await dewi
    .getByRole('radio', {
      name: 'Jika dengan prosedur/mekanisme yang jelas dan mewakili seluruh unsur dalam unit kerja',
    })
    .check();
  await dewi.getByRole('textbox', { name: 'Penjelasan' }).fill('Anggota dipilih lewat rapat seluruh unsur.');
  await dewi.getByRole('textbox', { name: 'Penjelasan' }).blur();
  await dewi.getByRole('status', { name: `Status simpan ${LAST}: Tersimpan` }).waitFor();
  await dewi.getByRole('status', { name: 'Status simpan lembar kerja: Tersimpan' }).waitFor();
  await shot(dewi, 'last-item-answered');

  // The lead, on the page she had open, submits.
  await siti.getByRole('button', { name: 'Ajukan' }).click();
  await siti.getByRole('dialog').getByRole('button', { name: 'Ajukan', exact: true }).click();
  await siti
    .getByText('Penilaian ini sudah diajukan dan menunggu persetujuan pimpinan.', { exact: false })
    .waitFor();
  expect(await siti.getByRole('list', { name: 'Masalah kelengkapan' }).count()).toBe(0);
  expect(await siti.getByRole('button', { name: 'Ajukan' }).count()).toBe(0);
  await shot(siti, 'submitted');

  // ── The leader of Sumenep approves.
  const warits = await open(browser);
  track(warits, 'leader');
  await logIn(warits, sheet, LEADER);
  await warits.getByRole('button', { name: 'Kembalikan' }).waitFor();
  await warits.getByRole('button', { name: 'Setujui' }).click();
  await warits.getByRole('dialog').getByRole('button', { name: 'Setujui', exact: true }).click();
  await warits.getByText('Penilaian ini telah disetujui pimpinan. Lembar kerja hanya-baca.').waitFor();
  expect(await warits.getByRole('button', { name: 'Setujui' }).count()).toBe(0);
  await shot(warits, 'approved');

  // ── Locked: the coordinator's own item no longer moves, on screen or at the API.
  await dewi.goto(`${sheet}?item=${FIRST}`);
  await dewi.getByText('Penilaian ini telah disetujui pimpinan. Lembar kerja hanya-baca.').waitFor();
  const no = dewi.getByRole('radio', { name: 'Tidak', exact: true });
  const yes = dewi.getByRole('radio', { name: 'Ya, jika Tim telah dibentuk di dalam unit kerja.' });
  expect(await no.isDisabled()).toBe(true);
  await no.click({ force: true });
  await dewi.waitForTimeout(300);
  expect(await yes.isChecked()).toBe(true);
  expect(await no.isChecked()).toBe(false);
  expect(await dewi.getByRole('textbox', { name: 'Penjelasan' }).isEditable()).toBe(false);
  expect(await dewi.getByRole('button', { name: 'Unggah data dukung' }).count()).toBe(0);
  await shot(dewi, 'locked');
  const refused = await dewi.evaluate(
    async ({ id, code }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const sheet = (await (await fetch(`/api/assessments/${id}/worksheet`)).json()) as {
        answers: { code: string; version: number }[];
      };
      const version = sheet.answers.find((a) => a.code === code)?.version ?? 0;
      const res = await fetch(`/api/assessments/${id}/answers/${code}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ version, value: 'Tidak', explanation: 'diubah setelah disetujui' }),
      });
      return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
    },
    { id: assessmentId, code: FIRST },
  );
  expect(refused.status).toBe(409);
  expect(refused.body.error?.code).toBe('ASSESSMENT_LOCKED');

  expect(problems).toEqual([]);
  for (const page of [dewi, siti, warits]) await page.context().close();
  console.log(
    `workspace journey (${viewport}): seeded in ${seededIn} ms, whole in ${Date.now() - started} ms`,
  );
};

describe('self-assessment workspace journey', () => {
  it('coordinator answers and uploads, lead submits, leader approves, worksheet locks — on a laptop', () =>
    journey('desktop'));
  it('the same journey on a phone', () => journey('phone'));
});
