import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyResponses } from '../../db/schema.ts';
import {
  createTestApp,
  logInAs,
  seedOrg,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';
import { todayWib } from './campaign-window.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let lead: Client;
const day = (offset: number) => todayWib(new Date(Date.now() + offset * 86_400_000));

const ipak = (service: string, extra: Record<string, unknown> = {}) => ({
  screening: 'sudah',
  profile: {
    usia: '26_35',
    jenis_kelamin: 'perempuan',
    pendidikan: 'sma',
    pekerjaan: 'swasta',
    layanan: service,
  },
  answers: { diskriminasi: 4, kecurangan: 3, imbalan: 4, percaloan: 3, pungli: 4, diarahkan: 'tidak' },
  durationSeconds: 90,
  ...extra,
});
const submit = (campaignId: string, body: unknown, key: string = randomUUID()) =>
  t.app.inject({
    method: 'POST',
    url: `/api/public/surveys/${campaignId}/responses`,
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    payload: JSON.stringify(body),
  });
const openCampaign = async (extra: Record<string, unknown> = {}) => {
  const res = await lead.post('/api/surveys/campaigns', {
    unitId: org.sumenep.id,
    kind: 'ipak',
    periodLabel: 'Perangkat',
    services: [
      { code: 'loket_a', name: 'Loket A', population: 60 },
      { code: 'loket_b', name: 'Loket B', population: 40 },
    ],
    startsOn: day(-1),
    endsOn: day(3),
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  const { id } = res.json() as { id: string };
  expect((await lead.post(`/api/surveys/campaigns/${id}/open`, { version: 1 })).statusCode).toBe(200);
  return id;
};
const stored = async (campaignId: string) =>
  (await t.db.select().from(surveyResponses).where(eq(surveyResponses.campaignId, campaignId))).length;

beforeAll(async () => {
  t = await createTestApp({ PULAU_LOGIN_RATE_PER_MINUTE: '1000', PULAU_SURVEY_RATE_PER_MINUTE: '100000' });
  org = await seedOrg(t.db);
  lead = await logInAs(t.app, 'lead@sumenep.test');
});
afterAll(() => t.close());

describe('device token: refusals', () => {
  it('a second response of the same device for the same service within the window is 409 DUPLICATE_DEVICE', async () => {
    const id = await openCampaign();
    expect((await submit(id, ipak('loket_a', { deviceToken: 'tok-1' }))).statusCode).toBe(201);
    const again = await submit(id, ipak('loket_a', { deviceToken: 'tok-1' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DUPLICATE_DEVICE');
    expect(await stored(id)).toBe(1);
  });

  it('the window is the campaign’s setting, bounded, and editable only on a draft', async () => {
    const bad = await lead.post('/api/surveys/campaigns', {
      unitId: org.sumenep.id,
      kind: 'ipak',
      periodLabel: 'x',
      services: [{ code: 'a', name: 'A', population: 10 }],
      startsOn: day(0),
      endsOn: day(1),
      deviceWindowHours: -1,
    });
    expect(bad.statusCode).toBe(400);
    const id = await openCampaign();
    const edit = await lead.patch(`/api/surveys/campaigns/${id}`, { version: 2, deviceWindowHours: 1 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('CAMPAIGN_NOT_DRAFT');
  });
});

describe('device token: what still passes', () => {
  it('another service, a retry of the same response, a kiosk (no token) and a new day', async () => {
    const id = await openCampaign();
    const key = randomUUID();
    const first = await submit(id, ipak('loket_a', { deviceToken: 'tok-2' }), key);
    expect(first.statusCode).toBe(201);
    // A retry of the same response (same key, same body) is a replay, not a repeat.
    const retry = await submit(id, ipak('loket_a', { deviceToken: 'tok-2' }), key);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual({ id: first.json().id, replayed: true });
    expect((await submit(id, ipak('loket_b', { deviceToken: 'tok-2' }))).statusCode).toBe(201);
    // The kiosk sends no token: the shared tablet answers for every respondent.
    for (let i = 0; i < 3; i += 1) expect((await submit(id, ipak('loket_a'))).statusCode).toBe(201);
    expect((await submit(id, ipak('loket_a', { deviceToken: 'tok-2' }))).statusCode).toBe(409);
    t.advance(24 * 3_600_000 + 1_000);
    try {
      expect((await submit(id, ipak('loket_a', { deviceToken: 'tok-2' }))).statusCode).toBe(201);
      // The retry of the first response still replays after the window moved on.
      expect((await submit(id, ipak('loket_a', { deviceToken: 'tok-2' }), key)).statusCode).toBe(200);
    } finally {
      t.advance(-(24 * 3_600_000 + 1_000));
    }
    expect(await stored(id)).toBe(6);
  });

  it('a window of 0 turns the rule off; a shorter window ends sooner', async () => {
    const off = await openCampaign({ deviceWindowHours: 0 });
    expect((await submit(off, ipak('loket_a', { deviceToken: 'tok-3' }))).statusCode).toBe(201);
    expect((await submit(off, ipak('loket_a', { deviceToken: 'tok-3' }))).statusCode).toBe(201);
    const short = await openCampaign({ deviceWindowHours: 1 });
    expect((await submit(short, ipak('loket_a', { deviceToken: 'tok-3' }))).statusCode).toBe(201);
    expect((await submit(short, ipak('loket_a', { deviceToken: 'tok-3' }))).statusCode).toBe(409);
    t.advance(3_600_000 + 1_000);
    try {
      expect((await submit(short, ipak('loket_a', { deviceToken: 'tok-3' }))).statusCode).toBe(201);
    } finally {
      t.advance(-(3_600_000 + 1_000));
    }
  });
});

describe('grouped inserts under concurrency', () => {
  it('one response per key, whatever arrives together; every copy of a key gets the same id', async () => {
    const id = await openCampaign();
    const keys = Array.from({ length: 12 }, () => randomUUID());
    const sendings = keys.flatMap((key, k) =>
      Array.from({ length: 4 }, () => submit(id, ipak(k % 2 ? 'loket_a' : 'loket_b'), key)),
    );
    const results = await Promise.all(sendings);
    expect(results.every((r) => r.statusCode === 201 || r.statusCode === 200)).toBe(true);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(keys.length);
    keys.forEach((_, k) => {
      const ids = new Set(results.slice(k * 4, k * 4 + 4).map((r) => r.json().id));
      expect(ids.size).toBe(1);
    });
    expect(await stored(id)).toBe(keys.length);
  });

  it('concurrent responses of one device for one service: exactly one is stored', async () => {
    const id = await openCampaign();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => submit(id, ipak('loket_a', { deviceToken: 'tok-race' }))),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409).map((r) => r.json().error.code)).toEqual(
      Array(9).fill('DUPLICATE_DEVICE'),
    );
    expect(await stored(id)).toBe(1);
  });

  it('a form left open absurdly long is stored (duration capped), with the others sent with it', async () => {
    const id = await openCampaign();
    const results = await Promise.all([
      ...Array.from({ length: 5 }, () => submit(id, ipak('loket_a'))),
      submit(id, ipak('loket_a', { durationSeconds: 1e12 })),
      ...Array.from({ length: 5 }, () => submit(id, ipak('loket_b'))),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual(Array(11).fill(201));
    expect(await stored(id)).toBe(11);
  });
});
