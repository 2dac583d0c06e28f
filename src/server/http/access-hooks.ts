import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../core/org/can.ts';
import { forbidden, HttpError, unauthenticated } from './errors.ts';
import type { AnyRouteSpec } from './route.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** 401 and the CSRF check come before the body is validated, so an anonymous caller learns nothing from a 400. */
export const authenticationHook = (spec: AnyRouteSpec) => async (req: FastifyRequest) => {
  if (spec.access.kind === 'public') return;
  if (!req.auth) throw unauthenticated();
  if (STATE_CHANGING.has(req.method) && !spec.skipCsrf) {
    const header = req.headers['x-csrf-token'];
    if (typeof header !== 'string' || !sameToken(header, req.auth.csrfToken)) {
      throw new HttpError(403, 'CSRF_TOKEN_INVALID', 'Missing or wrong x-csrf-token header.');
    }
  }
};

/** The permission check proper: after validation, since the subject may be named in the body. */
export const authorisationHook =
  (spec: AnyRouteSpec) => async (req: FastifyRequest, _reply: FastifyReply) => {
    if (spec.access.kind !== 'action') return;
    const subject = await spec.access.subject(req);
    if (!can(req.auth?.actor ?? null, spec.access.action, subject)) throw forbidden();
  };
