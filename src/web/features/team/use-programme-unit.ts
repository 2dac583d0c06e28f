import { useSearchParams } from 'react-router';
import { canOnUnit } from '../../lib/permissions.ts';
import { useMe } from '../../lib/session.ts';
import { useUnitsQuery } from '../../lib/units.ts';

/**
 * The unit a programme screen (team, findings, change agents) shows: `?unit=` or the only readable one, and
 * whether the user may edit there (the unit's own lead; the server decides again).
 */
export const useProgrammeUnit = () => {
  const me = useMe();
  const units = useUnitsQuery();
  const [params, setParams] = useSearchParams();
  const readable = (units.data ?? []).filter((u) => u.active && canOnUnit(me, 'programme.read', u.path));
  const unitId = params.get('unit') ?? (readable.length === 1 ? (readable[0]?.id ?? null) : null);
  const unit = readable.find((u) => u.id === unitId) ?? null;
  return {
    units,
    readable,
    unitId: unit ? unit.id : null,
    unit,
    canManage: unit ? canOnUnit(me, 'programme.manage', unit.path) : false,
    setUnit: (id: string | null) => setParams(id ? { unit: id } : {}),
  };
};
