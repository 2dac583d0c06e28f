import type { Evidence } from '../../../contracts/evidence.ts';
import type {
  AssessmentPrerequisites,
  PeriodPrerequisites,
  PrerequisiteView,
  ProposalDocuments,
  ProposalOverview,
  ProposalWindow,
  PutProposalDocumentsBody,
  PutProposalWindowBody,
} from '../../../contracts/proposals.ts';
import type { Assessment } from '../../../contracts/assessments.ts';
import type { Period } from '../../../contracts/periods.ts';
import { api, apiRequest } from '../../lib/api.ts';

export type PrerequisiteWrite = { value: unknown; evidenceId: string | null; note: string; version: number };

export const proposalKeys = {
  periods: ['proposal-periods'] as const,
  overview: (periodId: string | null) => ['proposal-overview', periodId] as const,
  assessment: (id: string) => ['proposal-assessment', id] as const,
  documents: (id: string) => ['proposal-documents', id] as const,
  evidence: (unitId: string | null) => ['proposal-evidence', unitId] as const,
  mine: (periodId: string | null) => ['proposal-mine', periodId] as const,
};

export const proposalApi = {
  periods: async () => (await api.get<{ periods: Period[] }>('/api/periods')).periods,
  /** The assessments of a period the caller may read (a unit's lead sees her own). */
  assessments: async (periodId: string) =>
    (await api.get<{ assessments: Assessment[] }>('/api/assessments', { periodId })).assessments,
  overview: (periodId: string) => api.get<ProposalOverview>(`/api/periods/${periodId}/proposals`),
  periodPrerequisites: (periodId: string) =>
    api.get<PeriodPrerequisites>(`/api/periods/${periodId}/prerequisites`),
  putPeriodPrerequisite: (periodId: string, code: string, body: PrerequisiteWrite) =>
    apiRequest<PrerequisiteView>('PUT', `/api/periods/${periodId}/prerequisites/${code}`, body),
  assessmentPrerequisites: (id: string) =>
    api.get<AssessmentPrerequisites>(`/api/assessments/${id}/prerequisites`),
  putAssessmentPrerequisite: (id: string, code: string, body: PrerequisiteWrite) =>
    apiRequest<PrerequisiteView>('PUT', `/api/assessments/${id}/prerequisites/${code}`, body),
  documents: (id: string) => api.get<ProposalDocuments>(`/api/assessments/${id}/proposal`),
  putDocuments: (id: string, body: PutProposalDocumentsBody) =>
    apiRequest<ProposalDocuments>('PUT', `/api/assessments/${id}/proposal`, body),
  putWindow: (periodId: string, body: PutProposalWindowBody) =>
    apiRequest<ProposalWindow>('PUT', `/api/periods/${periodId}/proposal-window`, body),
  /** The reviews feature's transition route: the core decides and lists every reason it refuses. */
  propose: (id: string, version: number) =>
    api.post<unknown>(`/api/assessments/${id}/review/propose`, { version, note: '' }),
  evidence: async (unitId: string) =>
    (await api.get<{ evidence: Evidence[] }>(`/api/units/${unitId}/evidence`, {})).evidence,
};

/** The LHE of one level as a download link (the server sends it as an attachment). */
export const lheUrl = (assessmentId: string, level: string) =>
  `/api/assessments/${assessmentId}/lhe.pdf?level=${encodeURIComponent(level)}`;
