import type { SurveyService } from '../../../contracts/surveys.ts';
import { badRequest } from '../../http/errors.ts';

/** Rules across fields that zod does not see: date order and unique service codes. */
export const checkCampaignFields = (c: { startsOn: string; endsOn: string; services: SurveyService[] }) => {
  if (c.endsOn < c.startsOn)
    throw badRequest('CAMPAIGN_DATES_INVALID', 'The campaign ends before it starts.');
  const codes = c.services.map((s) => s.code);
  if (new Set(codes).size !== codes.length)
    throw badRequest('SERVICE_CODE_DUPLICATE', 'Each service needs its own code.');
};
