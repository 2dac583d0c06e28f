import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../core/org/can.ts';
import type { Role } from '../../../core/org/roles.ts';
import type { ReviewEvent } from '../../../core/review/review-events.ts';
import type { ReviewState } from '../../../core/review/review-status.ts';
import { greenContext } from '../../../core/review/review-test-support.ts';
import { transition } from '../../../core/review/transition.ts';
import { createTestApp, seedOrg, seedUser, type TestApp } from '../../../../test/support/test-app.ts';
import {
  assessments,
  emailOutbox,
  notifications,
  periods,
  reviewAssignments,
  users,
} from '../../db/schema.ts';
import { notifyReviewEvents, type NoticeAssessment } from './review-notices.ts';

let t: TestApp;
let assessment: NoticeAssessment;
const people: Record<string, Actor> = {};
const emailOf = new Map<string, string>();
let state: ReviewState = { status: 'draft', tpiStage: 0 };
const NOW = new Date('2025-05-10T03:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  const org = await seedOrg(t.db);
  const byEmail = async (email: string) =>
    (await t.db.select().from(users).where(eq(users.email, email)))[0]!.id;
  const person = (key: string, userId: string, role: Role | null, unitPath: string) => {
    people[key] = { userId, isSystemAdmin: false, grants: role ? [{ role, unitPath }] : [] };
  };
  person('lead', await byEmail('lead@sumenep.test'), 'zi_team_lead', org.sumenep.path);
  person('agency', await byEmail('agency@kpu.test'), 'agency_admin', org.kpu.path);
  const seed = async (key: string, email: string, role: Role | null, unit: typeof org.kpu, home = unit) => {
    const id = await seedUser(t.db, { email, homeUnit: home, grants: role ? [{ role, unit }] : [] });
    person(key, id, role, unit.path);
  };
  await seed('leader', 'leader@sumenep.test', 'leader', org.sumenep);
  await seed('tpi', 'tpi@kpu.test', 'tpi_evaluator', org.kpu);
  await seed('tpi2', 'tpi2@kpu.test', 'tpi_evaluator', org.kpu);
  await seed('tpiElsewhere', 'tpi3@kpu.test', 'tpi_evaluator', org.kpu);
  await seed('tpn', 'tpn@menpan.test', 'tpn_evaluator', org.kpu);
  await seed('staff', 'staff@sumenep.test', null, org.sumenep);
  for (const u of await t.db.select().from(users)) emailOf.set(u.id, u.email);

  await t.db.insert(reviewAssignments).values([
    {
      id: randomUUID(),
      unitId: org.sumenep.id,
      userId: people.tpi!.userId,
      level: 'tpi',
      positions: ['member'],
    },
    {
      id: randomUUID(),
      unitId: org.sumenep.id,
      userId: people.tpi2!.userId,
      level: 'tpi',
      positions: ['team_lead'],
    },
    { id: randomUUID(), unitId: org.jatim.id, userId: people.tpiElsewhere!.userId, level: 'tpi' },
    { id: randomUUID(), unitId: org.sumenep.id, userId: people.tpn!.userId, level: 'tpn' },
  ]);
  const periodId = randomUUID();
  await t.db.insert(periods).values({
    id: periodId,
    agencyId: org.kpu.id,
    year: 2025,
    name: 'ZI 2025',
    templateId: 'permenpanrb-90-2021',
    templateVersion: '1.0.0',
    fillFrom: '2025-01-01',
    fillUntil: '2025-04-30',
  });
  const id = randomUUID();
  await t.db.insert(assessments).values({ id, periodId, unitId: org.sumenep.id, target: 'WBK' });
  assessment = { id, unitId: org.sumenep.id, unitPath: org.sumenep.path, periodId };
});
afterAll(() => t.close());

/** One real step of the core machine by a seeded person; its events go through notifyReviewEvents. */
const step = async (action: string, who: string): Promise<ReviewEvent[]> => {
  const base = greenContext({ stages: 2 });
  const ctx = {
    ...base,
    unit: { ...base.unit, path: assessment.unitPath },
    tpiTeam: [
      { userId: people.tpi!.userId, positions: ['member', 'team_lead'] },
      { userId: people.tpi2!.userId, positions: ['team_lead'] },
    ],
  };
  const result = transition(state, action, people[who]!, ctx);
  if (!result.ok) throw new Error(`${action} by ${who}: ${result.error.message}`);
  state = result.value.state;
  await t.db.delete(notifications);
  await t.db.transaction((tx) => notifyReviewEvents(tx, result.value.events, assessment, NOW));
  return result.value.events;
};

/** Who got which notice in the last step: "kind → email". */
const told = async () =>
  (await t.db.select().from(notifications)).map((n) => `${n.kind} → ${emailOf.get(n.userId)}`).sort();

/** Where each notice of the last step leads: "email → link" (the id shown as :id). */
const linked = async () =>
  (await t.db.select().from(notifications))
    .map((n) => `${emailOf.get(n.userId)} → ${n.link?.replace(assessment.id, ':id')}`)
    .sort();

describe('who hears of each review event', () => {
  it('submit: the unit leader (not the team lead who submitted), in the inbox and by e-mail', async () => {
    await step('submit', 'lead');
    expect(await told()).toEqual(['review.submit → leader@sumenep.test']);
    const [mail] = await t.db.select().from(emailOutbox);
    expect(mail).toMatchObject({ toAddress: 'leader@sumenep.test', status: 'pending' });
    expect(mail!.subject).toContain('KPU Kabupaten Sumenep');
    expect(mail!.body).toContain('ZI 2025');
    const [notice] = await t.db.select().from(notifications);
    expect(notice).toMatchObject({ unitId: assessment.unitId, link: `/assessments/${assessment.id}` });
    expect(notice!.createdAt.getTime()).toBe(NOW.getTime());
  });

  it('to TPI: the team lead and the assigned TPI evaluators, not one assigned to another unit', async () => {
    await step('approve_to_tpi', 'leader');
    expect(await told()).toEqual([
      'review.approve_to_tpi → lead@sumenep.test',
      'review.approve_to_tpi → tpi2@kpu.test',
      'review.approve_to_tpi → tpi@kpu.test',
    ]);
    // The evaluators are sent to the review screen; the unit to its assessment.
    expect(await linked()).toEqual([
      'lead@sumenep.test → /assessments/:id',
      'tpi2@kpu.test → /review/:id',
      'tpi@kpu.test → /review/:id',
    ]);
  });

  it('a TPI stage hand-over: the other TPI evaluators only (one notice, not the transition too)', async () => {
    await step('tpi_complete_stage', 'tpi');
    expect(await told()).toEqual(['review.tpi_stage_completed → tpi2@kpu.test']);
    const [notice] = await t.db.select().from(notifications);
    expect(notice!.params).toMatchObject({ stage: 'member', next: 'team_lead' });
    expect(notice!.link).toBe(`/review/${assessment.id}`);
  });

  it('returned: the unit team lead and leader, with the note', async () => {
    await step('tpi_return', 'tpi');
    expect(await told()).toEqual([
      'review.tpi_return → lead@sumenep.test',
      'review.tpi_return → leader@sumenep.test',
    ]);
    const [notice] = await t.db.select().from(notifications);
    expect(notice!.params).toMatchObject({ note: 'catatan', from: 'tpi_review', to: 'returned' });
  });

  it('resubmitted: the leader and the assigned TPI evaluators', async () => {
    await step('resubmit', 'lead');
    expect(await told()).toEqual([
      'review.resubmit → leader@sumenep.test',
      'review.resubmit → tpi2@kpu.test',
      'review.resubmit → tpi@kpu.test',
    ]);
  });

  it("the TPI verdict 'meets': the unit and the agency admins above it (not another agency's)", async () => {
    await step('tpi_complete_stage', 'tpi');
    await step('tpi_find_meets', 'tpi');
    expect(await told()).toEqual([
      'review.tpi_find_meets → agency@kpu.test',
      'review.tpi_find_meets → lead@sumenep.test',
      'review.tpi_find_meets → leader@sumenep.test',
    ]);
  });

  it('proposed: the unit and the assigned TPN evaluators; the agency admin who proposed is not told', async () => {
    await step('propose', 'agency');
    expect(await told()).toEqual([
      'review.propose → lead@sumenep.test',
      'review.propose → leader@sumenep.test',
      'review.propose → tpn@menpan.test',
    ]);
    expect(await linked()).toEqual([
      'lead@sumenep.test → /assessments/:id',
      'leader@sumenep.test → /assessments/:id',
      'tpn@menpan.test → /review/:id',
    ]);
  });

  it('a predicate awarded: everyone of the unit (roles on it or home unit), once each', async () => {
    await step('tpn_start_desk', 'tpn');
    expect(await told()).toEqual([
      'review.tpn_start_desk → lead@sumenep.test',
      'review.tpn_start_desk → leader@sumenep.test',
    ]);
    await step('tpn_start_field', 'tpn');
    const events = await step('decide_wbk', 'tpn');
    expect(events.map((e) => e.type)).toEqual(['review.transitioned', 'review.predicate_awarded']);
    expect(await told()).toEqual([
      'review.predicate_awarded → lead@sumenep.test',
      'review.predicate_awarded → leader@sumenep.test',
      'review.predicate_awarded → member@sumenep.test',
      'review.predicate_awarded → staff@sumenep.test',
    ]);
  });

  it('a predicate revoked: everyone of the unit, with the reason and the day it may be proposed again', async () => {
    await step('revoke', 'tpn');
    expect(await told()).toHaveLength(4);
    const [notice] = await t.db.select().from(notifications);
    expect(notice).toMatchObject({ kind: 'review.predicate_revoked' });
    expect(notice!.params).toMatchObject({ predicate: 'WBK', note: 'catatan', proposableFrom: '2027-05-10' });
  });

  it("awaiting the preliminary review: the parent unit's leaders too", async () => {
    await t.db.delete(notifications);
    const event: ReviewEvent = {
      type: 'review.transitioned',
      unitPath: assessment.unitPath,
      by: people.leader!.userId,
      as: 'leader',
      at: NOW.toISOString(),
      action: 'approve_to_preliminary',
      from: 'submitted',
      to: 'preliminary_review',
      note: '',
    };
    await notifyReviewEvents(t.db, [event], assessment, NOW);
    expect(await told()).toEqual([
      'review.approve_to_preliminary → lead@sumenep.test',
      'review.approve_to_preliminary → leader@jatim.test',
    ]);
  });

  it('no events, no notices', async () => {
    await t.db.delete(notifications);
    await notifyReviewEvents(t.db, [], assessment, NOW);
    expect(await told()).toEqual([]);
  });
});
