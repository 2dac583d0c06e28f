import type { PublicUnitResults } from './types.ts';

export type ResultsLoad =
  { kind: 'ok'; results: PublicUnitResults } | { kind: 'not-found' } | { kind: 'failed' };

export const loadResults = async (unitCode: string): Promise<ResultsLoad> => {
  try {
    const res = await fetch(`/api/public/units/${encodeURIComponent(unitCode)}/survey-results`, {
      headers: { accept: 'application/json' },
    });
    if (res.status === 404 || res.status === 400) return { kind: 'not-found' };
    if (!res.ok) return { kind: 'failed' };
    return { kind: 'ok', results: (await res.json()) as PublicUnitResults };
  } catch {
    return { kind: 'failed' };
  }
};
