import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/org/can.ts';
import type { AppDeps } from './deps.ts';
import {
  activeGrantsForActor,
  deleteSession,
  findSession,
  findUserById,
  touchSession,
  type UserRow,
} from '../features/auth/repo.ts';

export const SESSION_COOKIE = 'pulau_session';

export type Auth = { user: UserRow; actor: Actor; sessionId: string; csrfToken: string };

declare module 'fastify' {
  // Module augmentation only works with an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyRequest {
    auth: Auth | null;
  }
}

/** Touching the session row on every request would make every read a write; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

export const cookieOptions = (req: FastifyRequest, deps: AppDeps, maxAgeMs?: number) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: deps.config.secureCookies === 'auto' ? req.protocol === 'https' : deps.config.secureCookies,
  ...(maxAgeMs === undefined ? {} : { maxAge: Math.floor(maxAgeMs / 1000) }),
});

export const setSessionCookie = (req: FastifyRequest, reply: FastifyReply, deps: AppDeps, token: string) => {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(req, deps, deps.config.session.absoluteMs));
};

export const clearSessionCookie = (req: FastifyRequest, reply: FastifyReply, deps: AppDeps) => {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(req, deps));
};

/** Loads the session named by the cookie, enforcing idle and absolute expiry, into `req.auth`. */
export const registerSessionLoader = (app: FastifyInstance, deps: AppDeps) => {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    req.auth = null;
    const token = req.cookies[SESSION_COOKIE];
    if (!token || !req.url.startsWith('/api/')) return;
    const session = await findSession(deps.db, token);
    if (!session) return;
    const now = deps.now();
    const idleExpired = now.getTime() - session.lastSeenAt.getTime() > deps.config.session.idleMs;
    if (idleExpired || session.expiresAt <= now) {
      await deleteSession(deps.db, session.id);
      return;
    }
    const user = await findUserById(deps.db, session.userId);
    if (!user || !user.active) return;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
      await touchSession(deps.db, session.id, now);
    const grants = await activeGrantsForActor(deps.db, user.id);
    req.auth = {
      user,
      actor: { userId: user.id, isSystemAdmin: user.isSystemAdmin, grants },
      sessionId: session.id,
      csrfToken: session.csrfToken,
    };
  });
};
