import { useState } from 'react';
import type { Unit } from '../../../../contracts/units.ts';
import { ConflictDialog } from '../../../components/conflict-dialog.tsx';
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
) {
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
  const dialog = (
    <ConflictDialog
      opened={pending !== null}
      busy={mutation.isPending}
      fields={mine.map((field, index) => ({
        label: field.label,
        mine: field.value,
        current: theirs[index]?.value ?? '',
      }))}
      onClose={() => setPending(null)}
      onReload={() => {
        if (pending) onDone(pending.current);
        setPending(null);
        mutation.reset();
      }}
      onOverwrite={() => pending && execute(pending.unit, pending.payload, pending.current.version)}
    />
  );
  const error = mutation.error && !isApiError(mutation.error, 'STALE_WRITE') ? mutation.error : null;
  return { execute, dialog, error, isPending: mutation.isPending, reset: mutation.reset };
}
