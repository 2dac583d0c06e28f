import { SetupBody, SetupStatus, Session } from '../../../contracts/auth.ts';
import type { AppDeps } from '../../http/deps.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { setSessionCookie } from '../../http/session-plugin.ts';
import { presentSession } from '../auth/present-me.ts';
import { grantsOfUser } from '../auth/repo.ts';
import { completeSetup, countUsers } from './complete-setup.ts';

const tags = ['setup'];

export const setupRoutes = (deps: AppDeps): AnyRouteSpec[] => [
  defineRoute({
    method: 'GET',
    url: '/api/setup/status',
    summary: 'Whether this installation still needs its first-run setup',
    tags,
    access: { kind: 'public' },
    schema: { response: { 200: SetupStatus } },
    handler: async () => ({ needsSetup: (await countUsers(deps.db)) === 0 }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/setup',
    summary: 'First run: create the first agency and the system administrator (once)',
    tags,
    access: { kind: 'public' },
    skipCsrf: true,
    rateLimit: { max: 10, timeWindowMs: 60_000 },
    schema: { body: SetupBody, response: { 201: Session } },
    handler: async (req, reply) => {
      const { user, session } = await completeSetup(deps, {
        input: req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      setSessionCookie(req, reply, deps, session.token);
      return reply
        .code(201)
        .send(presentSession(user, await grantsOfUser(deps.db, user.id), session.csrfToken));
    },
  }),
];
