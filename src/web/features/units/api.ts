import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUnitBody, Unit, UpdateUnitBody } from '../../../contracts/units.ts';
import { api } from '../../lib/api.ts';
import { UNITS_KEY } from '../../lib/units.ts';

export type ImportResult = { created: number; units: Unit[] };

export const unitsApi = {
  create: (body: CreateUnitBody) => api.post<Unit>('/api/units', body),
  update: (id: string, body: UpdateUnitBody) => api.patch<Unit>(`/api/units/${id}`, body),
  move: (id: string, body: { version: number; newParentId: string }) =>
    api.post<Unit>(`/api/units/${id}/move`, body),
  deactivate: (id: string, version: number) => api.post<Unit>(`/api/units/${id}/deactivate`, { version }),
  reactivate: (id: string, version: number) => api.post<Unit>(`/api/units/${id}/reactivate`, { version }),
  import: (body: { parentId: string; csv: string }) => api.post<ImportResult>('/api/units/import', body),
};

/** A unit mutation that refreshes the list (paths of a whole subtree change on a move). */
export const useUnitMutation = <V, R>(fn: (variables: V) => Promise<R>, onSuccess?: (result: R) => void) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: UNITS_KEY });
      onSuccess?.(result);
    },
  });
};
