import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { UNITS_KEY } from '../../../lib/units.ts';
import type { Unit } from '../../../../contracts/units.ts';
import { ConflictPanel } from '../../../components/conflict-panel.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useUnitMutation } from '../api.ts';

/**
 * A move/deactivate/reactivate sent with the version the user saw. If someone changed the unit meanwhile,
 * the dialog shows her view and the saved one; she reloads or repeats the action on the current version.
 */
export function useVersionedAction<P>(
  run: (unit: Unit, version: number, payload: P) => Promise<Unit>,
  onDone: (unit: Unit) => void,
  describe: (unit: Unit) => { label: string; value: string }[],
  onReload: () => void,
) {
  const client = useQueryClient();
  const [pending, setPending] = useState<{ unit: Unit; payload: P; current: Unit } | null>(null);
  const mutation = useUnitMutation(
    ({ unit, version, payload }: { unit: Unit; version: number; payload: P }) => run(unit, version, payload),
    (unit) => {
      setPending(null);
      onDone(unit);
    },
  );

  const execute = (unit: Unit, payload: P, version = unit.version) =>
    mutation.mutate(
      { unit, version, payload },
      {
        onError: (error) => {
          const current = isApiError(error, 'STALE_WRITE')
            ? (error.details as { current?: Unit } | undefined)?.current
            : undefined;
          if (current) setPending({ unit, payload, current });
        },
      },
    );

  const mine = pending ? describe(pending.unit) : [];
  const theirs = pending ? describe(pending.current) : [];
  const conflict = pending ? (
    <ConflictPanel
      busy={mutation.isPending}
      fields={mine.map((field, index) => ({
        label: field.label,
        mine: field.value,
        current: theirs[index]?.value ?? '',
      }))}
      onReload={() => {
        setPending(null);
        mutation.reset();
        void client.invalidateQueries({ queryKey: UNITS_KEY });
        onReload();
      }}
      onOverwrite={() => execute(pending.unit, pending.payload, pending.current.version)}
    />
  ) : null;
  const error = mutation.error && !isApiError(mutation.error, 'STALE_WRITE') ? mutation.error : null;
  return {
    execute,
    conflict,
    error,
    isPending: mutation.isPending,
    reset: () => {
      setPending(null);
      mutation.reset();
    },
  };
}
