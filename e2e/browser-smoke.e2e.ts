// Proves the browser harness: Debian chromium starts, loads a page from loopback, takes a click and a tap,
// and writes screenshots at desktop and phone size. It stays as the smoke test of test/support/browser.ts.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newDesktopPage, newPhonePage, screenshot } from '../test/support/browser.ts';

const PAGE = `<!doctype html>
<html lang="id">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Pulau smoke</title>
    <style>
      body { font-family: sans-serif; margin: 2rem; }
      button { font-size: 1.25rem; padding: 0.75rem 1.5rem; }
    </style>
  </head>
  <body>
    <h1>Pulau</h1>
    <p id="status">Belum diklik</p>
    <button id="go" type="button">Klik saya</button>
    <script>
      document.getElementById('go').addEventListener('click', () => {
        document.getElementById('status').textContent = 'Sudah diklik';
      });
    </script>
  </body>
</html>`;

let server: Server;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe('browser harness', () => {
  it('clicks a button on a desktop-sized page', async () => {
    const page = await newDesktopPage(browser);
    await page.goto(baseUrl);
    expect(await page.evaluate(() => [window.innerWidth, window.innerHeight])).toEqual([1366, 800]);
    await expect.poll(() => page.locator('#status').textContent()).toBe('Belum diklik');
    await page.getByRole('button', { name: 'Klik saya' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Sudah diklik');
    const file = await screenshot(page, 'browser-smoke-desktop');
    expect((await stat(file)).size).toBeGreaterThan(1000);
    await page.context().close();
  });

  it('taps a button on a phone-sized page', async () => {
    const page = await newPhonePage(browser);
    await page.goto(baseUrl);
    expect(await page.evaluate(() => [window.innerWidth, window.devicePixelRatio])).toEqual([390, 2]);
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    await page.getByRole('button', { name: 'Klik saya' }).tap();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Sudah diklik');
    const file = await screenshot(page, 'browser-smoke-phone');
    expect((await stat(file)).size).toBeGreaterThan(1000);
    await page.context().close();
  });
});
