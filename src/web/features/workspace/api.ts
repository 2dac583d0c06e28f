import { useQuery } from '@tanstack/react-query';
import type {
  Assessment,
  CreateAssessmentBody,
  SaveAnswerBody,
  AnswerView,
  Worksheet,
} from '../../../contracts/assessments.ts';
import type { Evidence } from '../../../contracts/evidence.ts';
import type { CreatePeriodBody, Period, UpdatePeriodBody } from '../../../contracts/periods.ts';
import type { User } from '../../../contracts/users.ts';
import { parseLkeTemplate } from '../../../core/lke/parse-lke-template.ts';
import type { LkeTemplate } from '../../../core/lke/template-model.ts';
import { api, apiRequest } from '../../lib/api.ts';

export type SavedAnswer = { answer: AnswerView; warnings: { code: string; message: string }[] };
export type Comment = {
  id: string;
  code: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
};

export const keys = {
  periods: ['periods'] as const,
  assessments: (unitId: string | null) => ['assessments', unitId] as const,
  assessment: (id: string) => ['assessment', id] as const,
  worksheet: (id: string) => ['worksheet', id] as const,
  template: (id: string, version: string) => ['lke-template', id, version] as const,
  comments: (id: string, code: string) => ['comments', id, code] as const,
  unitEvidence: (unitId: string, q: string) => ['unit-evidence', unitId, q] as const,
  unitUsers: (unitId: string) => ['unit-users', unitId] as const,
};

const enc = encodeURIComponent;

export const workspaceApi = {
  periods: async () => (await api.get<{ periods: Period[] }>('/api/periods')).periods,
  createPeriod: (body: CreatePeriodBody) => api.post<Period>('/api/periods', body),
  updatePeriod: (id: string, body: UpdatePeriodBody) => api.patch<Period>(`/api/periods/${id}`, body),
  assessments: async (query: { unitId?: string; periodId?: string }) =>
    (await api.get<{ assessments: Assessment[] }>('/api/assessments', query)).assessments,
  createAssessment: (body: CreateAssessmentBody) => api.post<Assessment>('/api/assessments', body),
  worksheet: (id: string) => api.get<Worksheet>(`/api/assessments/${id}/worksheet`),
  saveAnswer: (id: string, code: string, body: SaveAnswerBody) =>
    apiPut<SavedAnswer>(`/api/assessments/${id}/answers/${enc(code)}`, body),
  comments: async (id: string, code: string) =>
    (await api.get<{ comments: Comment[] }>(`/api/assessments/${id}/items/${enc(code)}/comments`)).comments,
  addComment: (id: string, code: string, body: string) =>
    api.post<Comment>(`/api/assessments/${id}/items/${enc(code)}/comments`, { body }),
  transition: (id: string, kind: 'submit' | 'approve' | 'return', version: number, note?: string) =>
    api.post<Assessment>(`/api/assessments/${id}/${kind}`, note ? { version, note } : { version }),
  template: async (id: string, version: string): Promise<LkeTemplate> => {
    const raw = await api.get<unknown>(`/api/lke/templates/${enc(id)}`, { version });
    const parsed = parseLkeTemplate(raw);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value;
  },
  unitEvidence: async (unitId: string, q: string) =>
    (await api.get<{ evidence: Evidence[] }>(`/api/units/${unitId}/evidence`, { q })).evidence,
  createEvidence: (
    unitId: string,
    body: {
      uploadId: string;
      title: string;
      link?: { assessmentId: string; code: string; checklistIndex: number | null };
    },
  ) => api.post<Evidence>(`/api/units/${unitId}/evidence`, body),
  linkEvidence: (id: string, code: string, evidenceId: string, checklistIndex: number | null) =>
    api.post<unknown>(`/api/assessments/${id}/items/${enc(code)}/evidence`, { evidenceId, checklistIndex }),
  unlinkEvidence: (id: string, code: string, evidenceId: string) =>
    api.del<unknown>(`/api/assessments/${id}/items/${enc(code)}/evidence/${evidenceId}`),
  unitUsers: async (unitId: string) => (await api.get<{ users: User[] }>('/api/users', { unitId })).users,
};

/** PUT is not in the shared client's shorthand list; it goes through the same request function. */
const apiPut = <T>(path: string, body: unknown): Promise<T> => apiRequest<T>('PUT', path, body);

export const usePeriods = (enabled = true) =>
  useQuery({ queryKey: keys.periods, queryFn: workspaceApi.periods, enabled, staleTime: 30_000 });

export const useTemplate = (id: string | undefined, version: string | undefined) =>
  useQuery({
    queryKey: keys.template(id ?? '', version ?? ''),
    queryFn: () => workspaceApi.template(id ?? '', version ?? ''),
    enabled: Boolean(id && version),
    staleTime: Infinity,
  });

export const useWorksheet = (id: string) =>
  useQuery({ queryKey: keys.worksheet(id), queryFn: () => workspaceApi.worksheet(id) });

export const downloadUrl = (evidenceId: string, versionId: string, inline = false) =>
  `/api/evidence/${evidenceId}/versions/${versionId}/download${inline ? '?inline=1' : ''}`;

export const canPreview = (mime: string | null | undefined) =>
  Boolean(mime && (mime === 'application/pdf' || mime.startsWith('image/') || mime.startsWith('video/')));
