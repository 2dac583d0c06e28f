import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../contracts/units.ts';
import { formatDateTime } from '../../../lib/format.ts';

export type UnitActions = {
  canCreate: boolean;
  canUpdate: boolean;
  canMove: boolean;
  canDeactivate: boolean;
  canImport: boolean;
};

type Props = {
  unit: Unit;
  trail: string;
  actions: UnitActions;
  onCreateChild: () => void;
  onEdit: () => void;
  onMove: () => void;
  onToggleActive: () => void;
  onImport: () => void;
};

export function UnitDetails({ unit, trail, actions, ...on }: Props) {
  const { t, i18n } = useTranslation();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const rows: [string, string][] = [
    [t('units.fields.code'), unit.code],
    [t('units.fields.type'), t(`unitTypes.${unit.type}`)],
    [t('units.fields.region'), unit.region ?? '—'],
    [t('units.fields.isPublicService'), yesNo(unit.isPublicService)],
    [t('units.fields.afirmasi'), yesNo(unit.afirmasi)],
    [t('units.fields.updatedAt'), formatDateTime(unit.updatedAt, i18n.language)],
  ];
  return (
    <Card withBorder component="section" aria-labelledby="unit-details-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Title order={2} size="h3" id="unit-details-title" style={{ overflowWrap: 'anywhere' }}>
              {unit.name}
            </Title>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {trail}
            </Text>
          </Stack>
          <Badge color={unit.active ? 'lagoon' : 'gray'} variant="light">
            {unit.active ? t('units.active') : t('units.inactive')}
          </Badge>
        </Group>
        <Table variant="vertical" withTableBorder layout="fixed">
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w="45%">{label}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group gap="xs">
          {actions.canCreate && unit.active && (
            <Button onClick={on.onCreateChild}>{t('units.createChild')}</Button>
          )}
          {actions.canUpdate && (
            <Button variant="default" onClick={on.onEdit}>
              {t('units.edit')}
            </Button>
          )}
          {actions.canMove && unit.parentId && (
            <Button variant="default" onClick={on.onMove}>
              {t('units.move')}
            </Button>
          )}
          {actions.canImport && unit.active && (
            <Button variant="default" onClick={on.onImport}>
              {t('units.import.open')}
            </Button>
          )}
          {actions.canDeactivate && (
            <Button variant="light" color={unit.active ? 'red' : 'lagoon'} onClick={on.onToggleActive}>
              {unit.active ? t('units.deactivate') : t('units.reactivate')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
