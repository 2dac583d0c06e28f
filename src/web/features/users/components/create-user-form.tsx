import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../contracts/units.ts';
import { CreateUserBody, type User } from '../../../../contracts/users.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { isApiError } from '../../../lib/api.ts';
import { fieldErrors } from '../../../lib/errors.ts';
import { validateWith } from '../../../lib/form.ts';
import { usersApi, useUserMutation } from '../api.ts';

type Values = { name: string; email: string; homeUnitId: string | null };

export function CreateUserForm({
  units,
  allowUnit,
  defaultUnitId,
  onCreated,
}: {
  units: readonly Unit[];
  allowUnit: (unit: Unit) => boolean;
  defaultUnitId: string | null;
  onCreated: (user: User, temporaryPassword: string | null) => void;
}) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { name: '', email: '', homeUnitId: defaultUnitId },
    validate: validateWith(t, CreateUserBody, (values: Values) => ({
      ...values,
      homeUnitId: values.homeUnitId ?? '',
    })),
  });
  const mutation = useUserMutation(usersApi.create);
  return (
    <form
      onSubmit={form.onSubmit((values) =>
        mutation.mutate(
          { name: values.name.trim(), email: values.email.trim(), homeUnitId: values.homeUnitId ?? '' },
          {
            onSuccess: (result) => onCreated(result.user, result.temporaryPassword),
            onError: (error) => {
              form.setErrors(fieldErrors(t, error));
              if (isApiError(error, 'EMAIL_TAKEN')) form.setFieldError('email', t('errors.EMAIL_TAKEN'));
            },
          },
        ),
      )}
      noValidate
    >
      <Stack gap="sm">
        <ErrorAlert error={mutation.error} />
        <TextInput label={t('users.fields.name')} required {...form.getInputProps('name')} />
        <TextInput label={t('users.fields.email')} type="email" required {...form.getInputProps('email')} />
        <UnitSelect
          label={t('users.fields.homeUnit')}
          units={units}
          allow={allowUnit}
          required
          value={form.values.homeUnitId}
          onChange={(id) => form.setFieldValue('homeUnitId', id)}
          error={form.errors.homeUnitId}
        />
        <Text size="xs" c="dimmed">
          {t('users.createHint')}
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {t('users.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
