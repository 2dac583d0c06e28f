import { z } from 'zod';
import { QUALITY_FLAGS } from '../core/survey/quality.ts';
import { customQuestionSchema, SURVEY_KINDS } from '../core/survey/questionnaire-schema.ts';
import { Id, Version } from './common.ts';

const IsoDate = z.iso.date();
const Code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9_]+$/, 'SERVICE_CODE_INVALID');

export const SurveyService = z.object({
  code: Code,
  name: z.string().trim().min(1).max(200),
  /** Users of the service in the period (N), 0 when unknown. */
  population: z.number().int().min(0),
});
export type SurveyService = z.infer<typeof SurveyService>;

export const SamplingMethod = z.enum(['krejcie-morgan', 'slovin-5', 'slovin-10']);
export const CampaignStatus = z.enum(['draft', 'open', 'closed']);
export const QualityFlag = z.enum(QUALITY_FLAGS);

const CampaignFields = {
  periodLabel: z.string().trim().min(1).max(100),
  services: z.array(SurveyService).min(1).max(100),
  samplingMethod: SamplingMethod.default('krejcie-morgan'),
  /** When absent, the core's target for the total population and method. */
  targetSample: z.number().int().min(1).optional(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  requireCodes: z.boolean().default(false),
  proofOfWork: z.boolean().default(false),
  /** The too-fast floor in seconds; null for the core's default (2 s per scored item). */
  minSeconds: z.number().int().min(0).max(3600).nullable().default(null),
  /**
   * Flags whose responses the owner leaves out of the index (they are always kept and counted). Empty by
   * default: 14/2017 and 90/2021 count every valid response. Not empty needs `exclusionReason`.
   */
  excludeFlags: z.array(QualityFlag).default([]),
  /** Why flagged responses are left out: shown on the report, the public page and the LKE provenance. */
  exclusionReason: z.string().trim().max(1000).nullable().default(null),
  /** The unit's own unscored questions, checked by the core (`custom_` codes; never scored or flagging). */
  customQuestions: z.array(z.unknown()).max(30).default([]),
  /** A device token answers once per service within this many hours; 0 turns the rule off. */
  deviceWindowHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 90)
    .default(24),
};

export const CreateCampaignBody = z.object({
  unitId: Id,
  kind: z.enum(SURVEY_KINDS),
  /** The questionnaire template; defaults to the built-in one of the kind. */
  questionnaireId: z.string().min(1).max(60).optional(),
  ...CampaignFields,
});
export type CreateCampaignBody = z.infer<typeof CreateCampaignBody>;

export const UpdateCampaignBody = z.object({
  version: Version,
  periodLabel: CampaignFields.periodLabel.optional(),
  services: CampaignFields.services.optional(),
  samplingMethod: SamplingMethod.optional(),
  targetSample: z.number().int().min(1).optional(),
  startsOn: IsoDate.optional(),
  endsOn: IsoDate.optional(),
  requireCodes: z.boolean().optional(),
  proofOfWork: z.boolean().optional(),
  minSeconds: z.number().int().min(0).max(3600).nullable().optional(),
  excludeFlags: z.array(QualityFlag).optional(),
  exclusionReason: z.string().trim().max(1000).nullable().optional(),
  /** Replaces the list: add, edit or remove the unit's own questions (draft only). */
  customQuestions: z.array(z.unknown()).max(30).optional(),
  deviceWindowHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 90)
    .optional(),
});
export type UpdateCampaignBody = z.infer<typeof UpdateCampaignBody>;

export const CampaignVersionBody = z.object({ version: Version });

export const Campaign = z.object({
  id: Id,
  unitId: Id,
  periodLabel: z.string(),
  kind: z.enum(SURVEY_KINDS),
  questionnaireId: z.string(),
  questionnaireVersion: z.string(),
  services: z.array(SurveyService),
  samplingMethod: SamplingMethod,
  targetSample: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: CampaignStatus,
  requireCodes: z.boolean(),
  proofOfWork: z.boolean(),
  minSeconds: z.number().int().nullable(),
  excludeFlags: z.array(QualityFlag),
  exclusionReason: z.string().nullable(),
  customQuestions: z.array(customQuestionSchema),
  deviceWindowHours: z.number().int(),
  /** Shown on the unit's public results page (closed campaigns only). */
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  responseCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignListQuery = z.object({ unitId: Id });
export const CampaignList = z.object({ campaigns: z.array(Campaign) });

export const GenerateCodesBody = z.object({ count: z.number().int().min(1).max(5000) });
/** The codes in clear, shown once: only their hashes are stored. */
export const GeneratedCodes = z.object({ campaignId: Id, codes: z.array(z.string()) });

const Interval = z.tuple([z.number(), z.number()]).nullable();
const Flagged = z.record(QualityFlag, z.number().int());

const Progress = z.object({
  achieved: z.number().int(),
  target: z.number().int(),
  shortfall: z.number().int(),
  ratio: z.number(),
  reachedTarget: z.boolean(),
  lkeMinimum: z.number().int(),
  meetsLkeMinimum: z.boolean(),
});

const BreakdownGroup = z.object({
  value: z.string(),
  label: z.object({ id: z.string(), en: z.string() }).nullable(),
  n: z.number().int(),
  /** On the item scale (IKM: × 25 in `converted`). */
  index: z.number().nullable(),
  converted: z.number().nullable(),
  marginOfError: z.number().nullable(),
  suppressed: z.boolean(),
});

export const SurveyResults = z.object({
  campaignId: Id,
  kind: z.enum(SURVEY_KINDS),
  questionnaireId: z.string(),
  questionnaireVersion: z.string(),
  responses: z.object({
    total: z.number().int(),
    included: z.number().int(),
    excluded: z.number().int(),
    flagged: Flagged,
  }),
  excludeFlags: z.array(QualityFlag),
  /** The owner's recorded reason for leaving flagged responses out; null when every valid response counts. */
  exclusionReason: z.string().nullable(),
  n: z.number().int(),
  /** On the item scale (1–4), exactly the core's. */
  index: z.number().nullable(),
  indexIncludingFlagged: z.number().nullable(),
  marginOfError: z.number().nullable(),
  ci: Interval,
  items: z.array(
    z.object({ code: z.string(), n: z.number().int(), sum: z.number(), nrr: z.number().nullable() }),
  ),
  /** SKM only. */
  ikm: z
    .object({
      value: z.number(),
      convertedRounded: z.number(),
      grade: z.enum(['A', 'B', 'C', 'D']),
      /** The performance label (mutu kinerja), e.g. { code: 'baik', id: 'Baik', en: 'Good' }. */
      performance: z.object({ code: z.string(), id: z.string(), en: z.string() }),
      marginOfError: z.number().nullable(),
      ci: Interval,
    })
    .nullable(),
  /** IPAK/IPKP only: the LKE's 0–4 value. */
  lke: z
    .object({
      item: z.enum(['H1.a', 'H2.a']),
      value: z.number(),
      marginOfError: z.number().nullable(),
      ci: Interval,
      oneSidedLowerBound: z.number().nullable(),
    })
    .nullable(),
  sample: Progress,
  services: z.array(SurveyService.extend({ progress: Progress })),
  breakdowns: z.array(
    z.object({ field: z.string(), groups: z.array(BreakdownGroup), unanswered: z.number().int() }),
  ),
});
export type SurveyResults = z.infer<typeof SurveyResults>;

export const ApplyToLkeBody = z.object({
  assessmentId: Id,
  /** The version of the H1.a/H2.a answer read; 0 when it was never saved. */
  version: z.number().int().min(0),
  /** Needed when n is below min(30, N) (R90). */
  belowMinimumJustification: z.string().trim().max(2000).optional(),
});

export const AppliedToLke = z.object({
  itemCode: z.enum(['H1.a', 'H2.a']),
  value: z.number(),
  explanation: z.string(),
  answerVersion: z.number().int(),
});

export const CampaignIdParams = z.object({ campaignId: Id });

/** The public form: the questionnaire and the services, nothing of the campaign's administration. */
export const PublicSurvey = z.object({
  campaignId: Id,
  kind: z.enum(SURVEY_KINDS),
  periodLabel: z.string(),
  status: CampaignStatus,
  startsOn: z.string(),
  endsOn: z.string(),
  requireCodes: z.boolean(),
  /** The form must fetch a challenge and send `proofOfWork: {challenge, solution}` with the response. */
  proofOfWork: z.boolean().default(false),
  services: z.array(z.object({ code: z.string(), name: z.string() })),
  /** The pinned questionnaire as data (texts in `id` and `en`). */
  questionnaire: z.record(z.string(), z.unknown()),
});

/** A respondent's answers as the core validates them, plus the optional one-time code and device token. */
export const SubmitResponseBody = z.looseObject({
  code: z.string().trim().min(1).max(40).optional(),
  deviceToken: z.string().min(1).max(200).optional(),
  proofOfWork: z.object({ challenge: z.string().max(300), solution: z.string().max(40) }).optional(),
});
export const PowChallenge = z.object({ challenge: z.string(), difficulty: z.number().int() });
export const IdempotencyHeaders = z.object({ 'idempotency-key': z.uuid() });
export const SubmittedResponse = z.object({ id: Id, replayed: z.boolean() });

export const UnitCodeParams = z.object({ unitCode: z.string().trim().min(1).max(60) });

const PublicText = z.object({ id: z.string(), en: z.string() });

/** One published campaign as anyone may see it: indices only, never a response. */
export const PublishedCampaignResult = z.object({
  campaignId: Id,
  kind: z.enum(SURVEY_KINDS),
  title: PublicText,
  periodLabel: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  publishedAt: z.string(),
  /** Responses in the index, and those left out by the quality rules (counted, not shown). */
  n: z.number().int(),
  excluded: z.number().int(),
  /** The owner's decision to leave flagged responses out (flags and reason); null when all valid ones count. */
  exclusion: z.object({ flags: z.array(QualityFlag), reason: z.string() }).nullable(),
  targetSample: z.number().int(),
  /** On the item scale, with the 95 % margin of error. */
  index: z.number().nullable(),
  marginOfError: z.number().nullable(),
  ikm: z
    .object({
      value: z.number(),
      grade: z.enum(['A', 'B', 'C', 'D']),
      performance: z.object({ code: z.string(), id: z.string(), en: z.string() }),
      marginOfError: z.number().nullable(),
    })
    .nullable(),
  lke: z
    .object({ item: z.enum(['H1.a', 'H2.a']), value: z.number(), marginOfError: z.number().nullable() })
    .nullable(),
  items: z.array(
    z.object({
      code: z.string(),
      aspect: PublicText.nullable(),
      text: PublicText,
      n: z.number().int(),
      nrr: z.number().nullable(),
      /** SKM: NRR × 25 (the unsur's IKM); otherwise the NRR again. */
      converted: z.number().nullable(),
    }),
  ),
});
export type PublishedCampaignResult = z.infer<typeof PublishedCampaignResult>;

export const PublicUnitResults = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  campaigns: z.array(PublishedCampaignResult),
});
export type PublicUnitResults = z.infer<typeof PublicUnitResults>;
