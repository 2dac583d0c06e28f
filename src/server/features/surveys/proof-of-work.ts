import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { leadingZeroBits } from '../../../core/survey/proof-of-work.ts';
import { badRequest } from '../../http/errors.ts';

const LIFETIME_MS = 15 * 60_000;

const sign = (salt: string, payload: string) =>
  createHmac('sha256', salt).update(`pow:${payload}`).digest('hex');

/**
 * A self-hosted challenge, stateless: campaign, expiry and a nonce, signed with the installation's salt, so any
 * process can check it and no third-party service sees the respondent.
 */
export const issueChallenge = (salt: string, campaignId: string, now: Date): string => {
  const payload = `${campaignId}.${now.getTime() + LIFETIME_MS}.${randomBytes(12).toString('hex')}`;
  return `${payload}.${sign(salt, payload)}`;
};

export type ProofOfWork = { challenge: string; solution: string };

/** Checks a solved challenge and returns the hash that marks it used (one response per solved challenge). */
export const verifyProofOfWork = (
  salt: string,
  campaignId: string,
  proof: unknown,
  difficulty: number,
  now: Date,
): string => {
  const p = proof as Partial<ProofOfWork> | undefined;
  if (!p || typeof p.challenge !== 'string' || typeof p.solution !== 'string' || p.solution.length > 40) {
    throw badRequest(
      'POW_REQUIRED',
      'This survey asks the device for a short proof of work; reload the form.',
    );
  }
  const parts = p.challenge.split('.');
  const [forCampaign, expires, nonce, signature] = parts;
  const payload = `${forCampaign}.${expires}.${nonce}`;
  const expected = sign(salt, payload);
  const valid =
    parts.length === 4 &&
    forCampaign === campaignId &&
    signature !== undefined &&
    signature.length === expected.length &&
    timingSafeEqual(Buffer.from(signature), Buffer.from(expected)) &&
    Number(expires) > now.getTime();
  if (!valid)
    throw badRequest('POW_INVALID', 'The proof of work is expired or not for this survey; reload the form.');
  const digest = createHash('sha256').update(`${p.challenge}:${p.solution}`).digest();
  if (leadingZeroBits(digest) < difficulty)
    throw badRequest('POW_INVALID', 'The proof of work does not solve the challenge.');
  return createHash('sha256').update(p.challenge).digest('hex');
};
