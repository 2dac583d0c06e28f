import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { cacheControlOf } from './app.ts';

/** The built web UI as served: pre-compressed variants by Accept-Encoding, a year for hashed files, pages revalidated. */
let t: TestApp;
let webDir: string;
const JS = `console.log(${JSON.stringify('Pulau '.repeat(200))});\n`;
const HTML = `<!doctype html><html><head><script type="module" src="/assets/main-Ab12Cd34.js"></script></head></html>\n`;

beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'pulau-web-'));
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), HTML);
  writeFileSync(join(webDir, 'index.html.br'), brotliCompressSync(HTML));
  writeFileSync(join(webDir, 'assets', 'main-Ab12Cd34.js'), JS);
  writeFileSync(join(webDir, 'assets', 'main-Ab12Cd34.js.br'), brotliCompressSync(JS));
  writeFileSync(join(webDir, 'assets', 'main-Ab12Cd34.js.gz'), gzipSync(JS));
  t = await createTestApp({ PULAU_WEB_DIR: webDir });
});
afterAll(async () => {
  await t?.close();
  rmSync(webDir, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('static files', () => {
  it('a hashed asset: brotli when accepted, else gzip, else as is; cached for a year, immutable', async () => {
    const br = await get('/assets/main-Ab12Cd34.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.equals(brotliCompressSync(JS))).toBe(true);
    expect(br.headers['content-type']).toMatch(/javascript/);
    const gz = await get('/assets/main-Ab12Cd34.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await get('/assets/main-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(JS);
    for (const res of [br, gz, plain]) {
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    }
  });

  it('the page (and every deep link to it) is revalidated each time: no-cache', async () => {
    for (const url of ['/', '/index.html', '/assessments/123/worksheet']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const page = await get('/index.html', 'br');
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
  });

  it('only files under assets/ of the web folder count as content-hashed', () => {
    expect(cacheControlOf('assets/main-Ab12Cd34.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlOf('index.html')).toBe('no-cache');
    expect(cacheControlOf('survey.html')).toBe('no-cache');
    expect(cacheControlOf('favicon.ico')).toBe('no-cache');
  });
});
