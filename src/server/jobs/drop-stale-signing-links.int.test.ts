import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedOrg, type TestApp } from '../../../test/support/test-app.ts';
import { pactSigningLinks } from '../db/schema.ts';
import { dropStaleSigningLinks } from './drop-stale-signing-links.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const DAY = 86_400_000;
const now = new Date('2026-11-23T08:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY);

describe('dropping unused pact signing links expired over 30 days ago', () => {
  it('deletes only unused links expired more than 30 days ago, keeps used ones, and is idempotent', async () => {
    const org = await seedOrg(t.db);
    const link = (tokenHash: string, expiredDaysAgo: number, usedDaysAgo: number | null) => ({
      id: randomUUID(),
      unitId: org.sumenep.id,
      employeeId: randomUUID(),
      tokenHash,
      createdAt: ago(expiredDaysAgo + 14),
      expiresAt: ago(expiredDaysAgo),
      usedAt: usedDaysAgo === null ? null : ago(usedDaysAgo),
    });
    await t.db
      .insert(pactSigningLinks)
      .values([
        link('unused-long-expired', 31, null),
        link('unused-expired-40', 40, null),
        link('unused-recently-expired', 29, null),
        link('unused-valid', -5, null),
        link('used-long-expired', 60, 65),
      ]);

    expect(await dropStaleSigningLinks(t.db, { now })).toBe(2);
    const kept = await t.db.select({ hash: pactSigningLinks.tokenHash }).from(pactSigningLinks);
    expect(kept.map((r) => r.hash).sort()).toEqual([
      'unused-recently-expired',
      'unused-valid',
      'used-long-expired',
    ]);
    expect(await dropStaleSigningLinks(t.db, { now })).toBe(0);
  });
});
