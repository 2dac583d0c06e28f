import type { Tx } from '../../db/client.ts';
import { conflict, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { presentCampaign } from './present-campaign.ts';
import { findCampaign, updateCampaignIfVersion, type CampaignRow } from './repo.ts';

export type ChangeCampaignStatusOptions = {
  campaignId: string;
  to: 'open' | 'closed';
  version: number;
  actor: AuditActor;
  now: Date;
};

const FROM = { open: 'draft', closed: 'open' } as const;

/** draft → open (the form takes responses within its dates) → closed (final: results can go into the LKE). */
export const changeCampaignStatus = async (
  tx: Tx,
  { campaignId, to, version, actor, now }: ChangeCampaignStatusOptions,
): Promise<CampaignRow> => {
  const found = await findCampaign(tx, campaignId);
  if (!found) throw notFound('Campaign');
  const current = found.campaign;
  if (current.version !== version) throw staleWrite(presentCampaign(current, 0));
  if (current.status !== FROM[to])
    throw conflict('CAMPAIGN_STATE', `A ${current.status} campaign cannot become ${to}.`);
  const updated = await updateCampaignIfVersion(tx, campaignId, version, { status: to }, now);
  if (!updated) throw staleWrite(presentCampaign(current, 0));
  await writeAudit(tx, {
    actor,
    action: to === 'open' ? 'survey.campaign_opened' : 'survey.campaign_closed',
    subjectType: 'survey_campaign',
    subjectId: campaignId,
    unit: { id: current.unitId, path: found.unitPath },
    before: { status: current.status, version: current.version },
    after: { status: updated.status, version: updated.version },
    now,
  });
  return updated;
};
