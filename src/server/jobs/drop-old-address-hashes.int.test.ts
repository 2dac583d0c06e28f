import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedOrg, type TestApp } from '../../../test/support/test-app.ts';
import { surveyCampaigns, surveyResponses } from '../db/schema.ts';
import { dropOldAddressHashes } from './drop-old-address-hashes.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const DAY = 86_400_000;

describe('dropping survey address hashes after the retention period', () => {
  it('drops only hashes older than the period, keeps the responses, and is idempotent', async () => {
    const org = await seedOrg(t.db);
    const campaignId = randomUUID();
    await t.db.insert(surveyCampaigns).values({
      id: campaignId,
      unitId: org.sumenep.id,
      periodLabel: '2026',
      kind: 'ipak',
      questionnaireId: 'ipak',
      questionnaireVersion: '1',
      services: [],
      samplingMethod: 'slovin',
      targetSample: 30,
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      excludeFlags: [],
    });
    const now = new Date('2026-11-23T08:00:00Z');
    const response = (ageDays: number, ipHash: string | null) => ({
      id: randomUUID(),
      campaignId,
      screening: 'sudah',
      answers: {},
      profile: {},
      flags: [],
      idempotencyKey: randomUUID(),
      bodyHash: 'x',
      ipHash,
      createdAt: new Date(now.getTime() - ageDays * DAY),
    });
    const rows = [response(31, 'old'), response(30.5, 'old-too'), response(29, 'recent'), response(60, null)];
    await t.db.insert(surveyResponses).values(rows);

    expect(await dropOldAddressHashes(t.db, { now, retentionDays: 30 })).toBe(2);
    const kept = await t.db.select({ ipHash: surveyResponses.ipHash }).from(surveyResponses);
    expect(kept.map((r) => r.ipHash).sort()).toEqual([null, null, null, 'recent'].sort());
    expect(kept).toHaveLength(4);
    expect(await dropOldAddressHashes(t.db, { now, retentionDays: 30 })).toBe(0);
  });
});
