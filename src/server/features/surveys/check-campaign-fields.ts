import type { SurveyService } from '../../../contracts/surveys.ts';
import { badRequest } from '../../http/errors.ts';

/**
 * Rules across fields that zod does not see: date order, unique service codes, and a reason for leaving
 * flagged responses out (an owner's decision, never a default: docs/review.md, survey-all-valid-responses).
 */
export const checkCampaignFields = (c: {
  startsOn: string;
  endsOn: string;
  services: SurveyService[];
  excludeFlags: readonly string[];
  exclusionReason: string | null;
}) => {
  if (c.endsOn < c.startsOn)
    throw badRequest('CAMPAIGN_DATES_INVALID', 'The campaign ends before it starts.');
  const codes = c.services.map((s) => s.code);
  if (new Set(codes).size !== codes.length)
    throw badRequest('SERVICE_CODE_DUPLICATE', 'Each service needs its own code.');
  if (c.excludeFlags.length > 0 && (c.exclusionReason ?? '').trim().length === 0)
    throw badRequest(
      'SURVEY_EXCLUSION_REASON_REQUIRED',
      'Leaving flagged responses out of the index needs a recorded reason.',
    );
};
