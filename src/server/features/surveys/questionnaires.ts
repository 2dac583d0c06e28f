import type { Questionnaire } from '../../../core/survey/questionnaire-schema.ts';
import { HttpError } from '../../http/errors.ts';
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

/** The questionnaire a campaign pinned; a campaign pinned to a version no longer installed is refused. */
export const pinnedQuestionnaire = async (campaign: {
  questionnaireId: string;
  questionnaireVersion: string;
}): Promise<Questionnaire> => {
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
