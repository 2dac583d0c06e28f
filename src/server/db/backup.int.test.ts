import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, logInAs, seedOrg, seedUnit } from '../../../test/support/test-app.ts';
import { openTestDatabase, testEngine } from '../../../test/support/test-db.ts';
import { verifyBackupFile } from './verify-backup.ts';
import { auditLog, roleGrants, sessions, units, users } from './schema.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';
import { verifyAuditChain } from '../features/audit/verify-audit-chain.ts';
import type { Db } from './client.ts';

const dir = mkdtempSync(join(tmpdir(), 'pulau-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const everything = async (db: Db) => ({
  units: await db.select().from(units).orderBy(units.id),
  users: await db.select().from(users).orderBy(users.id),
  roleGrants: await db.select().from(roleGrants).orderBy(roleGrants.id),
  sessions: await db.select().from(sessions).orderBy(sessions.id),
  auditLog: await db.select().from(auditLog).orderBy(auditLog.seq),
});

describe('backup and restore', () => {
  it('gives back every row on an empty database, and the audit chain still verifies and grows', async () => {
    const source = await createTestApp();
    const target = await openTestDatabase();
    try {
      await seedOrg(source.db);
      const client = await logInAs(source.app, 'agency@kpu.test');
      const sumenep = (await client.get('/api/units'))
        .json()
        .units.find((u: { code: string }) => u.code === 'KPU-SUMENEP');
      await client.patch(`/api/units/${sumenep.id}`, {
        version: 1,
        name: 'KPU Kab. Sumenep',
        region: 'Jawa Timur',
      });
      const file = join(dir, 'full.jsonl');
      const written = await backupDatabase(source.db, file, new Date());
      const restored = await restoreDatabase(target.db, file);
      expect(restored.tables).toEqual(
        Object.fromEntries(Object.entries(written.tables).filter(([, n]) => n > 0)),
      );
      expect(await everything(target.db)).toEqual(await everything(source.db));
      expect((await verifyAuditChain(target.db)).ok).toBe(true);
      // The sequence continues after the restored rows: a new record links to the restored chain.
      const { writeAudit } = await import('../features/audit/write-audit.ts');
      await target.db.transaction((tx) =>
        writeAudit(tx, {
          actor: { id: null, label: 'test', ip: null },
          action: 'x',
          subjectType: 'x',
          subjectId: null,
          now: new Date(),
        }),
      );
      expect(await verifyAuditChain(target.db)).toMatchObject({
        ok: true,
        checked: written.tables.audit_log! + 1,
      });
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('refuses to restore onto a database with data, and a file that is not a backup', async () => {
    const t = await createTestApp();
    try {
      await seedOrg(t.db);
      const file = join(dir, 'again.jsonl');
      await backupDatabase(t.db, file, new Date());
      await expect(restoreDatabase(t.db, file)).rejects.toThrow(/not empty/);
      const junk = join(dir, 'junk.jsonl');
      writeFileSync(junk, '{"hello":"world"}\n');
      const empty = await openTestDatabase();
      try {
        await expect(restoreDatabase(empty.db, junk)).rejects.toThrow(/not a Pulau backup/);
      } finally {
        await empty.close();
      }
    } finally {
      await t.close();
    }
  });

  it('a backup taken while units are being created is one instant: it restores with every row, none twice', async () => {
    const source = await openTestDatabase();
    const target = await openTestDatabase();
    try {
      const org = await seedOrg(source.db);
      for (let i = 0; i < 12; i++) await seedUnit(source.db, org.kpu, `SEBELUM-${i}`);
      const before = await source.db.select({ id: units.id }).from(units);
      // Units (and their audit records) created between the backup's pages, at random places in its key order:
      // paging by offset would then write some rows twice and skip others.
      const meanwhile: Array<Promise<unknown>> = [];
      let n = 0;
      const file = join(dir, 'under-load.jsonl');
      const written = await backupDatabase(source.db, file, new Date(), {
        pageSize: 3,
        afterPage: async (table) => {
          if (table !== 'units' && table !== 'audit_log') return;
          const created = seedUnit(source.db, org.kpu, `SELAMA-${n++}`);
          // PostgreSQL writes on another connection at once; the embedded engine queues it after the snapshot.
          if (testEngine() === 'postgres') await created;
          else meanwhile.push(created);
        },
      });
      await Promise.all(meanwhile);
      expect(n).toBeGreaterThan(4);
      expect(await verifyBackupFile(file)).toMatchObject({ ok: true, problems: [] });
      await restoreDatabase(target.db, file);
      const restored = await target.db.select({ id: units.id }).from(units);
      expect(restored.length).toBe(written.tables.units);
      expect(new Set(restored.map((u) => u.id))).toEqual(new Set(before.map((u) => u.id)));
      expect((await verifyAuditChain(target.db)).ok).toBe(true);
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('--verify names what is wrong in a damaged file; restore names the failing row and its cause', async () => {
    const t = await createTestApp();
    const empty = await openTestDatabase();
    try {
      await seedOrg(t.db);
      const file = join(dir, 'good.jsonl');
      await backupDatabase(t.db, file, new Date());
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      const userLine = lines.findIndex((l) => l.startsWith('{"t":"users"'));
      const damaged = join(dir, 'damaged.jsonl');
      // A user twice, a line of garbage, and the closing line gone.
      writeFileSync(
        damaged,
        [...lines.slice(0, userLine + 1), lines[userLine], '{oops', ...lines.slice(userLine + 1, -1)].join(
          '\n',
        ),
      );
      const check = await verifyBackupFile(damaged);
      expect(check.ok).toBe(false);
      expect(check.problems.join('\n')).toMatch(
        new RegExp(`line ${userLine + 2}: users row .* appears twice`),
      );
      expect(check.problems.join('\n')).toMatch(new RegExp(`line ${userLine + 3}: not JSON`));
      expect(check.problems.join('\n')).toMatch(/closing line is missing/);
      // A role grant whose user is not in the file: restore says which line and row, and why.
      const grantLine = lines.findIndex((l) => l.startsWith('{"t":"role_grants"'));
      const orphan = join(dir, 'orphan.jsonl');
      writeFileSync(orphan, lines.filter((l) => !l.startsWith('{"t":"users"')).join('\n'));
      const grant = JSON.parse(lines[grantLine]!) as { r: { id: string } };
      const refused = restoreDatabase(empty.db, orphan);
      await expect(refused).rejects.toThrow(
        new RegExp(`role_grants row id="${grant.r.id}" cannot be restored: .*foreign key`),
      );
      await expect(refused).rejects.toThrow(/^line \d+: /);
    } finally {
      await t.close();
      await empty.close();
    }
  });
});
