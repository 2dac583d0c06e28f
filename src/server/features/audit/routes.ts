import { AuditPage, AuditQuery, AuditVerifyResult } from '../../../contracts/audit.ts';
import type { AppDeps } from '../../http/deps.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { authOf } from '../../http/request-actor.ts';
import { listAudit } from './list-audit.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

const tags = ['audit'];

export const auditRoutes = (deps: AppDeps): AnyRouteSpec[] => [
  defineRoute({
    method: 'GET',
    url: '/api/audit',
    summary: 'The audit trail, newest first, narrowed to where the caller holds audit.read',
    tags,
    // A list spans the caller's whole reach, which no single subject names: like GET /api/units, the use
    // case narrows the query with reachOf(), and refuses a named unit with can().
    access: { kind: 'authenticated' },
    schema: { querystring: AuditQuery, response: { 200: AuditPage } },
    handler: (req) => listAudit(deps.db, { who: authOf(req).actor, query: req.query }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/audit/verify',
    summary: 'Verify the hash chain of the whole audit trail (system administrators)',
    tags,
    access: { kind: 'action', action: 'audit.verify', subject: () => ({ kind: 'system' }) },
    schema: { response: { 200: AuditVerifyResult } },
    handler: () => verifyAuditChain(deps.db),
  }),
];
