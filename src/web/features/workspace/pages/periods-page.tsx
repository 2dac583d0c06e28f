import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from '../../../../contracts/periods.ts';
import { ConflictPanel } from '../../../components/conflict-panel.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { canOnUnit, canSomewhere } from '../../../lib/permissions.ts';
import { useMe } from '../../../lib/session.ts';
import { useUnitsQuery } from '../../../lib/units.ts';
import { keys, usePeriods, workspaceApi } from '../api.ts';
import { PeriodForm, valuesOf, type PeriodValues } from '../components/period-form.tsx';

const orNull = (s: string) => (s ? s : null);

/** Agency admins set each year's period: its windows and the rules a submission must pass. */
export function PeriodsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const periods = usePeriods();
  const units = useUnitsQuery();
  const [editing, setEditing] = useState<{ period: Period | null } | null>(null);
  const [conflict, setConflict] = useState<{ mine: PeriodValues; current: Period } | null>(null);
  const manage = canSomewhere(me, 'period.manage');
  const agencies = (units.data ?? []).filter(
    (u) => u.parentId === null && canOnUnit(me, 'period.manage', u.path),
  );

  const save = useMutation({
    mutationFn: async ({
      values,
      period,
      version,
    }: {
      values: PeriodValues;
      period: Period | null;
      version?: number;
    }) => {
      const windows = {
        name: values.name,
        fillFrom: values.fillFrom,
        fillUntil: values.fillUntil,
        reviewFrom: orNull(values.reviewFrom),
        reviewUntil: orNull(values.reviewUntil),
        revisionFrom: orNull(values.revisionFrom),
        revisionUntil: orNull(values.revisionUntil),
        requireAllAnswered: values.requireAllAnswered,
        requireExplanation: values.requireExplanation,
        requireEvidence: values.requireEvidence,
      };
      return period
        ? workspaceApi.updatePeriod(period.id, { version: version ?? period.version, ...windows })
        : workspaceApi.createPeriod({
            agencyId: values.agencyId ?? '',
            year: values.year,
            templateId: values.templateId,
            ...windows,
          });
    },
    onSuccess: async () => {
      setEditing(null);
      setConflict(null);
      notifications.show({ color: 'lagoon', message: t('periods.saved') });
      await client.invalidateQueries({ queryKey: keys.periods });
    },
    onError: (error, vars) => {
      const current = isApiError(error, 'STALE_WRITE')
        ? (error.details as { current?: Period } | undefined)?.current
        : undefined;
      if (current) setConflict({ mine: vars.values, current });
    },
  });

  if (periods.isPending) return <Loading />;
  if (periods.isError) return <ErrorAlert error={periods.error} />;
  const list = [...periods.data].sort((a, b) => b.year - a.year);
  const agencyName = (id: string) => units.data?.find((u) => u.id === id)?.name ?? '';
  const window = (from: string | null, until: string | null) =>
    from && until ? `${formatDate(from, i18n.language)} – ${formatDate(until, i18n.language)}` : '—';
  const close = () => {
    setEditing(null);
    setConflict(null);
    save.reset();
  };

  return (
    <>
      <PageHeader
        title={t('periods.title')}
        description={t('periods.description')}
        actions={
          manage && <Button onClick={() => setEditing({ period: null })}>{t('periods.create')}</Button>
        }
      />
      {list.length === 0 && <Text c="dimmed">{t('periods.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {list.map((p) => (
          <Card key={p.id} withBorder radius="md">
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Text fw={700}>
                  {p.year} · {p.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {agencyName(p.agencyId)} · {p.templateId} v{p.templateVersion}
                </Text>
              </Stack>
              {manage && (
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => setEditing({ period: p })}
                  aria-label={t('periods.editNamed', { name: p.name })}
                >
                  {t('periods.edit')}
                </Button>
              )}
            </Group>
            <Stack gap={2} mt="xs">
              <Text size="sm">
                {t('periods.fill')}: {window(p.fillFrom, p.fillUntil)}
              </Text>
              <Text size="sm">
                {t('periods.review')}: {window(p.reviewFrom, p.reviewUntil)}
              </Text>
              <Text size="sm">
                {t('periods.revision')}: {window(p.revisionFrom, p.revisionUntil)}
              </Text>
            </Stack>
            <Group gap={4} mt="xs">
              {(['requireAllAnswered', 'requireExplanation', 'requireEvidence'] as const).map((k) => (
                <Badge
                  key={k}
                  variant="light"
                  color={p[k] ? 'lagoon' : 'gray'}
                  style={{ textTransform: 'none' }}
                >
                  {t(`periods.rules.${k}`)}: {p[k] ? t('common.yes') : t('common.no')}
                </Badge>
              ))}
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      <Modal
        opened={editing !== null}
        onClose={close}
        title={editing?.period ? t('periods.edit') : t('periods.create')}
        size="lg"
      >
        {conflict ? (
          <ConflictPanel
            busy={save.isPending}
            fields={(
              [
                'name',
                'fillFrom',
                'fillUntil',
                'reviewFrom',
                'reviewUntil',
                'revisionFrom',
                'revisionUntil',
              ] as const
            ).map((k) => ({
              label: t(`periods.fields.${k}`),
              mine: String(conflict.mine[k] ?? ''),
              current: String(conflict.current[k] ?? ''),
            }))}
            onReload={() => {
              close();
              void client.invalidateQueries({ queryKey: keys.periods });
            }}
            onOverwrite={() =>
              save.mutate({
                values: conflict.mine,
                period: conflict.current,
                version: conflict.current.version,
              })
            }
          />
        ) : (
          editing && (
            <PeriodForm
              initial={valuesOf(editing.period, new Date().getFullYear())}
              creating={editing.period === null}
              agencies={agencies}
              busy={save.isPending}
              error={save.error && !isApiError(save.error, 'STALE_WRITE') ? save.error : null}
              onSubmit={(values) => save.mutate({ values, period: editing.period })}
              onCancel={close}
            />
          )
        )}
      </Modal>
    </>
  );
}
