import { randomUUID } from 'node:crypto';
import type { CreateCampaignBody } from '../../../contracts/surveys.ts';
import { targetSample } from '../../../core/survey/sample-size.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { presentCampaign } from './present-campaign.ts';
import { installedQuestionnaires, withCustomQuestions } from './questionnaires.ts';
import { findUnitPath, insertCampaign, type CampaignRow } from './repo.ts';
import { checkCampaignFields } from './check-campaign-fields.ts';

export type CreateCampaignOptions = { input: CreateCampaignBody; actor: AuditActor; now: Date };

/** A draft campaign pinned to the installed version of its questionnaire; the target from the core if not given. */
export const createCampaign = async (
  tx: Tx,
  { input, actor, now }: CreateCampaignOptions,
): Promise<CampaignRow> => {
  const unitPath = await findUnitPath(tx, input.unitId);
  if (!unitPath) throw notFound('Unit');
  const questionnaireId = input.questionnaireId ?? input.kind;
  const q = (await installedQuestionnaires()).get(questionnaireId);
  if (!q) throw badRequest('QUESTIONNAIRE_UNKNOWN', `No questionnaire ${questionnaireId} is installed.`);
  if (q.kind !== input.kind)
    throw badRequest('QUESTIONNAIRE_KIND_MISMATCH', `${questionnaireId} is a ${q.kind} questionnaire.`);
  checkCampaignFields(input);
  // Stored as the core parsed them (defaults filled), so the public form and the exports read one shape.
  const customQuestions = withCustomQuestions(q, input.customQuestions).questions.slice(q.questions.length);
  const target = input.targetSample ?? computedTarget(input);
  const id = randomUUID();
  const row = await insertCampaign(tx, {
    id,
    unitId: input.unitId,
    periodLabel: input.periodLabel,
    kind: input.kind,
    questionnaireId,
    questionnaireVersion: q.version,
    services: input.services,
    samplingMethod: input.samplingMethod,
    targetSample: target,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    requireCodes: input.requireCodes,
    proofOfWork: input.proofOfWork,
    minSeconds: input.minSeconds,
    excludeFlags: input.excludeFlags,
    // A reason without exclusions would be a decision about nothing.
    exclusionReason: input.excludeFlags.length > 0 ? input.exclusionReason : null,
    customQuestions,
    deviceWindowHours: input.deviceWindowHours,
    createdAt: now,
    updatedAt: now,
  });
  await writeAudit(tx, {
    actor,
    action: 'survey.campaign_created',
    subjectType: 'survey_campaign',
    subjectId: id,
    unit: { id: input.unitId, path: unitPath },
    after: presentCampaign(row, 0),
    now,
  });
  return row;
};

/** The core's target for the total population of the services (400 when it cannot say, e.g. N unknown). */
export const computedTarget = (input: Pick<CreateCampaignBody, 'kind' | 'services' | 'samplingMethod'>) => {
  const population = input.services.reduce((a, s) => a + s.population, 0);
  const r = targetSample(input.kind, population, input.samplingMethod);
  if (!r.ok || r.value < 1)
    throw badRequest(
      'TARGET_SAMPLE_UNKNOWN',
      'Give the services’ populations or a target sample.',
      r.ok ? undefined : r.error,
    );
  return r.value;
};
