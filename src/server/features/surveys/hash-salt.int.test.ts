import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { deploymentSecrets } from '../../db/schema.ts';
import { buildApp, type PulauApp } from '../../http/app.ts';
import { leadingZeroBits } from '../../../core/survey/proof-of-work.ts';
import { openTestDatabase } from '../../../../test/support/test-db.ts';
import { createTestApp, logInAs, seedOrg, type TestApp } from '../../../../test/support/test-app.ts';
import { todayWib } from './campaign-window.ts';
import { hashSalt } from './hash-salt.ts';

let t: TestApp;
/** A second process on another machine: same database, its own data folder. */
let other: PulauApp;
let otherDir: string;
let campaignId: string;

const day = (offset: number) => todayWib(new Date(Date.now() + offset * 86_400_000));
const response = (extra: Record<string, unknown>) => ({
  screening: 'sudah',
  profile: {
    usia: '26_35',
    jenis_kelamin: 'laki_laki',
    pendidikan: 'sma',
    pekerjaan: 'swasta',
    layanan: 'loket_a',
  },
  answers: { diskriminasi: 4, kecurangan: 3, imbalan: 4, percaloan: 4, pungli: 3, diarahkan: 'tidak' },
  durationSeconds: 95,
  ...extra,
});
const submit = (app: PulauApp, body: unknown) =>
  app.inject({
    method: 'POST',
    url: `/api/public/surveys/${campaignId}/responses`,
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    payload: JSON.stringify(body),
  });
const solvedChallenge = async (app: PulauApp) => {
  const c = (
    await app.inject({ method: 'GET', url: `/api/public/surveys/${campaignId}/challenge` })
  ).json() as {
    challenge: string;
    difficulty: number;
  };
  for (let i = 0; ; i++) {
    const digest = createHash('sha256').update(`${c.challenge}:${i}`).digest();
    if (leadingZeroBits(digest) >= c.difficulty) return { challenge: c.challenge, solution: String(i) };
  }
};

beforeAll(async () => {
  t = await createTestApp({ PULAU_SURVEY_RATE_PER_MINUTE: '10000' });
  otherDir = mkdtempSync(join(tmpdir(), 'pulau-other-'));
  const config = loadConfig({
    PULAU_LOG_LEVEL: 'silent',
    PULAU_WEB_DIR: '/nonexistent',
    PULAU_DATA_DIR: otherDir,
    PULAU_SURVEY_RATE_PER_MINUTE: '10000',
  });
  other = await buildApp({ db: t.db, config, now: () => new Date(), logger: false });
  const org = await seedOrg(t.db);
  const lead = await logInAs(t.app, 'lead@sumenep.test');
  const created = await lead.post('/api/surveys/campaigns', {
    unitId: org.sumenep.id,
    kind: 'ipak',
    periodLabel: 'Dua proses',
    services: [{ code: 'loket_a', name: 'Loket A', population: 60 }],
    startsOn: day(-1),
    endsOn: day(1),
    proofOfWork: true,
  });
  expect(created.statusCode, created.body).toBe(201);
  campaignId = created.json().id;
  expect((await lead.post(`/api/surveys/campaigns/${campaignId}/open`, { version: 1 })).statusCode).toBe(200);
});
afterAll(async () => {
  await other.close();
  await t.close();
  rmSync(otherDir, { recursive: true, force: true });
});

describe('one hash salt for the whole deployment', () => {
  it('accepts on one process a challenge issued by another, and knows a device that answered on either', async () => {
    const first = await submit(
      other,
      response({ deviceToken: 'hp-1', proofOfWork: await solvedChallenge(t.app) }),
    );
    expect(first.statusCode, first.body).toBe(201);
    const again = await submit(
      t.app,
      response({ deviceToken: 'hp-1', proofOfWork: await solvedChallenge(other) }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DUPLICATE_DEVICE');
  });

  it('is generated once even when many processes ask at the same moment, and kept in the database', async () => {
    const database = await openTestDatabase();
    const dirs = Array.from({ length: 8 }, () => mkdtempSync(join(tmpdir(), 'pulau-salt-')));
    try {
      // Separate handles on one database stand for separate processes (the salt is cached per handle).
      const salts = await Promise.all(
        dirs.map((dir) =>
          hashSalt({ db: Object.create(database.db) as Db, config: loadConfig({ PULAU_DATA_DIR: dir }) }),
        ),
      );
      expect(new Set(salts).size).toBe(1);
      const rows = await database.db.select().from(deploymentSecrets);
      expect(rows).toEqual([expect.objectContaining({ name: 'hash_salt', value: salts[0] })]);
    } finally {
      await database.close();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  });

  it('adopts the salt an older version kept in the data folder, and PULAU_HASH_SALT overrides both', async () => {
    const database = await openTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'pulau-salt-'));
    try {
      writeFileSync(join(dir, 'survey-hash-salt'), 'a-salt-from-before-the-database\n');
      const config = loadConfig({ PULAU_DATA_DIR: dir });
      expect(await hashSalt({ db: database.db, config })).toBe('a-salt-from-before-the-database');
      const overridden = loadConfig({ PULAU_DATA_DIR: dir, PULAU_HASH_SALT: 'set-by-the-operator-1234' });
      expect(await hashSalt({ db: database.db, config: overridden })).toBe('set-by-the-operator-1234');
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
