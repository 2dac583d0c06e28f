import type { FastifyRequest } from 'fastify';
import { IdParams } from '../../../contracts/common.ts';
import {
  AddVersionBody,
  CreateEvidenceBody,
  Evidence,
  EvidenceList,
  EvidenceListQuery,
  UnitEvidenceParams,
  UpdateEvidenceBody,
} from '../../../contracts/evidence.ts';
import type { Subject } from '../../../core/org/can.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf, authOf } from '../../http/request-actor.ts';
import { addEvidenceVersion } from './add-evidence-version.ts';
import { claimUpload } from './claim-upload.ts';
import { createEvidence } from './create-evidence.ts';
import { downloadRoutes } from './download-route.ts';
import { linkRoutes } from './link-routes.ts';
import { loadEvidence } from './load-evidence.ts';
import { loadPresented } from './present-evidence.ts';
import { findEvidence, listEvidence } from './repo.ts';
import { requireUnitRef, unitOfParams } from '../units/unit-ref.ts';
import { updateEvidence } from './update-evidence.ts';

const tags = ['evidence'];

/** The evidence library (data dukung) of a unit; bytes arrive through the tus endpoint at /api/uploads. */
export const evidenceRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const unitRef = (id: string) => requireUnitRef(deps.db, id);
  const unitSubject = unitOfParams(deps.db);
  const evidenceSubject = async (req: FastifyRequest): Promise<Subject> => {
    const found = await findEvidence(deps.db, (req.params as { id: string }).id);
    if (!found) throw notFound('Evidence');
    return { kind: 'unit', unitPath: found.unitPath };
  };

  return [
    defineRoute({
      method: 'POST',
      url: '/api/units/:unitId/evidence',
      summary: "Turn the caller's finished upload into evidence (optionally attached to an item)",
      tags,
      access: { kind: 'action', action: 'evidence.upload', subject: unitSubject },
      schema: { params: UnitEvidenceParams, body: CreateEvidenceBody, response: { 201: Evidence } },
      handler: async (req, reply) => {
        const auth = authOf(req);
        const unit = await unitRef(req.params.unitId);
        const created = await deps.db.transaction(async (tx) =>
          createEvidence(tx, {
            unit,
            input: req.body,
            upload: await claimUpload(tx, {
              uploadId: req.body.uploadId,
              ownerId: auth.user.id,
              unitId: unit.id,
            }),
            who: auth.actor,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return reply.code(201).send(created);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/units/:unitId/evidence',
      summary: "A unit's evidence library: search title, description and file names; filter by item or type",
      tags,
      access: { kind: 'action', action: 'evidence.read', subject: unitSubject },
      schema: { params: UnitEvidenceParams, querystring: EvidenceListQuery, response: { 200: EvidenceList } },
      handler: async (req) => {
        const rows = await listEvidence(deps.db, req.params.unitId, req.query);
        return { evidence: await loadPresented(deps.db, rows) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/evidence/:id',
      summary: 'One piece of evidence with its versions and the items it serves',
      tags,
      access: { kind: 'action', action: 'evidence.read', subject: evidenceSubject },
      schema: { params: IdParams, response: { 200: Evidence } },
      handler: async (req) => (await loadEvidence(deps.db, req.params.id)).presented,
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/evidence/:id',
      summary: 'Edit title, description or effective date (optimistic: send the version you read)',
      tags,
      access: { kind: 'action', action: 'evidence.upload', subject: evidenceSubject },
      schema: { params: IdParams, body: UpdateEvidenceBody, response: { 200: Evidence } },
      handler: async (req) =>
        deps.db.transaction((tx) =>
          updateEvidence(tx, {
            evidenceId: req.params.id,
            input: req.body,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/evidence/:id/versions',
      summary: 'Replace the file with a finished upload; earlier versions stay in the history',
      tags,
      access: { kind: 'action', action: 'evidence.upload', subject: evidenceSubject },
      schema: { params: IdParams, body: AddVersionBody, response: { 200: Evidence } },
      handler: async (req) => {
        const auth = authOf(req);
        const current = await loadEvidence(deps.db, req.params.id);
        return deps.db.transaction(async (tx) =>
          addEvidenceVersion(tx, {
            evidenceId: req.params.id,
            version: req.body.version,
            upload: await claimUpload(tx, {
              uploadId: req.body.uploadId,
              ownerId: auth.user.id,
              unitId: current.unit.id,
            }),
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
      },
    }),
    ...linkRoutes(deps),
    ...downloadRoutes(deps),
  ];
};
