import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NoAccess() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t('errors.FORBIDDEN')}>
      {t('noAccess.text')}{' '}
      <Anchor component={Link} to="/">
        {t('noAccess.home')}
      </Anchor>
    </Alert>
  );
}
