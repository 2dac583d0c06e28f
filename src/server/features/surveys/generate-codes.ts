import { randomInt } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { codeHash } from './code-hash.ts';
import { findCampaign, insertCodes } from './repo.ts';

export type GenerateCodesOptions = { campaignId: string; count: number; actor: AuditActor; now: Date };

/** No 0/O, 1/I/L: codes are typed from a printed queue ticket. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 8;

const newCode = () => Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** N one-time codes, returned in clear this once; only their hashes are kept. */
export const generateCodes = async (
  tx: Tx,
  { campaignId, count, actor, now }: GenerateCodesOptions,
): Promise<string[]> => {
  const found = await findCampaign(tx, campaignId);
  if (!found) throw notFound('Campaign');
  if (found.campaign.status === 'closed') throw conflict('CAMPAIGN_CLOSED', 'The campaign is closed.');
  const codes = [...new Set(Array.from({ length: count }, newCode))];
  for (let i = 0; i < codes.length; i += 1000)
    await insertCodes(
      tx,
      campaignId,
      codes.slice(i, i + 1000).map((c) => codeHash(campaignId, c)),
      now,
    );
  await writeAudit(tx, {
    actor,
    action: 'survey.codes_generated',
    subjectType: 'survey_campaign',
    subjectId: campaignId,
    unit: { id: found.campaign.unitId, path: found.unitPath },
    after: { count: codes.length },
    now,
  });
  return codes;
};
