import type { Declaration, SaveDeclarationBody } from '../../../contracts/declaration.ts';
import type { Evidence } from '../../../contracts/evidence.ts';
import { api, apiRequest } from '../../lib/api.ts';

export const declarationKeys = {
  one: (unitId: string | null) => ['declaration', unitId] as const,
  evidence: (unitId: string | null) => ['declaration-evidence', unitId] as const,
};

export const declarationApi = {
  get: async (unitId: string) =>
    (await api.get<{ declaration: Declaration | null }>(`/api/units/${unitId}/declaration`)).declaration,
  save: (unitId: string, body: SaveDeclarationBody) =>
    apiRequest<Declaration>('PUT', `/api/units/${unitId}/declaration`, body),
  evidence: async (unitId: string) =>
    (await api.get<{ evidence: Evidence[] }>(`/api/units/${unitId}/evidence`, {})).evidence,
};

/** A finished upload becomes evidence of the unit (the evidence feature's route). */
export const createEvidence = (unitId: string, body: { uploadId: string; title: string }) =>
  api.post<Evidence>(`/api/units/${unitId}/evidence`, body);
