import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { notifications } from '../../db/schema.ts';

const own = (userId: string, unreadOnly: boolean) =>
  unreadOnly
    ? and(eq(notifications.userId, userId), isNull(notifications.readAt))
    : eq(notifications.userId, userId);

/** One page of a user's notices, newest first. */
export const pageOfNotices = (
  db: Tx,
  userId: string,
  opts: { unreadOnly: boolean; offset: number; limit: number },
) =>
  db
    .select()
    .from(notifications)
    .where(own(userId, opts.unreadOnly))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .offset(opts.offset)
    .limit(opts.limit);

export const countNotices = async (db: Tx, userId: string, unreadOnly: boolean): Promise<number> => {
  const [row] = await db.select({ n: count() }).from(notifications).where(own(userId, unreadOnly));
  return row?.n ?? 0;
};

/** Marks one of the user's notices read; null when no such notice is hers. Reading twice keeps the first time. */
export const markRead = async (db: Tx, userId: string, id: string, now: Date) => {
  const [row] = await db
    .select({ id: notifications.id, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  if (!row) return null;
  if (row.readAt) return 0;
  await db.update(notifications).set({ readAt: now }).where(eq(notifications.id, id));
  return 1;
};

export const markAllRead = async (db: Tx, userId: string, now: Date): Promise<number> => {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(own(userId, true))
    .returning({ id: notifications.id });
  return rows.length;
};
