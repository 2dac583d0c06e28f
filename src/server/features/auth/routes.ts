import { ChangePasswordBody, LoginBody, Session, UpdateProfileBody } from '../../../contracts/auth.ts';
import type { AppDeps } from '../../http/deps.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf, authOf } from '../../http/request-actor.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../http/session-plugin.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { changePassword } from './change-password.ts';
import { logIn } from './log-in.ts';
import { presentSession } from './present-me.ts';
import { deleteSession, findUserById, grantsOfUser, updateProfile } from './repo.ts';

const tags = ['auth'];

export const authRoutes = (deps: AppDeps): AnyRouteSpec[] => [
  defineRoute({
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Log in with email and password',
    tags,
    access: { kind: 'public' },
    skipCsrf: true,
    rateLimit: { max: deps.config.login.ratePerMinute, timeWindowMs: 60_000 },
    schema: { body: LoginBody, response: { 200: Session } },
    handler: async (req, reply) => {
      const result = await logIn(deps, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        previousToken: req.cookies[SESSION_COOKIE],
      });
      setSessionCookie(req, reply, deps, result.token);
      return presentSession(result.user, await grantsOfUser(deps.db, result.user.id), result.csrfToken);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'Log out: ends this session',
    tags,
    access: { kind: 'authenticated' },
    schema: {},
    handler: async (req, reply) => {
      const auth = authOf(req);
      await deleteSession(deps.db, auth.sessionId);
      clearSessionCookie(req, reply, deps);
      return reply.code(204).send();
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/auth/me',
    summary: 'The logged-in user, her grants and the CSRF token for this session',
    tags,
    access: { kind: 'authenticated' },
    schema: { response: { 200: Session } },
    handler: async (req) => {
      const auth = authOf(req);
      return presentSession(auth.user, await grantsOfUser(deps.db, auth.user.id), auth.csrfToken);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/auth/me',
    summary: 'Change one’s own name or language',
    tags,
    access: { kind: 'authenticated' },
    schema: { body: UpdateProfileBody, response: { 200: Session } },
    handler: async (req) => {
      const auth = authOf(req);
      const now = deps.now();
      await deps.db.transaction(async (tx) => {
        await updateProfile(tx, auth.user.id, req.body, now);
        await writeAudit(tx, {
          actor: auditActorOf(req),
          action: 'user.profile_updated',
          subjectType: 'user',
          subjectId: auth.user.id,
          before: { name: auth.user.name, locale: auth.user.locale },
          after: req.body,
          now,
        });
      });
      const user = (await findUserById(deps.db, auth.user.id)) ?? auth.user;
      return presentSession(user, await grantsOfUser(deps.db, user.id), auth.csrfToken);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/change-password',
    summary: 'Change one’s own password (ends other sessions)',
    tags,
    access: { kind: 'authenticated' },
    // A stolen session must not become a fast way to guess the current password.
    rateLimit: { max: deps.config.login.ratePerMinute, timeWindowMs: 60_000 },
    schema: { body: ChangePasswordBody },
    handler: async (req, reply) => {
      const auth = authOf(req);
      await changePassword(deps, {
        user: auth.user,
        ...req.body,
        actor: auditActorOf(req),
        currentSessionId: auth.sessionId,
      });
      return reply.code(204).send();
    },
  }),
];
