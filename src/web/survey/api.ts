import type { FieldError, PublicSurvey, SubmitBody } from './types.ts';

export type LoadResult = { kind: 'ok'; survey: PublicSurvey } | { kind: 'not-found' } | { kind: 'failed' };

export const loadSurvey = async (campaignId: string): Promise<LoadResult> => {
  try {
    const res = await fetch(`/api/public/surveys/${encodeURIComponent(campaignId)}`, {
      headers: { accept: 'application/json' },
    });
    if (res.status === 404 || res.status === 400) return { kind: 'not-found' };
    if (!res.ok) return { kind: 'failed' };
    return { kind: 'ok', survey: (await res.json()) as PublicSurvey };
  } catch {
    return { kind: 'failed' };
  }
};

/**
 * `retry`: nothing definite came back (no connection, a 5xx, 429) — keep the response and send it again with
 * the same key. `rejected`: the server refused this response for good (400/409), with its code.
 */
export type SendResult =
  | { kind: 'ok'; id: string; replayed: boolean }
  | { kind: 'retry' }
  | { kind: 'rejected'; status: number; code: string; errors: FieldError[] };

/** Leading zero bits of a digest (the server counts them the same way). */
const zeroBits = (digest: Uint8Array): number => {
  let bits = 0;
  for (const byte of digest) {
    if (byte !== 0) return bits + Math.clz32(byte) - 24;
    bits += 8;
  }
  return bits;
};

/** Fetches a challenge and finds a suffix whose SHA-256 has enough leading zero bits (~0.5 s on a phone). */
export const solveProofOfWork = async (
  campaignId: string,
): Promise<{ challenge: string; solution: string }> => {
  const res = await fetch(`/api/public/surveys/${encodeURIComponent(campaignId)}/challenge`);
  if (!res.ok) throw new Error(`challenge ${res.status}`);
  const { challenge, difficulty } = (await res.json()) as { challenge: string; difficulty: number };
  const encoder = new TextEncoder();
  for (let i = 0; ; i++) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${i}`)));
    if (zeroBits(digest) >= difficulty) return { challenge, solution: String(i) };
  }
};

export const sendResponse = async (
  campaignId: string,
  idempotencyKey: string,
  body: SubmitBody,
  proofOfWork = false,
): Promise<SendResult> => {
  let res: Response;
  try {
    const proof = proofOfWork ? { proofOfWork: await solveProofOfWork(campaignId) } : {};
    res = await fetch(`/api/public/surveys/${encodeURIComponent(campaignId)}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify({ ...body, ...proof }),
    });
  } catch {
    return { kind: 'retry' };
  }
  if (res.ok) {
    const data = (await res.json().catch(() => ({}))) as { id?: string; replayed?: boolean };
    return { kind: 'ok', id: data.id ?? '', replayed: data.replayed === true };
  }
  if (res.status === 429 || res.status >= 500 || res.status === 408) return { kind: 'retry' };
  const data = (await res.json().catch(() => ({}))) as {
    error?: { code?: string; details?: { errors?: FieldError[] } };
  };
  return {
    kind: 'rejected',
    status: res.status,
    code: data.error?.code ?? 'UNKNOWN',
    errors: Array.isArray(data.error?.details?.errors) ? data.error.details.errors : [],
  };
};
