import { mergeCustomQuestions } from '../../../core/survey/custom-questions.ts';
import type { Questionnaire } from '../../../core/survey/questionnaire-schema.ts';
import { badRequest, HttpError } from '../../http/errors.ts';
import { loadQuestionnaires } from '../../survey/questionnaire-store.ts';

let loaded: Promise<Map<string, Questionnaire>> | null = null;

/** The installed questionnaires, read once per process (the public form must not read YAML per request). */
export const installedQuestionnaires = (): Promise<Map<string, Questionnaire>> => {
  loaded ??= loadQuestionnaires().then((r) => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  });
  return loaded;
};

type PinnedCampaign = {
  questionnaireId: string;
  questionnaireVersion: string;
  /** With its id and version, the merged questionnaire is computed once per campaign version. */
  id?: string;
  version?: number;
  customQuestions?: unknown;
};

/** Merged questionnaires by `campaignId:version` (a campaign's version changes with its questions). */
const merged = new Map<string, Questionnaire>();
const MERGED_MAX = 500;

/**
 * The questionnaire a campaign pinned, with the unit's own questions after the scored ones; a campaign
 * pinned to a version no longer installed is refused.
 */
export const pinnedQuestionnaire = async (campaign: PinnedCampaign): Promise<Questionnaire> => {
  const template = await templateOf(campaign);
  const custom = Array.isArray(campaign.customQuestions) ? campaign.customQuestions : [];
  if (custom.length === 0) return template;
  const key = campaign.id && campaign.version !== undefined ? `${campaign.id}:${campaign.version}` : null;
  const known = key ? merged.get(key) : undefined;
  if (known) return known;
  const q = withCustomQuestions(template, custom);
  if (key) {
    if (merged.size >= MERGED_MAX) merged.clear();
    merged.set(key, q);
  }
  return q;
};

/** The template with a unit's questions, or 400 with the core's code (SURVEY_CUSTOM_QUESTION_INVALID|COLLISION). */
export const withCustomQuestions = (template: Questionnaire, custom: unknown): Questionnaire => {
  const r = mergeCustomQuestions(template, custom);
  if (!r.ok) throw badRequest(r.error.code.toUpperCase(), r.error.message, { errors: r.error.details });
  return r.value;
};

const templateOf = async (campaign: PinnedCampaign): Promise<Questionnaire> => {
  const q = (await installedQuestionnaires()).get(campaign.questionnaireId);
  if (!q || q.version !== campaign.questionnaireVersion) {
    throw new HttpError(
      409,
      'QUESTIONNAIRE_VERSION_MISSING',
      `The campaign pinned ${campaign.questionnaireId} ${campaign.questionnaireVersion}; it is not installed.`,
    );
  }
  return q;
};

/** The profile field whose values are the campaign's service codes (`source: services`), if any. */
export const serviceField = (q: Questionnaire): string | null =>
  q.profile.find((f) => 'source' in f && f.source === 'services')?.code ?? null;
