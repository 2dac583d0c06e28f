import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../features/audit/write-audit.ts';
import { unauthenticated } from './errors.ts';
import type { Auth } from './session-plugin.ts';

/** The logged-in caller; routes whose access is not public may rely on it. */
export const authOf = (req: FastifyRequest): Auth => {
  if (!req.auth) throw unauthenticated();
  return req.auth;
};

export const auditActorOf = (req: FastifyRequest): AuditActor => ({
  id: req.auth?.user.id ?? null,
  label: req.auth?.user.email ?? 'anonymous',
  ip: req.ip ?? null,
});
