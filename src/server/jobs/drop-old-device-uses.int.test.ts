import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedOrg, type TestApp } from '../../../test/support/test-app.ts';
import { surveyCampaigns, surveyDeviceUses } from '../db/schema.ts';
import { dropOldDeviceUses } from './drop-old-device-uses.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const now = new Date('2026-11-23T08:00:00Z');
const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);

const campaign = async (
  unitId: string,
  { status, windowHours, updatedAt }: { status: string; windowHours: number; updatedAt: Date },
) => {
  const id = randomUUID();
  await t.db.insert(surveyCampaigns).values({
    id,
    unitId,
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
    status,
    deviceWindowHours: windowHours,
    updatedAt,
  });
  return id;
};

const use = (campaignId: string, hash: string, ageHours: number) => ({
  campaignId,
  deviceTokenHash: hash,
  serviceCode: '',
  idempotencyKey: randomUUID(),
  lastAt: ago(ageHours),
});

describe('dropping survey device hashes past their campaign window', () => {
  it('deletes rows older than the window and rows of campaigns closed longer than it, idempotently', async () => {
    const org = await seedOrg(t.db);
    const open24 = await campaign(org.sumenep.id, { status: 'open', windowHours: 24, updatedAt: ago(500) });
    const open72 = await campaign(org.sumenep.id, { status: 'open', windowHours: 72, updatedAt: ago(500) });
    const closedLong = await campaign(org.sumenep.id, {
      status: 'closed',
      windowHours: 24,
      updatedAt: ago(25),
    });
    const closedJust = await campaign(org.sumenep.id, {
      status: 'closed',
      windowHours: 24,
      updatedAt: ago(2),
    });
    await t.db.insert(surveyDeviceUses).values([
      use(open24, 'a-inside', 23),
      use(open24, 'a-outside', 25),
      use(open72, 'b-inside', 48),
      use(open72, 'b-outside', 73),
      // Its last use is recorded in the future (a process's clock ahead), yet the campaign closed long ago.
      use(closedLong, 'c-future', -1),
      use(closedLong, 'c-inside', 23),
      use(closedJust, 'd-inside', 3),
      use(closedJust, 'd-outside', 30),
    ]);

    expect(await dropOldDeviceUses(t.db, { now })).toBe(5);
    const kept = await t.db.select({ hash: surveyDeviceUses.deviceTokenHash }).from(surveyDeviceUses);
    expect(kept.map((r) => r.hash).sort()).toEqual(['a-inside', 'b-inside', 'd-inside']);
    expect(await dropOldDeviceUses(t.db, { now })).toBe(0);
  });
});
