/**
 * The public form's view of a questionnaire, as GET /api/public/surveys/:campaignId sends it. Kept here (types
 * only) so that the survey page imports nothing of the admin application or of zod.
 */
export type Lang = 'id' | 'en';
export type LocalText = { id: string; en: string };
export type ChoiceOption = { value: string; text: LocalText };

export type Question =
  | {
      code: string;
      type: 'scale';
      aspect?: LocalText;
      text: LocalText;
      help?: LocalText;
      options: { value: number; text: LocalText }[];
    }
  | {
      code: string;
      type: 'single-choice' | 'multi-choice';
      text: LocalText;
      help?: LocalText;
      required?: boolean;
      options: ChoiceOption[];
    }
  | {
      code: string;
      type: 'text';
      text: LocalText;
      help?: LocalText;
      required?: boolean;
      maxLength?: number;
    };

export type ProfileField = {
  code: string;
  text: LocalText;
  required?: boolean;
  options?: ChoiceOption[];
  source?: 'services';
};

export type Questionnaire = {
  id: string;
  version: string;
  kind: 'skm' | 'ipak' | 'ipkp';
  title: LocalText;
  description?: LocalText;
  screening: {
    code: string;
    text: LocalText;
    options: { value: string; text: LocalText; eligible: boolean }[];
    ineligibleMessage: LocalText;
  };
  profile: ProfileField[];
  questions: Question[];
};

export type PublicSurvey = {
  campaignId: string;
  kind: 'skm' | 'ipak' | 'ipkp';
  periodLabel: string;
  status: 'draft' | 'open' | 'closed';
  startsOn: string;
  endsOn: string;
  requireCodes: boolean;
  /** Each response carries a solved proof-of-work challenge (fetched and solved when it is sent). */
  proofOfWork?: boolean;
  services: { code: string; name: string }[];
  questionnaire: Questionnaire;
};

export type AnswerValue = number | string | string[];

/** What POST /api/public/surveys/:campaignId/responses takes. */
export type SubmitBody = {
  screening: string;
  profile: Record<string, string>;
  answers: Record<string, AnswerValue>;
  durationSeconds: number;
  code?: string;
  deviceToken?: string;
};

export type FieldError = { code: string; path: string; message: string };

/** One published campaign, as GET /api/public/units/:unitCode/survey-results sends it (indices only). */
export type PublishedCampaign = {
  campaignId: string;
  kind: 'skm' | 'ipak' | 'ipkp';
  title: LocalText;
  periodLabel: string;
  startsOn: string;
  endsOn: string;
  publishedAt: string;
  n: number;
  excluded: number;
  /** The unit's decision to leave flagged answers out, with its reason; null when every valid answer counts. */
  exclusion: { flags: string[]; reason: string } | null;
  targetSample: number;
  index: number | null;
  marginOfError: number | null;
  ikm: {
    value: number;
    grade: 'A' | 'B' | 'C' | 'D';
    performance: { code: string; id: string; en: string };
    marginOfError: number | null;
  } | null;
  lke: { item: 'H1.a' | 'H2.a'; value: number; marginOfError: number | null } | null;
  items: {
    code: string;
    aspect: LocalText | null;
    text: LocalText;
    n: number;
    nrr: number | null;
    converted: number | null;
  }[];
};

export type PublicUnitResults = {
  unit: { code: string; name: string };
  campaigns: PublishedCampaign[];
};
