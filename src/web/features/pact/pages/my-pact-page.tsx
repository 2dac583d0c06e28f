import { Card, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { pactApi, pactKeys } from '../api.ts';
import { SignBox } from '../components/sign-box.tsx';

/** "Sign the pact": the logged-in employee reads her unit's pact and signs it with her own login. */
export function MyPactPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const mine = useQuery({ queryKey: pactKeys.mine, queryFn: pactApi.mine });
  const sign = useMutation({
    mutationFn: (v: { employeeId: string; sha256: string }) => pactApi.sign(v.employeeId, v.sha256),
    onSettled: () => client.invalidateQueries({ queryKey: pactKeys.mine }),
  });
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <ErrorAlert error={mine.error} />;
  return (
    <>
      <PageHeader title={t('pact.sign.title')} description={t('pact.sign.description')} />
      {mine.data.entries.length === 0 && <Text c="dimmed">{t('pact.sign.none')}</Text>}
      <Stack>
        {mine.data.entries.map((entry) => (
          <Card key={entry.employeeId} withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
            <Title order={2} size="h4">
              {entry.unitName}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('pact.sign.as', { name: entry.employeeName })}
            </Text>
            <SignBox
              document={entry.document}
              signedAt={entry.signedAt}
              signing={sign.isPending && sign.variables?.employeeId === entry.employeeId}
              error={sign.variables?.employeeId === entry.employeeId ? sign.error : null}
              onSign={(sha256) => sign.mutate({ employeeId: entry.employeeId, sha256 })}
            />
          </Card>
        ))}
      </Stack>
    </>
  );
}
