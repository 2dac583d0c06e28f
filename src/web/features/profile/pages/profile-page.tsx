import { Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { UpdateProfileBody } from '../../../../contracts/auth.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { fieldErrors } from '../../../lib/errors.ts';
import { validateWith } from '../../../lib/form.ts';
import { acceptSession, useMe } from '../../../lib/session.ts';
import { updateProfile } from '../api.ts';
import { ChangePasswordForm } from '../components/change-password-form.tsx';

type Values = { name: string; locale: 'id' | 'en' };

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { name: me.name, locale: me.locale },
    validate: validateWith(t, UpdateProfileBody),
  });
  const mutation = useMutation({
    mutationFn: updateProfile,
    onSuccess: (session) => {
      acceptSession(client, session);
      form.resetDirty({ name: session.user.name, locale: session.user.locale });
      notifications.show({ color: 'lagoon', message: t('profile.saved') });
    },
    onError: (error) => form.setErrors(fieldErrors(t, error)),
  });

  return (
    <Stack maw={640}>
      <PageHeader title={t('profile.title')} description={me.email} />
      <Card withBorder>
        <form
          onSubmit={form.onSubmit((values) =>
            mutation.mutate({ name: values.name.trim(), locale: values.locale }),
          )}
          noValidate
        >
          <Stack>
            <Title order={2} size="h4">
              {t('profile.details')}
            </Title>
            <ErrorAlert error={mutation.error} />
            <TextInput
              label={t('users.fields.name')}
              required
              autoComplete="name"
              {...form.getInputProps('name')}
            />
            <Select
              label={t('profile.language')}
              data={[
                { value: 'id', label: t('language.id') },
                { value: 'en', label: t('language.en') },
              ]}
              allowDeselect={false}
              {...form.getInputProps('locale')}
            />
            <Group>
              <Text size="sm" c="dimmed">
                {t('users.fields.email')}: {me.email}
              </Text>
              {me.isSystemAdmin && <Badge color="grape">{t('roles.system_admin')}</Badge>}
            </Group>
            <Group justify="flex-end">
              <Button type="submit" loading={mutation.isPending} disabled={!form.isDirty()}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Card withBorder>
        <Stack>
          <Title order={2} size="h4">
            {t('password.changeTitle')}
          </Title>
          <ChangePasswordForm />
        </Stack>
      </Card>
    </Stack>
  );
}
