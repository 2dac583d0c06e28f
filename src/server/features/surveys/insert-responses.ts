import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';

/** One response ready to store, with what the statement checks beside it. */
export type PendingResponse = {
  id: string;
  campaignId: string;
  /** The campaign version the response was validated against: the row is stored only if it still holds. */
  campaignVersion: number;
  serviceCode: string | null;
  screening: string;
  answers: unknown;
  profile: unknown;
  durationSeconds: number | null;
  flags: string[];
  idempotencyKey: string;
  bodyHash: string;
  deviceTokenHash: string | null;
  /** 0: no device rule. */
  deviceWindowHours: number;
  ipHash: string | null;
  powChallengeHash: string | null;
  createdAt: Date;
};

/**
 * `stored`: this statement stored it. `campaign_changed`: the campaign is no longer open at that version
 * (nothing stored). `key_taken`: the campaign already has a response under the key (a retry or a mismatch).
 * `device_repeat`: the device token answered this campaign and service within the window.
 */
export type InsertOutcome =
  | { kind: 'stored'; id: string }
  | { kind: 'campaign_changed' }
  | { kind: 'key_taken' }
  | { kind: 'device_repeat' };

type OutcomeRow = { ord: number; campaign_ok: boolean; device_ok: boolean; inserted_id: string | null };

/**
 * Stores several responses in ONE statement, so one commit (one WAL flush) covers them all; each row is
 * checked in the same statement against its campaign (open, same version), its device token (claimed by
 * INSERT … ON CONFLICT DO UPDATE … WHERE the window has passed, so concurrent sendings cannot both pass) and
 * its idempotency key (ON CONFLICT DO NOTHING). The caller must not put two rows with the same key, or the
 * same device, campaign and service, in one call (ON CONFLICT cannot touch a row twice in one statement).
 */
export const insertResponses = async (db: Tx, rows: PendingResponse[]): Promise<InsertOutcome[]> => {
  if (rows.length === 0) return [];
  const input = JSON.stringify(
    rows.map((r, ord) => ({
      ord,
      id: r.id,
      campaign_id: r.campaignId,
      campaign_version: r.campaignVersion,
      service_code: r.serviceCode,
      screening: r.screening,
      answers: r.answers,
      profile: r.profile,
      duration_seconds: r.durationSeconds,
      flags: r.flags,
      idempotency_key: r.idempotencyKey,
      body_hash: r.bodyHash,
      device_token_hash: r.deviceTokenHash,
      device_window_hours: r.deviceWindowHours,
      ip_hash: r.ipHash,
      pow_challenge_hash: r.powChallengeHash,
      created_at: r.createdAt.toISOString(),
    })),
  );
  const result = (await db.execute(sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${input}::jsonb) AS x(
        ord int, id uuid, campaign_id uuid, campaign_version int, service_code text, screening text,
        answers jsonb, profile jsonb, duration_seconds int, flags jsonb, idempotency_key uuid, body_hash text,
        device_token_hash text, device_window_hours int, ip_hash text, pow_challenge_hash text,
        created_at timestamptz)
    ), open_input AS (
      SELECT i.* FROM input i
      JOIN survey_campaigns c ON c.id = i.campaign_id AND c.version = i.campaign_version AND c.status = 'open'
    ), device AS (
      INSERT INTO survey_device_uses AS u (campaign_id, device_token_hash, service_code, idempotency_key, last_at)
      SELECT campaign_id, device_token_hash, coalesce(service_code, ''), idempotency_key, created_at
      FROM open_input WHERE device_token_hash IS NOT NULL AND device_window_hours > 0
      ON CONFLICT (campaign_id, device_token_hash, service_code) DO UPDATE
        -- A retry of the response that claimed the row passes without moving the window.
        SET idempotency_key = excluded.idempotency_key,
          last_at = CASE WHEN u.idempotency_key = excluded.idempotency_key THEN u.last_at ELSE excluded.last_at END
        WHERE u.idempotency_key = excluded.idempotency_key
           OR u.last_at <= excluded.last_at - make_interval(hours => (
             SELECT o.device_window_hours FROM open_input o WHERE o.idempotency_key = excluded.idempotency_key
               AND o.campaign_id = excluded.campaign_id))
      RETURNING u.campaign_id, u.idempotency_key
    ), stored AS (
      INSERT INTO survey_responses (id, campaign_id, service_code, screening, answers, profile,
        duration_seconds, flags, idempotency_key, body_hash, device_token_hash, ip_hash, pow_challenge_hash,
        created_at)
      SELECT o.id, o.campaign_id, o.service_code, o.screening, o.answers, o.profile, o.duration_seconds,
        o.flags, o.idempotency_key, o.body_hash, o.device_token_hash, o.ip_hash, o.pow_challenge_hash,
        o.created_at
      FROM open_input o
      WHERE o.device_token_hash IS NULL OR o.device_window_hours = 0
         OR EXISTS (SELECT 1 FROM device d WHERE d.campaign_id = o.campaign_id
                    AND d.idempotency_key = o.idempotency_key)
      ON CONFLICT (campaign_id, idempotency_key) DO NOTHING
      RETURNING id, campaign_id, idempotency_key
    )
    SELECT i.ord,
      EXISTS (SELECT 1 FROM open_input o WHERE o.ord = i.ord) AS campaign_ok,
      (i.device_token_hash IS NULL OR i.device_window_hours = 0
        OR EXISTS (SELECT 1 FROM device d WHERE d.campaign_id = i.campaign_id
                   AND d.idempotency_key = i.idempotency_key)) AS device_ok,
      (SELECT s.id FROM stored s WHERE s.campaign_id = i.campaign_id
         AND s.idempotency_key = i.idempotency_key) AS inserted_id
    FROM input i
  `)) as unknown as { rows: OutcomeRow[] };
  const byOrd = new Map(result.rows.map((r) => [Number(r.ord), r]));
  return rows.map((_, ord): InsertOutcome => {
    const r = byOrd.get(ord);
    if (!r || !r.campaign_ok) return { kind: 'campaign_changed' };
    if (r.inserted_id) return { kind: 'stored', id: r.inserted_id };
    if (!r.device_ok) return { kind: 'device_repeat' };
    return { kind: 'key_taken' };
  });
};
