import { reachOf } from '../../../core/org/can.ts';
import { IdParams } from '../../../contracts/common.ts';
import {
  CreatePeriodBody,
  Period,
  PeriodList,
  PeriodListQuery,
  UpdatePeriodBody,
} from '../../../contracts/periods.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf, authOf } from '../../http/request-actor.ts';
import { createPeriod } from './create-period.ts';
import { presentPeriod } from './present-period.ts';
import { readableAgencyIds } from './readable-agency-ids.ts';
import { findPeriodAgencyPath, findUnitForPeriod, listPeriods } from './repo.ts';
import { updatePeriod } from './update-period.ts';

const tags = ['periods'];

export const periodRoutes = (deps: AppDeps): AnyRouteSpec[] => [
  defineRoute({
    method: 'GET',
    url: '/api/periods',
    summary: 'Periods of every agency the caller works in (a role on any unit inside it)',
    tags,
    access: { kind: 'authenticated' },
    schema: { querystring: PeriodListQuery, response: { 200: PeriodList } },
    handler: async (req) => {
      const readable = readableAgencyIds(reachOf(authOf(req).actor, 'period.read'));
      const { agencyId } = req.query;
      const agencies =
        agencyId === undefined
          ? readable
          : readable === 'all' || readable.includes(agencyId)
            ? [agencyId]
            : [];
      const rows = await listPeriods(deps.db, agencies);
      return { periods: rows.map(presentPeriod) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/periods',
    summary: "Open an agency's evaluation year, pinning the LKE template version",
    tags,
    access: {
      kind: 'action',
      action: 'period.manage',
      subject: async (req) => {
        const agency = await findUnitForPeriod(deps.db, req.body.agencyId);
        if (!agency) throw notFound('Agency');
        return { kind: 'unit', unitPath: agency.path };
      },
    },
    schema: { body: CreatePeriodBody, response: { 201: Period } },
    handler: async (req, reply) => {
      const row = await deps.db.transaction((tx) =>
        createPeriod(tx, { input: req.body, actor: auditActorOf(req), now: deps.now() }),
      );
      return reply.code(201).send(presentPeriod(row));
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/periods/:id',
    summary: 'Edit a period (optimistic: send the version you read)',
    tags,
    access: {
      kind: 'action',
      action: 'period.manage',
      subject: async (req) => {
        const path = await findPeriodAgencyPath(deps.db, req.params.id);
        if (!path) throw notFound('Period');
        return { kind: 'unit', unitPath: path };
      },
    },
    schema: { params: IdParams, body: UpdatePeriodBody, response: { 200: Period } },
    handler: async (req) => {
      const row = await deps.db.transaction((tx) =>
        updatePeriod(tx, {
          periodId: req.params.id,
          input: req.body,
          actor: auditActorOf(req),
          now: deps.now(),
        }),
      );
      return presentPeriod(row);
    },
  }),
];
