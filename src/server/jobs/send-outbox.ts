import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { emailOutbox } from '../db/schema.ts';
import { ORIGIN_PLACEHOLDER } from '../features/notifications/notice-texts.ts';
import type { Mailer } from '../mail/mailer.ts';

const MINUTE = 60_000;
/** Waits after the 1st, 2nd, … failed attempt; the last wait repeats. */
const BACKOFF_MS = [1, 5, 15, 60, 240].map((m) => m * MINUTE);
/** A claimed row is retried after this long if its process died while sending (the attempt still counts). */
const LEASE_MS = 10 * MINUTE;

export const backoffAfter = (attempts: number): number =>
  BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length) - 1] ?? BACKOFF_MS[0]!;

export type SendOutboxOptions = {
  now: Date;
  maxAttempts: number;
  /** Unsent e-mail older than this is marked failed as stale rather than sent late. */
  maxAgeMs: number;
  /** Put in front of in-app links (PULAU_PUBLIC_URL); null leaves the bare path. */
  publicUrl: string | null;
  batchSize?: number;
};

export type SendOutboxResult = { sent: number; retried: number; failed: number; expired: number };

type Claimed = { id: string; to_address: string; subject: string; body: string; attempts: number };

/**
 * Sends the due e-mail of the outbox. Rows are claimed in one statement (`FOR UPDATE SKIP LOCKED`, attempt
 * counted, lease set), then sent outside any transaction, so several processes never take the same row and a
 * slow SMTP server holds no lock. A failure waits per the backoff; after `maxAttempts` the row is 'failed'.
 * Delivery is at least once: a process dying between the SMTP "OK" and the update resends after the lease.
 */
export const sendOutbox = async (
  db: Db,
  mailer: Mailer,
  options: SendOutboxOptions,
): Promise<SendOutboxResult> => {
  const { now } = options;
  const expired = await db
    .update(emailOutbox)
    .set({ status: 'failed', lastError: 'stale: not sent within the maximum age' })
    .where(
      and(
        eq(emailOutbox.status, 'pending'),
        lt(emailOutbox.createdAt, new Date(now.getTime() - options.maxAgeMs)),
      ),
    )
    .returning({ id: emailOutbox.id });
  const claimed = (await db.execute(sql`
    UPDATE email_outbox SET attempts = attempts + 1, next_attempt_at = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz
    WHERE id IN (
      SELECT id FROM email_outbox
      WHERE status = 'pending' AND next_attempt_at <= ${now.toISOString()}::timestamptz
      ORDER BY next_attempt_at, created_at
      LIMIT ${options.batchSize ?? 50}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, to_address, subject, body, attempts`)) as { rows: Claimed[] };
  const result: SendOutboxResult = { sent: 0, retried: 0, failed: 0, expired: expired.length };
  for (const row of claimed.rows) {
    try {
      await mailer.send({
        to: row.to_address,
        subject: row.subject,
        text: row.body.split(ORIGIN_PLACEHOLDER).join(options.publicUrl ?? ''),
      });
      await db
        .update(emailOutbox)
        .set({ status: 'sent', sentAt: now, lastError: null })
        .where(eq(emailOutbox.id, row.id));
      result.sent += 1;
    } catch (error) {
      const lastError = error instanceof Error ? error.message.slice(0, 500) : String(error);
      const final = row.attempts >= options.maxAttempts;
      await db
        .update(emailOutbox)
        .set(
          final
            ? { status: 'failed', lastError }
            : { lastError, nextAttemptAt: new Date(now.getTime() + backoffAfter(row.attempts)) },
        )
        .where(eq(emailOutbox.id, row.id));
      if (final) result.failed += 1;
      else result.retried += 1;
    }
  }
  return result;
};
