import type { Assessment } from '../../../contracts/assessments.ts';
import type {
  AgentChange,
  AnswerFeedList,
  ChangeAgent,
  ChangeAgentCounts,
  ChangeAgentList,
  ChangeAgentsApplied,
  CreateChangeAgentBody,
  CreateChangeBody,
  UpdateChangeAgentBody,
} from '../../../contracts/change-agents.ts';
import { api } from '../../lib/api.ts';

export const agentKeys = {
  list: (unitId: string | null) => ['change-agents', unitId] as const,
  counts: (unitId: string | null, from: string, to: string) =>
    ['change-agent-counts', unitId, from, to] as const,
  assessments: (unitId: string) => ['assessments', unitId] as const,
  feeds: (assessmentId: string) => ['answer-feeds', assessmentId] as const,
};

export const agentsApi = {
  list: async (unitId: string) =>
    (await api.get<ChangeAgentList>(`/api/units/${unitId}/change-agents`)).agents,
  counts: (unitId: string, from: string, to: string) =>
    api.get<ChangeAgentCounts>(`/api/units/${unitId}/change-agents/counts`, { from, to }),
  designate: (unitId: string, body: CreateChangeAgentBody) =>
    api.post<ChangeAgent>(`/api/units/${unitId}/change-agents`, body),
  update: (id: string, body: UpdateChangeAgentBody) =>
    api.patch<ChangeAgent>(`/api/change-agents/${id}`, body),
  addChange: (id: string, body: CreateChangeBody) =>
    api.post<AgentChange>(`/api/change-agents/${id}/changes`, body),
  removeChange: (id: string, changeId: string) =>
    api.del<void>(`/api/change-agents/${id}/changes/${changeId}`),
  assessments: async (unitId: string) =>
    (await api.get<{ assessments: Assessment[] }>('/api/assessments', { unitId })).assessments,
  apply: (assessmentId: string, body: { from?: string; to?: string }) =>
    api.post<ChangeAgentsApplied>(`/api/assessments/${assessmentId}/change-agent-inputs`, body),
  feeds: async (assessmentId: string) =>
    (await api.get<AnswerFeedList>(`/api/assessments/${assessmentId}/answer-feeds`)).feeds,
};
