import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  logInAs,
  seedOrg,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';
import { leadingZeroBits } from '../../../core/survey/proof-of-work.ts';
import { todayWib } from './campaign-window.ts';

let t: TestApp;
let lead: Client;
let campaignId: string;

const day = (offset: number) => todayWib(new Date(Date.now() + offset * 86_400_000));
const response = {
  screening: 'sudah',
  profile: {
    usia: '26_35',
    jenis_kelamin: 'laki_laki',
    pendidikan: 'sma',
    pekerjaan: 'swasta',
    layanan: 'loket_a',
  },
  answers: { diskriminasi: 4, kecurangan: 3, imbalan: 4, percaloan: 4, pungli: 3, diarahkan: 'tidak' },
  durationSeconds: 95,
};
const submit = (body: unknown, key = randomUUID()) =>
  t.app.inject({
    method: 'POST',
    url: `/api/public/surveys/${campaignId}/responses`,
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    payload: JSON.stringify(body),
  });
const challenge = async () =>
  (await t.app.inject({ method: 'GET', url: `/api/public/surveys/${campaignId}/challenge` })).json() as {
    challenge: string;
    difficulty: number;
  };
/** What the phone does: try suffixes until the hash starts with enough zero bits. */
const solve = (c: { challenge: string; difficulty: number }) => {
  for (let i = 0; ; i++) {
    const digest = createHash('sha256').update(`${c.challenge}:${i}`).digest();
    if (leadingZeroBits(digest) >= c.difficulty) return { challenge: c.challenge, solution: String(i) };
  }
};

beforeAll(async () => {
  t = await createTestApp({ PULAU_SURVEY_RATE_PER_MINUTE: '10000' });
  const org = await seedOrg(t.db);
  lead = await logInAs(t.app, 'lead@sumenep.test');
  const created = await lead.post('/api/surveys/campaigns', {
    unitId: org.sumenep.id,
    kind: 'ipak',
    periodLabel: 'Uji bukti kerja',
    services: [{ code: 'loket_a', name: 'Loket A', population: 60 }],
    startsOn: day(-1),
    endsOn: day(1),
    proofOfWork: true,
  });
  expect(created.statusCode, created.body).toBe(201);
  campaignId = created.json().id;
  expect((await lead.post(`/api/surveys/campaigns/${campaignId}/open`, { version: 1 })).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('a self-hosted proof of work on public submissions', () => {
  it('is announced by the public form', async () => {
    const form = await t.app.inject({ method: 'GET', url: `/api/public/surveys/${campaignId}` });
    expect(form.json().proofOfWork).toBe(true);
  });

  it('refuses a response without a proof, with a wrong one, or with another campaign’s', async () => {
    expect((await submit(response)).json().error.code).toBe('POW_REQUIRED');
    const c = await challenge();
    expect(
      (await submit({ ...response, proofOfWork: { challenge: c.challenge, solution: 'x' } })).json().error
        .code,
    ).toBe('POW_INVALID');
    const forged = c.challenge.replace(campaignId, randomUUID());
    expect(
      (await submit({ ...response, proofOfWork: solve({ ...c, challenge: forged }) })).json().error.code,
    ).toBe('POW_INVALID');
  });

  it('accepts a solved challenge once; a retry with the same key is the same response; reuse is refused', async () => {
    const proof = solve(await challenge());
    const key = randomUUID();
    const first = await submit({ ...response, proofOfWork: proof }, key);
    expect(first.statusCode, first.body).toBe(201);
    const retry = await submit({ ...response, proofOfWork: proof }, key);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(first.json().id);
    // A retry from the device's queue solves a fresh challenge: still the same response, not a mismatch.
    const requeued = await submit({ ...response, proofOfWork: solve(await challenge()) }, key);
    expect(requeued.statusCode).toBe(200);
    expect(requeued.json().id).toBe(first.json().id);
    const reuse = await submit({ ...response, proofOfWork: proof });
    expect(reuse.statusCode).toBe(409);
    expect(reuse.json().error.code).toBe('POW_USED');
  });

  it('expires a challenge after a quarter of an hour', async () => {
    const proof = solve(await challenge());
    t.advance(16 * 60_000);
    expect((await submit({ ...response, proofOfWork: proof })).json().error.code).toBe('POW_INVALID');
  });
});
