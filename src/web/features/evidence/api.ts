import type { Evidence } from '../../../contracts/evidence.ts';
import { api } from '../../lib/api.ts';

export type EvidenceFilter = { q?: string; code?: string; mime?: string; assessmentId?: string };

export const evidenceApi = {
  list: async (unitId: string, filter: EvidenceFilter) =>
    (await api.get<{ evidence: Evidence[] }>(`/api/units/${unitId}/evidence`, filter)).evidence,
  create: (
    unitId: string,
    body: { uploadId: string; title: string; description?: string; effectiveDate?: string | null },
  ) => api.post<Evidence>(`/api/units/${unitId}/evidence`, body),
  addVersion: (id: string, uploadId: string, version: number) =>
    api.post<Evidence>(`/api/evidence/${id}/versions`, { uploadId, version }),
};

export const downloadUrl = (evidenceId: string, versionId: string, inline = false) =>
  `/api/evidence/${evidenceId}/versions/${versionId}/download${inline ? '?inline=1' : ''}`;

export const canPreview = (mime: string | null | undefined) =>
  Boolean(mime && (mime === 'application/pdf' || mime.startsWith('image/') || mime.startsWith('video/')));

/** Mime filters the library offers; the server matches a prefix or an exact type. */
export const MIME_FILTERS = ['application/pdf', 'image/', 'video/', 'application/vnd'] as const;
