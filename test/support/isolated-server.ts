import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { spawnServer, type SpawnedServer } from './spawn-server.ts';

/** What a test file undoes at the end, newest first. */
export type Cleanups = (() => Promise<void> | void)[];

/**
 * A `pulau serve` of its own on a fresh temp data dir, and on a fresh database of its own when the suite runs
 * on PostgreSQL (DATABASE_URL); everything it made is registered in `cleanups`.
 */
export const startIsolatedServer = async (prefix: string, cleanups: Cleanups): Promise<SpawnedServer> => {
  const dataDir = mkdtempSync(join(tmpdir(), `pulau-${prefix}-`));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const env: Record<string, string> = { PULAU_DATA_DIR: dataDir };
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `pulau_${prefix.replace(/\W/g, '_')}_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    cleanups.push(async () => {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    });
    const u = new URL(url);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
  }
  const server = await spawnServer(env);
  cleanups.push(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
  });
  return server;
};

export type HttpSession = { cookie: string; csrfToken: string };

/** JSON over HTTP with a session's cookie and CSRF header; throws on anything but 2xx. */
export const callJson = async <T>(
  base: string,
  session: HttpSession | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
};

/**
 * The first-run setup over HTTP (agency KPU, the system administrator) and KPU Provinsi Jawa Timur → KPU
 * Kabupaten Sumenep below it, both public-service units; returns the admin's session and a JSON caller for it.
 */
export const seedKpuTree = async (base: string, password: string) => {
  const setup = await fetch(`${base}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      agency: { code: 'KPU', name: 'Komisi Pemilihan Umum Republik Indonesia' },
      admin: { name: 'Administrator Sistem', email: 'admin@kpu.go.id', password },
    }),
  });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${await setup.text()}`);
  const admin: HttpSession = {
    cookie: (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    csrfToken: ((await setup.json()) as { csrfToken: string }).csrfToken,
  };
  const req = <T>(method: string, path: string, body?: unknown) =>
    callJson<T>(base, admin, method, path, body);
  const agency = (await req<{ units: { id: string }[] }>('GET', '/api/units')).units[0];
  if (!agency) throw new Error('no agency after setup');
  const unit = (parentId: string, code: string, name: string, type: string) =>
    req<{ id: string }>('POST', '/api/units', { parentId, code, name, type, isPublicService: true });
  const jatim = await unit(agency.id, 'KPU-JATIM', 'KPU Provinsi Jawa Timur', 'provinsi');
  const sumenep = await unit(jatim.id, 'KPU-SUMENEP', 'KPU Kabupaten Sumenep', 'kabupaten_kota');
  return { admin, req, agency, jatim, sumenep };
};
