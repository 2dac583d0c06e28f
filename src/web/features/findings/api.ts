import type {
  CreateFindingBody,
  Finding,
  FindingList,
  FollowUpBody,
  UpdateFindingBody,
} from '../../../contracts/findings.ts';
import { api } from '../../lib/api.ts';

export const findingKeys = { list: (unitId: string | null) => ['findings', unitId] as const };

export const findingsApi = {
  list: (unitId: string) => api.get<FindingList>(`/api/units/${unitId}/findings`),
  create: (unitId: string, body: CreateFindingBody) =>
    api.post<Finding>(`/api/units/${unitId}/findings`, body),
  update: (id: string, body: UpdateFindingBody) => api.patch<Finding>(`/api/findings/${id}`, body),
  remove: (id: string, version: number) => api.del<void>(`/api/findings/${id}?version=${version}`),
  followUp: (id: string, body: FollowUpBody) => api.post<Finding>(`/api/findings/${id}/follow-up`, body),
  close: (id: string, version: number) => api.post<Finding>(`/api/findings/${id}/close`, { version }),
};
