import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../support/spawn-server.ts';
import { processTestTimeout } from '../support/timeouts.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { units } from '../../src/server/db/schema.ts';
import { verifyAuditChain } from '../../src/server/features/audit/verify-audit-chain.ts';

/**
 * Kill -9 the server while writes are under way, start it again: the database opens, the audit chain verifies,
 * and every write that was acknowledged (201) is there. Runs on the engine the suite runs on.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'pulau-crash-'));
let dbName: string | null = null;
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  if (dbName && process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
});

const serverEnv = async (): Promise<Record<string, string>> => {
  const url = process.env.DATABASE_URL;
  if (!url) return { PULAU_DATA_DIR: dataDir };
  dbName = `pulau_crash_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  return { DATABASE_URL: u.toString() };
};

describe('a SIGKILL in the middle of writes', () => {
  it(
    'loses no acknowledged write and leaves the audit chain intact',
    async () => {
      const env = await serverEnv();
      const first = await spawnServer(env);
      const setup = await fetch(`${first.url}/api/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          agency: { code: 'KPU', name: 'KPU RI' },
          admin: { name: 'Admin', email: 'admin@crash.test', password: 'rahasia-sekali-123' },
        }),
      });
      expect(setup.status).toBe(201);
      const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken, user } = (await setup.json()) as { csrfToken: string; user: { id: string } };
      const agencyId = (
        (await (await fetch(`${first.url}/api/units`, { headers: { cookie } })).json()) as {
          units: Array<{ id: string }>;
        }
      ).units[0]?.id;
      expect(user.id).toBeTruthy();

      const acknowledged: string[] = [];
      let stop = false;
      const writer = async (lane: number) => {
        for (let i = 0; !stop; i++) {
          try {
            const res = await fetch(`${first.url}/api/units`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
              body: JSON.stringify({
                parentId: agencyId,
                code: `U-${lane}-${i}`,
                name: `Unit ${lane}-${i}`,
                type: 'upt',
              }),
            });
            if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
          } catch {
            return; // the server is gone
          }
        }
      };
      const lanes = [0, 1, 2, 3].map(writer);
      while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
      first.child.kill('SIGKILL');
      stop = true;
      await Promise.all(lanes);
      expect(await first.exited).toBe('SIGKILL');

      // Started again: it opens (a stale lock of a dead process is taken over), and answers.
      const second = await spawnServer(env);
      const health = await fetch(`${second.url}/api/health`);
      expect(health.status).toBe(200);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);

      const database = env.DATABASE_URL
        ? await openDatabase({ kind: 'postgres', url: env.DATABASE_URL })
        : await openDatabase({ kind: 'embedded', dataDir });
      try {
        const stored = new Set((await database.db.select({ id: units.id }).from(units)).map((r) => r.id));
        const missing = acknowledged.filter((id) => !stored.has(id));
        expect(missing).toEqual([]);
        const chain = await verifyAuditChain(database.db);
        expect(chain.ok).toBe(true);
        expect(chain.checked).toBeGreaterThanOrEqual(acknowledged.length + 2);
      } finally {
        await database.close();
      }
    },
    processTestTimeout,
  );
});
