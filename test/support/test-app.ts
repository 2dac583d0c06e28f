import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/server/config.ts';
import type { Database, Db } from '../../src/server/db/client.ts';
import { roleGrants, users } from '../../src/server/db/schema.ts';
import { buildApp, type PulauApp } from '../../src/server/http/app.ts';
import { hashPassword } from '../../src/server/features/auth/passwords.ts';
import { createUnit } from '../../src/server/features/units/create-unit.ts';
import type { UnitRow } from '../../src/server/features/units/repo.ts';
import type { AreaNumber, Role } from '../../src/core/org/roles.ts';
import type { UnitType } from '../../src/contracts/units.ts';
import { openTestDatabase } from './test-db.ts';

export type TestApp = {
  app: PulauApp;
  db: Db;
  database: Database;
  config: Config;
  /** Moves the app's clock forward. */
  advance(ms: number): void;
  close(): Promise<void>;
};

export const TEST_PASSWORD = 'kata-sandi-uji-123';

export const createTestApp = async (env: Record<string, string> = {}): Promise<TestApp> => {
  const database = await openTestDatabase();
  // Evidence bytes and upload staging go to a folder of the test's own, never the developer's ./data.
  const dataDir = mkdtempSync(join(tmpdir(), 'pulau-test-'));
  const config = loadConfig({
    PULAU_LOG_LEVEL: 'silent',
    PULAU_WEB_DIR: '/nonexistent',
    PULAU_DATA_DIR: dataDir,
    ...env,
  });
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const app = await buildApp({ db: database.db, config, now, logger: false });
  return {
    app,
    db: database.db,
    database,
    config,
    advance: (ms) => {
      offset += ms;
    },
    close: async () => {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** A logged-in client: cookie and CSRF header on every request. */
export type Client = {
  cookie: string;
  csrfToken: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
};

export const clientFor = (app: PulauApp, cookie: string, csrfToken: string): Client => {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  return {
    cookie,
    csrfToken,
    get: (url) => send('GET', url),
    post: (url, body) => send('POST', url, body ?? {}),
    patch: (url, body) => send('PATCH', url, body ?? {}),
    delete: (url) => send('DELETE', url),
  };
};

export const logInAs = async (app: PulauApp, email: string, password = TEST_PASSWORD): Promise<Client> => {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'pulau_session');
  if (!cookie) throw new Error('no session cookie');
  return clientFor(app, `pulau_session=${cookie.value}`, (res.json() as { csrfToken: string }).csrfToken);
};

const system = { id: null, label: 'test', ip: null };

export const seedUnit = (
  db: Db,
  parent: UnitRow | null,
  code: string,
  name = code,
  type: UnitType = parent ? 'kabupaten_kota' : 'instansi',
): Promise<UnitRow> =>
  db.transaction((tx) =>
    createUnit(tx, {
      input: {
        parentId: parent?.id ?? null,
        code,
        name,
        type,
        region: null,
        isPublicService: true,
        afirmasi: false,
      },
      actor: system,
      now: new Date(),
    }),
  );

let cachedHash: Promise<string> | null = null;

export const seedUser = async (
  db: Db,
  options: {
    email: string;
    homeUnit?: UnitRow | null;
    isSystemAdmin?: boolean;
    grants?: Array<{ role: Role; unit: UnitRow; area?: AreaNumber }>;
  },
) => {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const id = randomUUID();
  await db.insert(users).values({
    id,
    email: options.email,
    name: options.email.split('@')[0] ?? options.email,
    passwordHash: await cachedHash,
    homeUnitId: options.homeUnit?.id ?? null,
    isSystemAdmin: options.isSystemAdmin ?? false,
  });
  for (const grant of options.grants ?? []) {
    await db.insert(roleGrants).values({
      id: randomUUID(),
      userId: id,
      unitId: grant.unit.id,
      role: grant.role,
      area: grant.area ?? null,
    });
  }
  return id;
};

/**
 * The demo hierarchy in small: KPU RI → KPU Provinsi Jawa Timur → KPU Kabupaten Sumenep, and Bawaslu RI as a
 * foreign agency, with one user per role on Sumenep (agency admin on KPU RI) and their twins on Bawaslu.
 */
export const seedOrg = async (db: Db) => {
  const kpu = await seedUnit(db, null, 'KPU', 'KPU RI');
  const jatim = await seedUnit(db, kpu, 'KPU-JATIM', 'KPU Provinsi Jawa Timur', 'provinsi');
  const sumenep = await seedUnit(db, jatim, 'KPU-SUMENEP', 'KPU Kabupaten Sumenep', 'kabupaten_kota');
  const bawaslu = await seedUnit(db, null, 'BAWASLU', 'Bawaslu RI');
  const banten = await seedUnit(db, bawaslu, 'BAWASLU-BANTEN', 'Bawaslu Provinsi Banten', 'provinsi');
  await seedUser(db, { email: 'admin@pulau.test', isSystemAdmin: true, homeUnit: kpu });
  await seedUser(db, {
    email: 'agency@kpu.test',
    homeUnit: kpu,
    grants: [{ role: 'agency_admin', unit: kpu }],
  });
  await seedUser(db, {
    email: 'agency@bawaslu.test',
    homeUnit: bawaslu,
    grants: [{ role: 'agency_admin', unit: bawaslu }],
  });
  await seedUser(db, {
    email: 'lead@sumenep.test',
    homeUnit: sumenep,
    grants: [{ role: 'zi_team_lead', unit: sumenep }],
  });
  await seedUser(db, {
    email: 'member@sumenep.test',
    homeUnit: sumenep,
    grants: [{ role: 'team_member', unit: sumenep }],
  });
  await seedUser(db, {
    email: 'leader@jatim.test',
    homeUnit: jatim,
    grants: [{ role: 'leader', unit: jatim }],
  });
  return { kpu, jatim, sumenep, bawaslu, banten };
};
