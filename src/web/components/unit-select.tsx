import { Select, Text, type ComboboxItem } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../contracts/units.ts';
import { buildTree, flattenTree } from '../lib/units.ts';

type Props = {
  label: string;
  units: readonly Unit[];
  value: string | null;
  onChange: (id: string | null) => void;
  /** Units that may be picked; the others are left out. */
  allow?: (unit: Unit) => boolean;
  clearable?: boolean;
  required?: boolean;
  error?: React.ReactNode;
  description?: string;
  placeholder?: string;
  disabled?: boolean;
};

/** A searchable unit picker in tree order, indented by depth; searches name and code. */
export function UnitSelect({ units, allow, value, onChange, ...props }: Props) {
  const { t } = useTranslation();
  const { data, levels } = useMemo(() => {
    const rows = flattenTree(buildTree(units)).filter((row) => !allow || allow(row.unit));
    const levelMap = new Map<string, number>();
    for (const row of rows) levelMap.set(row.unit.id, row.level);
    return {
      data: rows.map((row): ComboboxItem => ({
        value: row.unit.id,
        label: `${row.unit.name} (${row.unit.code})${row.unit.active ? '' : ` · ${t('units.inactive')}`}`,
      })),
      levels: levelMap,
    };
  }, [units, allow, t]);

  return (
    <Select
      {...props}
      data={data}
      value={value}
      onChange={(id) => onChange(id)}
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => (
        <Text size="sm" pl={(levels.get(option.value) ?? 0) * 12}>
          {option.label}
        </Text>
      )}
    />
  );
}
