import type { Campaign, SurveyService } from '../../../contracts/surveys.ts';
import type { SurveyExclusion } from '../../../core/survey/lke-hasil.ts';
import type { QualityFlag } from '../../../core/survey/quality.ts';
import type { CustomQuestion } from '../../../core/survey/questionnaire-schema.ts';
import type { CampaignRow } from './repo.ts';

export const servicesOf = (row: CampaignRow): SurveyService[] => row.services as SurveyService[];
export const excludeFlagsOf = (row: CampaignRow): QualityFlag[] => row.excludeFlags as QualityFlag[];

/** The owner's decision to leave flagged responses out, or null when every valid response counts. */
export const exclusionOf = (row: CampaignRow): SurveyExclusion | null => {
  const flags = excludeFlagsOf(row);
  return flags.length > 0 && row.exclusionReason ? { flags, reason: row.exclusionReason } : null;
};

export const presentCampaign = (row: CampaignRow, responseCount: number): Campaign => ({
  id: row.id,
  unitId: row.unitId,
  periodLabel: row.periodLabel,
  kind: row.kind as Campaign['kind'],
  questionnaireId: row.questionnaireId,
  questionnaireVersion: row.questionnaireVersion,
  services: servicesOf(row),
  samplingMethod: row.samplingMethod as Campaign['samplingMethod'],
  targetSample: row.targetSample,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  status: row.status as Campaign['status'],
  requireCodes: row.requireCodes,
  proofOfWork: row.proofOfWork,
  minSeconds: row.minSeconds,
  excludeFlags: excludeFlagsOf(row),
  exclusionReason: row.exclusionReason,
  customQuestions: row.customQuestions as CustomQuestion[],
  deviceWindowHours: row.deviceWindowHours,
  published: row.published,
  publishedAt: row.publishedAt?.toISOString() ?? null,
  responseCount,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
