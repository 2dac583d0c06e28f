import type { FastifyRequest } from 'fastify';
import { IdParams } from '../../../contracts/common.ts';
import {
  AppliedToLke,
  ApplyToLkeBody,
  Campaign,
  CampaignList,
  CampaignListQuery,
  CampaignVersionBody,
  CreateCampaignBody,
  GenerateCodesBody,
  GeneratedCodes,
  SurveyResults,
  UpdateCampaignBody,
} from '../../../contracts/surveys.ts';
import type { Subject } from '../../../core/org/can.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf } from '../../http/request-actor.ts';
import { applyToLke } from './apply-to-lke.ts';
import { changeCampaignStatus } from './change-campaign-status.ts';
import { publishCampaign } from './publish-campaign.ts';
import { createCampaign } from './create-campaign.ts';
import { exportResponsesCsv } from './export-responses-csv.ts';
import { generateCodes } from './generate-codes.ts';
import { getResults } from './get-results.ts';
import { presentCampaign } from './present-campaign.ts';
import { countResponses, findAssessmentUnit, findCampaign, findUnitPath, listCampaigns } from './repo.ts';
import { updateCampaign } from './update-campaign.ts';
import { publicSurveyRoutes } from './public-routes.ts';
import { surveyPageRoutes } from './page-route.ts';
import { surveyQrRoutes } from './qr-routes.ts';
import { surveyReportRoutes } from './report-routes.ts';

const tags = ['surveys'];

export const surveyRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const loadCampaign = async (id: string) => {
    const found = await findCampaign(deps.db, id);
    if (!found) throw notFound('Campaign');
    return found;
  };
  const campaignUnit = async (req: FastifyRequest): Promise<Subject> => ({
    kind: 'unit',
    unitPath: (await loadCampaign((req.params as { id: string }).id)).unitPath,
  });
  const unitById = async (unitId: string): Promise<Subject> => {
    const unitPath = await findUnitPath(deps.db, unitId);
    if (!unitPath) throw notFound('Unit');
    return { kind: 'unit', unitPath };
  };
  const present = async (row: Parameters<typeof presentCampaign>[0]) =>
    presentCampaign(row, (await countResponses(deps.db, [row.id])).get(row.id) ?? 0);

  return [
    defineRoute({
      method: 'POST',
      url: '/api/surveys/campaigns',
      summary: 'Create a draft survey campaign (SKM, IPAK, IPKP) of a unit',
      tags,
      access: { kind: 'action', action: 'survey.manage', subject: (req) => unitById(req.body.unitId) },
      schema: { body: CreateCampaignBody, response: { 201: Campaign } },
      handler: async (req, reply) => {
        const row = await deps.db.transaction((tx) =>
          createCampaign(tx, { input: req.body, actor: auditActorOf(req), now: deps.now() }),
        );
        return reply.code(201).send(presentCampaign(row, 0));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/surveys/campaigns',
      summary: "A unit's survey campaigns, newest first, with their response counts",
      tags,
      access: { kind: 'action', action: 'survey.read', subject: (req) => unitById(req.query.unitId) },
      schema: { querystring: CampaignListQuery, response: { 200: CampaignList } },
      handler: async (req) => {
        const rows = await listCampaigns(deps.db, req.query.unitId);
        const counts = await countResponses(
          deps.db,
          rows.map((r) => r.id),
        );
        return { campaigns: rows.map((r) => presentCampaign(r, counts.get(r.id) ?? 0)) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/surveys/campaigns/:id',
      summary: 'One survey campaign',
      tags,
      access: { kind: 'action', action: 'survey.read', subject: campaignUnit },
      schema: { params: IdParams, response: { 200: Campaign } },
      handler: async (req) => present((await loadCampaign(req.params.id)).campaign),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/surveys/campaigns/:id',
      summary: 'Edit a draft campaign (optimistic: send the version you read)',
      tags,
      access: { kind: 'action', action: 'survey.manage', subject: campaignUnit },
      schema: { params: IdParams, body: UpdateCampaignBody, response: { 200: Campaign } },
      handler: async (req) => {
        const row = await deps.db.transaction((tx) =>
          updateCampaign(tx, {
            campaignId: req.params.id,
            input: req.body,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return present(row);
      },
    }),
    ...(['open', 'close'] as const).map((verb) =>
      defineRoute({
        method: 'POST',
        url: `/api/surveys/campaigns/:id/${verb}`,
        summary: verb === 'open' ? 'Open a draft campaign to responses' : 'Close an open campaign (final)',
        tags,
        access: { kind: 'action', action: 'survey.manage', subject: campaignUnit },
        schema: { params: IdParams, body: CampaignVersionBody, response: { 200: Campaign } },
        handler: async (req) => {
          const row = await deps.db.transaction((tx) =>
            changeCampaignStatus(tx, {
              campaignId: req.params.id,
              to: verb === 'open' ? 'open' : 'closed',
              version: req.body.version,
              actor: auditActorOf(req),
              now: deps.now(),
            }),
          );
          return present(row);
        },
      }),
    ),
    ...(['publish', 'unpublish'] as const).map((verb) =>
      defineRoute({
        method: 'POST',
        url: `/api/surveys/campaigns/:id/${verb}`,
        summary:
          verb === 'publish'
            ? "Show a closed campaign's indices on the unit's public results page"
            : 'Withdraw a campaign from the public results page',
        tags,
        access: { kind: 'action', action: 'survey.manage', subject: campaignUnit },
        schema: { params: IdParams, body: CampaignVersionBody, response: { 200: Campaign } },
        handler: async (req) => {
          const row = await deps.db.transaction((tx) =>
            publishCampaign(tx, {
              campaignId: req.params.id,
              published: verb === 'publish',
              version: req.body.version,
              actor: auditActorOf(req),
              now: deps.now(),
            }),
          );
          return present(row);
        },
      }),
    ),
    defineRoute({
      method: 'POST',
      url: '/api/surveys/campaigns/:id/codes',
      summary: 'Generate one-time codes for queue tickets (shown once; stored hashed)',
      tags,
      access: { kind: 'action', action: 'survey.manage', subject: campaignUnit },
      schema: { params: IdParams, body: GenerateCodesBody, response: { 201: GeneratedCodes } },
      handler: async (req, reply) => {
        const codes = await deps.db.transaction((tx) =>
          generateCodes(tx, {
            campaignId: req.params.id,
            count: req.body.count,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return reply.code(201).send({ campaignId: req.params.id, codes });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/surveys/campaigns/:id/results',
      summary: 'Indices with 95 % CI, sample progress per service, exclusions and breakdowns, from the core',
      tags,
      access: { kind: 'action', action: 'survey.read', subject: campaignUnit },
      schema: { params: IdParams, response: { 200: SurveyResults } },
      handler: async (req) =>
        (await getResults(deps.db, (await loadCampaign(req.params.id)).campaign)).results,
    }),
    defineRoute({
      method: 'GET',
      url: '/api/surveys/campaigns/:id/responses.csv',
      summary: 'Every response as CSV: one row per response, codes and labels',
      tags,
      access: { kind: 'action', action: 'survey.read', subject: campaignUnit },
      schema: { params: IdParams },
      handler: async (req, reply) => {
        const { campaign } = await loadCampaign(req.params.id);
        const csv = await exportResponsesCsv(deps.db, { campaign });
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="survei-${campaign.kind}-${campaign.id}.csv"`)
          .send(csv);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/surveys/campaigns/:id/apply',
      summary: "Apply a closed IPAK/IPKP campaign to the unit's assessment (H1.a / H2.a) with its provenance",
      tags,
      // Writing H1.a/H2.a is answering a Hasil item of that assessment: the same rule as the worksheet.
      access: {
        kind: 'action',
        action: 'assessment.answer',
        subject: async (req) => {
          const target = await findAssessmentUnit(deps.db, req.body.assessmentId);
          if (!target) throw notFound('Assessment');
          return { kind: 'item', unitPath: target.unitPath, area: null };
        },
      },
      schema: { params: IdParams, body: ApplyToLkeBody, response: { 200: AppliedToLke } },
      handler: async (req) =>
        deps.db.transaction((tx) =>
          applyToLke(tx, {
            campaignId: req.params.id,
            assessmentId: req.body.assessmentId,
            version: req.body.version,
            ...(req.body.belowMinimumJustification
              ? { belowMinimumJustification: req.body.belowMinimumJustification }
              : {}),
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        ),
    }),
    ...publicSurveyRoutes(deps),
    ...surveyQrRoutes(deps),
    ...surveyReportRoutes(deps),
    ...surveyPageRoutes(deps),
  ];
};
