import { Evidence } from '../../../contracts/evidence.ts';
import { UnitIdParams } from '../../../contracts/employees.ts';
import {
  AttachToLkeBody,
  CreateLinksBody,
  MyPact,
  PactDocument,
  PactOverview,
  PactStatusList,
  ReminderResult,
  SavePactBody,
  Signature,
  SignBody,
  SigningLinks,
} from '../../../contracts/pact.ts';
import type { AppDeps } from '../../http/deps.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf, authOf } from '../../http/request-actor.ts';
import { renderPdf } from '../../render/pdf.ts';
import { openBlobStore } from '../../storage/open-blob-store.ts';
import { publicOrigin } from '../surveys/public-link.ts';
import { attachSignedListToLke } from './attach-to-lke.ts';
import { createLinks } from './create-links.ts';
import { myPact } from './my-pact.ts';
import { pactOverview, pactStatus } from './pact-status.ts';
import { presentSignature } from './present-signature.ts';
import { pactPublicRoutes } from './public-routes.ts';
import { requireUnitRef, unitOfParams } from '../units/unit-ref.ts';
import { savePact } from './save-pact.ts';
import { sendReminders } from './send-reminders.ts';
import { loadSignedList } from './signed-list-data.ts';
import { signedListDocument } from './signed-list-pdf.ts';
import { signWithLogin } from './sign-with-login.ts';

const tags = ['pact'];

/**
 * The integrity pact (pakta integritas): its text and progress are programme data (read up the hierarchy);
 * who signed and who did not, links and reminders touch employees' personal data (employee.* only inside the
 * unit); each employee signs her own with her login, or through a one-time link (public routes).
 */
export const pactRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const blobs = deps.blobs ?? openBlobStore(deps.config);
  const unitRef = (id: string) => requireUnitRef(deps.db, id);
  const unitSubject = unitOfParams(deps.db);

  return [
    defineRoute({
      method: 'GET',
      url: '/api/units/:unitId/pact',
      summary:
        "The unit's current pact text (or the default) with its hash, and how many employees signed it",
      tags,
      access: { kind: 'action', action: 'programme.read', subject: unitSubject },
      schema: { params: UnitIdParams, response: { 200: PactOverview } },
      handler: async (req) => pactOverview(deps.db, await unitRef(req.params.unitId)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/units/:unitId/pact/versions',
      summary: 'Save an edited pact text as a new version (send the version you started from)',
      tags,
      access: { kind: 'action', action: 'programme.manage', subject: unitSubject },
      schema: { params: UnitIdParams, body: SavePactBody, response: { 201: PactDocument } },
      handler: async (req, reply) => {
        const unit = await unitRef(req.params.unitId);
        const saved = await deps.db.transaction((tx) =>
          savePact(tx, {
            unit,
            body: req.body.body,
            baseVersion: req.body.baseVersion,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return reply.code(201).send(saved);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/units/:unitId/pact/status',
      summary: 'Every active employee and whether (when, how) she signed the current version',
      tags,
      access: { kind: 'action', action: 'employee.read', subject: unitSubject },
      schema: { params: UnitIdParams, response: { 200: PactStatusList } },
      handler: async (req) => ({
        rows: (await pactStatus(deps.db, req.params.unitId)).map(({ employee, signature }) => ({
          employeeId: employee.id,
          name: employee.name,
          nip: employee.nip,
          position: employee.position,
          hasAccount: employee.userId !== null,
          signedAt: signature ? signature.signedAt.toISOString() : null,
          via: signature ? (signature.via === 'link' ? ('link' as const) : ('login' as const)) : null,
        })),
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/units/:unitId/pact/links',
      summary: 'One-time signing links (with QR codes) for employees without an account; shown once',
      tags,
      access: { kind: 'action', action: 'employee.manage', subject: unitSubject },
      schema: { params: UnitIdParams, body: CreateLinksBody, response: { 201: SigningLinks } },
      handler: async (req, reply) => {
        const unit = await unitRef(req.params.unitId);
        const links = await deps.db.transaction((tx) =>
          createLinks(tx, {
            unit,
            employeeIds: req.body.employeeIds,
            origin: publicOrigin(deps.config, req),
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return reply.code(201).send({ links });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/units/:unitId/pact/reminders',
      summary: 'Remind everyone who has not signed: a notice to account holders, fresh links for the others',
      tags,
      access: { kind: 'action', action: 'employee.manage', subject: unitSubject },
      schema: { params: UnitIdParams, response: { 200: ReminderResult } },
      handler: async (req) => {
        const unit = await unitRef(req.params.unitId);
        return deps.db.transaction((tx) =>
          sendReminders(tx, {
            unit,
            origin: publicOrigin(deps.config, req),
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/units/:unitId/pact/signed-list.pdf',
      summary: 'The signed list as PDF: unit, pact hash, each signer with NIP, position, time and how',
      tags,
      access: { kind: 'action', action: 'employee.read', subject: unitSubject },
      schema: { params: UnitIdParams },
      handler: async (req, reply) => {
        const unit = await unitRef(req.params.unitId);
        const { progress } = await pactOverview(deps.db, unit);
        const data = await loadSignedList(deps.db, unit, progress.total);
        const pdf = await renderPdf(signedListDocument(data, deps.now()));
        return reply
          .type('application/pdf')
          .header('cache-control', 'private, no-cache')
          .header(
            'content-disposition',
            `attachment; filename="pakta-integritas-${unit.code.replace(/[^A-Za-z0-9_-]/g, '_')}-${deps.now().toISOString().slice(0, 10)}.pdf"`,
          )
          .send(pdf);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/units/:unitId/pact/evidence',
      summary: "Turn the signed list into evidence attached to the assessment's item P1.iv.d, in one step",
      tags,
      access: { kind: 'action', action: 'evidence.upload', subject: unitSubject },
      schema: { params: UnitIdParams, body: AttachToLkeBody, response: { 201: Evidence } },
      handler: async (req, reply) => {
        const auth = authOf(req);
        const created = await attachSignedListToLke(deps.db, {
          unit: await unitRef(req.params.unitId),
          assessmentId: req.body.assessmentId,
          who: auth.actor,
          actor: auditActorOf(req),
          blobs,
          origin: publicOrigin(deps.config, req),
          now: deps.now(),
        });
        return reply.code(201).send(created);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/me/pact',
      summary: 'The pacts the caller signs herself: one per unit where she is a linked employee',
      tags,
      access: { kind: 'authenticated' },
      schema: { response: { 200: MyPact } },
      handler: async (req) => myPact(deps.db, authOf(req).user.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/me/pact/signatures',
      summary: "Sign the pact with one's own login (only one's own employee record)",
      tags,
      access: { kind: 'authenticated' },
      schema: { body: SignBody, response: { 201: Signature } },
      handler: async (req, reply) => {
        const signature = await deps.db.transaction((tx) =>
          signWithLogin(tx, {
            userId: authOf(req).user.id,
            employeeId: req.body.employeeId,
            documentSha256: req.body.documentSha256,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return reply.code(201).send(presentSignature(signature));
      },
    }),
    ...pactPublicRoutes(deps),
  ];
};
