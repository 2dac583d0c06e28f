import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const body = {
  agency: { code: 'KPU', name: 'Komisi Pemilihan Umum RI' },
  admin: { name: 'Admin Pulau', email: 'Admin@KPU.go.id', password: 'rahasia-sekali-123' },
};

describe('first-run setup', () => {
  it('reports that setup is needed on an empty database', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/setup/status' })).json()).toEqual({
      needsSetup: true,
    });
  });

  it('refuses a weak password with the field named', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...body, admin: { ...body.admin, password: 'short' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'body.admin.password', message: 'PASSWORD_TOO_SHORT' },
    ]);
  });

  it('creates the agency and the system administrator, logged in, audited', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/setup', payload: body });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ email: 'admin@kpu.go.id', isSystemAdmin: true });
    const cookie = res.cookies.find((c) => c.name === 'pulau_session');
    const units = await t.app.inject({
      method: 'GET',
      url: '/api/units',
      headers: { cookie: `pulau_session=${cookie?.value}` },
    });
    expect(units.json().units).toEqual([
      expect.objectContaining({ code: 'KPU', type: 'instansi', depth: 0 }),
    ]);
    expect((await t.app.inject({ method: 'GET', url: '/api/setup/status' })).json()).toEqual({
      needsSetup: false,
    });
  });

  it('refuses a second setup with 409', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...body, agency: { code: 'OTHER', name: 'x' } },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('SETUP_DONE');
  });
});

describe('the HTTP edge', () => {
  it('answers health with the database reachable', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({
      status: 'ok',
      files: 'single-node',
    });
  });

  it('serves OpenAPI and the docs page', async () => {
    const spec = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(spec.json().paths['/api/units']).toBeDefined();
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('answers unknown API paths with the error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it('answers 413 for an oversized body and 400 for broken JSON', async () => {
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.id', password: 'x'.repeat(t.config.bodyLimit) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('INVALID_JSON');
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
