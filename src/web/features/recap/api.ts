import type { Recap, RecapRow } from '../../../contracts/recap.ts';
import { api } from '../../lib/api.ts';

export type { Recap, RecapRow };

export const recapKeys = {
  recap: (unitId: string | null, periodId: string | null) => ['recap', unitId, periodId] as const,
};

export const recapApi = {
  get: (unitId: string, periodId: string) => api.get<Recap>(`/api/units/${unitId}/recap`, { periodId }),
};
