import type { Tx } from '../../db/client.ts';
import { insertResponses, type InsertOutcome, type PendingResponse } from './insert-responses.ts';

type Job = { row: PendingResponse; resolve: (o: InsertOutcome) => void; reject: (e: unknown) => void };

// Two: one statement runs while the next fills (measured against 1 and 4 with bench/survey-submit.bench.ts).
const MAX_IN_FLIGHT = 2;
const MAX_BATCH = 64;

/**
 * Group commit for public submissions: while up to MAX_IN_FLIGHT statements run, new responses wait and
 * the next statement stores them together (one INSERT, one commit). Each caller is answered only after the
 * statement holding its row has committed, so an acknowledged response is durable. At light load every
 * response goes alone and waits for nothing.
 */
export class ResponseBatcher {
  private queue: Job[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly db: Tx,
    private readonly insert: typeof insertResponses = insertResponses,
  ) {}

  store(row: PendingResponse): Promise<InsertOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      // Wait for the end of this turn of the event loop: the requests parsed in it go in one statement.
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const batch = this.take();
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  /**
   * Up to MAX_BATCH jobs in arrival order; a job whose idempotency key, or device + campaign + service, is
   * already in the batch waits for the next one (one statement cannot claim the same row twice).
   */
  private take(): Job[] {
    const batch: Job[] = [];
    const rest: Job[] = [];
    const keys = new Set<string>();
    for (const job of this.queue) {
      const r = job.row;
      const key = `k:${r.campaignId}:${r.idempotencyKey}`;
      const device = r.deviceTokenHash
        ? `d:${r.campaignId}:${r.deviceTokenHash}:${r.serviceCode ?? ''}`
        : null;
      if (batch.length >= MAX_BATCH || keys.has(key) || (device && keys.has(device))) rest.push(job);
      else {
        batch.push(job);
        keys.add(key);
        if (device) keys.add(device);
      }
    }
    this.queue = rest;
    return batch;
  }

  private async run(batch: Job[]): Promise<void> {
    try {
      const outcomes = await this.insert(
        this.db,
        batch.map((j) => j.row),
      );
      batch.forEach((j, i) => j.resolve(outcomes[i]!));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // One bad row must not fail its neighbours: each goes alone, and only the bad one fails.
      await Promise.all(batch.map((j) => this.run([j])));
    }
  }
}

const batchers = new WeakMap<object, ResponseBatcher>();

/** The batcher of a database handle (one queue per pool). */
export const batcherOf = (db: Tx): ResponseBatcher => {
  let b = batchers.get(db);
  if (!b) {
    b = new ResponseBatcher(db);
    batchers.set(db, b);
  }
  return b;
};
