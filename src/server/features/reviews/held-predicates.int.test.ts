import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../../contracts/assessments.ts';
import type { HeldPredicate } from '../../../contracts/held-predicates.ts';
import type { PredicateHistory } from '../../../contracts/reviews.ts';
import { linkEvidence } from '../../../../test/support/lke-answers.ts';
import {
  createTestApp,
  logInAs,
  seedOrg,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let lead: Client;
let member: Client;
let agencyAdmin: Client;
let foreignAdmin: Client;
let decreePdf: string;
let foreignPdf: string;
let periodId: string;

const url = (unitId = org.sumenep.id) => `/api/units/${unitId}/held-predicates`;
const decree = (over: Record<string, unknown> = {}) => ({
  predicate: 'WBK',
  decreeNumber: 'SK MenPANRB No. 1100/2024',
  decreeDate: '2024-12-10',
  issuer: 'Menteri PANRB',
  evidenceId: decreePdf,
  ...over,
});
const history = async () =>
  (await lead.get(`/api/units/${org.sumenep.id}/predicates`)).json() as PredicateHistory;

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '1000' });
  org = await seedOrg(t.db);
  lead = await logInAs(t.app, 'lead@sumenep.test');
  member = await logInAs(t.app, 'member@sumenep.test');
  agencyAdmin = await logInAs(t.app, 'agency@kpu.test');
  foreignAdmin = await logInAs(t.app, 'agency@bawaslu.test');
  decreePdf = await linkEvidence(t.db, {
    unitId: org.sumenep.id,
    assessmentId: '',
    codes: [],
    title: 'SK WBK',
  });
  foreignPdf = await linkEvidence(t.db, { unitId: org.banten.id, assessmentId: '', codes: [], title: 'SK' });
  const period = await agencyAdmin.post('/api/periods', {
    agencyId: org.kpu.id,
    year: 2026,
    name: 'ZI 2026',
    fillFrom: '2026-01-06',
    fillUntil: '2026-03-31',
  });
  periodId = (period.json() as { id: string }).id;
});
afterAll(() => t.close());

describe('predicates held before Pulau: refusals first', () => {
  it('a unit that types "already WBK" without a record is not already WBK, so WBBM has no base', async () => {
    const res = await lead.post('/api/assessments', {
      periodId,
      unitId: org.sumenep.id,
      target: 'WBBM',
      alreadyWbk: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as Assessment).alreadyWbk).toBe(false);
    expect((await history()).holds).toBeNull();
  });

  it('refuses a team member, a foreign agency, a decree PDF of another unit, a decree not issued yet', async () => {
    expect((await member.post(url(), decree())).statusCode).toBe(403);
    expect((await foreignAdmin.post(url(), decree())).statusCode).toBe(403);
    const wrong = await lead.post(url(), decree({ evidenceId: foreignPdf }));
    expect(wrong.json().error.code).toBe('EVIDENCE_WRONG_UNIT');
    const future = await lead.post(url(), decree({ decreeDate: '2999-01-01' }));
    expect(future.json().error.code).toBe('DECREE_DATE_IN_FUTURE');
  });

  it('a recorded decree counts only once the agency admin verified it; the unit cannot verify its own', async () => {
    const res = await lead.post(url(), decree());
    expect(res.statusCode, res.body).toBe(201);
    const recorded = res.json() as HeldPredicate;
    expect(recorded).toMatchObject({ status: 'recorded', predicate: 'WBK', issuer: 'Menteri PANRB' });
    expect((await history()).holds).toBeNull();

    const verify = `${url()}/${recorded.id}/verify`;
    expect((await lead.post(verify, { version: 1, verdict: 'verified' })).statusCode).toBe(403);
    expect((await foreignAdmin.post(verify, { version: 1, verdict: 'verified' })).statusCode).toBe(403);
    const noNote = await agencyAdmin.post(verify, { version: 1, verdict: 'rejected' });
    expect(noNote.json().error.code).toBe('NOTE_REQUIRED');
    const ok = await agencyAdmin.post(verify, {
      version: 1,
      verdict: 'verified',
      note: 'Sesuai salinan SK.',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as HeldPredicate).status).toBe('verified');
    const again = await agencyAdmin.post(verify, { version: 2, verdict: 'rejected', note: 'x' });
    expect(again.json().error.code).toBe('HELD_PREDICATE_DECIDED');

    expect((await history()).holds).toBe('WBK');
    // The undecided WBBM assessment now reads "already WBK" from the history.
    const list = (await lead.get(`/api/assessments/${(await assessmentOf()).id}`)).json() as Assessment;
    expect(list.alreadyWbk).toBe(true);
  });

  it('lists the records for the unit’s readers, with their verification', async () => {
    const res = await member.get(url());
    expect(res.statusCode).toBe(200);
    const { heldPredicates } = res.json() as { heldPredicates: HeldPredicate[] };
    expect(heldPredicates.map((h) => [h.predicate, h.status, h.verificationNote])).toEqual([
      ['WBK', 'verified', 'Sesuai salinan SK.'],
    ]);
  });
});

const assessmentOf = async () => {
  const res = await lead.get(`/api/assessments?unitId=${org.sumenep.id}`);
  const { assessments } = res.json() as { assessments: Assessment[] };
  return assessments.find((a) => a.periodId === periodId)!;
};
