import { Badge, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../api.ts';

const COLORS = { on_track: 'blue', at_risk: 'yellow', late: 'red', done: 'green' } as const;

/** An activity's status in words and colour (never colour alone). */
export function PlanStatusBadge({ status }: { status: Activity['status']['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`actionPlans.status.${status}`)}
    </Badge>
  );
}

/** Progress against the target with the share expected by now. */
export function ProgressCell({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const pct = Math.round(activity.status.progress * 100);
  return (
    <Group gap={6} wrap="nowrap">
      <Progress
        value={pct}
        w={80}
        color={COLORS[activity.status.status]}
        aria-label={t('actionPlans.progressOf', {
          pct,
          expected: Math.round(activity.status.expected * 100),
        })}
      />
      <Text size="xs">{pct} %</Text>
    </Group>
  );
}
