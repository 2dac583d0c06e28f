import { describe, expect, it } from 'vitest';
import type { Tx } from '../../db/client.ts';
import type { InsertOutcome, PendingResponse } from './insert-responses.ts';
import { ResponseBatcher } from './response-batcher.ts';

const row = (key: string, device: string | null = null): PendingResponse => ({
  id: `id-${key}`,
  campaignId: 'c',
  campaignVersion: 1,
  serviceCode: 'loket',
  screening: 'sudah',
  answers: {},
  profile: {},
  durationSeconds: 60,
  flags: [],
  idempotencyKey: key,
  bodyHash: 'h',
  deviceTokenHash: device,
  deviceWindowHours: 24,
  ipHash: null,
  powChallengeHash: null,
  createdAt: new Date(0),
});

/** A stand-in statement: records each batch, answers after a tick, fails any batch holding key "bad". */
const recorder = () => {
  const batches: string[][] = [];
  const insert = async (_db: Tx, rows: PendingResponse[]): Promise<InsertOutcome[]> => {
    batches.push(rows.map((r) => r.idempotencyKey));
    await new Promise((r) => setTimeout(r, 5));
    if (rows.some((r) => r.idempotencyKey === 'bad')) throw new Error('statement failed');
    return rows.map((r) => ({ kind: 'stored', id: r.id }));
  };
  return { batches, insert };
};

describe('ResponseBatcher (group commit)', () => {
  it('groups the responses that arrive together, each answered with its own outcome', async () => {
    const { batches, insert } = recorder();
    const b = new ResponseBatcher({} as Tx, insert);
    const keys = Array.from({ length: 40 }, (_, i) => `k${i}`);
    const outcomes = await Promise.all(keys.map((k) => b.store(row(k))));
    expect(outcomes).toEqual(keys.map((k) => ({ kind: 'stored', id: `id-${k}` })));
    // Those sent in one turn of the event loop share a statement; at most two statements run at once.
    expect(batches.length).toBeLessThan(keys.length);
    expect(batches.flat().sort()).toEqual([...keys].sort());
  });

  it('never puts one key, or one device for one campaign and service, twice in a statement', async () => {
    const { batches, insert } = recorder();
    const b = new ResponseBatcher({} as Tx, insert);
    const jobs = [
      ...Array.from({ length: 8 }, (_, i) => row(`fill${i}`)),
      row('same'),
      row('same'),
      row('d1', 'dev'),
      row('d2', 'dev'),
    ];
    await Promise.all(jobs.map((j) => b.store(j)));
    for (const batch of batches) {
      expect(batch.filter((k) => k === 'same').length).toBeLessThanOrEqual(1);
      expect(batch.filter((k) => k === 'd1' || k === 'd2').length).toBeLessThanOrEqual(1);
    }
  });

  it('a failing row fails alone: its neighbours are stored one by one', async () => {
    const { insert } = recorder();
    const b = new ResponseBatcher({} as Tx, insert);
    const grouped = ['a', 'bad', 'c'].map((k) =>
      b.store(row(k)).then(
        (o) => o,
        (e: Error) => e.message,
      ),
    );
    expect(await Promise.all(grouped)).toEqual([
      { kind: 'stored', id: 'id-a' },
      'statement failed',
      { kind: 'stored', id: 'id-c' },
    ]);
  });
});
