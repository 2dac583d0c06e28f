import { Button, Group, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../contracts/units.ts';
import { UpdateUserBody, type User } from '../../../../contracts/users.ts';
import { ConflictPanel } from '../../../components/conflict-panel.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { isApiError } from '../../../lib/api.ts';
import { fieldErrors } from '../../../lib/errors.ts';
import { validateWith } from '../../../lib/form.ts';
import { usersApi, useUserMutation } from '../api.ts';

type Values = { name: string; homeUnitId: string | null; active: boolean };

const valuesOf = (user: User): Values => ({
  name: user.name,
  homeUnitId: user.homeUnitId,
  active: user.active,
});

export function EditUserForm({
  user,
  units,
  allowUnit,
}: {
  user: User;
  units: readonly Unit[];
  allowUnit: (unit: Unit) => boolean;
}) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(user.version);
  const [conflict, setConflict] = useState<User | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(user),
    validate: validateWith(t, UpdateUserBody, (values: Values) => ({
      version,
      name: values.name.trim(),
      active: values.active,
      homeUnitId: values.homeUnitId ?? undefined,
    })),
  });
  const mutation = useUserMutation((body: UpdateUserBody) => usersApi.update(user.id, body));
  const unitName = (id: string | null) => units.find((unit) => unit.id === id)?.name ?? '—';
  const status = (active: boolean) => (active ? t('users.active') : t('users.inactive'));

  const submit = (values: Values, withVersion: number) =>
    mutation.mutate(
      {
        version: withVersion,
        name: values.name.trim(),
        active: values.active,
        homeUnitId: values.homeUnitId ?? undefined,
      },
      {
        onSuccess: (saved) => {
          setConflict(null);
          setVersion(saved.version);
          form.resetDirty(valuesOf(saved));
          notifications.show({ color: 'lagoon', message: t('users.saved') });
        },
        onError: (error) => {
          const current = isApiError(error, 'STALE_WRITE')
            ? (error.details as { current?: User })?.current
            : undefined;
          if (current) setConflict(current);
          else form.setErrors(fieldErrors(t, error));
        },
      },
    );

  if (conflict) {
    return (
      <ConflictPanel
        busy={mutation.isPending}
        fields={[
          { label: t('users.fields.name'), mine: form.values.name, current: conflict.name },
          {
            label: t('users.fields.homeUnit'),
            mine: unitName(form.values.homeUnitId),
            current: unitName(conflict.homeUnitId),
          },
          {
            label: t('users.fields.active'),
            mine: status(form.values.active),
            current: status(conflict.active),
          },
        ]}
        onReload={() => {
          form.setValues(valuesOf(conflict));
          form.resetDirty(valuesOf(conflict));
          setVersion(conflict.version);
          setConflict(null);
          mutation.reset();
        }}
        onOverwrite={() => submit(form.values, conflict.version)}
      />
    );
  }

  return (
    <>
      <form onSubmit={form.onSubmit((values) => submit(values, version))} noValidate>
        <Stack gap="sm">
          <ErrorAlert
            error={mutation.error && !isApiError(mutation.error, 'STALE_WRITE') ? mutation.error : null}
          />
          <TextInput label={t('users.fields.name')} required {...form.getInputProps('name')} />
          <UnitSelect
            label={t('users.fields.homeUnit')}
            units={units}
            allow={allowUnit}
            value={form.values.homeUnitId}
            onChange={(id) => form.setFieldValue('homeUnitId', id)}
            error={form.errors.homeUnitId}
          />
          <Switch
            label={t('users.fields.active')}
            description={t('users.fields.activeHint')}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending} disabled={!form.isDirty()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
