import { ActionIcon, Badge, Button, Group, Stack, Table, Text, Textarea, Tooltip } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { plansApi, type Activity, type Plan } from '../api.ts';
import { PlanStatusBadge, ProgressCell } from './status-badge.tsx';

export type PanelAction =
  | { kind: 'new'; plan: Plan }
  | { kind: 'edit'; plan: Plan; activity: Activity }
  | { kind: 'realise'; plan: Plan; activity: Activity }
  | { kind: 'comments'; plan: Plan; activity: Activity };

type Props = {
  unitId: string;
  year: number;
  area: number;
  plan: Plan | null;
  editable: boolean;
  onAction: (action: PanelAction) => void;
  onChanged: () => void | Promise<void>;
};

/** One area's plan: its priority targets and its activities with progress and status. */
export function AreaPanel({ unitId, year, area, plan, editable, onAction, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const [summary, setSummary] = useState(plan?.summary ?? '');
  const start = useMutation({
    mutationFn: () => plansApi.createPlan(unitId, year, area),
    onSuccess: () => onChanged(),
  });
  const saveSummary = useMutation({
    mutationFn: (p: Plan) => plansApi.updatePlan(p.id, p.version, summary),
    onSuccess: () => onChanged(),
  });
  const remove = useMutation({
    mutationFn: (a: Activity) => plansApi.deleteActivity(a.id, a.version),
    onSuccess: () => onChanged(),
  });

  if (!plan)
    return (
      <Stack py="md" gap="xs">
        <Text c="dimmed">{t('actionPlans.noPlan')}</Text>
        {editable && (
          <Group>
            <Button onClick={() => start.mutate()} loading={start.isPending}>
              {t('actionPlans.startPlan')}
            </Button>
          </Group>
        )}
        {start.isError && <ErrorAlert error={start.error} />}
      </Stack>
    );

  const n = (x: number) => formatNumber(x, i18n.language);
  return (
    <Stack py="md">
      {editable ? (
        <Stack gap={4}>
          <Textarea
            label={t('actionPlans.summary')}
            description={t('actionPlans.summaryHint')}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={5000}
          />
          <Group>
            <Button
              size="xs"
              variant="default"
              onClick={() => saveSummary.mutate(plan)}
              loading={saveSummary.isPending}
              disabled={summary === plan.summary}
            >
              {t('actionPlans.saveSummary')}
            </Button>
          </Group>
          {saveSummary.isError && <ErrorAlert error={saveSummary.error} />}
        </Stack>
      ) : (
        plan.summary && <Text style={{ whiteSpace: 'pre-wrap' }}>{plan.summary}</Text>
      )}
      <Group justify="space-between">
        <Group gap="xs">
          <Badge variant="default">
            {t('actionPlans.totals.activities', { count: plan.totals.activities })}
          </Badge>
          <Badge variant="default">
            {t('actionPlans.totals.progress', { pct: Math.round(plan.totals.progress * 100) })}
          </Badge>
          {plan.totals.counts.late > 0 && (
            <Badge color="red">{t('actionPlans.totals.late', { count: plan.totals.counts.late })}</Badge>
          )}
          {plan.totals.counts.at_risk > 0 && (
            <Badge color="yellow">
              {t('actionPlans.totals.atRisk', { count: plan.totals.counts.at_risk })}
            </Badge>
          )}
        </Group>
        {editable && (
          <Button onClick={() => onAction({ kind: 'new', plan })}>{t('actionPlans.addActivity')}</Button>
        )}
      </Group>
      {remove.isError && <ErrorAlert error={remove.error} />}
      {plan.activities.length === 0 ? (
        <Text c="dimmed">{t('actionPlans.noActivities')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs" aria-label={t('actionPlans.activitiesOf', { area })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('actionPlans.activity.title')}</Table.Th>
                <Table.Th>{t('actionPlans.activity.target')}</Table.Th>
                <Table.Th>{t('actionPlans.activity.quarters')}</Table.Th>
                <Table.Th>{t('actionPlans.realisation.perQuarter')}</Table.Th>
                <Table.Th>{t('actionPlans.progress')}</Table.Th>
                <Table.Th>{t('actionPlans.statusLabel')}</Table.Th>
                <Table.Th>{t('actionPlans.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.activities.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {a.title}
                    </Text>
                    {a.output && (
                      <Text size="xs" c="dimmed">
                        {t('actionPlans.activity.outputShort', { output: a.output })}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {[
                        a.personInChargeName &&
                          t('actionPlans.activity.personShort', { name: a.personInChargeName }),
                        a.budget !== null && t('actionPlans.activity.budgetShort', { amount: n(a.budget) }),
                        a.lkeCodes.length > 0 && `LKE ${a.lkeCodes.join(', ')}`,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {n(a.target)} {a.targetUnit}
                  </Table.Td>
                  <Table.Td>
                    {a.quarters.map((q) => t('actionPlans.quarterShort', { q })).join(', ')}
                  </Table.Td>
                  <Table.Td>
                    {a.realisations.length === 0
                      ? '–'
                      : a.realisations
                          .map(
                            (r) =>
                              `${t('actionPlans.quarterShort', { q: r.quarter })}: ${n(r.achieved)}${r.evidence.length > 0 ? ` (${r.evidence.length} 📎)` : ''}`,
                          )
                          .join(' · ')}
                  </Table.Td>
                  <Table.Td>
                    <ProgressCell activity={a} />
                  </Table.Td>
                  <Table.Td>
                    <PlanStatusBadge status={a.status.status} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {editable && (
                        <Button
                          size="compact-xs"
                          onClick={() => onAction({ kind: 'realise', plan, activity: a })}
                          aria-label={t('actionPlans.realiseNamed', { name: a.title })}
                        >
                          {t('actionPlans.realise')}
                        </Button>
                      )}
                      {editable && (
                        <Button
                          size="compact-xs"
                          variant="default"
                          onClick={() => onAction({ kind: 'edit', plan, activity: a })}
                          aria-label={t('actionPlans.editNamed', { name: a.title })}
                        >
                          {t('actionPlans.edit')}
                        </Button>
                      )}
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => onAction({ kind: 'comments', plan, activity: a })}
                        aria-label={t('actionPlans.commentsNamed', { name: a.title })}
                      >
                        {t('actionPlans.commentsCount', { count: a.commentCount })}
                      </Button>
                      {editable && a.realisations.length === 0 && (
                        <Tooltip label={t('actionPlans.delete')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('actionPlans.deleteNamed', { name: a.title })}
                            onClick={() => {
                              if (window.confirm(t('actionPlans.deleteConfirm', { name: a.title })))
                                remove.mutate(a);
                            }}
                          >
                            ×
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
