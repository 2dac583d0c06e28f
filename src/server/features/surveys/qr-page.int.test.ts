import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import {
  createTestApp,
  logInAs,
  seedOrg,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';
import { todayWib } from './campaign-window.ts';
import { SURVEY_PAGE_CSP } from './page-route.ts';
import { publicOrigin, surveyLink } from './public-link.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let lead: Client;
let member: Client;
let foreignAdmin: Client;
let campaignId: string;
const webDir = mkdtempSync(join(tmpdir(), 'pulau-web-'));
const day = (offset: number) => todayWib(new Date(Date.now() + offset * 86_400_000));

beforeAll(async () => {
  // A stand-in build: the admin app references Mantine, the survey page does not.
  writeFileSync(
    join(webDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/main.js"></script>' +
      '<link rel="modulepreload" href="/assets/mantine-core.js"></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(
    join(webDir, 'survey.html'),
    '<!doctype html><html lang="id"><head><script type="module" src="/assets/survey.js"></script></head>' +
      '<body><div id="root"></div></body></html>',
  );
  t = await createTestApp({ PULAU_WEB_DIR: webDir, PULAU_LOGIN_RATE_PER_MINUTE: '1000' });
  org = await seedOrg(t.db);
  lead = await logInAs(t.app, 'lead@sumenep.test');
  member = await logInAs(t.app, 'member@sumenep.test');
  foreignAdmin = await logInAs(t.app, 'agency@bawaslu.test');
  const res = await lead.post('/api/surveys/campaigns', {
    unitId: org.sumenep.id,
    kind: 'skm',
    periodLabel: 'Triwulan QR',
    services: [
      { code: 'loket_a', name: 'Loket A', population: 60 },
      { code: 'loket_b', name: 'Loket B', population: 40 },
    ],
    startsOn: day(-1),
    endsOn: day(1),
  });
  expect(res.statusCode, res.body).toBe(201);
  campaignId = (res.json() as { id: string }).id;
});
afterAll(async () => {
  await t.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe('QR codes per service counter', () => {
  it('encode exactly the public link of the counter, from the request Host (SVG = the library’s own output)', async () => {
    const res = await member.get(`/api/surveys/campaigns/${campaignId}/qr.svg?service=loket_b`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const link = `http://localhost:80/s/${campaignId}?layanan=loket_b`;
    expect(res.body).toBe(await QRCode.toString(link, { type: 'svg' }));
  });

  it('follow the Host header the request came with', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/surveys/campaigns/${campaignId}/qr.svg?service=loket_a`,
      headers: { cookie: lead.cookie, host: 'zi.sumenep.go.id' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toBe(
      await QRCode.toString(`http://zi.sumenep.go.id/s/${campaignId}?layanan=loket_a`, { type: 'svg' }),
    );
  });

  it('as PNG too', async () => {
    const res = await lead.get(`/api/surveys/campaigns/${campaignId}/qr.png?service=loket_a`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
  });

  it('are staff only: 403 on a foreign unit, 401 without a session, 400 for a service the campaign lacks', async () => {
    expect(
      (await foreignAdmin.get(`/api/surveys/campaigns/${campaignId}/qr.svg?service=loket_a`)).statusCode,
    ).toBe(403);
    expect(
      (await foreignAdmin.get(`/api/surveys/campaigns/${campaignId}/qr.png?service=loket_a`)).statusCode,
    ).toBe(403);
    const anonymous = await t.app.inject({
      method: 'GET',
      url: `/api/surveys/campaigns/${campaignId}/qr.svg?service=loket_a`,
    });
    expect(anonymous.statusCode).toBe(401);
    const unknown = await lead.get(`/api/surveys/campaigns/${campaignId}/qr.svg?service=loket_z`);
    expect(unknown.statusCode).toBe(400);
    expect((unknown.json() as { error: { code: string } }).error.code).toBe('SERVICE_UNKNOWN');
  });

  it('take the origin from PULAU_PUBLIC_URL when it is set', () => {
    const config = loadConfig({ PULAU_PUBLIC_URL: 'https://zi.example.go.id/' });
    expect(config.survey.publicUrl).toBe('https://zi.example.go.id');
    const req = { protocol: 'http', host: 'internal:3000' } as Parameters<typeof publicOrigin>[1];
    expect(surveyLink(publicOrigin(config, req), 'abc', 'loket_a')).toBe(
      'https://zi.example.go.id/s/abc?layanan=loket_a',
    );
    expect(publicOrigin(loadConfig({}), req)).toBe('http://internal:3000');
  });
});

describe('GET /s/:campaignId', () => {
  it('serves the survey page, not the admin app, publicly and under a strict CSP', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/s/${campaignId}?layanan=loket_a&kiosk=1` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('/assets/survey.js');
    expect(res.body).not.toMatch(/mantine|main\.js/);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toBe(SURVEY_PAGE_CSP);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("script-src 'self'");
  });

  it('leaves the admin app’s SPA fallback as it was', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assessments/123' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('mantine-core');
    expect((await t.app.inject({ method: 'GET', url: '/api/nope' })).statusCode).toBe(404);
  });

  // The real build (npx vite build): the survey page and everything it loads, with no Mantine, under 80 kB.
  const built = resolve('dist/web/survey.html');
  it.skipIf(!existsSync(built))(
    'the built survey page loads no Mantine and stays under 80 kB gzipped',
    () => {
      const dir = resolve('dist/web');
      const html = readFileSync(built, 'utf8');
      const seen = new Set<string>();
      const queue = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1] as string);
      while (queue.length > 0) {
        const file = queue.pop() as string;
        if (seen.has(file)) continue;
        seen.add(file);
        if (!file.endsWith('.js')) continue;
        const code = readFileSync(join(dir, file), 'utf8');
        for (const m of code.matchAll(/from\s*"\.\/([^"]+\.js)"|import\s*"\.\/([^"]+\.js)"/g))
          queue.push(`assets/${m[1] ?? m[2]}`);
      }
      const files = [...seen];
      expect(files.some((f) => /mantine/i.test(f))).toBe(false);
      expect(files.some((f) => /survey-.*\.js$/.test(f))).toBe(true);
      const gzipped = [built, ...files.map((f) => join(dir, f))].reduce(
        (sum, f) => sum + gzipSync(readFileSync(f)).length,
        0,
      );
      expect(gzipped).toBeLessThan(80 * 1024);
    },
  );
});
