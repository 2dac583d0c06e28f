import { Anchor, Badge, Card, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { REVIEW_STATUSES } from '../../../../core/review/review-status.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { reviewApi, reviewKeys } from '../api.ts';
import { inboxRows } from '../review-model.ts';

/** The evaluator's inbox: the assessments she may review, by status, with unit, period, status and TPI stage. */
export function ReviewInboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const list = useQuery({ queryKey: reviewKeys.inbox, queryFn: reviewApi.inbox });
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  const rows = inboxRows(list.data, status);
  const present = REVIEW_STATUSES.filter((s) => list.data.some((r) => r.status === s));
  return (
    <>
      <PageHeader title={t('review.inbox.title')} description={t('review.inbox.description')} />
      <Stack>
        <Select
          label={t('review.inbox.status')}
          clearable
          placeholder={t('review.inbox.anyStatus')}
          data={present.map((s) => ({ value: s, label: t(`assessments.status.${s}`) }))}
          value={status}
          onChange={(s) => setParams(s ? { status: s } : {})}
          maw={360}
        />
        {rows.length === 0 && <Text c="dimmed">{t('review.inbox.empty')}</Text>}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {rows.map((r) => (
            <Card key={r.assessmentId} withBorder radius="md" component="article" aria-label={r.unitName}>
              <Stack gap={4}>
                <Text fw={700}>{r.unitName}</Text>
                <Text size="sm" c="dimmed">
                  {r.periodName} · {r.year}
                </Text>
                <Group gap={4}>
                  <Badge variant="light" style={{ textTransform: 'none' }}>
                    {t(`assessments.status.${r.status}`)}
                  </Badge>
                  <Badge variant="outline" style={{ textTransform: 'none' }}>
                    {t('ws.target', { target: r.target })}
                  </Badge>
                  {(r.status === 'tpi_review' || r.status === 'resubmitted') && (
                    <Badge variant="light" color="indigo" style={{ textTransform: 'none' }}>
                      {t('review.inbox.stage', {
                        stage: t(`review.position.${r.tpiStage.id}`, { defaultValue: r.tpiStage.id }),
                      })}
                    </Badge>
                  )}
                  <Badge variant="filled" color={r.as === 'tpn' ? 'grape' : 'indigo'}>
                    {t(`review.level.${r.as}`)}
                  </Badge>
                </Group>
                <Anchor component={Link} to={`/review/${r.assessmentId}`} size="sm">
                  {t('review.inbox.open', { unit: r.unitName })}
                </Anchor>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>
    </>
  );
}
