import { IdParams } from '../../../contracts/common.ts';
import { InboxPage, InboxQuery, ReadResult } from '../../../contracts/notifications.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { authOf } from '../../http/request-actor.ts';
import { listInbox } from './list-inbox.ts';
import { markAllRead, markRead } from './repo.ts';

const tags = ['inbox'];

/**
 * The caller's own inbox. Every route acts on the logged-in user herself: another user's notice is unknown
 * to her (404), never forbidden, so ids do not reveal whose they are.
 */
export const inboxRoutes = (deps: AppDeps): AnyRouteSpec[] => [
  defineRoute({
    method: 'GET',
    url: '/api/inbox',
    summary: "The caller's notices, newest first, paged, with the unread count",
    tags,
    access: { kind: 'authenticated' },
    schema: { querystring: InboxQuery, response: { 200: InboxPage } },
    handler: (req) => listInbox(deps.db, authOf(req).user.id, req.query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/inbox/:id/read',
    summary: 'Mark one of the caller’s notices read',
    tags,
    access: { kind: 'authenticated' },
    schema: { params: IdParams, response: { 200: ReadResult } },
    handler: async (req) => {
      const updated = await markRead(deps.db, authOf(req).user.id, req.params.id, deps.now());
      if (updated === null) throw notFound('Notice');
      return { updated };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/inbox/read-all',
    summary: "Mark all the caller's notices read",
    tags,
    access: { kind: 'authenticated' },
    schema: { response: { 200: ReadResult } },
    handler: async (req) => ({ updated: await markAllRead(deps.db, authOf(req).user.id, deps.now()) }),
  }),
];
