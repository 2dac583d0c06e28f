import { Anchor, Breadcrumbs, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatDate } from '../../../lib/format.ts';
import { canOnUnit } from '../../../lib/permissions.ts';
import { useMe } from '../../../lib/session.ts';
import { useUnitsQuery } from '../../../lib/units.ts';
import { surveyKeys, surveyLinks, surveysApi } from '../api.ts';
import { ApplyPanel } from '../components/apply-panel.tsx';
import { KindBadge, StatusActions, StatusBadge } from '../components/campaign-status.tsx';
import { CodesPanel } from '../components/codes-panel.tsx';
import { CustomQuestionsPanel } from '../components/custom-questions-panel.tsx';
import { PublishPanel } from '../components/publish-panel.tsx';
import { QrPanel } from '../components/qr-panel.tsx';
import { ResultsPanel } from '../components/results-panel.tsx';

/** One campaign: progress, indices, breakdowns, links and QR codes, one-time codes, CSV, apply to the LKE. */
export function CampaignPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const units = useUnitsQuery();
  const campaign = useQuery({ queryKey: surveyKeys.campaign(id), queryFn: () => surveysApi.campaign(id) });
  const open = campaign.data?.status === 'open';
  const results = useQuery({
    queryKey: surveyKeys.results(id),
    queryFn: () => surveysApi.results(id),
    enabled: Boolean(campaign.data),
    refetchInterval: open ? 15_000 : false,
  });
  if (campaign.isPending) return <Loading />;
  if (campaign.isError) return <ErrorAlert error={campaign.error} />;
  const c = campaign.data;
  const unit = units.data?.find((u) => u.id === c.unitId);
  const canManage = me.isSystemAdmin || (unit ? canOnUnit(me, 'survey.manage', unit.path) : false);
  const canAnswer = me.isSystemAdmin || (unit ? canOnUnit(me, 'assessment.answer', unit.path) : false);

  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('surveys.breadcrumb')}>
        <Anchor component={Link} to={`/surveys?unit=${c.unitId}`} size="sm">
          {t('surveys.title')}
        </Anchor>
        <Text size="sm">{c.periodLabel}</Text>
      </Breadcrumbs>
      <PageHeader
        title={c.periodLabel}
        description={t('surveys.dates', {
          from: formatDate(c.startsOn, i18n.language),
          to: formatDate(c.endsOn, i18n.language),
        })}
        actions={
          <Group gap="xs">
            <Button component="a" href={surveyLinks.csv(c.id)} download variant="default" size="compact-sm">
              {t('surveys.csv')}
            </Button>
            <Button component="a" href={surveyLinks.xlsx(c.id)} download variant="default" size="compact-sm">
              {t('surveys.xlsx')}
            </Button>
            <Button
              component="a"
              href={surveyLinks.reportPdf(c.id)}
              download
              variant="default"
              size="compact-sm"
            >
              {t('surveys.reportPdf')}
            </Button>
            <StatusActions campaign={c} canManage={canManage} />
          </Group>
        }
      />
      <Group gap={4} mb="md">
        <KindBadge kind={c.kind} />
        <StatusBadge status={c.status} />
        {unit && (
          <Text size="sm" c="dimmed">
            {unit.name}
          </Text>
        )}
      </Group>
      <Stack>
        {results.isError && <ErrorAlert error={results.error} />}
        {results.isPending && <Loading />}
        {results.data && <ResultsPanel results={results.data} />}
        {results.data && c.kind !== 'skm' && canAnswer && <ApplyPanel campaign={c} results={results.data} />}
        {unit && <PublishPanel campaign={c} unit={unit} canManage={canManage} />}
        <CustomQuestionsPanel key={c.version} campaign={c} canManage={canManage} />
        <QrPanel campaign={c} />
        {canManage && <CodesPanel campaign={c} />}
      </Stack>
    </>
  );
}
