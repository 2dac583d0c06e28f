import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../../contracts/audit.ts';
import type { User } from '../../../contracts/users.ts';
import { api } from '../../lib/api.ts';

export type AuditFilters = { unitId?: string; actorId?: string; action?: string; from?: string; to?: string };

const PAGE = 50;

export const useAuditQuery = (filters: AuditFilters) =>
  useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      api.get<{ entries: AuditEntry[]; nextBefore: number | null }>('/api/audit', {
        ...filters,
        before: pageParam,
        limit: PAGE,
      }),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });

/** People to filter by: whoever the user may read. */
export const useActorsQuery = () =>
  useQuery({
    queryKey: ['users', 'all'],
    queryFn: async () => (await api.get<{ users: User[] }>('/api/users')).users,
    retry: false,
  });
