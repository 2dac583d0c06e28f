import type { UpdateCampaignBody } from '../../../contracts/surveys.ts';
import type { Tx } from '../../db/client.ts';
import { conflict, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { checkCampaignFields } from './check-campaign-fields.ts';
import { computedTarget } from './create-campaign.ts';
import { excludeFlagsOf, presentCampaign, servicesOf } from './present-campaign.ts';
import { pinnedQuestionnaire, withCustomQuestions } from './questionnaires.ts';
import { findCampaign, updateCampaignIfVersion, type CampaignRow } from './repo.ts';

export type UpdateCampaignOptions = {
  campaignId: string;
  input: UpdateCampaignBody;
  actor: AuditActor;
  now: Date;
};

/** Edits a draft campaign (optimistic); once open, its design is fixed so every response answers the same survey. */
export const updateCampaign = async (
  tx: Tx,
  { campaignId, input, actor, now }: UpdateCampaignOptions,
): Promise<CampaignRow> => {
  const found = await findCampaign(tx, campaignId);
  if (!found) throw notFound('Campaign');
  const current = found.campaign;
  if (current.version !== input.version) throw staleWrite(presentCampaign(current, 0));
  if (current.status !== 'draft')
    throw conflict('CAMPAIGN_NOT_DRAFT', `The campaign is ${current.status}; only a draft can be edited.`);
  const { version, customQuestions: custom, ...patch } = input;
  // Only the unit's own questions change; the template's scored items are never touched.
  let customQuestions: unknown[] | undefined;
  if (custom !== undefined) {
    const template = await pinnedQuestionnaire({ ...current, customQuestions: [] });
    customQuestions = withCustomQuestions(template, custom).questions.slice(template.questions.length);
  }
  const services = patch.services ?? servicesOf(current);
  const excludeFlags = patch.excludeFlags ?? excludeFlagsOf(current);
  const exclusionReason =
    excludeFlags.length === 0
      ? null
      : patch.exclusionReason === undefined
        ? current.exclusionReason
        : patch.exclusionReason;
  checkCampaignFields({
    startsOn: patch.startsOn ?? current.startsOn,
    endsOn: patch.endsOn ?? current.endsOn,
    services,
    excludeFlags,
    exclusionReason,
  });
  const redesigned = patch.services !== undefined || patch.samplingMethod !== undefined;
  const targetSample =
    patch.targetSample ??
    (redesigned
      ? computedTarget({
          kind: current.kind as 'skm',
          services,
          samplingMethod: patch.samplingMethod ?? (current.samplingMethod as 'krejcie-morgan'),
        })
      : undefined);
  const updated = await updateCampaignIfVersion(
    tx,
    campaignId,
    version,
    {
      ...patch,
      exclusionReason,
      ...(targetSample === undefined ? {} : { targetSample }),
      ...(customQuestions === undefined ? {} : { customQuestions }),
    },
    now,
  );
  if (!updated)
    throw staleWrite(presentCampaign((await findCampaign(tx, campaignId))?.campaign ?? current, 0));
  await writeAudit(tx, {
    actor,
    action: 'survey.campaign_updated',
    subjectType: 'survey_campaign',
    subjectId: campaignId,
    unit: { id: current.unitId, path: found.unitPath },
    before: presentCampaign(current, 0),
    after: presentCampaign(updated, 0),
    now,
  });
  return updated;
};
