import { can, reachOf } from '../../../core/org/can.ts';
import { AuditPage, AuditQuery, AuditVerifyResult, type AuditEntry } from '../../../contracts/audit.ts';
import type { AppDeps } from '../../http/deps.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { authOf } from '../../http/request-actor.ts';
import { findUnit } from '../units/repo.ts';
import { listAudit, type AuditRow } from './repo.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

const tags = ['audit'];

const presentAudit = (row: AuditRow): AuditEntry => ({
  seq: row.seq,
  at: row.at.toISOString(),
  actorId: row.actorId,
  actorLabel: row.actorLabel,
  action: row.action,
  subjectType: row.subjectType,
  subjectId: row.subjectId,
  unitId: row.unitId,
  before: row.before,
  after: row.after,
  ip: row.ip,
  hash: row.hash,
});

export const auditRoutes = (deps: AppDeps): AnyRouteSpec[] => [
  defineRoute({
    method: 'GET',
    url: '/api/audit',
    summary: 'The audit trail, newest first, filtered to what the caller may read',
    tags,
    access: {
      kind: 'action',
      action: 'audit.read',
      // With a unit named, that unit; without, the caller's own reach decides what is listed (refused if empty).
      subject: async (req) => {
        if (req.query.unitId) {
          const unit = await findUnit(deps.db, req.query.unitId);
          if (!unit) throw notFound('Unit');
          return { kind: 'unit', unitPath: unit.path };
        }
        const reach = req.auth ? reachOf(req.auth.actor, 'audit.read') : null;
        const first = reach && !reach.all ? (reach.subtrees[0] ?? reach.exact[0]) : undefined;
        return reach?.all
          ? { kind: 'system' }
          : first
            ? { kind: 'unit', unitPath: first }
            : { kind: 'system' };
      },
    },
    schema: { querystring: AuditQuery, response: { 200: AuditPage } },
    handler: async (req) => {
      const { actor } = authOf(req);
      const unit = req.query.unitId ? await findUnit(deps.db, req.query.unitId) : undefined;
      if (unit && !can(actor, 'audit.read', { kind: 'unit', unitPath: unit.path })) throw forbidden();
      const rows = await listAudit(deps.db, {
        reach: reachOf(actor, 'audit.read'),
        unitPath: unit?.path,
        actorId: req.query.actorId,
        action: req.query.action,
        subjectType: req.query.subjectType,
        from: req.query.from ? new Date(req.query.from) : undefined,
        to: req.query.to ? new Date(req.query.to) : undefined,
        before: req.query.before,
        limit: req.query.limit + 1,
      });
      const page = rows.slice(0, req.query.limit);
      return {
        entries: page.map(presentAudit),
        nextBefore: rows.length > req.query.limit ? (page.at(-1)?.seq ?? null) : null,
      };
    },
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
