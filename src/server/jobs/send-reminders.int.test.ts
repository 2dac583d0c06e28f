import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedOrg, seedUnit, seedUser, type TestApp } from '../../../test/support/test-app.ts';
import {
  assessments,
  emailOutbox,
  notifications,
  periods,
  reviewAssignments,
  reviewSettings,
  users,
} from '../db/schema.ts';
import { daysBetween, reminderBucket, sendReminders } from './send-reminders.ts';

let t: TestApp;
const ids: Record<string, string> = {};

/** The instant whose local day (at the given offset) starts: WIB +7 by default. */
const localMidnight = (day: string, offsetHours = 7) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - offsetHours * 3_600_000);

beforeAll(async () => {
  t = await createTestApp();
  const org = await seedOrg(t.db);
  const bangkalan = await seedUnit(t.db, org.jatim, 'KPU-BANGKALAN', 'KPU Kabupaten Bangkalan');
  const pamekasan = await seedUnit(t.db, org.jatim, 'KPU-PAMEKASAN', 'KPU Kabupaten Pamekasan');
  const sampang = await seedUnit(t.db, org.jatim, 'KPU-SAMPANG', 'KPU Kabupaten Sampang');
  const serang = await seedUnit(t.db, org.banten, 'BAWASLU-SERANG', 'Bawaslu Kabupaten Serang');
  ids.bangkalanLead = await seedUser(t.db, {
    email: 'lead@bangkalan.test',
    grants: [{ role: 'zi_team_lead', unit: bangkalan }],
  });
  ids.pamekasanLead = await seedUser(t.db, {
    email: 'lead@pamekasan.test',
    grants: [{ role: 'zi_team_lead', unit: pamekasan }],
  });
  ids.sampangLead = await seedUser(t.db, {
    email: 'lead@sampang.test',
    grants: [{ role: 'zi_team_lead', unit: sampang }],
  });
  ids.tpi = await seedUser(t.db, {
    email: 'tpi@kpu.test',
    grants: [{ role: 'tpi_evaluator', unit: org.kpu }],
  });
  ids.tpiOther = await seedUser(t.db, {
    email: 'tpi2@kpu.test',
    grants: [{ role: 'tpi_evaluator', unit: org.kpu }],
  });
  ids.serangLead = await seedUser(t.db, {
    email: 'lead@serang.test',
    grants: [{ role: 'zi_team_lead', unit: serang }],
  });
  await t.db.insert(reviewAssignments).values([
    { id: randomUUID(), unitId: bangkalan.id, userId: ids.tpi, level: 'tpi' },
    { id: randomUUID(), unitId: sampang.id, userId: ids.tpiOther, level: 'tpi' },
  ]);

  const kpuPeriod = randomUUID();
  const bawasluPeriod = randomUUID();
  const period = {
    templateId: 'permenpanrb-90-2021',
    templateVersion: '1.0.0',
    fillFrom: '2026-01-01',
    year: 2026,
  };
  await t.db.insert(periods).values([
    {
      ...period,
      id: kpuPeriod,
      agencyId: org.kpu.id,
      name: 'ZI KPU 2026',
      fillUntil: '2026-05-10',
      reviewUntil: '2026-05-20',
      revisionUntil: '2026-05-25',
    },
    // No review windows; the proposal deadline comes from the agency's month-day, on WITA (+8).
    {
      ...period,
      id: bawasluPeriod,
      agencyId: org.bawaslu.id,
      name: 'ZI Bawaslu 2026',
      fillUntil: '2026-04-01',
    },
  ]);
  await t.db.insert(reviewSettings).values({
    agencyId: org.bawaslu.id,
    config: { proposalDeadline: '06-15', utcOffsetMinutes: 480 },
  });
  const assess = (periodId: string, unitId: string, status: string) => {
    const id = randomUUID();
    return { id, periodId, unitId, target: 'WBK', status };
  };
  const rows = [
    assess(kpuPeriod, org.sumenep.id, 'draft'),
    assess(kpuPeriod, bangkalan.id, 'tpi_review'),
    assess(kpuPeriod, pamekasan.id, 'returned'),
    assess(kpuPeriod, sampang.id, 'tpi_verdict_meets'),
    assess(bawasluPeriod, serang.id, 'tpi_verdict_meets'),
  ];
  await t.db.insert(assessments).values(rows);
  ids.sumenepAssessment = rows[0]!.id;
});
afterAll(() => t.close());

/** The notices written so far, as "kind → recipient email (days left)". */
const notices = async () => {
  const rows = await t.db
    .select({ kind: notifications.kind, email: users.email, params: notifications.params })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId));
  return rows.map((r) => `${r.kind} → ${r.email} (${(r.params as { days: number }).days})`).sort();
};

describe('reminders before a window closes', () => {
  it('counts the days left on the local calendar and buckets them into the week and the last day', () => {
    expect(daysBetween('2026-05-03', '2026-05-10')).toBe(7);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect([8, 7, 2, 1, 0, -1].map(reminderBucket)).toEqual([null, '7d', '7d', '1d', '1d', null]);
  });

  it('sends nothing more than 7 local days before: 23:59 WIB on the 8th day before is still too early', async () => {
    expect(await sendReminders(t.db, new Date(localMidnight('2026-05-03').getTime() - 1000))).toBe(0);
    expect(await notices()).toEqual([]);
  });

  it('reminds the team of a draft 7 days before fill_until, once, and again 1 day before', async () => {
    const week = localMidnight('2026-05-03');
    expect(await sendReminders(t.db, week)).toBe(2);
    expect(await notices()).toEqual([
      'reminder.fill_until → lead@sumenep.test (7)',
      'reminder.fill_until → member@sumenep.test (7)',
    ]);
    // Every hour that follows (several processes at once too) adds nothing until the last day.
    const again = await Promise.all([sendReminders(t.db, week), sendReminders(t.db, week)]);
    expect(again).toEqual([0, 0]);
    expect(await sendReminders(t.db, localMidnight('2026-05-07'))).toBe(0);
    expect(await sendReminders(t.db, localMidnight('2026-05-09'))).toBe(2);
    expect(await sendReminders(t.db, localMidnight('2026-05-10'))).toBe(0);
    expect(await sendReminders(t.db, localMidnight('2026-05-11'))).toBe(0);
    const fill = (await notices()).filter((n) => n.startsWith('reminder.fill_until'));
    expect(fill).toEqual([
      'reminder.fill_until → lead@sumenep.test (1)',
      'reminder.fill_until → lead@sumenep.test (7)',
      'reminder.fill_until → member@sumenep.test (1)',
      'reminder.fill_until → member@sumenep.test (7)',
    ]);
    const [inbox] = await t.db.select().from(notifications).limit(1);
    expect(inbox).toMatchObject({ link: `/assessments/${ids.sumenepAssessment}` });
    expect(inbox!.params).toMatchObject({
      unit: 'KPU Kabupaten Sumenep',
      period: 'ZI KPU 2026',
      date: '2026-05-10',
    });
    // Each reminder also goes by e-mail.
    expect(await t.db.select().from(emailOutbox)).toHaveLength(4);
  });

  it('reminds only the TPI evaluators assigned to assessments still in review, and teams of returned ones', async () => {
    await t.db.delete(notifications);
    expect(await sendReminders(t.db, localMidnight('2026-05-13'))).toBe(1);
    expect(await notices()).toEqual(['reminder.review_until → tpi@kpu.test (7)']);
    await t.db.delete(notifications);
    expect(await sendReminders(t.db, localMidnight('2026-05-18'))).toBe(1);
    expect(await notices()).toEqual(['reminder.revision_until → lead@pamekasan.test (7)']);
  });

  it('reminds the agency admins of units TPI found meeting, before the proposal deadline (agency month-day, own offset)', async () => {
    await t.db.delete(notifications);
    // KPU: 31 May (default), WIB → 24 May local.
    expect(await sendReminders(t.db, localMidnight('2026-05-24'))).toBe(2);
    expect(await notices()).toEqual([
      'reminder.proposal_deadline → agency@kpu.test (7)',
      'reminder.revision_until → lead@pamekasan.test (1)',
    ]);
    await t.db.delete(notifications);
    // Bawaslu: 15 June on WITA (+8): 23:30 WIB on 7 June is already 8 June in Makassar.
    expect(await sendReminders(t.db, new Date(localMidnight('2026-06-08', 8).getTime() + 30 * 60_000))).toBe(
      1,
    );
    expect(await notices()).toEqual(['reminder.proposal_deadline → agency@bawaslu.test (7)']);
  });

  it('reminds again when a window is moved to a later date', async () => {
    await t.db.delete(notifications);
    await t.db.update(periods).set({ reviewUntil: '2026-06-30' }).where(eq(periods.name, 'ZI KPU 2026'));
    expect(await sendReminders(t.db, localMidnight('2026-06-29'))).toBe(1);
    expect(await notices()).toEqual(['reminder.review_until → tpi@kpu.test (1)']);
  });
});
