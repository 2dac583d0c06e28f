import { ActionIcon, Button, Group, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { AREAS, type Role } from '../../../../core/org/roles.ts';
import type { Me } from '../../../../contracts/auth.ts';
import type { Unit } from '../../../../contracts/units.ts';
import { AddGrantBody, type User } from '../../../../contracts/users.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { fieldErrors } from '../../../lib/errors.ts';
import { validateWith } from '../../../lib/form.ts';
import { grantableRoles } from '../../../lib/permissions.ts';
import { usersApi, useUserMutation } from '../api.ts';

type Values = { unitId: string | null; role: Role | null; area: string | null };

const hasArea = (role: Role | null) => role === 'area_coordinator' || role === 'team_member';

const toBody = (values: Values) => ({
  unitId: values.unitId ?? '',
  role: values.role ?? '',
  // A coordinator needs her area; a member may be given one, and then answers that area's items.
  area: hasArea(values.role) && values.area ? Number(values.area) : null,
});

export function GrantsPanel({ me, user, units }: { me: Me; user: User; units: readonly Unit[] }) {
  const { t } = useTranslation();
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { unitId: null, role: null, area: null },
    validate: (values) => {
      const errors = validateWith(t, AddGrantBody, toBody)(values);
      if (!values.role) errors.role = t('errors.REQUIRED');
      if (!values.unitId) errors.unitId = t('errors.REQUIRED');
      if (values.role === 'area_coordinator' && !values.area) errors.area = t('errors.REQUIRED');
      return errors;
    },
  });
  const add = useUserMutation((body: AddGrantBody) => usersApi.addGrant(user.id, body));
  const remove = useUserMutation((grantId: string) => usersApi.removeGrant(user.id, grantId));

  const selectedUnit = form.values.unitId ? byId.get(form.values.unitId) : undefined;
  const roles = selectedUnit ? grantableRoles(me, selectedUnit.path) : [];
  const canRemove = (role: Role, unitPath: string) => grantableRoles(me, unitPath).includes(role);

  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('grants.title')}
      </Title>
      <ErrorAlert error={remove.error} />
      {user.grants.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('grants.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={340}>
          <Table fz="sm" aria-label={t('grants.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('grants.unit')}</Table.Th>
                <Table.Th>{t('grants.role')}</Table.Th>
                <Table.Th>{t('grants.area')}</Table.Th>
                <Table.Th w={48}>
                  <VisuallyHidden>{t('grants.remove')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {user.grants.map((grant) => (
                <Table.Tr key={grant.id}>
                  <Table.Td>{grant.unitName}</Table.Td>
                  <Table.Td>{t(`roles.${grant.role}`)}</Table.Td>
                  <Table.Td>{grant.area ? t(`areas.${grant.area}`) : '—'}</Table.Td>
                  <Table.Td>
                    {canRemove(grant.role, grant.unitPath) && (
                      <ActionIcon
                        color="red"
                        variant="subtle"
                        loading={remove.isPending && remove.variables === grant.id}
                        aria-label={t('grants.removeOne', {
                          role: t(`roles.${grant.role}`),
                          unit: grant.unitName,
                        })}
                        onClick={() => remove.mutate(grant.id)}
                      >
                        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                          <path
                            d="M4 4l8 8M12 4l-8 8"
                            stroke="currentColor"
                            strokeWidth="2"
                            strokeLinecap="round"
                          />
                        </svg>
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <form
        onSubmit={form.onSubmit((values) =>
          add.mutate(toBody(values) as AddGrantBody, {
            onSuccess: () => form.reset(),
            onError: (error) => form.setErrors(fieldErrors(t, error)),
          }),
        )}
        noValidate
      >
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('grants.add')}
          </Text>
          <ErrorAlert error={add.error} />
          <UnitSelect
            label={t('grants.unit')}
            units={units}
            allow={(unit) => unit.active && grantableRoles(me, unit.path).length > 0}
            value={form.values.unitId}
            onChange={(id) => {
              form.setFieldValue('unitId', id);
              form.setFieldValue('role', null);
            }}
            error={form.errors.unitId}
            required
          />
          <Select
            label={t('grants.role')}
            required
            disabled={!selectedUnit}
            data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            value={form.values.role}
            onChange={(role) => form.setFieldValue('role', role as Role | null)}
            error={form.errors.role}
          />
          {hasArea(form.values.role) && (
            <Select
              label={t('grants.area')}
              required={form.values.role === 'area_coordinator'}
              clearable={form.values.role === 'team_member'}
              description={form.values.role === 'team_member' ? t('grants.memberAreaHint') : undefined}
              data={AREAS.map((area) => ({ value: String(area), label: t(`areas.${area}`) }))}
              {...form.getInputProps('area')}
            />
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              {t('grants.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
