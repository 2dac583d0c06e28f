import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { createDiskBlobStore } from '../storage/disk-blob-store.ts';
import {
  createTestApp,
  logInAs,
  seedOrg,
  type Client,
  type TestApp,
} from '../../../test/support/test-app.ts';
import { buildApp, type PulauApp } from './app.ts';
import { registerErrorHandling } from './error-handler.ts';

let t: TestApp;
let member: Client;

beforeAll(async () => {
  t = await createTestApp({ PULAU_SURVEY_RATE_PER_MINUTE: '10000' });
  await seedOrg(t.db);
  member = await logInAs(t.app, 'member@sumenep.test');
});
afterAll(() => t.close());

const expectShape = (body: string, code: string) => {
  const parsed = JSON.parse(body) as { error: { code: string; message: string } };
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(parsed.error.code).toBe(code);
  expect(typeof parsed.error.message).toBe('string');
};

describe('text no route can store', () => {
  it('refuses NUL in a path parameter, a query string and a JSON body with 400 INVALID_TEXT', async () => {
    const inPath = await t.app.inject({ method: 'GET', url: '/api/public/units/%00/survey-results' });
    expect(inPath.statusCode).toBe(400);
    expectShape(inPath.body, 'INVALID_TEXT');
    const inQuery = await member.get('/api/auth/me?x=a%00b');
    expect(inQuery.statusCode).toBe(400);
    expectShape(inQuery.body, 'INVALID_TEXT');
    const inBody = await member.patch('/api/auth/me', { name: 'Budi\u0000' });
    expect(inBody.statusCode).toBe(400);
    expect(inBody.json().error).toMatchObject({ code: 'INVALID_TEXT', details: [{ path: 'body.name' }] });
  });

  it('refuses a lone surrogate, and keeps well-formed text beyond the BMP', async () => {
    const lone = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: {
        cookie: member.cookie,
        'x-csrf-token': member.csrfToken,
        'content-type': 'application/json',
      },
      payload: '{"name":"Budi \\ud800"}',
    });
    expect(lone.statusCode).toBe(400);
    expectShape(lone.body, 'INVALID_TEXT');
    const emoji = await member.patch('/api/auth/me', { name: 'Budi 🌴' });
    expect(emoji.statusCode).toBe(200);
  });
});

describe('router errors in Pulau’s shape', () => {
  it('a malformed percent-encoding is 400 BAD_URL', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/units/%E0%A4%A/survey-results' });
    expect(res.statusCode).toBe(400);
    expectShape(res.body, 'BAD_URL');
  });

  it('a path parameter over the router’s length limit is 414 URI_TOO_LONG, an unknown route 404 NOT_FOUND', async () => {
    const long = await t.app.inject({
      method: 'GET',
      url: `/api/public/units/${'A'.repeat(150)}/survey-results`,
    });
    expect(long.statusCode).toBe(414);
    expectShape(long.body, 'URI_TOO_LONG');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/no-such-thing' });
    expect(unknown.statusCode).toBe(404);
    expectShape(unknown.body, 'NOT_FOUND');
  });
});

describe('a missing blob', () => {
  it('is 410 BLOB_MISSING, not a 500 and not dressed as a download', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulau-blobs-'));
    const store = createDiskBlobStore(dir);
    const app = Fastify();
    registerErrorHandling(app);
    app.get('/file', async (_req, reply) => {
      reply.header('content-disposition', 'attachment; filename="x.pdf"');
      return reply.send(await store.createReadStream('a'.repeat(64)));
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/file' });
      expect(res.statusCode).toBe(410);
      expectShape(res.body, 'BLOB_MISSING');
      expect(res.headers['content-disposition']).toBeUndefined();
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the database out of reach', () => {
  let down: Database;
  let app: PulauApp;
  const dir = mkdtempSync(join(tmpdir(), 'pulau-down-'));

  beforeAll(async () => {
    // Port 9 on loopback: nothing listens, so every connection is refused at once.
    down = await openDatabase({
      kind: 'postgres',
      url: 'postgres://pulau@127.0.0.1:9/pulau',
      migrate: false,
    });
    const config = loadConfig({
      PULAU_LOG_LEVEL: 'silent',
      PULAU_WEB_DIR: '/nonexistent',
      PULAU_DATA_DIR: dir,
    });
    app = await buildApp({ db: down.db, config, now: () => new Date(), logger: false });
  });
  afterAll(async () => {
    await app.close();
    await down.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After on every kind of route', async () => {
    const requests = [
      { method: 'GET' as const, url: '/api/auth/me', headers: { cookie: 'pulau_session=abc' } },
      { method: 'POST' as const, url: '/api/auth/login', payload: { email: 'a@b.test', password: 'x' } },
      { method: 'GET' as const, url: '/api/public/units/KPU/survey-results' },
      { method: 'GET' as const, url: '/api/setup/status' },
    ];
    for (const request of requests) {
      const res = await app.inject(request);
      expect(res.statusCode, request.url).toBe(503);
      expectShape(res.body, 'DATABASE_UNAVAILABLE');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
  });
});
