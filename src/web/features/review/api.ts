import { useQuery } from '@tanstack/react-query';
import type {
  AssignEvaluatorBody,
  EvaluatorAssignment,
  PredicateHistory,
  ReviewQueueEntry,
  ReviewActionName,
  ReviewAnswerBody,
  ReviewItemList,
  ReviewTransitionBody,
  ReviewView,
} from '../../../contracts/reviews.ts';
import type { User } from '../../../contracts/users.ts';
import type { ReviewItem } from '../../../contracts/reviews.ts';

/** What an item route answers (contract ReviewItemResult). */
export type ReviewItemResult = { item: ReviewItem; assessmentVersion: number };
import { api, apiRequest } from '../../lib/api.ts';

export const reviewKeys = {
  evaluators: (unitId: string) => ['review', 'evaluators', unitId] as const,
  candidates: ['review', 'candidates'] as const,
  view: (id: string) => ['review', 'view', id] as const,
  items: (id: string) => ['review', 'items', id] as const,
  inbox: ['review', 'inbox'] as const,
  predicates: (unitId: string) => ['review', 'predicates', unitId] as const,
};

const enc = encodeURIComponent;

/** Every URL of the review API in one place (the routes live in src/server/features/reviews/routes.ts). */
export const reviewUrls = {
  evaluators: (unitId: string) => `/api/units/${unitId}/evaluators`,
  evaluator: (unitId: string, assignmentId: string) => `/api/units/${unitId}/evaluators/${assignmentId}`,
  view: (id: string) => `/api/assessments/${id}/review`,
  items: (id: string) => `/api/assessments/${id}/review/items`,
  item: (id: string, code: string) => `/api/assessments/${id}/review/items/${enc(code)}`,
  returnItem: (id: string, code: string) => `/api/assessments/${id}/review/items/${enc(code)}/return`,
  recheckItem: (id: string, code: string) => `/api/assessments/${id}/review/items/${enc(code)}/recheck`,
  transition: (id: string, action: ReviewActionName) => `/api/assessments/${id}/review/${action}`,
  evidence: (id: string, evidenceId: string, versionId: string, inline: boolean) =>
    `/api/assessments/${id}/review/evidence/${evidenceId}/versions/${versionId}/download${inline ? '?inline=1' : ''}`,
  inbox: '/api/reviews',
  predicates: (unitId: string) => `/api/units/${unitId}/predicates`,
  lhe: (id: string, level: string) => `/api/assessments/${id}/lhe.pdf?level=${enc(level)}`,
};

/** One row of the evaluator's inbox (contract ReviewQueueEntry). */
export type InboxEntry = ReviewQueueEntry;

export const reviewApi = {
  evaluators: async (unitId: string) =>
    (await api.get<{ assignments: EvaluatorAssignment[] }>(reviewUrls.evaluators(unitId))).assignments,
  assign: (unitId: string, body: AssignEvaluatorBody) =>
    api.post<EvaluatorAssignment>(reviewUrls.evaluators(unitId), body),
  unassign: (unitId: string, assignmentId: string) =>
    api.del<void>(reviewUrls.evaluator(unitId, assignmentId)),
  /** Users the caller can see, with their grants: the picker keeps those holding an evaluator role. */
  users: async () => (await api.get<{ users: User[] }>('/api/users')).users,
  view: (id: string) => api.get<ReviewView>(reviewUrls.view(id)),
  items: (id: string) => api.get<ReviewItemList>(reviewUrls.items(id)),
  answer: (id: string, code: string, body: ReviewAnswerBody) =>
    apiRequest<ReviewItemResult>('PUT', reviewUrls.item(id, code), body),
  returnItem: (id: string, code: string, note: string) =>
    api.post<ReviewItemResult>(reviewUrls.returnItem(id, code), { note }),
  recheckItem: (id: string, code: string) => api.post<ReviewItemResult>(reviewUrls.recheckItem(id, code), {}),
  transition: (id: string, action: ReviewActionName, body: ReviewTransitionBody) =>
    api.post<unknown>(reviewUrls.transition(id, action), body),
  inbox: async () => (await api.get<{ reviews: InboxEntry[] }>(reviewUrls.inbox)).reviews,
  predicates: (unitId: string) => api.get<PredicateHistory>(reviewUrls.predicates(unitId)),
};

export const useReviewView = (id: string) =>
  useQuery({ queryKey: reviewKeys.view(id), queryFn: () => reviewApi.view(id) });

export const useReviewItems = (id: string) =>
  useQuery({ queryKey: reviewKeys.items(id), queryFn: () => reviewApi.items(id) });
