import { Alert, Card, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { useMe } from '../../../lib/session.ts';
import { ChangePasswordForm } from '../components/change-password-form.tsx';

/** Where a user with a temporary password lands until she picks her own. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  return (
    <Stack maw={520}>
      <PageHeader title={t('password.changeTitle')} />
      {me.mustChangePassword && (
        <Alert color="orange" variant="light">
          {t('password.forced')}
        </Alert>
      )}
      <Card withBorder>
        <ChangePasswordForm onDone={() => void navigate('/', { replace: true })} />
      </Card>
    </Stack>
  );
}
