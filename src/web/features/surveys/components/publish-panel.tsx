import { Alert, Anchor, Badge, Button, Card, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDate } from '../../../lib/format.ts';
import { surveyKeys, surveyLinks, surveysApi, type CampaignView } from '../api.ts';

type Props = { campaign: CampaignView; unit: { id: string; code: string; name: string }; canManage: boolean };

/**
 * The unit's public results page (PermenPANRB 14/2017: the SKM result is published): publish or withdraw
 * this campaign once closed, and the page's link and QR code to print or share.
 */
export function PublishPanel({ campaign: c, unit, canManage }: Props) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const change = useMutation({
    mutationFn: () =>
      c.published ? surveysApi.unpublish(c.id, c.version) : surveysApi.publish(c.id, c.version),
    onSuccess: async (updated) => {
      client.setQueryData(surveyKeys.campaign(updated.id), updated);
      await client.invalidateQueries({ queryKey: ['survey-campaigns'] });
    },
  });
  const link = surveyLinks.publicResults(unit.code);
  return (
    <Card withBorder radius="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('surveys.publish.title')}
        </Title>
        <Badge color={c.published ? 'teal' : 'gray'} variant="light">
          {c.published ? t('surveys.publish.published') : t('surveys.publish.notPublished')}
        </Badge>
      </Group>
      <Stack gap="xs">
        <Text size="sm">{t('surveys.publish.help')}</Text>
        {c.published && c.publishedAt && (
          <Text size="sm" c="dimmed">
            {t('surveys.publish.since', { date: formatDate(c.publishedAt, i18n.language) })}
          </Text>
        )}
        {c.status !== 'closed' && (
          <Alert color="gray" variant="light">
            {t('surveys.publish.closeFirst')}
          </Alert>
        )}
        {canManage && c.status === 'closed' && (
          <Group>
            <Button
              size="compact-sm"
              color={c.published ? 'red' : 'teal'}
              variant={c.published ? 'light' : 'filled'}
              loading={change.isPending}
              onClick={() => change.mutate()}
            >
              {c.published ? t('surveys.publish.unpublish') : t('surveys.publish.publish')}
            </Button>
          </Group>
        )}
        {change.isError && <ErrorAlert error={change.error} />}
        <Group align="flex-start" gap="md">
          <img
            src={surveyLinks.resultsQrSvg(unit.id)}
            alt={t('surveys.publish.qrAlt', { unit: unit.name })}
            width={140}
            height={140}
            style={{ background: 'white' }}
          />
          <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
            <Anchor href={link} target="_blank" rel="noopener" size="sm" style={{ wordBreak: 'break-all' }}>
              {link}
            </Anchor>
            <Group gap={6}>
              <CopyButton value={link}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="light" onClick={copy}>
                    {copied ? t('surveys.copied') : t('surveys.publish.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button
                size="compact-xs"
                variant="default"
                component="a"
                href={surveyLinks.resultsQrSvg(unit.id)}
                download
                aria-label={t('surveys.publish.qrDownload')}
              >
                SVG
              </Button>
            </Group>
          </Stack>
        </Group>
      </Stack>
    </Card>
  );
}
