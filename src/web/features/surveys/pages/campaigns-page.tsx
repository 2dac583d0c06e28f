import { Button, Card, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { formatDate } from '../../../lib/format.ts';
import { canOnUnit } from '../../../lib/permissions.ts';
import { useMe } from '../../../lib/session.ts';
import { useUnitsQuery } from '../../../lib/units.ts';
import { surveyKeys, surveysApi, type CampaignView } from '../api.ts';
import { CampaignForm } from '../components/campaign-form.tsx';
import { KindBadge, SampleBar, StatusActions, StatusBadge } from '../components/campaign-status.tsx';

/** The live count against the target per service (from the results, refreshed while the page is open). */
function ServiceCounts({ campaign }: { campaign: CampaignView }) {
  const { t } = useTranslation();
  const results = useQuery({
    queryKey: surveyKeys.results(campaign.id),
    queryFn: () => surveysApi.results(campaign.id),
    enabled: campaign.status !== 'draft',
    refetchInterval: campaign.status === 'open' ? 15_000 : false,
  });
  return (
    <Stack gap={6}>
      <SampleBar
        label={t('surveys.total')}
        achieved={results.data?.sample.achieved ?? campaign.responseCount}
        target={results.data?.sample.target ?? campaign.targetSample}
      />
      {results.data?.services.map((s) => (
        <SampleBar key={s.code} label={s.name} achieved={s.progress.achieved} target={s.progress.target} />
      ))}
    </Stack>
  );
}

/** A unit's survey campaigns (SKM, IPAK, IPKP): status, dates, counts; create, edit, open and close. */
export function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const units = useUnitsQuery();
  const [params, setParams] = useSearchParams();
  const readable = (units.data ?? []).filter((u) => u.active && canOnUnit(me, 'survey.read', u.path));
  const unitId = params.get('unit') ?? (readable.length === 1 ? (readable[0]?.id ?? null) : null);
  const unit = readable.find((u) => u.id === unitId);
  const list = useQuery({
    queryKey: surveyKeys.campaigns(unitId),
    queryFn: () => surveysApi.campaigns(unitId ?? ''),
    enabled: Boolean(unitId),
  });
  const [editing, setEditing] = useState<CampaignView | 'new' | null>(null);

  if (units.isPending) return <Loading />;
  if (units.isError) return <ErrorAlert error={units.error} />;
  const canManage = unit ? canOnUnit(me, 'survey.manage', unit.path) : false;

  return (
    <>
      <PageHeader
        title={t('surveys.title')}
        description={t('surveys.description')}
        actions={canManage && <Button onClick={() => setEditing('new')}>{t('surveys.new')}</Button>}
      />
      <Stack>
        <UnitSelect
          label={t('surveys.unit')}
          units={readable}
          value={unitId}
          onChange={(id) => setParams(id ? { unit: id } : {})}
        />
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data?.length === 0 && <Text c="dimmed">{t('surveys.empty')}</Text>}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {(list.data ?? []).map((c) => (
            <Card key={c.id} withBorder radius="md" component="article" aria-label={c.periodLabel}>
              <Stack gap="xs">
                <Group justify="space-between" align="flex-start">
                  <Stack gap={2}>
                    <Text fw={700}>{c.periodLabel}</Text>
                    <Group gap={4}>
                      <KindBadge kind={c.kind} />
                      <StatusBadge status={c.status} />
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('surveys.dates', {
                        from: formatDate(c.startsOn, i18n.language),
                        to: formatDate(c.endsOn, i18n.language),
                      })}
                    </Text>
                  </Stack>
                  <Group gap={4}>
                    <Button
                      component={Link}
                      to={`/surveys/${c.id}`}
                      size="compact-sm"
                      aria-label={t('surveys.detailNamed', { name: c.periodLabel })}
                    >
                      {t('surveys.detail')}
                    </Button>
                    {canManage && c.status === 'draft' && (
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => setEditing(c)}
                        aria-label={t('surveys.editNamed', { name: c.periodLabel })}
                      >
                        {t('surveys.edit')}
                      </Button>
                    )}
                  </Group>
                </Group>
                <ServiceCounts campaign={c} />
                <StatusActions campaign={c} canManage={canManage} />
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('surveys.new') : t('surveys.edit')}
        size="lg"
        fullScreen={typeof window !== 'undefined' && window.innerWidth < 600}
      >
        {editing !== null && unitId && (
          <CampaignForm
            unitId={unitId}
            campaign={editing === 'new' ? undefined : editing}
            onCancel={() => setEditing(null)}
            onDone={async (c) => {
              setEditing(null);
              await client.invalidateQueries({ queryKey: ['survey-campaigns'] });
              if (editing === 'new') void navigate(`/surveys/${c.id}`);
            }}
          />
        )}
      </Modal>
    </>
  );
}
