import {
  CampaignIdParams,
  IdempotencyHeaders,
  PowChallenge,
  PublicSurvey,
  PublicUnitResults,
  UnitCodeParams,
  SubmitResponseBody,
  SubmittedResponse,
} from '../../../contracts/surveys.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { hashSalt } from './hash-salt.ts';
import { servicesOf } from './present-campaign.ts';
import { pinnedQuestionnaire } from './questionnaires.ts';
import { findCampaignOnly } from './repo.ts';
import { getPublicResults } from './get-public-results.ts';
import { submitResponse } from './submit-response.ts';
import { issueChallenge } from './proof-of-work.ts';
import { DEFAULT_POW_DIFFICULTY } from '../../../core/survey/proof-of-work.ts';

const tags = ['surveys (public)'];

/** The respondent's side: no login, no session, JSON only; a draft campaign does not exist for the public. */
export const publicSurveyRoutes = (deps: AppDeps): AnyRouteSpec[] => [
  defineRoute({
    method: 'GET',
    url: '/api/public/surveys/:campaignId',
    summary: 'The public form of a campaign: questionnaire, services and texts in id/en',
    tags,
    access: { kind: 'public' },
    schema: { params: CampaignIdParams, response: { 200: PublicSurvey } },
    handler: async (req) => {
      const campaign = await findCampaignOnly(deps.db, req.params.campaignId);
      if (!campaign || campaign.status === 'draft') throw notFound('Survey');
      const q = await pinnedQuestionnaire(campaign);
      return {
        campaignId: campaign.id,
        kind: q.kind,
        periodLabel: campaign.periodLabel,
        status: campaign.status as 'open' | 'closed',
        startsOn: campaign.startsOn,
        endsOn: campaign.endsOn,
        requireCodes: campaign.requireCodes,
        proofOfWork: campaign.proofOfWork,
        services: servicesOf(campaign).map(({ code, name }) => ({ code, name })),
        questionnaire: q as unknown as Record<string, unknown>,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/public/surveys/:campaignId/challenge',
    summary: 'A proof-of-work challenge for one response (campaigns that ask for one)',
    tags,
    access: { kind: 'public' },
    rateLimit: { max: deps.config.survey.ratePerMinute, timeWindowMs: 60_000 },
    schema: { params: CampaignIdParams, response: { 200: PowChallenge } },
    handler: async (req) => {
      const campaign = await findCampaignOnly(deps.db, req.params.campaignId);
      if (!campaign || campaign.status === 'draft' || !campaign.proofOfWork) throw notFound('Survey');
      const now = deps.now();
      return {
        challenge: issueChallenge(await hashSalt(deps), campaign.id, now),
        difficulty: DEFAULT_POW_DIFFICULTY,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/public/units/:unitCode/survey-results',
    summary: "A unit's published survey results (closed campaigns it chose to publish): indices only",
    tags,
    access: { kind: 'public' },
    rateLimit: { max: deps.config.survey.ratePerMinute, timeWindowMs: 60_000 },
    schema: { params: UnitCodeParams, response: { 200: PublicUnitResults } },
    handler: async (req, reply) => {
      const results = await getPublicResults(deps.db, req.params.unitCode);
      return reply.header('cache-control', 'public, max-age=60').send(results);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/public/surveys/:campaignId/responses',
    summary: 'Submit one anonymous response; the Idempotency-Key header makes a retry count once',
    tags,
    access: { kind: 'public' },
    skipCsrf: true,
    rateLimit: { max: deps.config.survey.ratePerMinute, timeWindowMs: 60_000 },
    schema: {
      params: CampaignIdParams,
      headers: IdempotencyHeaders,
      body: SubmitResponseBody,
      response: { 200: SubmittedResponse, 201: SubmittedResponse },
    },
    handler: async (req, reply) => {
      const result = await submitResponse(deps.db, {
        campaignId: req.params.campaignId,
        idempotencyKey: req.headers['idempotency-key'],
        body: req.body,
        ip: req.ip ?? null,
        salt: await hashSalt(deps),
        now: deps.now(),
      });
      return reply.code(result.replayed ? 200 : 201).send(result);
    },
  }),
];
