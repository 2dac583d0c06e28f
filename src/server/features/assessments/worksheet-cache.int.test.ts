import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, Worksheet } from '../../../contracts/assessments.ts';
import type { Actor } from '../../../core/org/can.ts';
import { openDatabase, type Database, type Db } from '../../db/client.ts';
import { buildApp, type PulauApp } from '../../http/app.ts';
import { activeGrantsForActor, findUserByEmail } from '../auth/repo.ts';
import { linkEvidence, put } from '../../../../test/support/lke-answers.ts';
import {
  clientFor,
  createTestApp,
  logInAs,
  seedOrg,
  TEST_PASSWORD,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';
import { testEngine } from '../../../../test/support/test-db.ts';
import { getWorksheet } from './get-worksheet.ts';
import { findAssessmentContext } from './repo.ts';
import { readWorksheetVersion } from './worksheet-version-repo.ts';

/**
 * The worksheet reply is cached per process by (assessment, version read from the database). Each test warms
 * the cache of both apps, writes, then reads through both caches and compares with an uncached read of the
 * database: a stale reply would differ. The second app shares the database (on PostgreSQL through a pool of
 * its own, like a second process) but not the cache.
 */
let t: TestApp;
let lead: Client;
let leadActor: Actor;
let assessment: Assessment;
let evidenceId: string;
let other: { app: PulauApp; lead: Client; close: () => Promise<void> };

const url = (path = '') => `/api/assessments/${assessment.id}${path}`;

const exec = (query: SQL) => t.db.execute(query);

const uncached = async (): Promise<Worksheet> => {
  const context = await findAssessmentContext(t.db, assessment.id);
  if (!context) throw new Error('no assessment');
  return getWorksheet(t.db, { context, who: leadActor });
};

const read = async (client: Client) => {
  const res = await client.get(url('/worksheet'));
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return { sheet: JSON.parse(res.body) as Worksheet, etag: String(res.headers.etag) };
};

const ifNoneMatch = (client: Client, tag: string) =>
  (client === lead ? t.app : other.app).inject({
    method: 'GET',
    url: url('/worksheet'),
    headers: { cookie: client.cookie, 'if-none-match': tag },
  });

/** Warms both caches, writes, and proves both apps serve what the database now holds, with a new ETag. */
const afterWrite = async (write: () => Promise<unknown>) => {
  const before = await read(lead);
  await read(other.lead);
  const versionBefore = await readWorksheetVersion(t.db, assessment.id);
  await write();
  const expected = await uncached();
  expect(expected).not.toEqual(before.sheet);
  for (const client of [lead, other.lead]) {
    const after = await read(client);
    expect(after.sheet).toEqual(expected);
    expect(after.etag).not.toBe(before.etag);
    expect((await ifNoneMatch(client, before.etag)).statusCode).toBe(200);
    expect((await ifNoneMatch(client, after.etag)).statusCode).toBe(304);
  }
  return { versionBefore, versionAfter: await readWorksheetVersion(t.db, assessment.id) };
};

const secondApp = async (): Promise<typeof other> => {
  let database: Database | null = null;
  let db: Db = t.db;
  if (testEngine() === 'postgres') {
    const result = (await exec(sql`SELECT current_database() AS name`)) as unknown as {
      rows: { name: string }[];
    };
    const u = new URL(process.env.DATABASE_URL ?? '');
    u.pathname = `/${result.rows[0]?.name ?? ''}`;
    database = await openDatabase({ kind: 'postgres', url: u.toString(), migrate: false, poolSize: 2 });
    db = database.db;
  }
  const app = await buildApp({ db, config: t.config, now: () => new Date(), logger: false });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'lead@sumenep.test', password: TEST_PASSWORD },
  });
  const cookie = login.cookies.find((c) => c.name === 'pulau_session')?.value ?? '';
  return {
    app,
    lead: clientFor(app, `pulau_session=${cookie}`, (login.json() as { csrfToken: string }).csrfToken),
    close: async () => {
      await app.close();
      await database?.close();
    },
  };
};

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '1000' });
  const org = await seedOrg(t.db);
  const agencyAdmin = await logInAs(t.app, 'agency@kpu.test');
  lead = await logInAs(t.app, 'lead@sumenep.test');
  const user = await findUserByEmail(t.db, 'lead@sumenep.test');
  if (!user) throw new Error('no lead');
  leadActor = { userId: user.id, isSystemAdmin: false, grants: await activeGrantsForActor(t.db, user.id) };
  const period = await agencyAdmin.post('/api/periods', {
    agencyId: org.kpu.id,
    year: 2024,
    name: 'ZI 2024',
    fillFrom: '2024-01-06',
    fillUntil: '2024-03-31',
  });
  const created = await lead.post('/api/assessments', {
    periodId: (period.json() as { id: string }).id,
    unitId: org.sumenep.id,
    target: 'WBK',
  });
  assessment = created.json() as Assessment;
  evidenceId = await linkEvidence(t.db, { unitId: org.sumenep.id, assessmentId: assessment.id, codes: [] });
  other = await secondApp();
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

describe(`worksheet cache: no stale reply after a write (${testEngine()}, two apps on one database)`, () => {
  it('the first reply is the uncached one, and an unchanged worksheet is served again under the same ETag', async () => {
    const first = await read(lead);
    expect(first.sheet).toEqual(await uncached());
    const second = await read(lead);
    expect(second.etag).toBe(first.etag);
    expect(second.sheet).toEqual(first.sheet);
  });

  it('If-None-Match with the current ETag gives 304 and no body; with an older one, the full reply', async () => {
    const { etag } = await read(lead);
    const conditional = (tag: string) => ifNoneMatch(lead, tag);
    const same = await conditional(etag);
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    expect(same.headers.etag).toBe(etag);
    expect((await conditional(`"x", ${etag}`)).statusCode).toBe(304);
    expect((await conditional(etag.replace(/^W\//, ''))).statusCode).toBe(304);
    expect((await conditional('W/"0-stale"')).statusCode).toBe(200);
    expect(same.headers['cache-control']).toBe('private, no-cache');
  });

  it('saving an answer (a new one, then a changed one)', async () => {
    await afterWrite(() => put(t.app, lead, url('/answers/P1.i.a'), { version: 0, value: 'Ya' }));
    await afterWrite(() =>
      put(t.app, other.lead, url('/answers/P1.i.a'), { version: 1, value: 'Tidak', explanation: 'Belum' }),
    );
  });

  it('a comment on an item', async () => {
    await afterWrite(() => other.lead.post(url('/items/P1.i.a/comments'), { body: 'Mohon dilengkapi.' }));
  });

  it('linking and unlinking evidence', async () => {
    await afterWrite(() => lead.post(url('/items/P1.i.a/evidence'), { evidenceId }));
    await afterWrite(() => other.lead.delete(url(`/items/P1.i.a/evidence/${evidenceId}`)));
    await afterWrite(() => lead.post(url('/items/P1.i.b/evidence'), { evidenceId, checklistIndex: 0 }));
  });

  it('renaming linked evidence, and its file changing (a new current version, its metadata)', async () => {
    await afterWrite(() =>
      lead.patch(`/api/evidence/${evidenceId}`, { version: 1, title: 'SK Tim ZI 2024' }),
    );
    await afterWrite(() =>
      exec(
        sql`UPDATE evidence_versions SET filename = 'sk-tim-revisi.pdf' WHERE evidence_id = ${evidenceId}`,
      ),
    );
    await afterWrite(() => exec(sql`UPDATE evidence SET current_version_id = NULL WHERE id = ${evidenceId}`));
  });

  it('an evaluator returning an item, the team answering it again, the recheck', async () => {
    await afterWrite(() =>
      exec(sql`INSERT INTO item_reviews (assessment_id, code, status, return_note, revisions)
               VALUES (${assessment.id}, 'P1.i.a', 'returned', 'Lengkapi SK', 1)`),
    );
    await afterWrite(() =>
      exec(sql`UPDATE item_reviews SET status = 'awaiting_recheck' WHERE assessment_id = ${assessment.id}`),
    );
    await afterWrite(() =>
      exec(sql`UPDATE item_reviews SET status = 'open' WHERE assessment_id = ${assessment.id}`),
    );
  });

  it('a review level’s answers and any other raw write to the tables the worksheet reads', async () => {
    // Answers of another level are not shown, but bump the version anyway: harmless, and never stale.
    const { versionBefore, versionAfter } = await afterWrite(() =>
      exec(sql`UPDATE answers SET explanation = 'diubah langsung' WHERE assessment_id = ${assessment.id}`),
    );
    expect(versionAfter).not.toBe(versionBefore);
    await afterWrite(() => exec(sql`DELETE FROM item_comments WHERE assessment_id = ${assessment.id}`));
    await afterWrite(() => exec(sql`DELETE FROM answers WHERE assessment_id = ${assessment.id}`));
  });

  it('the assessment’s status (not cached: read with the permission check) changes the reply and its ETag', async () => {
    await afterWrite(() =>
      exec(
        sql`UPDATE assessments SET status = 'submitted', version = version + 1 WHERE id = ${assessment.id}`,
      ),
    );
  });

  it('a write rolled back changes nothing the reply shows', async () => {
    const before = await read(lead);
    await t.db
      .transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO item_comments (id, assessment_id, code, author_id, body)
          VALUES (gen_random_uuid(), ${assessment.id}, 'P1.i.a', ${leadActor.userId}, 'batal')`);
        throw new Error('rollback');
      })
      .catch(() => undefined);
    const after = await read(lead);
    expect(after.sheet).toEqual(before.sheet);
    expect(after.sheet).toEqual(await uncached());
  });
});
