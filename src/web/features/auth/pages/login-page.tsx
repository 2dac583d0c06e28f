import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginBody } from '../../../../contracts/auth.ts';
import { AuthFrame } from '../../../components/auth-frame.tsx';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { validateWith } from '../../../lib/form.ts';
import { acceptSession, useSessionQuery } from '../../../lib/session.ts';
import { login } from '../api.ts';

/** Only paths inside this app: `?next=https://evil` must not send a user away after login. */
const safeNext = (next: string | null): string =>
  next && next.startsWith('/') && !next.startsWith('//') ? next : '/';

export function LoginPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSessionQuery();
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: validateWith(t, LoginBody),
  });
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (result) => {
      acceptSession(client, result);
      void navigate(result.user.mustChangePassword ? '/change-password' : safeNext(params.get('next')), {
        replace: true,
      });
    },
    onError: (error) => form.setErrors(fieldErrors(t, error)),
  });

  if (session.data && !mutation.isPending && !mutation.isSuccess)
    return <Navigate to={safeNext(params.get('next'))} replace />;

  return (
    <AuthFrame>
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('login.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('login.intro')}
          </Text>
          {mutation.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(t, mutation.error)}
            </Alert>
          )}
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={mutation.isPending} fullWidth size="md">
            {t('login.submit')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('login.forgot')}
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}
