import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../contracts/units.ts';
import { UnitSelect } from '../../../components/unit-select.tsx';

/** Pick a new parent; the unit itself and everything below it are not offered (no cycles). */
export function MoveForm({
  unit,
  units,
  allowParent,
  onMove,
  busy,
}: {
  unit: Unit;
  units: readonly Unit[];
  allowParent: (candidate: Unit) => boolean;
  onMove: (newParentId: string) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      <Text size="sm">{t('units.moveIntro', { name: unit.name })}</Text>
      <UnitSelect
        label={t('units.newParent')}
        units={units}
        value={target}
        onChange={setTarget}
        allow={(candidate) =>
          candidate.active &&
          !candidate.path.startsWith(unit.path) &&
          candidate.id !== unit.parentId &&
          allowParent(candidate)
        }
        required
      />
      <Group justify="flex-end">
        <Button disabled={!target} loading={busy} onClick={() => target && onMove(target)}>
          {t('units.move')}
        </Button>
      </Group>
    </Stack>
  );
}
