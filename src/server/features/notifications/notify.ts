import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { emailOutbox, notifications, users } from '../../db/schema.ts';
import { renderEmail } from './notice-texts.ts';

export type Notice = {
  userIds: string[];
  unitId: string | null;
  /** A stable code ('review.tpi_return', 'reminder.fill_until', …): the inbox and e-mail texts are per kind. */
  kind: string;
  params: Record<string, string | number>;
  /** The in-app path to open ('/assessments/<id>'), or null. */
  link: string | null;
  /** Also queue an e-mail to each recipient's address (sent by the outbox job). */
  email: boolean;
};

/**
 * Tells users of something: one inbox row each and, when asked, one outbox e-mail each, written in the caller's
 * transaction so a notice exists exactly when the change it tells of was committed. Inactive users and duplicate
 * ids are skipped; an empty list does nothing.
 */
export const notify = async (tx: Tx, notice: Notice, now: Date): Promise<void> => {
  const ids = [...new Set(notice.userIds)];
  if (ids.length === 0) return;
  const recipients = await tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  if (recipients.length === 0) return;
  await tx.insert(notifications).values(
    recipients.map((user) => ({
      id: randomUUID(),
      userId: user.id,
      unitId: notice.unitId,
      kind: notice.kind,
      params: notice.params,
      link: notice.link,
      createdAt: now,
    })),
  );
  if (!notice.email) return;
  await tx.insert(emailOutbox).values(
    recipients.map((user) => {
      const mail = renderEmail(notice.kind, notice.params, notice.link, user.locale);
      return {
        id: randomUUID(),
        toAddress: user.email,
        subject: mail.subject,
        body: mail.body,
        nextAttemptAt: now,
        createdAt: now,
      };
    }),
  );
};
