import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorDetail, errorMessage } from '../lib/errors.ts';
import { TechnicalDetail } from './technical-detail.tsx';

/** The translated message of a failed request, announced to screen readers; the raw detail folded away. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      {errorMessage(t, error)}
      <TechnicalDetail detail={errorDetail(error)} />
    </Alert>
  );
}
