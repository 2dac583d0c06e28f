import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../../contracts/assessments.ts';
import type { ReviewItemList } from '../../../contracts/reviews.ts';
import { scoreAssessment } from '../../../core/lke/score-assessment.ts';
import { toFixed } from '../../../core/shared/exact.ts';
import type { LkeTemplate } from '../../../core/lke/template-model.ts';
import { levelOrder, valuesAt } from '../../../core/review/answer-levels.ts';
import { assessmentScores, users } from '../../db/schema.ts';
import { loadAnswerLevels } from '../reviews/answer-levels-repo.ts';
import { loadReviewSettings } from '../reviews/settings-repo.ts';
import { rebuildScores } from './rebuild-scores.ts';
import { linkEvidence, lkeTemplate, put } from '../../../../test/support/lke-answers.ts';
import {
  createTestApp,
  logInAs,
  seedOrg,
  seedUser,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';

/**
 * The stored figures are written by every change that moves them: after any random sequence of answers,
 * explanations, evidence links, reviewer answers and review-settings changes, each stored row equals the
 * core's scoring of that level (read through the review feature's own loader), and a rebuild finds nothing
 * to rewrite.
 */
let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let template: LkeTemplate;
let agency: Client;
let lead: Client;
let evaluator: Client;
let draft: Assessment;
let reviewed: Assessment;
let evidenceId: string;
let settingsVersion = 0;

/** Every code a person can answer, with a way to draw a valid (or, now and then, invalid) value for it. */
const answerable = (): { code: string; value: fc.Arbitrary<string | number | null> }[] => {
  const out: { code: string; value: fc.Arbitrary<string | number | null> }[] = [];
  for (const item of template.items) {
    if (item.type === 'ratio')
      for (const input of item.inputs) out.push({ code: input.code, value: fc.integer({ min: 0, max: 30 }) });
    else if (item.type === 'index_0_4')
      out.push({ code: item.code, value: fc.integer({ min: 0, max: 400 }).map((x) => x / 100) });
    else out.push({ code: item.code, value: fc.constantFrom(...item.options.map((o) => o.key), 'Z', null) });
  }
  return out;
};

type Op =
  | { kind: 'answer'; code: string; value: string | number | null; explain: boolean }
  | { kind: 'link'; code: string }
  | { kind: 'unlink'; code: string }
  | { kind: 'review'; code: string; value: string | number | null; clear: boolean }
  | { kind: 'settings'; preliminary: boolean; stages: 'default' | 'renamed' };

const opArb = (): fc.Arbitrary<Op> => {
  const codes = answerable();
  const pick = fc.integer({ min: 0, max: codes.length - 1 });
  // A few items, so that unlinking often finds a link to remove.
  const itemCodes = template.items.slice(0, 4).map((i) => i.code);
  return fc.oneof(
    pick.chain((i) =>
      fc.record({
        kind: fc.constant('answer' as const),
        code: fc.constant(codes[i]!.code),
        value: codes[i]!.value,
        explain: fc.boolean(),
      }),
    ),
    fc.record({
      kind: fc.constantFrom('link' as const, 'unlink' as const),
      code: fc.constantFrom(...itemCodes),
    }),
    pick.chain((i) =>
      fc.record({
        kind: fc.constant('review' as const),
        code: fc.constant(codes[i]!.code),
        value: codes[i]!.value,
        clear: fc.boolean(),
      }),
    ),
    fc.record({
      kind: fc.constant('settings' as const),
      preliminary: fc.boolean(),
      stages: fc.constantFrom('default' as const, 'renamed' as const),
    }),
  );
};

/** Which kinds of change went through at least once (a sequence of refusals would prove nothing). */
const applied = new Set<Op['kind']>();
const track = (kind: Op['kind'], status: number) => {
  if (status === 200 || status === 204) applied.add(kind);
};

const reviewVersion = async (code: string): Promise<number> => {
  const list = (await evaluator.get(`/api/assessments/${reviewed.id}/review/items`)).json() as ReviewItemList;
  const item = list.items.find((i) => i.code === code);
  return item?.levels.find((l) => l.level === list.myLevel)?.version ?? 0;
};

const apply = async (op: Op): Promise<void> => {
  if (op.kind === 'answer') {
    const sheet = (await lead.get(`/api/assessments/${draft.id}/worksheet`)).json() as {
      answers: { code: string; version: number }[];
    };
    const version = sheet.answers.find((a) => a.code === op.code)?.version ?? 0;
    const res = await put(t.app, lead, `/api/assessments/${draft.id}/answers/${op.code}`, {
      version,
      value: op.value,
      explanation: op.explain ? `Penjelasan ${op.code}` : '',
    });
    track(op.kind, res.statusCode);
  } else if (op.kind === 'link') {
    const res = await lead.post(`/api/assessments/${draft.id}/items/${op.code}/evidence`, { evidenceId });
    track(op.kind, res.statusCode);
  } else if (op.kind === 'unlink') {
    const res = await lead.delete(`/api/assessments/${draft.id}/items/${op.code}/evidence/${evidenceId}`);
    track(op.kind, res.statusCode);
  } else if (op.kind === 'review') {
    const url = `/api/assessments/${reviewed.id}/review/items/${op.code}`;
    const version = await reviewVersion(op.code);
    const res = await put(t.app, evaluator, url, {
      version,
      value: op.value,
      note: 'Catatan TPI',
      clear: op.clear,
    });
    track(op.kind, res.statusCode);
  } else {
    const stages =
      op.stages === 'default'
        ? undefined
        : [
            { id: 'member', completedBy: ['member'] },
            { id: 'final', completedBy: ['team_lead'] },
          ];
    const res = await put(t.app, agency, `/api/agencies/${org.kpu.id}/review-settings`, {
      version: settingsVersion,
      config: { preliminaryReview: op.preliminary, ...(stages ? { tpiStages: stages } : {}) },
    });
    if (res.statusCode === 200) settingsVersion = (res.json() as { version: number }).version;
    track(op.kind, res.statusCode);
  }
};

/** The core's score of every stored level, read through the review feature's loader (not the writer's). */
const expectStoredEqualsCore = async (assessmentId: string) => {
  const settings = await loadReviewSettings(t.db, org.kpu.id);
  const { levels } = await loadAnswerLevels(t.db, assessmentId, levelOrder(settings.config));
  const stored = await t.db
    .select()
    .from(assessmentScores)
    .where(eq(assessmentScores.assessmentId, assessmentId));
  const expectedLevels = levels.order.filter(
    (l, i) => i === 0 || Object.keys(levels.answers[l] ?? {}).length > 0,
  );
  expect(stored.map((s) => s.level).sort()).toEqual([...expectedLevels].sort());
  for (const row of stored) {
    const s = scoreAssessment(template, { answers: valuesAt(levels, row.level as never), context: {} });
    expect(row.total).toBe(toFixed(s.total.score, 4));
    expect(row.pengungkit).toBe(toFixed(s.pengungkit.score, 4));
    expect(row.hasil).toBe(toFixed(s.hasil.score, 4));
    expect(row.answered).toBe(s.completeness.answered);
    expect(row.wbkEligible).toBe(s.predicates.find((p) => p.id === 'WBK')?.eligible);
    expect((row.areas as { score: string }[]).map((a) => a.score)).toEqual(
      s.areas.map((a) => toFixed(a.total.score, 4)),
    );
  }
};

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '1000' });
  org = await seedOrg(t.db);
  template = await lkeTemplate();
  await seedUser(t.db, {
    email: 'lead@jatim.test',
    homeUnit: org.jatim,
    grants: [{ role: 'zi_team_lead', unit: org.jatim }],
  });
  await seedUser(t.db, {
    email: 'tpi@kpu.test',
    homeUnit: org.kpu,
    grants: [{ role: 'tpi_evaluator', unit: org.kpu }],
  });
  agency = await logInAs(t.app, 'agency@kpu.test');
  lead = await logInAs(t.app, 'lead@sumenep.test');
  evaluator = await logInAs(t.app, 'tpi@kpu.test');
  const jatimLead = await logInAs(t.app, 'lead@jatim.test');
  const leader = await logInAs(t.app, 'leader@jatim.test');
  const [tpi] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, 'tpi@kpu.test'));
  const assigned = await agency.post(`/api/units/${org.jatim.id}/evaluators`, {
    userId: tpi?.id,
    positions: ['member', 'team_lead', 'quality_controller'],
  });
  expect(assigned.statusCode, assigned.body).toBe(201);
  const period = await agency.post('/api/periods', {
    agencyId: org.kpu.id,
    year: 2027,
    name: 'ZI 2027',
    fillFrom: '2027-01-06',
    fillUntil: '2027-03-31',
    // The gate is relaxed so the reviewed assessment reaches TPI with a few answers (the gate is not under test).
    requireAllAnswered: false,
    requireExplanation: false,
    requireEvidence: false,
  });
  const periodId = (period.json() as { id: string }).id;
  draft = (
    await lead.post('/api/assessments', { periodId, unitId: org.sumenep.id, target: 'WBK' })
  ).json() as Assessment;
  evidenceId = await linkEvidence(t.db, { unitId: org.sumenep.id, assessmentId: draft.id, codes: [] });

  reviewed = (
    await jatimLead.post('/api/assessments', { periodId, unitId: org.jatim.id, target: 'WBK' })
  ).json() as Assessment;
  for (const { code, value } of answerable().slice(0, 12)) {
    const v = fc.sample(
      value.filter((x) => x !== null && x !== 'Z'),
      { numRuns: 1, seed: 7 },
    )[0];
    const res = await put(t.app, jatimLead, `/api/assessments/${reviewed.id}/answers/${code}`, {
      version: 0,
      value: v,
      explanation: `Penjelasan ${code}`,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  reviewed = (
    await jatimLead.post(`/api/assessments/${reviewed.id}/submit`, { version: reviewed.version })
  ).json() as Assessment;
  const approved = await leader.post(`/api/assessments/${reviewed.id}/approve`, {
    version: reviewed.version,
  });
  expect(approved.statusCode, approved.body).toBe(200);
  reviewed = approved.json() as Assessment;
  expect(reviewed.status).toBe('tpi_review');
}, 120_000);
afterAll(() => t.close());

describe('stored score figures', () => {
  it('a new assessment has its unit row at once, with its completeness', async () => {
    await expectStoredEqualsCore(draft.id);
    await expectStoredEqualsCore(reviewed.id);
    const rows = await t.db
      .select()
      .from(assessmentScores)
      .where(eq(assessmentScores.assessmentId, reviewed.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ level: 'unit', levelRank: 0, wbkEligible: false, withEvidence: 0 });
    expect(rows[0]?.wbkFailed).toBeGreaterThan(0);
    expect(rows[0]?.answered).toBeGreaterThan(0);
    expect(rows[0]?.withExplanation).toBe(rows[0]?.answered);
  });

  it('after every random edit sequence, the stored figures equal the core and a rebuild rewrites nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb(), { minLength: 1, maxLength: 6 }), async (ops) => {
        for (const op of ops) {
          await apply(op);
          await expectStoredEqualsCore(draft.id);
          await expectStoredEqualsCore(reviewed.id);
        }
        const check = await rebuildScores(t.db, { checkOnly: true });
        expect(check.differing).toEqual([]);
        expect(check.unscorable).toEqual([]);
      }),
      { numRuns: 12, seed: 1107 },
    );
    expect([...applied].sort()).toEqual(['answer', 'link', 'review', 'settings', 'unlink']);
  }, 300_000);

  it('a rebuild restores rows that were lost or tampered with, exactly as the writers left them', async () => {
    const before = await t.db.select().from(assessmentScores);
    await t.db.delete(assessmentScores).where(eq(assessmentScores.assessmentId, draft.id));
    await t.db
      .update(assessmentScores)
      .set({ total: '1.0000' })
      .where(eq(assessmentScores.assessmentId, reviewed.id));
    const found = await rebuildScores(t.db, { checkOnly: true });
    expect(found.differing.sort()).toEqual([draft.id, reviewed.id].sort());
    const rebuilt = await rebuildScores(t.db);
    expect(rebuilt.differing.length).toBe(2);
    const after = await t.db.select().from(assessmentScores);
    const strip = (rows: typeof before) =>
      rows
        .map(({ version: _v, ...rest }) => rest)
        .sort((a, b) => (a.assessmentId + a.level < b.assessmentId + b.level ? -1 : 1));
    expect(strip(after)).toEqual(strip(before));
    expect((await rebuildScores(t.db, { checkOnly: true })).differing).toEqual([]);
  });
});
