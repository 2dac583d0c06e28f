import type { InboxPage } from '../../../contracts/notifications.ts';
import type { Tx } from '../../db/client.ts';
import { countNotices, pageOfNotices } from './repo.ts';

/** The caller's inbox page with the unread count the bell shows. */
export const listInbox = async (
  db: Tx,
  userId: string,
  query: { page: number; pageSize: number; unread: 'true' | 'false' },
): Promise<InboxPage> => {
  const unreadOnly = query.unread === 'true';
  const rows = await pageOfNotices(db, userId, {
    unreadOnly,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const unread = await countNotices(db, userId, true);
  return {
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      params: n.params as Record<string, string | number>,
      link: n.link,
      unitId: n.unitId,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
    total: unreadOnly ? unread : await countNotices(db, userId, false),
    unread,
    page: query.page,
    pageSize: query.pageSize,
  };
};
