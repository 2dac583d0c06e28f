import type { InboxPage, Notice, ReadResult } from '../../../contracts/notifications.ts';
import { api } from '../../lib/api.ts';

export type { InboxPage, Notice };

export const inboxKeys = {
  all: ['inbox'] as const,
  page: (page: number, unreadOnly: boolean) => ['inbox', 'page', page, unreadOnly] as const,
  unread: ['inbox', 'unread'] as const,
};

export const inboxApi = {
  page: (page: number, pageSize: number, unreadOnly: boolean) =>
    api.get<InboxPage>('/api/inbox', { page, pageSize, unread: unreadOnly ? 'true' : undefined }),
  /** The bell's count: the smallest page carries it. */
  unreadCount: async () => (await api.get<InboxPage>('/api/inbox', { pageSize: 1, unread: 'true' })).unread,
  read: (id: string) => api.post<ReadResult>(`/api/inbox/${id}/read`, {}),
  readAll: () => api.post<ReadResult>('/api/inbox/read-all', {}),
};
