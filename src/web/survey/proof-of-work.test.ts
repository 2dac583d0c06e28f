import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendResponse, solveProofOfWork } from './api.ts';

const zeroBits = (digest: Buffer) => {
  let bits = 0;
  for (const byte of digest) {
    if (byte !== 0) return bits + Math.clz32(byte) - 24;
    bits += 8;
  }
  return bits;
};

afterEach(() => vi.unstubAllGlobals());

describe('the form’s proof of work', () => {
  it('finds a suffix whose SHA-256 has the asked leading zero bits', async () => {
    vi.stubGlobal('fetch', async () => ({
      ok: true,
      json: async () => ({ challenge: 'c.1.n.s', difficulty: 10 }),
    }));
    const proof = await solveProofOfWork('c');
    expect(proof.challenge).toBe('c.1.n.s');
    expect(
      zeroBits(createHash('sha256').update(`${proof.challenge}:${proof.solution}`).digest()),
    ).toBeGreaterThanOrEqual(10);
  });

  it('sends the proof with the response when the campaign asks, and keeps it to retry when offline', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      if (url.endsWith('/challenge'))
        return { ok: true, json: async () => ({ challenge: 'x', difficulty: 4 }) };
      sent.push(JSON.parse(String(init?.body)));
      return { ok: true, status: 201, json: async () => ({ id: 'r1', replayed: false }) };
    });
    const body = { screening: 'sudah', profile: {}, answers: {}, durationSeconds: 60 };
    expect(await sendResponse('c', 'k', body, true)).toEqual({ kind: 'ok', id: 'r1', replayed: false });
    expect(sent[0]).toMatchObject({ ...body, proofOfWork: { challenge: 'x', solution: expect.any(String) } });

    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await sendResponse('c', 'k', body, true)).toEqual({ kind: 'retry' });
  });
});
