import { randomUUID } from 'node:crypto';
import { qualityFlags } from '../../../core/survey/quality.ts';
import { validateResponse } from '../../../core/survey/response.ts';
import type { Db, Tx } from '../../db/client.ts';
import { badRequest, conflict, notFound } from '../../http/errors.ts';
import { acceptsResponses } from './campaign-window.ts';
import { cachedCampaign, forgetCampaign } from './campaign-cache.ts';
import { codeHash } from './code-hash.ts';
import { canonicalHash, saltedHash } from './hash-salt.ts';
import { insertResponses, type InsertOutcome, type PendingResponse } from './insert-responses.ts';
import { servicesOf } from './present-campaign.ts';
import { pinnedQuestionnaire, serviceField } from './questionnaires.ts';
import { findCampaignOnly, findResponseByKey, powChallengeUsed, useCode, type CampaignRow } from './repo.ts';
import { batcherOf } from './response-batcher.ts';
import { verifyProofOfWork } from './proof-of-work.ts';
import { DEFAULT_POW_DIFFICULTY } from '../../../core/survey/proof-of-work.ts';

export type SubmitResponseOptions = {
  campaignId: string;
  idempotencyKey: string;
  body: Record<string, unknown>;
  /** The caller's address; only its salted hash is stored. */
  ip: string | null;
  salt: string;
  now: Date;
};
export type SubmitResponseResult = { id: string; replayed: boolean };

/** Thrown inside the code transaction so that a replay never spends the code a second time. */
class Replay extends Error {
  constructor(readonly id: string) {
    super('replay');
  }
}
/** Thrown inside the code transaction when the campaign changed since it was read: undo, read, try again. */
class CampaignChanged extends Error {}

const replayOrMismatch = async (db: Tx, o: SubmitResponseOptions, bodyHash: string) => {
  const existing = await findResponseByKey(db, o.campaignId, o.idempotencyKey);
  if (!existing) return undefined;
  if (existing.bodyHash !== bodyHash)
    throw conflict('IDEMPOTENCY_MISMATCH', 'This Idempotency-Key was used with another response.');
  return existing.id;
};

const duplicateDevice = () =>
  conflict(
    'DUPLICATE_DEVICE',
    'This device already answered this survey for this service recently; thank you, one response is enough.',
  );

/**
 * Stores one anonymous response of an open campaign, at most once per idempotency key: a retry with the same
 * body gets the first response's id, the same key with another body 409. Validated by the core; quality
 * flags are stored with it (kept, and left out of the index by the campaign's rule). A device token answers
 * a campaign's service once per window (409 DUPLICATE_DEVICE); a kiosk sends none.
 *
 * The campaign is read from a short per-process cache; the insert itself checks that the campaign is still
 * open at the version the response was validated against, and on a mismatch the campaign is read again.
 */
export const submitResponse = async (db: Db, o: SubmitResponseOptions): Promise<SubmitResponseResult> => {
  let campaign = await cachedCampaign(db, o.campaignId, o.now.getTime());
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (attempt > 0 || !campaign || !acceptsResponses(campaign, o.now)) {
      // Refusals and retries always look at the stored campaign, never at a cached one.
      forgetCampaign(o.campaignId);
      campaign = await findCampaignOnly(db, o.campaignId);
    }
    const result = await attempt_(db, campaign, o);
    if (result) return result;
  }
  throw conflict('CONFLICT_RETRY', 'The survey changed while the response was sent; send it again.');
};

/** One try against one reading of the campaign; undefined when the campaign changed meanwhile. */
const attempt_ = async (
  db: Db,
  campaign: CampaignRow | undefined,
  o: SubmitResponseOptions,
): Promise<SubmitResponseResult | undefined> => {
  if (!campaign || campaign.status === 'draft') throw notFound('Survey');
  if (!acceptsResponses(campaign, o.now))
    throw conflict('CAMPAIGN_CLOSED', 'This survey is not taking responses now.');
  const { code, deviceToken, proofOfWork, ...response } = o.body;
  const q = await pinnedQuestionnaire(campaign);
  const checked = validateResponse(q, response, { services: servicesOf(campaign).map((s) => s.code) });
  if (!checked.ok)
    throw badRequest('SURVEY_RESPONSE_INVALID', checked.error[0]?.message ?? 'Invalid response.', {
      errors: checked.error,
    });
  if (campaign.requireCodes && typeof code !== 'string')
    throw badRequest('CODE_REQUIRED', 'This survey needs the code printed on your queue ticket.');
  const powHash = campaign.proofOfWork
    ? verifyProofOfWork(o.salt, campaign.id, proofOfWork, DEFAULT_POW_DIFFICULTY, o.now)
    : null;
  if (powHash && (await powChallengeUsed(db, campaign.id, powHash, o.idempotencyKey)))
    throw conflict('POW_USED', 'This proof of work already served a response; the form fetches a new one.');
  const submission = checked.value;
  // A retry solves a fresh challenge: the proof is not part of what makes two sendings the same response.
  const bodyHash = canonicalHash({ ...o.body, proofOfWork: undefined });
  const field = serviceField(q);
  const row: PendingResponse = {
    id: randomUUID(),
    campaignId: campaign.id,
    campaignVersion: campaign.version,
    serviceCode: field ? (submission.profile[field] ?? null) : null,
    screening: submission.screening,
    answers: submission.answers,
    profile: submission.profile,
    // Capped to the column's range: a form left open for years is still just "slow".
    durationSeconds:
      submission.durationSeconds === null
        ? null
        : Math.min(Math.round(submission.durationSeconds), 2_147_483_647),
    flags: qualityFlags(
      q,
      submission,
      campaign.minSeconds === null ? {} : { minDurationSeconds: campaign.minSeconds },
    ),
    idempotencyKey: o.idempotencyKey,
    bodyHash,
    deviceTokenHash: typeof deviceToken === 'string' ? saltedHash(o.salt, `device:${deviceToken}`) : null,
    deviceWindowHours: campaign.deviceWindowHours,
    ipHash: o.ip ? saltedHash(o.salt, `ip:${o.ip}`) : null,
    powChallengeHash: powHash,
    createdAt: o.now,
  };

  if (typeof code !== 'string') {
    // The hot path: one statement, grouped with concurrent ones (proof-of-work rows go alone: their own
    // unique index must not fail a neighbour's statement).
    const outcome = powHash ? (await insertResponses(db, [row]))[0]! : await batcherOf(db).store(row);
    return answer(db, o, bodyHash, outcome);
  }
  try {
    return await db.transaction(async (tx) => {
      const earlier = await replayOrMismatch(tx, o, bodyHash);
      if (earlier) throw new Replay(earlier);
      const used = await useCode(tx, campaign.id, codeHash(campaign.id, code), o.now);
      if (used === 'used') throw conflict('CODE_USED', 'This code has already been used.');
      if (used === 'unknown') throw badRequest('CODE_INVALID', 'This code is not valid for this survey.');
      const outcome = (await insertResponses(tx, [row]))[0]!;
      if (outcome.kind === 'stored') return { id: outcome.id, replayed: false };
      if (outcome.kind === 'campaign_changed') throw new CampaignChanged();
      // A concurrent retry won the key, or the device already answered: undo the code use.
      const winner = await replayOrMismatch(tx, o, bodyHash);
      if (winner) throw new Replay(winner);
      throw outcome.kind === 'device_repeat'
        ? duplicateDevice()
        : conflict('CONFLICT_RETRY', 'Send it again.');
    });
  } catch (e) {
    if (e instanceof Replay) return { id: e.id, replayed: true };
    if (e instanceof CampaignChanged) return undefined;
    throw e;
  }
};

const answer = async (
  db: Tx,
  o: SubmitResponseOptions,
  bodyHash: string,
  outcome: InsertOutcome,
): Promise<SubmitResponseResult | undefined> => {
  if (outcome.kind === 'stored') return { id: outcome.id, replayed: false };
  if (outcome.kind === 'campaign_changed') return undefined;
  // Only now is the earlier row read: a retry of a stored response is a replay, whatever its device says.
  const earlier = await replayOrMismatch(db, o, bodyHash);
  if (earlier) return { id: earlier, replayed: true };
  if (outcome.kind === 'device_repeat') throw duplicateDevice();
  throw conflict('CONFLICT_RETRY', 'The response could not be stored; send it again with the same key.');
};
