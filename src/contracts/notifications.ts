import { z } from 'zod';
import { Id } from './common.ts';

/** One notice of the caller's inbox; `kind` and `params` make its sentence (`inbox.kinds.<kind>` in the UI). */
export const Notice = z.object({
  id: Id,
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  link: z.string().nullable(),
  unitId: Id.nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notice = z.infer<typeof Notice>;

export const InboxQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  /** Only the unread ones. */
  unread: z.enum(['true', 'false']).default('false'),
});
export type InboxQuery = z.input<typeof InboxQuery>;

export const InboxPage = z.object({
  items: z.array(Notice),
  /** All notices matching the query (for paging). */
  total: z.number().int(),
  /** The caller's unread notices, whatever the page: the bell's count. */
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type InboxPage = z.infer<typeof InboxPage>;

export const ReadResult = z.object({ updated: z.number().int() });
export type ReadResult = z.infer<typeof ReadResult>;
