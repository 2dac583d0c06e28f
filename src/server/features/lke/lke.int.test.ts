import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLkeTemplate } from '../../../core/lke/parse-lke-template.ts';
import {
  createTestApp,
  logInAs,
  seedOrg,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';

let t: TestApp;
let member: Client;

beforeAll(async () => {
  t = await createTestApp();
  await seedOrg(t.db);
  member = await logInAs(t.app, 'member@sumenep.test');
});
afterAll(() => t.close());

describe('GET /api/lke/templates/:id', () => {
  it('401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/lke/templates/permenpanrb-90-2021' });
    expect(res.statusCode).toBe(401);
  });

  it('404 TEMPLATE_UNKNOWN for a template that is not installed, 400 for a malformed id', async () => {
    const res = await member.get('/api/lke/templates/permenpanrb-99-2099');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('TEMPLATE_UNKNOWN');
    expect((await member.get('/api/lke/templates/..%2Fetc')).statusCode).toBe(400);
  });

  it('404 TEMPLATE_VERSION_UNKNOWN when the URL names a version that is not installed', async () => {
    const res = await member.get('/api/lke/templates/permenpanrb-90-2021?version=9.9.9');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('TEMPLATE_VERSION_UNKNOWN');
  });

  it('gives the template document that the browser parses with the same core, with cache headers', async () => {
    const res = await member.get('/api/lke/templates/permenpanrb-90-2021');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, max-age=86400');
    expect(res.headers.etag).toBe('"permenpanrb-90-2021@1.0.0"');
    const parsed = parseLkeTemplate(res.json());
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.items).toHaveLength(113);

    const pinned = await member.get('/api/lke/templates/permenpanrb-90-2021?version=1.0.0');
    expect(pinned.headers['cache-control']).toContain('immutable');
  });

  it('304 when the browser already holds this version', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/lke/templates/permenpanrb-90-2021',
      headers: { cookie: member.cookie, 'if-none-match': '"permenpanrb-90-2021@1.0.0"' },
    });
    expect(res.statusCode).toBe(304);
    expect(res.body).toBe('');
  });
});
