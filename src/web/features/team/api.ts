import type { CreateDecreeBody, DecreeCreated, TeamCandidates, TeamView } from '../../../contracts/team.ts';
import type { Evidence } from '../../../contracts/evidence.ts';
import { api } from '../../lib/api.ts';

export const teamKeys = {
  team: (unitId: string | null) => ['team', unitId] as const,
  candidates: (unitId: string) => ['team-candidates', unitId] as const,
  evidence: (id: string) => ['evidence', id] as const,
};

export const teamApi = {
  team: (unitId: string) => api.get<TeamView>(`/api/units/${unitId}/team`),
  candidates: async (unitId: string) =>
    (await api.get<TeamCandidates>(`/api/units/${unitId}/team/candidates`)).employees,
  createDecree: (unitId: string, body: CreateDecreeBody) =>
    api.post<DecreeCreated>(`/api/units/${unitId}/team/decrees`, body),
};

/** Evidence of the programme screens: uploaded through the evidence feature, shown by title. */
export const evidenceApi = {
  one: (id: string) => api.get<Evidence>(`/api/evidence/${id}`),
  create: (unitId: string, uploadId: string, title: string) =>
    api.post<Evidence>(`/api/units/${unitId}/evidence`, { uploadId, title }),
};
