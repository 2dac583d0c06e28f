import type { Tx } from '../../db/client.ts';
import { findCampaignOnly, type CampaignRow } from './repo.ts';

/**
 * The public form's campaign reads, kept a short while per process. Safe because nothing is stored on a
 * cached read alone: the insert re-checks, in its own statement, that the campaign is still open at the
 * cached version, and a mismatch forgets the entry and reads again.
 */
const TTL_MS = 2_000;
const MAX_ENTRIES = 1_000;
const entries = new Map<string, { row: CampaignRow | undefined; at: number }>();

export const cachedCampaign = async (db: Tx, id: string, nowMs: number): Promise<CampaignRow | undefined> => {
  const hit = entries.get(id);
  if (hit && nowMs - hit.at < TTL_MS && nowMs >= hit.at) return hit.row;
  const row = await findCampaignOnly(db, id);
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(id, { row, at: nowMs });
  return row;
};

export const forgetCampaign = (id: string): void => {
  entries.delete(id);
};
