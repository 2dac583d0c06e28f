import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ChangePasswordBody } from '../../../../contracts/auth.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { isApiError } from '../../../lib/api.ts';
import { fieldErrors } from '../../../lib/errors.ts';
import { validateWith } from '../../../lib/form.ts';
import { SESSION_KEY } from '../../../lib/session.ts';
import { changePassword } from '../api.ts';

type Values = { currentPassword: string; newPassword: string; confirm: string };

export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: (values) => {
      const errors = validateWith(t, ChangePasswordBody)(values);
      if (values.confirm !== values.newPassword) errors.confirm = t('setup.passwordMismatch');
      return errors;
    },
  });
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      form.reset();
      notifications.show({ color: 'lagoon', message: t('password.changed') });
      // mustChangePassword is now false on the server: read the session again.
      await client.invalidateQueries({ queryKey: SESSION_KEY });
      onDone?.();
    },
    onError: (error) => {
      form.setErrors(fieldErrors(t, error));
      if (isApiError(error, 'CURRENT_PASSWORD_WRONG'))
        form.setFieldError('currentPassword', t('errors.CURRENT_PASSWORD_WRONG'));
      if (isApiError(error, 'PASSWORD_UNCHANGED'))
        form.setFieldError('newPassword', t('errors.PASSWORD_UNCHANGED'));
    },
  });

  return (
    <form
      onSubmit={form.onSubmit((values) =>
        mutation.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
      )}
      noValidate
    >
      <Stack>
        <ErrorAlert error={mutation.error} />
        <PasswordInput
          label={t('password.current')}
          required
          autoComplete="current-password"
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t('password.new')}
          description={t('password.rule')}
          required
          autoComplete="new-password"
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={t('password.confirm')}
          required
          autoComplete="new-password"
          {...form.getInputProps('confirm')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {t('password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
