import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { notifications, users } from '../../src/server/db/schema.ts';
import type { MatrixContext, MatrixRequest, Who } from './route-requests.ts';

type Entry = { allowed: 'all' | readonly Who[]; build: (ctx: MatrixContext) => Promise<MatrixRequest> };

/**
 * The inbox acts on the caller herself: every logged-in user may call it. Marking a notice read here names
 * someone else's notice, so every caller gets 404 (never 403, never another's data).
 */
export const INBOX_REQUESTS: Record<string, Entry> = {
  // The caller's own to-dos (home page): every logged-in user.
  'GET /api/me/todos': { allowed: 'all', build: async () => ({ url: '/api/me/todos' }) },
  'GET /api/inbox': { allowed: 'all', build: async () => ({ url: '/api/inbox?page=1&pageSize=5' }) },
  'POST /api/inbox/:id/read': {
    allowed: 'all',
    build: async (ctx) => {
      const [lead] = await ctx.t.db.select().from(users).where(eq(users.email, 'lead@sumenep.test'));
      const id = randomUUID();
      await ctx.t.db.insert(notifications).values({
        id,
        userId: lead!.id,
        unitId: ctx.org.sumenep.id,
        kind: 'review.submit',
        params: { unit: 'KPU Kabupaten Sumenep', period: '2026' },
        link: null,
      });
      return { url: `/api/inbox/${id}/read`, params: { id } };
    },
  },
  'POST /api/inbox/read-all': { allowed: 'all', build: async () => ({ url: '/api/inbox/read-all' }) },
};
