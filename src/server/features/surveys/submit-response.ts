import { randomUUID } from 'node:crypto';
import { qualityFlags } from '../../../core/survey/quality.ts';
import { validateResponse } from '../../../core/survey/response.ts';
import type { Db, Tx } from '../../db/client.ts';
import { badRequest, conflict, notFound } from '../../http/errors.ts';
import { acceptsResponses } from './campaign-window.ts';
import { codeHash } from './code-hash.ts';
import { canonicalHash, saltedHash } from './hash-salt.ts';
import { servicesOf } from './present-campaign.ts';
import { pinnedQuestionnaire, serviceField } from './questionnaires.ts';
import {
  findCampaignOnly,
  findResponseByKey,
  insertResponseIfNew,
  powChallengeUsed,
  useCode,
} from './repo.ts';
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

const replayOrMismatch = async (db: Tx, o: SubmitResponseOptions, bodyHash: string) => {
  const existing = await findResponseByKey(db, o.campaignId, o.idempotencyKey);
  if (!existing) return undefined;
  if (existing.bodyHash !== bodyHash)
    throw conflict('IDEMPOTENCY_MISMATCH', 'This Idempotency-Key was used with another response.');
  return existing.id;
};

/**
 * Stores one anonymous response of an open campaign, at most once per idempotency key: a retry with the same
 * body gets the first response's id, the same key with another body 409. Validated by the core; quality
 * flags are stored with it (kept, and left out of the index by the campaign's rule).
 */
export const submitResponse = async (db: Db, o: SubmitResponseOptions): Promise<SubmitResponseResult> => {
  const campaign = await findCampaignOnly(db, o.campaignId);
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
  const row = {
    id: randomUUID(),
    campaignId: campaign.id,
    serviceCode: field ? (submission.profile[field] ?? null) : null,
    screening: submission.screening,
    answers: submission.answers,
    profile: submission.profile,
    durationSeconds: submission.durationSeconds === null ? null : Math.round(submission.durationSeconds),
    flags: qualityFlags(
      q,
      submission,
      campaign.minSeconds === null ? {} : { minDurationSeconds: campaign.minSeconds },
    ),
    idempotencyKey: o.idempotencyKey,
    bodyHash,
    deviceTokenHash: typeof deviceToken === 'string' ? saltedHash(o.salt, `device:${deviceToken}`) : null,
    ipHash: o.ip ? saltedHash(o.salt, `ip:${o.ip}`) : null,
    powChallengeHash: powHash,
    createdAt: o.now,
  };

  if (typeof code !== 'string') {
    // The hot path: one INSERT … ON CONFLICT DO NOTHING; only a retry reads the earlier row.
    const id = await insertResponseIfNew(db, row);
    if (id) return { id, replayed: false };
    const earlier = await replayOrMismatch(db, o, bodyHash);
    if (earlier) return { id: earlier, replayed: true };
    throw conflict('CONFLICT_RETRY', 'The response could not be stored; send it again with the same key.');
  }
  try {
    return await db.transaction(async (tx) => {
      const earlier = await replayOrMismatch(tx, o, bodyHash);
      if (earlier) throw new Replay(earlier);
      const used = await useCode(tx, campaign.id, codeHash(campaign.id, code), o.now);
      if (used === 'used') throw conflict('CODE_USED', 'This code has already been used.');
      if (used === 'unknown') throw badRequest('CODE_INVALID', 'This code is not valid for this survey.');
      const id = await insertResponseIfNew(tx, row);
      if (!id) {
        // A concurrent retry won the key: undo the code use and answer as it did.
        const winner = await replayOrMismatch(tx, o, bodyHash);
        throw winner ? new Replay(winner) : conflict('CONFLICT_RETRY', 'Send the response again.');
      }
      return { id, replayed: false };
    });
  } catch (e) {
    if (e instanceof Replay) return { id: e.id, replayed: true };
    throw e;
  }
};
