import type { Assessment, Worksheet } from '../../../contracts/assessments.ts';
import type {
  AppliedToLke,
  Campaign,
  CreateCampaignBody,
  GeneratedCodes,
  SurveyResults,
  UpdateCampaignBody,
} from '../../../contracts/surveys.ts';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';

export type CampaignView = z.infer<typeof Campaign>;
export type Results = z.infer<typeof SurveyResults>;
export type Applied = z.infer<typeof AppliedToLke>;

export const surveyKeys = {
  campaigns: (unitId: string | null) => ['survey-campaigns', unitId] as const,
  campaign: (id: string) => ['survey-campaign', id] as const,
  results: (id: string) => ['survey-results', id] as const,
  assessments: (unitId: string) => ['assessments', unitId] as const,
};

const base = '/api/surveys/campaigns';
const enc = encodeURIComponent;

export const surveysApi = {
  campaigns: async (unitId: string) =>
    (await api.get<{ campaigns: CampaignView[] }>(base, { unitId })).campaigns,
  campaign: (id: string) => api.get<CampaignView>(`${base}/${id}`),
  create: (body: CreateCampaignBody) => api.post<CampaignView>(base, body),
  update: (id: string, body: UpdateCampaignBody) => api.patch<CampaignView>(`${base}/${id}`, body),
  open: (id: string, version: number) => api.post<CampaignView>(`${base}/${id}/open`, { version }),
  close: (id: string, version: number) => api.post<CampaignView>(`${base}/${id}/close`, { version }),
  publish: (id: string, version: number) => api.post<CampaignView>(`${base}/${id}/publish`, { version }),
  unpublish: (id: string, version: number) => api.post<CampaignView>(`${base}/${id}/unpublish`, { version }),
  results: (id: string) => api.get<Results>(`${base}/${id}/results`),
  codes: async (id: string, count: number) =>
    (await api.post<z.infer<typeof GeneratedCodes>>(`${base}/${id}/codes`, { count })).codes,
  apply: (id: string, body: { assessmentId: string; version: number; belowMinimumJustification?: string }) =>
    api.post<Applied>(`${base}/${id}/apply`, body),
  assessments: async (unitId: string) =>
    (await api.get<{ assessments: Assessment[] }>('/api/assessments', { unitId })).assessments,
  worksheet: (id: string) => api.get<Worksheet>(`/api/assessments/${id}/worksheet`),
};

/** Links the browser follows itself (downloads, images): same-origin, the session cookie goes along. */
export const surveyLinks = {
  csv: (id: string) => `${base}/${id}/responses.csv`,
  xlsx: (id: string) => `${base}/${id}/responses.xlsx`,
  reportPdf: (id: string) => `${base}/${id}/report.pdf`,
  posterPdf: (id: string, service: string) => `${base}/${id}/poster.pdf?service=${enc(service)}`,
  qrSvg: (id: string, service: string) => `${base}/${id}/qr.svg?service=${enc(service)}`,
  qrPng: (id: string, service: string) => `${base}/${id}/qr.png?service=${enc(service)}`,
  resultsQrSvg: (unitId: string) => `/api/surveys/results-qr.svg?unitId=${enc(unitId)}`,
  publicResults: (unitCode: string) =>
    `${typeof window === 'undefined' ? '' : window.location.origin}/hasil/${enc(unitCode)}`,
  publicForm: (id: string, service: string) =>
    `${typeof window === 'undefined' ? '' : window.location.origin}/s/${enc(id)}?layanan=${enc(service)}`,
};
