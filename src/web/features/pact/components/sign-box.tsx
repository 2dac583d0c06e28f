import { Alert, Button, Checkbox, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PactDocument } from '../../../../contracts/pact.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { PactText } from './pact-text.tsx';

type Props = {
  document: PactDocument;
  signedAt: string | null;
  signing: boolean;
  error: unknown;
  onSign: (documentSha256: string) => void;
};

/** Read, confirm, sign: the same on a phone as on a desk (full-width button, text wraps). */
export function SignBox({ document, signedAt, signing, error, onSign }: Props) {
  const { t, i18n } = useTranslation();
  const [read, setRead] = useState(false);
  return (
    <Stack>
      <PactText document={document} />
      {signedAt ? (
        <Alert color="teal" title={t('pact.sign.doneTitle')}>
          {t('pact.sign.doneAt', { at: formatDateTime(signedAt, i18n.language) })}
        </Alert>
      ) : (
        <>
          <Checkbox
            label={t('pact.sign.confirm')}
            checked={read}
            onChange={(e) => setRead(e.currentTarget.checked)}
          />
          {error ? <ErrorAlert error={error} /> : null}
          <Button
            size="md"
            fullWidth
            disabled={!read}
            loading={signing}
            onClick={() => onSign(document.sha256)}
          >
            {t('pact.sign.button')}
          </Button>
        </>
      )}
    </Stack>
  );
}
