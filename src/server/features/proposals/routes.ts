import type { Subject } from '../../../core/org/can.ts';
import { IdParams } from '../../../contracts/common.ts';
import {
  AssessmentPrerequisites,
  PeriodPrerequisites,
  PrerequisiteParams,
  PrerequisiteView,
  ProposalDocuments,
  ProposalOverview,
  ProposalWindow,
  PutPrerequisiteBody,
  PutProposalDocumentsBody,
  PutProposalWindowBody,
} from '../../../contracts/proposals.ts';
import type { Tx } from '../../db/client.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf, authOf } from '../../http/request-actor.ts';
import { agencyToday } from './agency-today.ts';
import { presentPrerequisites } from './present-prerequisites.ts';
import { loadAgencyValues, loadPrerequisiteValues } from './prerequisite-values.ts';
import { proposalOverview } from './proposal-overview.ts';
import { findAssessmentWithUnit, findEvidenceRefs, findPeriodWithAgency, findProposalDocs } from './repo.ts';
import { setProposalDocuments } from './set-documents.ts';
import { setPrerequisite } from './set-prerequisite.ts';
import { setProposalWindow } from './set-proposal-window.ts';

const tags = ['proposals'];

export const proposalRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  // Inside a transaction every read goes through it: the embedded database has a single connection.
  const period = async (id: string, db: Tx = deps.db) => {
    const found = await findPeriodWithAgency(db, id);
    if (!found) throw notFound('Period');
    return found;
  };
  const assessment = async (id: string, db: Tx = deps.db) => {
    const found = await findAssessmentWithUnit(db, id);
    if (!found) throw notFound('Assessment');
    return found;
  };
  const agencySubject = async (periodId: string): Promise<Subject> => ({
    kind: 'unit',
    unitPath: (await period(periodId)).agencyPath,
  });
  const unitSubject = async (assessmentId: string): Promise<Subject> => ({
    kind: 'unit',
    unitPath: (await assessment(assessmentId)).unitPath,
  });

  const periodView = async (tx: Tx, periodId: string): Promise<PeriodPrerequisites> => {
    const { period: p } = await period(periodId, tx);
    return {
      periodId: p.id,
      agencyId: p.agencyId,
      year: p.year,
      prerequisites: await presentPrerequisites(tx, await loadAgencyValues(tx, p.id), {
        levels: ['agency'],
        editableLevels: ['agency'],
        today: await agencyToday(tx, p.agencyId, deps.now()),
      }),
    };
  };
  const assessmentView = async (tx: Tx, id: string): Promise<AssessmentPrerequisites> => {
    const a = await assessment(id, tx);
    const now = deps.now();
    return {
      assessmentId: a.id,
      unitId: a.unitId,
      agencyId: a.agencyId,
      target: a.target === 'WBBM' ? 'WBBM' : 'WBK',
      afirmasi: a.afirmasi,
      prerequisites: await presentPrerequisites(tx, await loadPrerequisiteValues(tx, a, now), {
        levels: ['agency', 'unit'],
        editableLevels: ['unit'],
        today: await agencyToday(tx, a.agencyId, now),
      }),
    };
  };
  const documentsView = async (tx: Tx, id: string): Promise<ProposalDocuments> => {
    const row = await findProposalDocs(tx, id);
    const refs = await findEvidenceRefs(
      tx,
      [row?.coverLetterEvidenceId, row?.statementEvidenceId].filter((x): x is string => Boolean(x)),
    );
    const ref = (eid: string | null | undefined) => refs.find((r) => r.id === eid) ?? null;
    return {
      assessmentId: id,
      coverLetter: ref(row?.coverLetterEvidenceId),
      sptjm: ref(row?.statementEvidenceId),
      proposedAt: row?.proposedAt?.toISOString() ?? null,
      version: row?.version ?? 0,
    };
  };
  const byCode = (list: PrerequisiteView[], code: string): PrerequisiteView => {
    const found = list.find((p) => p.code === code);
    if (!found) throw notFound('Prerequisite');
    return found;
  };

  return [
    defineRoute({
      method: 'GET',
      url: '/api/periods/:id/prerequisites',
      summary:
        'The agency-level §4.2 prerequisites of a period (BPK opinion, SAKIP, Indeks RB, SPIP), checked',
      tags,
      access: { kind: 'action', action: 'proposal.prepare', subject: (req) => agencySubject(req.params.id) },
      schema: { params: IdParams, response: { 200: PeriodPrerequisites } },
      handler: async (req) => periodView(deps.db, req.params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/periods/:id/prerequisites/:code',
      summary:
        'Enter an agency-level prerequisite with evidence of the agency (optimistic: version read, 0 if none)',
      tags,
      access: { kind: 'action', action: 'proposal.prepare', subject: (req) => agencySubject(req.params.id) },
      schema: { params: PrerequisiteParams, body: PutPrerequisiteBody, response: { 200: PrerequisiteView } },
      handler: async (req) => {
        const { period: p, agencyPath } = await period(req.params.id);
        return deps.db.transaction(async (tx) => {
          await setPrerequisite(tx, {
            scope: { level: 'agency', periodId: p.id, agency: { id: p.agencyId, path: agencyPath } },
            code: req.params.code,
            input: req.body,
            actor: auditActorOf(req),
            now: deps.now(),
          });
          return byCode((await periodView(tx, p.id)).prerequisites, req.params.code);
        });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/assessments/:id/prerequisites',
      summary:
        "An assessment's §4.2 prerequisites: the agency's (read-only here) and the unit's own, checked",
      tags,
      access: { kind: 'action', action: 'proposal.prepare', subject: (req) => unitSubject(req.params.id) },
      schema: { params: IdParams, response: { 200: AssessmentPrerequisites } },
      handler: async (req) => assessmentView(deps.db, req.params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/assessments/:id/prerequisites/:code',
      summary:
        'Enter a unit-level prerequisite with evidence of the unit (optimistic: version read, 0 if none)',
      tags,
      access: { kind: 'action', action: 'proposal.prepare', subject: (req) => unitSubject(req.params.id) },
      schema: { params: PrerequisiteParams, body: PutPrerequisiteBody, response: { 200: PrerequisiteView } },
      handler: async (req) => {
        const a = await assessment(req.params.id);
        return deps.db.transaction(async (tx) => {
          await setPrerequisite(tx, {
            scope: {
              level: 'unit',
              periodId: a.periodId,
              agencyId: a.agencyId,
              assessment: { id: a.id, status: a.status, target: a.target },
              unit: { id: a.unitId, path: a.unitPath },
            },
            code: req.params.code,
            input: req.body,
            actor: auditActorOf(req),
            now: deps.now(),
          });
          return byCode((await assessmentView(tx, a.id)).prerequisites, req.params.code);
        });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/assessments/:id/proposal',
      summary: "The proposal's documents of an assessment: cover letter and SPTJM",
      tags,
      access: { kind: 'action', action: 'proposal.prepare', subject: (req) => unitSubject(req.params.id) },
      schema: { params: IdParams, response: { 200: ProposalDocuments } },
      handler: async (req) => {
        await assessment(req.params.id);
        return documentsView(deps.db, req.params.id);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/assessments/:id/proposal',
      summary: 'Attach the cover letter (agency evidence) and the SPTJM (unit or agency evidence)',
      tags,
      access: { kind: 'action', action: 'proposal.prepare', subject: (req) => unitSubject(req.params.id) },
      schema: { params: IdParams, body: PutProposalDocumentsBody, response: { 200: ProposalDocuments } },
      handler: async (req) => {
        const a = await assessment(req.params.id);
        return deps.db.transaction(async (tx) => {
          await setProposalDocuments(tx, {
            assessment: a,
            input: req.body,
            actor: auditActorOf(req),
            now: deps.now(),
          });
          return documentsView(tx, a.id);
        });
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/periods/:id/proposal-window',
      summary: "TPN's proposal deadline and quota for an agency's period (system administrators)",
      tags,
      access: { kind: 'action', action: 'proposal.schedule', subject: () => ({ kind: 'system' }) },
      schema: { params: IdParams, body: PutProposalWindowBody, response: { 200: ProposalWindow } },
      handler: async (req) => {
        const row = await deps.db.transaction((tx) =>
          setProposalWindow(tx, {
            periodId: req.params.id,
            input: req.body,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return {
          periodId: row.id,
          proposalDeadline: row.proposalDeadline,
          proposalQuota: row.proposalQuota,
          version: row.version,
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/periods/:id/proposals',
      summary:
        'The proposal overview of a period: every assessment with its verdict, scores, prerequisites, documents and blockers',
      tags,
      access: { kind: 'action', action: 'proposal.prepare', subject: (req) => agencySubject(req.params.id) },
      schema: { params: IdParams, response: { 200: ProposalOverview } },
      handler: async (req) => {
        const { period: p } = await period(req.params.id);
        return proposalOverview(deps.db, { period: p, actor: authOf(req).actor, now: deps.now() });
      },
    }),
  ];
};
