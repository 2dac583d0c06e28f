import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimitHits } from '../db/schema.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildApp, type PulauApp } from './app.ts';
import { countHit, dropExpiredRateLimits, rateLimitOf } from './rate-limit.ts';

const LIMIT = 5;
let t: TestApp;
/** A second app process on the same database, as behind a load balancer. */
let other: PulauApp;

beforeAll(async () => {
  t = await createTestApp({ PULAU_SURVEY_RATE_PER_MINUTE: String(LIMIT), PULAU_TRUST_PROXY: '1' });
  other = await buildApp({ db: t.db, config: t.config, now: () => new Date(Date.now()), logger: false });
});
afterAll(async () => {
  await other.close();
  await t.close();
});

let unit = 0;
/** A cheap public route (an unknown unit answers 404), each test on its own unit so windows do not mix. */
const resultsUrl = () => `/api/public/units/NOPE${(unit += 1)}/survey-results`;

describe('rate limits counted in the database', () => {
  it('counts 50 concurrent hits exactly once each', async () => {
    const now = new Date();
    const hits = await Promise.all(
      Array.from({ length: 50 }, () => countHit(t.db, { key: 'burst', now, windowMs: 60_000 })),
    );
    expect(hits.map((h) => h.hits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
  });

  it('keeps one limit across two app processes', async () => {
    const url = resultsUrl();
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 1; i++) {
      const app = i % 2 === 0 ? t.app : other;
      statuses.push((await app.inject({ method: 'GET', url, remoteAddress: '10.3.3.3' })).statusCode);
    }
    expect(statuses).toEqual([...Array(LIMIT).fill(404), 429]);
  });

  it('answers 429 in the error shape with Retry-After, and starts again in the next window', async () => {
    const url = resultsUrl();
    const send = () => t.app.inject({ method: 'GET', url, remoteAddress: '10.4.4.4' });
    for (let i = 0; i < LIMIT; i++) await send();
    const refused = await send();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    t.advance(retryAfter * 1000);
    expect((await send()).statusCode).toBe(404);
  });

  it('behind one trusted proxy, limits the address the proxy saw, whatever the client wrote itself', async () => {
    const url = resultsUrl();
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 1; i++) {
      const res = await t.app.inject({
        method: 'GET',
        url,
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    // Another real client behind the same proxy has its own count.
    const neighbour = await t.app.inject({
      method: 'GET',
      url,
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': '203.0.113.8' },
    });
    expect(neighbour.statusCode).toBe(404);
  });

  it('limits every route that can be abused: login, setup, password change, public, exports', () => {
    const limited = (method: string, url: string) => {
      const spec = t.app.pulauRoutes.find((r) => r.method === method && r.url === url);
      if (!spec) throw new Error(`no route ${method} ${url}`);
      return rateLimitOf(spec, t.config);
    };
    expect(limited('POST', '/api/auth/login')).not.toBeNull();
    expect(limited('POST', '/api/setup')).not.toBeNull();
    expect(limited('POST', '/api/auth/change-password')).not.toBeNull();
    const open = t.app.pulauRoutes.filter(
      (r) => r.access.kind === 'public' && r.url.startsWith('/api/public/'),
    );
    expect(open.length).toBeGreaterThanOrEqual(6);
    for (const spec of open) expect(rateLimitOf(spec, t.config), spec.url).not.toBeNull();
    const exports = t.app.pulauRoutes.filter((r) => /\.(pdf|xlsx|csv)$/.test(r.url));
    expect(exports.length).toBeGreaterThanOrEqual(3);
    for (const spec of exports) {
      expect(rateLimitOf(spec, t.config), spec.url).toEqual({
        max: t.config.exportRatePerMinute,
        timeWindowMs: 60_000,
      });
    }
    expect(limited('GET', '/api/auth/me')).toBeNull();
  });

  it('drops windows that have ended', async () => {
    const now = new Date('2030-01-01T00:00:30Z');
    await countHit(t.db, { key: 'old', now, windowMs: 60_000 });
    await countHit(t.db, { key: 'current', now: new Date('2030-01-01T00:01:10Z'), windowMs: 60_000 });
    await dropExpiredRateLimits(t.db, new Date('2030-01-01T00:01:30Z'));
    const keys = (await t.db.select({ key: rateLimitHits.key }).from(rateLimitHits)).map((r) => r.key);
    expect(keys).toContain('current');
    expect(keys).not.toContain('old');
  });
});
