import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

export type DropOldDeviceUsesOptions = { now: Date };

/**
 * Privacy by retention: a device's salted token hash only has to answer "did this device already respond within
 * the campaign's window?", so a row whose last use is older than its campaign's `device_window_hours` can no
 * longer refuse anything (the next response would overwrite it anyway) and is deleted; so is every row of a
 * campaign closed longer than the window (closing is final and its last change, so `updated_at` marks it).
 * The responses themselves are untouched. Idempotent: every process may run it.
 */
export const dropOldDeviceUses = async (db: Db, { now }: DropOldDeviceUsesOptions): Promise<number> => {
  const at = now.toISOString();
  const result = (await db.execute(sql`
    DELETE FROM survey_device_uses u
    USING survey_campaigns c
    WHERE c.id = u.campaign_id
      AND (u.last_at < ${at}::timestamptz - make_interval(hours => c.device_window_hours)
        OR (c.status = 'closed'
          AND c.updated_at < ${at}::timestamptz - make_interval(hours => c.device_window_hours)))
    RETURNING u.campaign_id
  `)) as unknown as { rows: unknown[] };
  return result.rows.length;
};
