import { Badge, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmStep } from '../../../components/confirm-step.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { surveyKeys, surveysApi, type CampaignView } from '../api.ts';

export function StatusBadge({ status }: { status: CampaignView['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={status === 'open' ? 'teal' : status === 'closed' ? 'gray' : 'yellow'}
      style={{ textTransform: 'none' }}
    >
      {t(`surveys.status.${status}`)}
    </Badge>
  );
}

export function KindBadge({ kind }: { kind: CampaignView['kind'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" style={{ textTransform: 'none' }}>
      {t(`surveys.kindShort.${kind}`)}
    </Badge>
  );
}

/** "achieved / target" with a bar; labelled for screen readers. */
export function SampleBar({ label, achieved, target }: { label: string; achieved: number; target: number }) {
  const { t } = useTranslation();
  const pct = target > 0 ? Math.min(100, (achieved / target) * 100) : 0;
  return (
    <Stack gap={2}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{label}</Text>
        <Text size="sm" fw={700}>
          {t('surveys.achievedOfTarget', { achieved, target })}
        </Text>
      </Group>
      <Progress
        value={pct}
        size="md"
        color={achieved >= target ? 'teal' : 'blue'}
        aria-label={t('surveys.progressOf', { label, achieved, target })}
      />
    </Stack>
  );
}

/** Open a draft / close an open campaign (closing is final: asks first). */
export function StatusActions({ campaign, canManage }: { campaign: CampaignView; canManage: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [closing, setClosing] = useState(false);
  const change = useMutation({
    mutationFn: (verb: 'open' | 'close') =>
      verb === 'open'
        ? surveysApi.open(campaign.id, campaign.version)
        : surveysApi.close(campaign.id, campaign.version),
    onSuccess: async (c) => {
      client.setQueryData(surveyKeys.campaign(c.id), c);
      await client.invalidateQueries({ queryKey: ['survey-campaigns'] });
      await client.invalidateQueries({ queryKey: surveyKeys.results(c.id) });
    },
  });
  if (!canManage || campaign.status === 'closed') return null;
  return (
    <Stack gap={4} align="flex-start">
      {campaign.status === 'draft' ? (
        <Button
          size="compact-sm"
          color="teal"
          loading={change.isPending}
          onClick={() => change.mutate('open')}
          aria-label={t('surveys.openNamed', { name: campaign.periodLabel })}
        >
          {t('surveys.open')}
        </Button>
      ) : (
        <Button
          size="compact-sm"
          color="red"
          variant="light"
          loading={change.isPending}
          onClick={() => {
            change.reset();
            setClosing(true);
          }}
          aria-label={t('surveys.closeNamed', { name: campaign.periodLabel })}
        >
          {t('surveys.close')}
        </Button>
      )}
      {change.isError && !closing && <ErrorAlert error={change.error} />}
      <ConfirmStep
        opened={closing}
        onClose={() => setClosing(false)}
        onConfirm={() => change.mutate('close', { onSuccess: () => setClosing(false) })}
        title={t('surveys.confirmClose.title', { name: campaign.periodLabel })}
        happens={[
          t('surveys.confirmClose.form'),
          t('surveys.confirmClose.results'),
          t('surveys.confirmClose.final'),
        ]}
        told={t('surveys.confirmClose.told')}
        confirmLabel={t('surveys.close')}
        color="red"
        loading={change.isPending}
        error={change.error}
      />
    </Stack>
  );
}
