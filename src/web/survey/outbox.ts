import { sendResponse, type SendResult } from './api.ts';
import type { SubmitBody } from './types.ts';

/** A response kept on the device until the server has it; `key` is its Idempotency-Key, fixed for good. */
export type Pending = {
  key: string;
  campaignId: string;
  body: SubmitBody;
  queuedAt: number;
  /** The campaign asks for a proof of work: solved afresh at each sending (challenges expire). */
  proofOfWork?: boolean;
};

export const OUTBOX_STORAGE_KEY = 'pulau.survey.outbox';

type Send = (campaignId: string, key: string, body: SubmitBody, proofOfWork?: boolean) => Promise<SendResult>;

const read = (storageKey: string): Pending[] => {
  try {
    const raw = localStorage.getItem(storageKey);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as Pending[]) : [];
  } catch {
    return [];
  }
};

/**
 * Responses waiting for a connection, in localStorage so that a reload or a flat battery loses nothing. Sent
 * strictly in order, one at a time, each with its own key, so the server counts each exactly once even when
 * a send was cut off after the server stored it (the retry is a replay). Flushes never overlap.
 */
export class Outbox {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly send: Send = sendResponse,
    private readonly storageKey: string = OUTBOX_STORAGE_KEY,
  ) {}

  list(): Pending[] {
    return read(this.storageKey);
  }

  has(key: string): boolean {
    return this.list().some((p) => p.key === key);
  }

  add(item: Pending): void {
    const items = this.list();
    if (items.some((p) => p.key === item.key)) return;
    this.write([...items, item]);
  }

  private remove(key: string): void {
    this.write(this.list().filter((p) => p.key !== key));
  }

  private write(items: Pending[]): void {
    try {
      if (items.length === 0) localStorage.removeItem(this.storageKey);
      else localStorage.setItem(this.storageKey, JSON.stringify(items));
    } catch {
      // Storage full or blocked: nothing more this device can do.
    }
  }

  /** Sends what is waiting, oldest first; stops at the first item that cannot be sent yet. */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.drain();
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const next = this.list()[0];
      if (!next) return;
      const result = await this.send(next.campaignId, next.key, next.body, next.proofOfWork === true);
      if (result.kind === 'retry') return;
      // Stored (or replayed), or refused for good (closed campaign, spent code): either way it leaves the queue.
      this.remove(next.key);
    }
  }
}
