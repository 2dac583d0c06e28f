import type { z } from 'zod';
import type { Assessment } from '../../../contracts/assessments.ts';
import type { Evidence } from '../../../contracts/evidence.ts';
import type {
  LinkPact,
  MyPact,
  PactDocument,
  PactOverview,
  PactStatusRow,
  ReminderResult,
  Signature,
  SigningLink,
} from '../../../contracts/pact.ts';
import { api } from '../../lib/api.ts';

export type StatusRow = z.infer<typeof PactStatusRow>;
export type SigningLinkView = z.infer<typeof SigningLink>;
export type MyPactView = z.infer<typeof MyPact>;
export type LinkPactView = z.infer<typeof LinkPact>;

export const pactKeys = {
  overview: (unitId: string | null) => ['pact', unitId] as const,
  status: (unitId: string | null) => ['pact-status', unitId] as const,
  mine: ['my-pact'] as const,
  link: (token: string) => ['pact-link', token] as const,
  assessments: (unitId: string | null) => ['assessments', unitId] as const,
};

const unit = (id: string) => `/api/units/${id}/pact`;

export const pactApi = {
  overview: (unitId: string) => api.get<PactOverview>(unit(unitId)),
  save: (unitId: string, body: string, baseVersion: number | null) =>
    api.post<PactDocument>(`${unit(unitId)}/versions`, { body, baseVersion }),
  status: async (unitId: string) => (await api.get<{ rows: StatusRow[] }>(`${unit(unitId)}/status`)).rows,
  links: async (unitId: string, employeeIds: string[]) =>
    (await api.post<{ links: SigningLinkView[] }>(`${unit(unitId)}/links`, { employeeIds })).links,
  remind: (unitId: string) => api.post<z.infer<typeof ReminderResult>>(`${unit(unitId)}/reminders`, {}),
  attach: (unitId: string, assessmentId: string) =>
    api.post<Evidence>(`${unit(unitId)}/evidence`, { assessmentId }),
  assessments: async (unitId: string) =>
    (await api.get<{ assessments: Assessment[] }>('/api/assessments', { unitId })).assessments,
  mine: () => api.get<MyPactView>('/api/me/pact'),
  sign: (employeeId: string, documentSha256: string) =>
    api.post<z.infer<typeof Signature>>('/api/me/pact/signatures', { employeeId, documentSha256 }),
  openLink: (token: string) => api.get<LinkPactView>(`/api/public/pact-links/${encodeURIComponent(token)}`),
  signLink: (token: string, documentSha256: string) =>
    api.post<z.infer<typeof Signature>>(`/api/public/pact-links/${encodeURIComponent(token)}/signature`, {
      documentSha256,
    }),
};

export const signedListUrl = (unitId: string) => `${unit(unitId)}/signed-list.pdf`;
