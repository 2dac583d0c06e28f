// What a first visit moves over the wire, as Chromium counts it (Network.loadingFinished encodedDataLength:
// headers and compressed bodies): the public survey form on a phone must stay under 90 KB (a citizen on 3G);
// the admin app's login page is reported. Both are written to test-results/transfer-size.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newDesktopPage, newPhonePage } from '../test/support/browser.ts';
import { seedKpuTree, startIsolatedServer } from '../test/support/isolated-server.ts';

const SURVEY_LIMIT_BYTES = 90 * 1024;

let browser: Browser;
const cleanups: (() => Promise<void> | void)[] = [];
const report: Record<string, unknown> = {};

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const clean of cleanups.reverse()) await clean();
  await mkdir('test-results', { recursive: true });
  await writeFile('test-results/transfer-size.json', `${JSON.stringify(report, null, 2)}\n`);
});

/** Counts every response's bytes on the wire until `done` resolves; per URL path, for the report. */
const measure = async (page: Page, visit: () => Promise<void>) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  const encodings = new Map<string, string>();
  const files: Record<string, { bytes: number; encoding: string }> = {};
  cdp.on('Network.responseReceived', (e) => {
    urls.set(e.requestId, new URL(e.response.url).pathname);
    const headers = Object.fromEntries(
      Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]),
    );
    encodings.set(e.requestId, String(headers['content-encoding'] ?? 'identity'));
  });
  cdp.on('Network.loadingFinished', (e) => {
    const path = urls.get(e.requestId) ?? e.requestId;
    files[path] = { bytes: e.encodedDataLength, encoding: encodings.get(e.requestId) ?? '?' };
  });
  await visit();
  const total = Object.values(files).reduce((s, f) => s + f.bytes, 0);
  return { total, files };
};

describe('transfer size of a first visit', () => {
  it('the public survey form on a phone stays under 90 KB; the admin login page is reported', async () => {
    const server = await startIsolatedServer('e2e-transfer', cleanups);
    const { req, sumenep } = await seedKpuTree(server.url, 'rahasia-panjang-1');
    const dayWib = (offset: number) =>
      new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    const campaign = await req<{ id: string; version: number }>('POST', '/api/surveys/campaigns', {
      unitId: sumenep.id,
      kind: 'skm',
      periodLabel: 'SKM Tahun 2026',
      services: [{ code: 'loket', name: 'Loket Pendaftaran', population: 100 }],
      samplingMethod: 'krejcie-morgan',
      startsOn: dayWib(-1),
      endsOn: dayWib(30),
    });
    await req('POST', `/api/surveys/campaigns/${campaign.id}/open`, { version: campaign.version });

    const phone = await newPhonePage(browser);
    const survey = await measure(phone, async () => {
      await phone.goto(`${server.url}/s/${campaign.id}`, { waitUntil: 'networkidle' });
      await phone.getByRole('heading', { level: 1 }).waitFor();
    });
    const desk = await newDesktopPage(browser);
    const admin = await measure(desk, async () => {
      await desk.goto(`${server.url}/`, { waitUntil: 'networkidle' });
      await desk.waitForURL('**/login**');
    });
    Object.assign(report, {
      survey_page: { limit_bytes: SURVEY_LIMIT_BYTES, ...survey },
      admin_login_page: admin,
    });
    console.log(
      `transfer size: survey form ${(survey.total / 1024).toFixed(1)} KB, admin login ${(admin.total / 1024).toFixed(1)} KB`,
    );
    // Every script and style came compressed (the build writes .br and .gz; the browser accepts both).
    for (const [path, file] of Object.entries(survey.files))
      if (/\.(js|css)$/.test(path)) expect(file.encoding, path).toBe('br');
    expect(survey.total).toBeLessThan(SURVEY_LIMIT_BYTES);
  });
});
