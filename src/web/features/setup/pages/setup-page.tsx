import { Alert, Button, Fieldset, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SetupBody } from '../../../../contracts/auth.ts';
import { AuthFrame } from '../../../components/auth-frame.tsx';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { validateWith } from '../../../lib/form.ts';
import { SETUP_STATUS_KEY, acceptSession } from '../../../lib/session.ts';
import { runSetup } from '../api.ts';

type Values = {
  agency: { code: string; name: string; region: string };
  admin: { name: string; email: string; password: string; confirm: string };
};

const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const toBody = (values: Values): SetupBody => ({
  agency: {
    code: values.agency.code.trim(),
    name: values.agency.name.trim(),
    region: values.agency.region.trim() || undefined,
  },
  admin: {
    name: values.admin.name.trim(),
    email: values.admin.email.trim(),
    password: values.admin.password,
  },
});

/** First run: the first agency and the system administrator, in one form. */
export function SetupPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      agency: { code: '', name: '', region: '' },
      admin: { name: '', email: '', password: '', confirm: '' },
    },
    validate: (values) => {
      const errors = validateWith(t, SetupBody, toBody)(values);
      // The setup contract does not check the code's shape; units.ts does, so check it here the same way.
      if (values.agency.code.trim() && !UNIT_CODE.test(values.agency.code.trim())) {
        errors['agency.code'] = t('errors.UNIT_CODE_INVALID');
      }
      if (values.admin.confirm !== values.admin.password)
        errors['admin.confirm'] = t('setup.passwordMismatch');
      return errors;
    },
  });
  const mutation = useMutation({
    mutationFn: runSetup,
    onSuccess: (session) => {
      client.setQueryData(SETUP_STATUS_KEY, { needsSetup: false });
      acceptSession(client, session);
      void navigate('/', { replace: true });
    },
    onError: (error) => form.setErrors(fieldErrors(t, error)),
  });

  return (
    <AuthFrame width={560}>
      <form onSubmit={form.onSubmit((values) => mutation.mutate(toBody(values)))} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('setup.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('setup.intro')}
          </Text>
          {mutation.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(t, mutation.error)}
            </Alert>
          )}
          <Fieldset legend={t('setup.agency')}>
            <Stack gap="sm">
              <TextInput label={t('units.fields.name')} required {...form.getInputProps('agency.name')} />
              <TextInput
                label={t('units.fields.code')}
                description={t('units.fields.codeHint')}
                required
                {...form.getInputProps('agency.code')}
              />
              <TextInput label={t('units.fields.region')} {...form.getInputProps('agency.region')} />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('setup.admin')}>
            <Stack gap="sm">
              <TextInput
                label={t('users.fields.name')}
                required
                autoComplete="name"
                {...form.getInputProps('admin.name')}
              />
              <TextInput
                label={t('users.fields.email')}
                type="email"
                required
                autoComplete="username"
                {...form.getInputProps('admin.email')}
              />
              <PasswordInput
                label={t('password.new')}
                description={t('password.rule')}
                required
                autoComplete="new-password"
                {...form.getInputProps('admin.password')}
              />
              <PasswordInput
                label={t('password.confirm')}
                required
                autoComplete="new-password"
                {...form.getInputProps('admin.confirm')}
              />
            </Stack>
          </Fieldset>
          <Button type="submit" loading={mutation.isPending} size="md">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
