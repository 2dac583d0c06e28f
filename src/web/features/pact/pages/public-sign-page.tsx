import { Alert, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AuthFrame } from '../../../components/auth-frame.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { pactApi, pactKeys } from '../api.ts';
import { SignBox } from '../components/sign-box.tsx';

/**
 * The public signing page of a one-time link (/tanda-tangan/:token): no login; the token in the address is
 * the only credential. A used or expired link says so plainly.
 */
export function PublicSignPage() {
  const { t, i18n } = useTranslation();
  const token = useParams().token ?? '';
  const link = useQuery({
    queryKey: pactKeys.link(token),
    queryFn: () => pactApi.openLink(token),
    retry: false,
  });
  const sign = useMutation({ mutationFn: (sha256: string) => pactApi.signLink(token, sha256) });
  const gone =
    isApiError(link.error, 'SIGNING_LINK_USED') ||
    isApiError(link.error, 'SIGNING_LINK_EXPIRED') ||
    isApiError(link.error, 'NOT_FOUND');
  return (
    <AuthFrame width={760}>
      <Stack>
        <Title order={1} size="h3">
          {t('pact.public.title')}
        </Title>
        {link.isPending && <Loading />}
        {gone && (
          <Alert color="orange" title={t('pact.public.goneTitle')}>
            {isApiError(link.error, 'SIGNING_LINK_USED')
              ? t('pact.public.used')
              : isApiError(link.error, 'SIGNING_LINK_EXPIRED')
                ? t('pact.public.expired')
                : t('pact.public.unknown')}
          </Alert>
        )}
        {link.isError && !gone && <ErrorAlert error={link.error} />}
        {link.data && (
          <>
            <Text>{t('pact.public.for', { name: link.data.employeeName, unit: link.data.unitName })}</Text>
            <Text size="xs" c="dimmed">
              {t('pact.links.expires', { at: formatDateTime(link.data.expiresAt, i18n.language) })}
            </Text>
            <SignBox
              document={link.data.document}
              signedAt={sign.data?.signedAt ?? null}
              signing={sign.isPending}
              error={sign.error}
              onSign={(sha256) => sign.mutate(sha256)}
            />
          </>
        )}
      </Stack>
    </AuthFrame>
  );
}
