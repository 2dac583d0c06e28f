import { Group, NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../contracts/units.ts';
import { UnitSelect } from '../../../components/unit-select.tsx';

/** The unit and year a programme page is about, kept in the address (?unit=&year=) so it can be shared. */
export function UnitYearBar({
  units,
  unitId,
  year,
  onChange,
  children,
}: {
  units: readonly Unit[];
  unitId: string | null;
  year: number;
  onChange: (next: { unit: string | null; year: number }) => void;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" wrap="wrap">
      <div style={{ flex: '1 1 18rem' }}>
        <UnitSelect
          label={t('actionPlans.unit')}
          units={units}
          value={unitId}
          onChange={(id) => onChange({ unit: id, year })}
        />
      </div>
      <NumberInput
        label={t('actionPlans.year')}
        value={year}
        onChange={(v) =>
          typeof v === 'number' && v >= 2000 && v <= 2100 && onChange({ unit: unitId, year: v })
        }
        min={2000}
        max={2100}
        w={110}
        allowDecimal={false}
      />
      {children}
    </Group>
  );
}

/** Reads ?unit= and ?year= (this year by default) and writes them back. */
export const unitYearParams = (params: URLSearchParams) => {
  const year = Number(params.get('year'));
  return {
    unitId: params.get('unit'),
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : new Date().getFullYear(),
  };
};
