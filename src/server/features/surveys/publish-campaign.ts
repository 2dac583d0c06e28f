import type { Tx } from '../../db/client.ts';
import { conflict, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { presentCampaign } from './present-campaign.ts';
import { findCampaign, setCampaignPublished, type CampaignRow } from './repo.ts';

export type PublishCampaignOptions = {
  campaignId: string;
  published: boolean;
  version: number;
  actor: AuditActor;
  now: Date;
};

/**
 * Shows a closed campaign's indices on the unit's public results page, or withdraws them (PermenPANRB
 * 14/2017: the SKM result is published). Only a closed campaign: its figures no longer move.
 */
export const publishCampaign = async (
  tx: Tx,
  { campaignId, published, version, actor, now }: PublishCampaignOptions,
): Promise<CampaignRow> => {
  const found = await findCampaign(tx, campaignId);
  if (!found) throw notFound('Campaign');
  const current = found.campaign;
  if (current.version !== version) throw staleWrite(presentCampaign(current, 0));
  if (current.status !== 'closed')
    throw conflict('CAMPAIGN_NOT_CLOSED', 'Only a closed campaign can be published or withdrawn.');
  if (current.published === published)
    throw conflict(
      published ? 'CAMPAIGN_ALREADY_PUBLISHED' : 'CAMPAIGN_NOT_PUBLISHED',
      published ? 'The campaign is already published.' : 'The campaign is not published.',
    );
  const updated = await setCampaignPublished(tx, campaignId, version, published, now);
  if (!updated) throw staleWrite(presentCampaign(current, 0));
  await writeAudit(tx, {
    actor,
    action: published ? 'survey.campaign_published' : 'survey.campaign_unpublished',
    subjectType: 'survey_campaign',
    subjectId: campaignId,
    unit: { id: current.unitId, path: found.unitPath },
    before: { published: current.published, version: current.version },
    after: { published: updated.published, version: updated.version },
    now,
  });
  return updated;
};
