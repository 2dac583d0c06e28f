import type {
  ApprovedReport,
  Activity,
  Comment,
  CreateActivityBody,
  Dashboard,
  Plan,
  Report,
  SavedRealisation,
  UnitPlans,
} from '../../../contracts/action-plans.ts';
import type { Evidence } from '../../../contracts/evidence.ts';
import { api, apiRequest } from '../../lib/api.ts';

export type { Activity, Comment, Dashboard, Plan, Report, UnitPlans };
export type ActivityInput = Omit<
  CreateActivityBody,
  'output' | 'personInChargeId' | 'budget' | 'lkeCodes'
> & {
  output: string;
  personInChargeId: string | null;
  budget: number | null;
  lkeCodes: string[];
};
export type ReportList = { reports: Report[]; canSubmit: boolean; canApprove: boolean };

export const planKeys = {
  plans: (unitId: string | null, year: number) => ['action-plans', unitId, year] as const,
  mine: (year: number) => ['action-plans', 'mine', year] as const,
  comments: (activityId: string) => ['action-plans', 'comments', activityId] as const,
  reports: (unitId: string | null, year: number) => ['action-plans', 'reports', unitId, year] as const,
  dashboard: (unitId: string | null, year: number, deep: boolean) =>
    ['action-plans', 'dashboard', unitId, year, deep] as const,
  evidence: (unitId: string) => ['action-plans', 'evidence', unitId] as const,
};

export const plansApi = {
  plans: (unitId: string, year: number) => api.get<UnitPlans>(`/api/units/${unitId}/action-plans`, { year }),
  mine: async (year: number) =>
    (await api.get<{ units: UnitPlans[] }>('/api/me/action-plans', { year })).units,
  createPlan: (unitId: string, year: number, area: number, summary = '') =>
    api.post<Plan>(`/api/units/${unitId}/action-plans`, { year, area, summary }),
  updatePlan: (planId: string, version: number, summary: string) =>
    api.patch<Plan>(`/api/action-plans/${planId}`, { version, summary }),
  createActivity: (planId: string, body: ActivityInput) =>
    api.post<Activity>(`/api/action-plans/${planId}/activities`, body),
  updateActivity: (activityId: string, version: number, body: Partial<ActivityInput>) =>
    api.patch<Activity>(`/api/plan-activities/${activityId}`, { ...body, version }),
  deleteActivity: (activityId: string, version: number) =>
    api.del<{ ok: true }>(`/api/plan-activities/${activityId}?version=${version}`),
  saveRealisation: (
    activityId: string,
    quarter: number,
    body: { version: number; achieved: number; note: string; evidenceIds: string[] },
  ) =>
    apiRequest<SavedRealisation>('PUT', `/api/plan-activities/${activityId}/realisations/${quarter}`, body),
  comments: async (activityId: string, asEmployee: boolean) =>
    (
      await api.get<{ comments: Comment[] }>(
        asEmployee
          ? `/api/me/plan-activities/${activityId}/comments`
          : `/api/plan-activities/${activityId}/comments`,
      )
    ).comments,
  addComment: (activityId: string, body: string, asEmployee: boolean) =>
    asEmployee
      ? api.post<Comment>('/api/me/plan-comments', { activityId, body })
      : api.post<Comment>(`/api/plan-activities/${activityId}/comments`, { body }),
  reports: (unitId: string, year: number) =>
    api.get<ReportList>(`/api/units/${unitId}/plan-reports`, { year }),
  submitReport: (unitId: string, year: number, quarter: number, version: number) =>
    api.post<Report>(`/api/units/${unitId}/plan-reports`, { year, quarter, version }),
  approveReport: (reportId: string, version: number) =>
    api.post<ApprovedReport>(`/api/plan-reports/${reportId}/approve`, { version }),
  returnReport: (reportId: string, version: number, note: string) =>
    api.post<Report>(`/api/plan-reports/${reportId}/return`, { version, note }),
  dashboard: (unitId: string, year: number, deep: boolean) =>
    api.get<Dashboard>(`/api/units/${unitId}/action-plans/children`, {
      year,
      deep: deep ? 'true' : undefined,
    }),
  /** The unit's evidence library, to pick a realisation's evidence from. */
  evidence: async (unitId: string) =>
    (await api.get<{ evidence: Evidence[] }>(`/api/units/${unitId}/evidence`)).evidence,
  /** A finished upload becomes evidence of the unit (titled by its file name). */
  createEvidence: (unitId: string, uploadId: string, title: string) =>
    api.post<Evidence>(`/api/units/${unitId}/evidence`, { uploadId, title }),
};

export const reportPdfUrl = (unitId: string, year: number, quarter: number) =>
  `/api/units/${unitId}/plan-reports/${year}/${quarter}/report.pdf`;

export const AREAS = [1, 2, 3, 4, 5, 6] as const;
export const QUARTERS = [1, 2, 3, 4] as const;
