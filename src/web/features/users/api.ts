import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GrantView } from '../../../contracts/auth.ts';
import type { AddGrantBody, CreateUserBody, UpdateUserBody, User } from '../../../contracts/users.ts';
import { api } from '../../lib/api.ts';
import { SESSION_KEY } from '../../lib/session.ts';

export const USERS_KEY = ['users'] as const;

export const useUsersQuery = (unitId: string | null) =>
  useQuery({
    queryKey: [...USERS_KEY, unitId ?? 'all'],
    queryFn: async () => (await api.get<{ users: User[] }>('/api/users', { unitId })).users,
  });

export const usersApi = {
  create: (body: CreateUserBody) =>
    api.post<{ user: User; temporaryPassword: string | null }>('/api/users', body),
  update: (id: string, body: UpdateUserBody) => api.patch<User>(`/api/users/${id}`, body),
  resetPassword: (id: string) => api.post<{ temporaryPassword: string }>(`/api/users/${id}/reset-password`),
  addGrant: (id: string, body: AddGrantBody) => api.post<GrantView>(`/api/users/${id}/grants`, body),
  removeGrant: (id: string, grantId: string) => api.del<void>(`/api/users/${id}/grants/${grantId}`),
};

/** A user mutation that refreshes the lists and, since she may have changed her own grants, the session. */
export const useUserMutation = <V, R>(fn: (variables: V) => Promise<R>) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: USERS_KEY }),
        client.invalidateQueries({ queryKey: SESSION_KEY }),
      ]);
    },
  });
};
