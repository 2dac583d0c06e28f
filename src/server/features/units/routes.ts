import type { FastifyRequest } from 'fastify';
import { reachOf } from '../../../core/org/can.ts';
import { IdParams } from '../../../contracts/common.ts';
import {
  CreateUnitBody,
  ImportUnitsBody,
  ImportUnitsResult,
  MoveUnitBody,
  Unit,
  UnitList,
  UpdateUnitBody,
  VersionBody,
} from '../../../contracts/units.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf, authOf } from '../../http/request-actor.ts';
import { createUnit } from './create-unit.ts';
import { importUnits } from './import-units.ts';
import { moveUnit } from './move-unit.ts';
import { presentUnit } from './present-unit.ts';
import { findUnit, listUnits } from './repo.ts';
import { setUnitActive } from './set-unit-active.ts';
import { updateUnit } from './update-unit.ts';

const tags = ['units'];

export const unitRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  /** The subject of a route that names a unit by id: its path, or 404. */
  const unitById = async (id: string) => {
    const unit = await findUnit(deps.db, id);
    if (!unit) throw notFound('Unit');
    return { kind: 'unit' as const, unitPath: unit.path };
  };
  const byParam = (req: FastifyRequest) => unitById((req.params as { id: string }).id);

  return [
    defineRoute({
      method: 'GET',
      url: '/api/units',
      summary: 'Every unit the caller may read, flat and ordered by path',
      tags,
      access: { kind: 'authenticated' },
      schema: { response: { 200: UnitList } },
      handler: async (req) => {
        const rows = await listUnits(deps.db, reachOf(authOf(req).actor, 'unit.read'));
        return { units: rows.map(presentUnit) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/units/:id',
      summary: 'One unit',
      tags,
      access: { kind: 'action', action: 'unit.read', subject: byParam },
      schema: { params: IdParams, response: { 200: Unit } },
      handler: async (req) => {
        const unit = await findUnit(deps.db, req.params.id);
        if (!unit) throw notFound('Unit');
        return presentUnit(unit);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/units',
      summary: 'Create an agency (no parent: system admin) or a unit under a parent',
      tags,
      access: {
        kind: 'action',
        action: 'unit.create',
        subject: (req) => (req.body.parentId === null ? { kind: 'system' } : unitById(req.body.parentId)),
      },
      schema: { body: CreateUnitBody, response: { 201: Unit } },
      handler: async (req, reply) => {
        const row = await deps.db.transaction((tx) =>
          createUnit(tx, { input: req.body, actor: auditActorOf(req), now: deps.now() }),
        );
        return reply.code(201).send(presentUnit(row));
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/units/:id',
      summary: 'Rename or edit a unit (optimistic: send the version you read)',
      tags,
      access: { kind: 'action', action: 'unit.update', subject: byParam },
      schema: { params: IdParams, body: UpdateUnitBody, response: { 200: Unit } },
      handler: async (req) => {
        const row = await deps.db.transaction((tx) =>
          updateUnit(tx, {
            unitId: req.params.id,
            input: req.body,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return presentUnit(row);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/units/:id/move',
      summary: 'Move a unit and its sub-units under another parent',
      tags,
      access: { kind: 'action', action: 'unit.move', subject: byParam },
      schema: { params: IdParams, body: MoveUnitBody, response: { 200: Unit } },
      handler: async (req) => {
        const row = await deps.db.transaction((tx) =>
          moveUnit(tx, {
            unitId: req.params.id,
            newParentId: req.body.newParentId,
            version: req.body.version,
            who: authOf(req).actor,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return presentUnit(row);
      },
    }),
    ...(['deactivate', 'reactivate'] as const).map((verb) =>
      defineRoute({
        method: 'POST',
        url: `/api/units/:id/${verb}`,
        summary: verb === 'deactivate' ? 'Deactivate a unit (nothing is deleted)' : 'Reactivate a unit',
        tags,
        access: { kind: 'action', action: 'unit.deactivate', subject: byParam },
        schema: { params: IdParams, body: VersionBody, response: { 200: Unit } },
        handler: async (req) => {
          const row = await deps.db.transaction((tx) =>
            setUnitActive(tx, {
              unitId: req.params.id,
              version: req.body.version,
              active: verb === 'reactivate',
              actor: auditActorOf(req),
              now: deps.now(),
            }),
          );
          return presentUnit(row);
        },
      }),
    ),
    defineRoute({
      method: 'POST',
      url: '/api/units/import',
      summary: 'Import sub-units from CSV (all or nothing)',
      tags,
      access: { kind: 'action', action: 'unit.import', subject: (req) => unitById(req.body.parentId) },
      schema: { body: ImportUnitsBody, response: { 200: ImportUnitsResult } },
      handler: async (req) => {
        const rows = await deps.db.transaction((tx) =>
          importUnits(tx, {
            parentId: req.body.parentId,
            csv: req.body.csv,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return { created: rows.length, units: rows.map(presentUnit) };
      },
    }),
  ];
};
