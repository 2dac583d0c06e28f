import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, logInAs, seedOrg } from '../../../test/support/test-app.ts';
import { openTestDatabase } from '../../../test/support/test-db.ts';
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
});
